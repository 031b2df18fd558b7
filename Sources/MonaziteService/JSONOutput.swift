public import Foundation

/// A value that is written as JSON `null` when absent, so that every key of an answer is always
/// present (PRODUCT.md section 4: a number that is not available is `null`, with a reason in
/// `notes`). Swift's synthesized `Encodable` leaves absent optionals out instead.
@propertyWrapper
public struct NullWhenAbsent<Value: Codable & Sendable & Hashable>: Codable, Sendable, Hashable {
    public var wrappedValue: Value?

    public init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        wrappedValue = c.decodeNil() ? nil : try c.decode(Value.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        if let wrappedValue { try c.encode(wrappedValue) } else { try c.encodeNil() }
    }
}

/// How every typed answer becomes JSON: sorted keys, slashes unescaped, pretty when asked.
public enum JSONOutput {
    public static func data(_ value: some Encodable, pretty: Bool = true) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        // Typed answers hold finite numbers only (unavailable ones are nil), so encoding cannot fail
        // on a value; a failure would be a programming error, shown as `null` rather than a crash.
        return (try? encoder.encode(value)) ?? Data("null".utf8)
    }

    /// The answer as JSON, or the encoder's error (for callers that can answer a failure, such as
    /// the server's 500).
    public static func encoded(_ value: some Encodable, pretty: Bool = true) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    /// Rounds a figure for output so that JSON is stable and readable (6 decimals by default).
    public static func rounded(_ v: Double?, places: Double = 1e6) -> Double? {
        guard let v, v.isFinite else { return nil }
        return (v * places).rounded() / places
    }
}
