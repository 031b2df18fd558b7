import MonaziteService
import ArgumentParser
import Foundation
import MonaziteCore
import MonazitePolicy
import MonazitePolicyFile
import MonaziteStore

extension StoreOptions {
    /// Opens the store (SQLite or PostgreSQL) for policy data; a missing SQLite file is an error
    /// that says how to make one.
    func openPolicyStore() async throws -> any PolicyStore {
        try await StoreLocation(storePath).open(create: false)
    }

    /// The bundled timeline plus the events imported into the store (when there is a store).
    func policyTimeline() async throws -> (events: [PolicyEvent], notes: [String]) {
        let bundled: [PolicyEvent]
        do {
            bundled = try BundledPolicyTimeline.load()
        } catch {
            throw CLIError("the bundled policy timeline is invalid: \(error)")
        }
        let location = try StoreLocation(storePath)
        if case .sqlite(let path) = location, !FileManager.default.fileExists(atPath: path) {
            return (bundled, ["no store at \(path): bundled timeline only (\(bundled.count) events)"])
        }
        let store: any PolicyStore = try await location.open(create: false)
        let imported = try await store.policyEvents()
        return (bundled + imported, ["\(bundled.count) bundled events, \(imported.count) imported"])
    }
}

/// Parsing of policy options, each failure a one-line message naming the option.
enum PolicyArguments {
    static func day(_ text: String?, option: String) throws -> CalendarDay {
        guard let text else { return today() }
        guard let d = CalendarDay(parsing: text) else { throw ValidationError("\(option): \"\(text)\" is not a date (YYYY-MM-DD)") }
        return d
    }

    static func optionalDay(_ text: String?, option: String) throws -> CalendarDay? {
        guard let text else { return nil }
        return try day(text, option: option)
    }

    static func today() -> CalendarDay { .todayUTC() }

    static func element(_ text: String?) throws -> RareEarthElement? {
        guard let text else { return nil }
        guard let e = RareEarthElement(parsing: text) else {
            throw ValidationError("--element: \"\(text)\" is not a rare earth (a symbol such as Dy or a name such as dysprosium)")
        }
        return e
    }

    static func commodity(_ text: String?) throws -> String? {
        guard let text else { return nil }
        guard let code = CommodityMapping.normalise(text) else {
            throw ValidationError("--commodity: \"\(text)\" is not an HS code or prefix (such as 8505.11 or 2846)")
        }
        return code
    }

    static func destination(_ text: String?, option: String = "--destination") throws -> CountryCode? {
        guard let text else { return nil }
        guard let c = CountryCatalog.resolve(text), c.isCountry else {
            throw ValidationError("\(option): \"\(text)\" is not a country (an ISO 3166-1 alpha-3 code such as USA)")
        }
        return c
    }

    static func kind(_ text: String?) throws -> PolicyKind? {
        guard let text else { return nil }
        guard let k = PolicyKind(parsing: text) else {
            throw ValidationError("--kind: \"\(text)\" is not one of \(PolicyKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return k
    }

    /// Reads a file as UTF-8 text; a missing or unreadable file is a one-line error.
    static func readText(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError("\(path): cannot read the file") }
        guard let text = String(data: data, encoding: .utf8) else { throw CLIError("\(path): not UTF-8 text") }
        return text
    }

    /// Codable values as JSONSerialization objects, for ``Table`` (snake_case keys as encoded).
    static func jsonObject(_ value: some Encodable) throws -> Any {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try JSONSerialization.jsonObject(with: try encoder.encode(value), options: [.fragmentsAllowed])
    }
}
