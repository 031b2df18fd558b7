import Foundation
public import Hummingbird
import MonaziteIngest
import MonaziteService
import MonaziteStore

/// An error answered to a client, always with the same body:
/// `{"error": {"status": 400, "code": "invalid_parameter", "message": "…", "parameter": "from"}}`.
/// Client mistakes are 4xx with a message that says what to change; only a fault of the server
/// itself is a 500, and its message does not leak internals.
public struct APIError: Error, Sendable {
    public let status: HTTPResponse.Status
    public let code: String
    public let message: String
    public var parameter: String?
    /// Problems located in an uploaded file (`file:line:column: reason`).
    public var issues: [String] = []
    /// The request's id, given with server faults so that a user can quote it; details are in the log.
    public var requestID: String?
    /// Seconds to wait before trying again (sent as `Retry-After` with a 429).
    public var retryAfterSeconds: Int?

    public init(_ status: HTTPResponse.Status, code: String, _ message: String, parameter: String? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.parameter = parameter
    }

    static func badRequest(_ message: String, parameter: String? = nil) -> APIError {
        APIError(.badRequest, code: "invalid_parameter", message, parameter: parameter)
    }

    static func notFound(_ message: String) -> APIError { APIError(.notFound, code: "not_found", message) }

    var json: [String: Any] {
        var error: [String: Any] = ["status": Int(status.code), "code": code, "message": message]
        if let parameter { error["parameter"] = parameter }
        if !issues.isEmpty { error["issues"] = issues }
        if let requestID { error["request_id"] = requestID }
        return ["error": error]
    }

    func response() -> Response {
        JSONResponse.make(json, status: status)
    }

    /// The client-facing form of any error thrown while answering.
    static func from(_ error: any Error) -> APIError {
        switch error {
        case let e as APIError:
            return e
        case let e as ServiceError:
            switch e.kind {
            case .invalidParameter: return APIError(.badRequest, code: "invalid_parameter", e.message, parameter: e.parameter)
            case .tooLarge: return APIError(.badRequest, code: "too_large", e.message, parameter: e.parameter)
            case .notFound: return APIError(.notFound, code: "not_found", e.message)
            }
        case let e as ImportFailure:
            var api =
                e.conflict
                ? APIError(
                    .conflict, code: "conflict",
                    "a figure conflicts with a stored one of the same release (a revision needs a later release date); nothing was imported and the store is unchanged")
                : APIError(.unprocessableContent, code: "invalid_file", "the file was rejected; nothing was imported and the store is unchanged")
            api.issues = e.issues.map(\.description) + (e.truncated ? ["(more problems not listed; fix these first)"] : [])
            return api
        case let e as StoreError:
            switch e {
            case .conflict(let reason): return APIError(.conflict, code: "conflict", reason)
            case .invalidQuery(let reason): return APIError(.badRequest, code: "invalid_parameter", reason)
            case .cannotOpen, .unavailable: return APIError(.serviceUnavailable, code: "store_unavailable", "the store cannot be reached; try again shortly")
            case .readOnly:
                return APIError(.serviceUnavailable, code: "store_unavailable", "the store cannot be written right now (read-only); nothing was changed")
            case .diskFull:
                return APIError(
                    HTTPResponse.Status(code: 507, reasonPhrase: "Insufficient Storage"), code: "insufficient_storage",
                    "the server's disk is full; nothing was saved and the store is unchanged")
            case .fault: return APIError(.internalServerError, code: "internal_error", "the server failed to answer; the error is logged")
            }
        case let e as any HTTPResponseError:
            let code: String =
                switch e.status {
                case .contentTooLarge: "body_too_large"
                case .notFound: "not_found"
                case .methodNotAllowed: "method_not_allowed"
                default: e.status.code < 500 ? "bad_request" : "internal_error"
                }
            let message: String =
                switch e.status {
                case .contentTooLarge: "the request body is larger than the server accepts"
                case .notFound: "no such resource; /openapi.json lists the API"
                default: e.status.reasonPhrase
                }
            return APIError(e.status, code: code, message)
        default:
            return APIError(.internalServerError, code: "internal_error", "the server failed to answer; the error is logged")
        }
    }
}

/// JSON responses with the headers every API answer carries.
enum JSONResponse {
    static let contentType = "application/json; charset=utf-8"

    static func make(_ object: Any, status: HTTPResponse.Status = .ok, pretty: Bool = false) -> Response {
        var options: JSONSerialization.WritingOptions = [.sortedKeys, .withoutEscapingSlashes]
        if pretty { options.insert(.prettyPrinted) }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: options)) ?? Data("null".utf8)
        return make(data: data, status: status)
    }

    static func make(data: Data, status: HTTPResponse.Status = .ok, contentType: String = contentType) -> Response {
        Response(
            status: status, headers: [.contentType: contentType, .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
