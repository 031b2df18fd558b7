import Foundation
import Hummingbird
import MonaziteCore

/// The parameters the OpenAPI document declares, enforced as declared: before a handler reads
/// its query, every value is checked against its parameter's schema (enum, pattern, length,
/// integer and number ranges, `format: date`), so the document is the contract to the letter and
/// a value it does not allow is a 400 naming the parameter, never read some other way.
struct ParameterSchema: Sendable {
    var type: String?
    var enumValues: [String]?
    var pattern: String?
    var minLength: Int?
    var maxLength: Int?
    var minimum: Double?
    var maximum: Double?
    var exclusiveMinimum: Double?
    var format: String?
    var anyOf: [ParameterSchema] = []

    init(_ raw: [String: Any], components: [String: Any]) {
        var raw = raw
        if let ref = raw["$ref"] as? String, let name = ref.split(separator: "/").last, let target = components[String(name)] as? [String: Any] {
            raw = target
        }
        type = raw["type"] as? String
        enumValues = (raw["enum"] as? [Any])?.compactMap { $0 as? String }
        pattern = raw["pattern"] as? String
        minLength = raw["minLength"] as? Int
        maxLength = raw["maxLength"] as? Int
        minimum = (raw["minimum"] as? NSNumber)?.doubleValue
        maximum = (raw["maximum"] as? NSNumber)?.doubleValue
        exclusiveMinimum = (raw["exclusiveMinimum"] as? NSNumber)?.doubleValue
        format = raw["format"] as? String
        anyOf = (raw["anyOf"] as? [[String: Any]] ?? []).map { ParameterSchema($0, components: components) }
    }

    /// Why `value` is not allowed, or nil when it is.
    func problem(_ value: String) -> String? {
        if !anyOf.isEmpty {
            return anyOf.contains { $0.problem(value) == nil } ? nil : "is in none of the forms the parameter takes"
        }
        if let minLength, value.count < minLength { return minLength == 1 ? "is empty" : "is shorter than \(minLength) characters" }
        if let maxLength, value.count > maxLength { return "is longer than \(maxLength) characters" }
        if let enumValues, !enumValues.contains(value) {
            return enumValues.count <= 20 ? "is not one of \(enumValues.joined(separator: ", "))" : "is not one of the \(enumValues.count) values the document lists"
        }
        if let pattern {
            guard let regex = CompiledPatterns.regex(pattern),
                regex.firstMatch(in: value, range: NSRange(value.startIndex..., in: value)) != nil
            else { return "is not in the form the parameter takes" }
        }
        switch type {
        case "integer":
            let digit: (Character) -> Bool = { $0.isASCII && $0.isNumber }
            guard value.allSatisfy(digit) || (value.first == "-" && value.count > 1 && value.dropFirst().allSatisfy(digit)),
                let n = Int(value)
            else { return "is not an integer" }
            if let minimum, Double(n) < minimum { return "is below \(Int(minimum))" }
            if let maximum, Double(n) > maximum { return "is above \(Int(maximum))" }
        case "number":
            guard let x = Self.number(value) else { return "is not a number" }
            if let minimum, x < minimum { return "is below \(minimum)" }
            if let exclusiveMinimum, x <= exclusiveMinimum { return "is not above \(exclusiveMinimum)" }
            if let maximum, x > maximum { return "is above \(maximum)" }
        default: break
        }
        if format == "date", CalendarDay(parsing: value) == nil || !Self.isPlainDate(value) { return "is not a date (YYYY-MM-DD)" }
        return nil
    }

    /// A JSON-style decimal number (no `inf`, `nan`, hex or surrounding spaces):
    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?`, checked byte by byte.
    static func number(_ text: String) -> Double? {
        let b = Array(text.utf8)
        var i = 0
        func digits() -> Int {
            let start = i
            while i < b.count, b[i] >= UInt8(ascii: "0"), b[i] <= UInt8(ascii: "9") { i += 1 }
            return i - start
        }
        if i < b.count, b[i] == UInt8(ascii: "-") { i += 1 }
        let first = i
        let integer = digits()
        guard integer > 0, !(integer > 1 && b[first] == UInt8(ascii: "0")) else { return nil }
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            guard digits() > 0 else { return nil }
        }
        if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { return nil }
        }
        guard i == b.count, let x = Double(text), x.isFinite else { return nil }
        return x
    }

    /// `YYYY-MM-DD`, digits only, a real day.
    static func isPlainDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        return bytes.enumerated().allSatisfy { i, b in i == 4 || i == 7 || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) }
    }
}

/// The document's patterns, compiled once at first use instead of on every request.
enum CompiledPatterns {
    // NSRegularExpression is immutable after creation and Sendable; the dictionary is never
    // mutated after it is built.
    private static let compiled: [String: NSRegularExpression] = {
        var all: [String: NSRegularExpression] = [:]
        func collect(_ schema: ParameterSchema) {
            if let p = schema.pattern, all[p] == nil, let r = try? NSRegularExpression(pattern: p) { all[p] = r }
            schema.anyOf.forEach(collect)
        }
        for op in DeclaredParameters.operations { for (_, p) in op.parameters { collect(p.schema) } }
        return all
    }()

    static func regex(_ pattern: String) -> NSRegularExpression? {
        compiled[pattern] ?? (try? NSRegularExpression(pattern: pattern))
    }
}

enum DeclaredParameters {
    struct Operation: Sendable {
        let method: String
        let segments: [String]
        let parameters: [String: (location: String, schema: ParameterSchema, description: String)]
    }

    static let operations: [Operation] = {
        guard let object = try? JSONSerialization.jsonObject(with: OpenAPIDocument.data) as? [String: Any],
            let paths = object["paths"] as? [String: Any]
        else { return [] }
        let components = (object["components"] as? [String: Any])?["schemas"] as? [String: Any] ?? [:]
        var result: [Operation] = []
        for (path, item) in paths {
            guard let operations = item as? [String: Any] else { continue }
            for (method, raw) in operations {
                guard let operation = raw as? [String: Any] else { continue }
                var parameters: [String: (location: String, schema: ParameterSchema, description: String)] = [:]
                for p in operation["parameters"] as? [[String: Any]] ?? [] {
                    guard let name = p["name"] as? String, let location = p["in"] as? String, let schema = p["schema"] as? [String: Any] else { continue }
                    parameters[name] = (location, ParameterSchema(schema, components: components), p["description"] as? String ?? "")
                }
                result.append(Operation(method: method.uppercased(), segments: path.split(separator: "/").map(String.init), parameters: parameters))
            }
        }
        return result
    }()

    static func operation(method: String, path: String) -> Operation? {
        let asked = path.split(separator: "/", omittingEmptySubsequences: true)
        return operations.first { op in
            op.method == method && op.segments.count == asked.count
                && zip(op.segments, asked).allSatisfy { declared, given in declared.hasPrefix("{") || declared == given }
        }
    }

    /// Checks one value of a declared parameter of the request's operation; a 400 naming it when the
    /// document does not allow the value.
    static func check(_ name: String, _ value: String, method: String, path: String) throws(APIError) {
        try check(name, value, in: operation(method: method, path: path))
    }

    /// The same, for an operation already looked up (once per request, not once per value).
    static func check(_ name: String, _ value: String, in operation: Operation?) throws(APIError) {
        guard let declared = operation?.parameters[name], let problem = declared.schema.problem(value) else { return }
        let shown = value.count > 60 ? String(value.prefix(60)) + "…" : value
        let help = declared.description.isEmpty ? "see /openapi.json" : declared.description
        throw APIError.badRequest("\(name): \"\(shown)\" \(problem) (\(help))", parameter: name)
    }
}
