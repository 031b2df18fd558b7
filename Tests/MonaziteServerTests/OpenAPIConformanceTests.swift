import Foundation
import Hummingbird
import HummingbirdTesting
import MonaziteServer
import Testing

/// The OpenAPI document and the server agree: every route is documented, every documented
/// operation answers with a documented status, and bodies validate against the schemas.
@Suite struct OpenAPIConformanceTests {
    var document: [String: Any] {
        get throws { try #require(try JSONSerialization.jsonObject(with: OpenAPIDocument.data) as? [String: Any]) }
    }

    @Test func everyRouteIsDocumentedAndEveryDocumentedRouteExists() async throws {
        let h = try await ServerHarness.bundled()
        let router = h.router()
        let routed = Set(router.routes.map { r in
            "\(r.method.rawValue) " + r.path.description.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
        }.map { $0.replacingOccurrences(of: "  ", with: " ") }).filter { !$0.hasSuffix(" **") && $0 != "GET " && $0 != "POST claims" && $0 != "GET claims" }
        // (Left out: the dashboard's pages, `GET **`, and its /claims page (GET and the form post): HTML, not the API.)
        let paths = try #require(try document["paths"] as? [String: [String: Any]])
        let documented = Set(paths.flatMap { path, ops in ops.keys.map { "\($0.uppercased()) \(path.dropFirst())" } })
        #expect(routed == documented, "routed only: \(routed.subtracting(documented)); documented only: \(documented.subtracting(routed))")
        let version = try document["openapi"] as? String
        #expect(version == "3.1.0")
    }

    @Test func everyDocumentedOperationAnswersADocumentedStatusWithAValidBody() async throws {
        let h = try await ServerHarness.bundled()
        let doc = try document
        let paths = try #require(doc["paths"] as? [String: [String: Any]])
        let validator = SchemaValidator(document: doc)
        let shared = Unchecked(paths)
        try await h.application().test(.router) { client in
            for (path, operations) in shared.value.sorted(by: { $0.key < $1.key }) {
                for (method, raw) in operations {
                    let operation = try #require(raw as? [String: Any])
                    let responses = try #require(operation["responses"] as? [String: Any])
                    var uri = path.replacingOccurrences(of: "{id}", with: "00000000-unknown")
                    var query: [String] = []
                    for p in operation["parameters"] as? [[String: Any]] ?? [] where p["in"] as? String == "query" {
                        if let example = p["example"], let name = p["name"] as? String { query.append("\(name)=\(example)") }
                    }
                    if !query.isEmpty { uri += "?" + query.joined(separator: "&") }
                    var body: ByteBuffer?
                    if method == "post", path == "/api/v1/simulations" { body = ByteBuffer(string: #"{"scenario": "april-2025-heavy-licensing", "runs": 4}"#) }
                    let httpMethod: HTTPRequest.Method = method == "post" ? .post : .get
                    try await client.execute(uri: uri, method: httpMethod, body: body) { response in
                        let status = String(response.status.code)
                        guard let documented = responses[status] as? [String: Any] else {
                            Issue.record("\(method) \(uri) answered \(status), not documented: \(response.text)")
                            return
                        }
                        guard let content = documented["content"] as? [String: Any], let json = content["application/json"] as? [String: Any],
                            let schema = json["schema"]
                        else { return }
                        let problems = validator.validate(try response.json(), against: schema, at: "$")
                        #expect(problems.isEmpty, "\(method) \(uri): \(problems)")
                    }
                }
            }
        }
    }

    @Test func theValidatorCatchesAWrongBody() throws {
        let validator = SchemaValidator(document: try document)
        let schema: [String: Any] = ["$ref": "#/components/schemas/TradeRow"]
        #expect(!validator.validate(["period": 2025], against: schema, at: "$").isEmpty)
        #expect(!validator.validate(["error": ["status": "x"]], against: ["$ref": "#/components/schemas/Error"], at: "$").isEmpty)
    }
}

/// Enough of JSON Schema (2020-12, as OpenAPI 3.1 uses it) for our documents: `$ref`, `type`
/// (one or a list), `required`, `properties`, `items`, `enum`, `additionalProperties: false`.
/// Hands a value to a `@Sendable` test closure; the tests only read it.
struct Unchecked<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

struct SchemaValidator: @unchecked Sendable {
    // @unchecked: the document is parsed JSON, read only.
    let document: [String: Any]

    func resolve(_ schema: Any) -> [String: Any] {
        guard var s = schema as? [String: Any] else { return [:] }
        while let ref = s["$ref"] as? String {
            var node: Any = document
            for part in ref.dropFirst(2).split(separator: "/") { node = (node as? [String: Any])?[String(part)] ?? [:] }
            s = node as? [String: Any] ?? [:]
        }
        return s
    }

    func typeName(_ value: Any) -> String {
        switch value {
        case is NSNull: return "null"
        case let n as NSNumber:
            let kind = String(cString: n.objCType)
            if kind == "c" || kind == "B" { return "boolean" }
            return kind == "d" || kind == "f" ? "number" : "integer"
        case is String: return "string"
        case is [Any]: return "array"
        case is [String: Any]: return "object"
        default: return "unknown"
        }
    }

    func validate(_ value: Any, against raw: Any, at path: String) -> [String] {
        let schema = resolve(raw)
        var problems: [String] = []
        let actual = typeName(value)
        if let t = schema["type"] {
            let allowed = (t as? [String]) ?? [(t as? String) ?? ""]
            let ok = allowed.contains(actual) || (actual == "integer" && allowed.contains("number"))
            if !ok { return ["\(path): \(actual) is not \(allowed.joined(separator: "|"))"] }
        }
        if let values = schema["enum"] as? [Any], !(value is NSNull) {
            if !values.contains(where: { "\($0)" == "\(value)" }) { problems.append("\(path): \(value) not in enum") }
        }
        if let object = value as? [String: Any] {
            for key in schema["required"] as? [String] ?? [] where object[key] == nil { problems.append("\(path): missing \(key)") }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for (key, v) in object {
                if let p = properties[key] {
                    problems += validate(v, against: p, at: "\(path).\(key)")
                } else if schema["additionalProperties"] as? Bool == false {
                    problems.append("\(path): unexpected \(key)")
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] {
            for (i, v) in array.enumerated() { problems += validate(v, against: items, at: "\(path)[\(i)]") }
        }
        return problems
    }
}
