import Foundation

/// The body of `POST /api/v1/simulations`, decoded as a typed value: `{"scenario": NAME}` or
/// `{"scenario_yaml": TEXT}`, with optional integer `runs` and `seed`. A JSON `true` is not an
/// integer, and `1` is not a boolean: the decoder decides by the JSON's own type, never by a cast.
struct SimulationSubmission: Decodable, Sendable {
    var scenario: String?
    var scenarioYAML: String?
    var runs: Int?
    var seed: Int?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case scenario, runs, seed
        case scenarioYAML = "scenario_yaml"
    }

    /// Any key, to refuse the unknown ones by name.
    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        let all = try decoder.container(keyedBy: AnyKey.self)
        let known = Set(CodingKeys.allCases.map(\.stringValue))
        if let unknown = all.allKeys.map(\.stringValue).sorted().first(where: { !known.contains($0) }) {
            throw APIError.badRequest("unknown field \"\(unknown)\"; allowed: \(known.sorted().joined(separator: ", "))", parameter: unknown)
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        scenario = try c.decodeIfPresent(String.self, forKey: .scenario)
        scenarioYAML = try c.decodeIfPresent(String.self, forKey: .scenarioYAML)
        runs = try c.decodeIfPresent(Int.self, forKey: .runs)
        seed = try c.decodeIfPresent(Int.self, forKey: .seed)
    }

    /// Decodes a body; every fault is a 400 naming the field.
    static func decode(_ data: Data) throws(APIError) -> SimulationSubmission {
        do {
            return try JSONDecoder().decode(SimulationSubmission.self, from: data)
        } catch let e as APIError {
            throw e
        } catch DecodingError.typeMismatch(let type, let context), DecodingError.valueNotFound(let type, let context) {
            let field = context.codingPath.first?.stringValue ?? "body"
            let expected = type == Int.self ? "an integer" : type == String.self ? "a string" : "\(type)"
            throw APIError.badRequest("\(field) must be \(expected)", parameter: field)
        } catch DecodingError.dataCorrupted(let context) where !context.codingPath.isEmpty {
            let field = context.codingPath.first?.stringValue ?? "body"
            throw APIError.badRequest("\(field): \(context.debugDescription)", parameter: field)
        } catch {
            throw APIError(
                .badRequest, code: "malformed_json",
                "the body must be a JSON object such as {\"scenario\": \"april-2025-heavy-licensing\", \"runs\": 200, \"seed\": 1}")
        }
    }
}
