/// A query the service cannot answer, classified so that each interface can answer in its own
/// terms: the CLI prints one line, the HTTP API a 4xx status with the same message.
public struct ServiceError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// A parameter is malformed or out of range (HTTP 400).
        case invalidParameter = "invalid_parameter"
        /// The query is well formed but the store holds nothing for it (HTTP 404).
        case notFound = "not_found"
        /// The query asks for more than the guardrails allow (HTTP 400, code `too_large`).
        case tooLarge = "too_large"
    }

    public let kind: Kind
    /// The parameter at fault, when there is one (`reporter`, `--from`).
    public let parameter: String?
    public let message: String

    public init(_ kind: Kind, parameter: String? = nil, _ message: String) {
        self.kind = kind
        self.parameter = parameter
        self.message = message
    }

    public var description: String { message }

    static func invalid(_ parameter: String, _ message: String) -> ServiceError {
        ServiceError(.invalidParameter, parameter: parameter, "\(parameter): \(message)")
    }
}
