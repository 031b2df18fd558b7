import Foundation
import MonaziteScenario

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
        // A field given as null is refused, not read as absent: the document allows no null.
        for key in CodingKeys.allCases where c.contains(key) {
            if try c.decodeNil(forKey: key) { throw APIError.badRequest("\(key.stringValue) must not be null; leave it out instead", parameter: key.stringValue) }
        }
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

extension SimulationSubmission {
    /// What the queue keeps to run the job again: the scenario's name or text, as JSON.
    var storedJSON: String {
        let object: [String: String] = scenarioYAML.map { ["scenario_yaml": $0] } ?? ["scenario": scenario ?? ""]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// The scenario file of a stored request: a bundled scenario by name, or the text sent (which
    /// may name bundled networks only, never a path on the server).
    static func scenarioFile(storedJSON: String) throws -> ScenarioFile {
        let stored = try JSONDecoder().decode([String: String].self, from: Data(storedJSON.utf8))
        if let name = stored["scenario"] { return try ScenarioLibrary.loadScenario(name) }
        guard let yaml = stored["scenario_yaml"] else { throw ScenarioFileError(file: "stored request", line: 0, reason: "no scenario") }
        return try ScenarioFile(yaml: yaml, file: "scenario_yaml") { network, location throws(ScenarioFileError) in
            guard ScenarioLibrary.bundledNetworkNames.contains(network) else {
                throw ScenarioFileError(
                    file: location.file, line: location.line,
                    reason: "network \"\(network)\" is not a bundled network (\(ScenarioLibrary.bundledNetworkNames.joined(separator: ", ")))")
            }
            return try ScenarioLibrary.loadNetwork(network)
        }
    }
}
