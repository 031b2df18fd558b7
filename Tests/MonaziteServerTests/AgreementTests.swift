import Foundation
import Hummingbird
import HummingbirdTesting
import MonaziteCore
import MonaziteServer
import MonaziteService
import MonaziteStore
import Testing

/// For every query that more than one interface offers, the CLI's JSON (the real `monazite`
/// binary, run as a user would), the API's JSON and the dashboard's CSV carry the same figures,
/// notes and sources.
@Suite(.serialized) struct AgreementTests {
    /// The `monazite` executable built beside this test bundle (`swift build --build-tests` builds it).
    static func binary() throws -> URL {
        let tests = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).standardizedFileURL
        var dir = tests.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("monazite")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        throw CLIMissing()
    }

    struct CLIMissing: Error, CustomStringConvertible {
        var description: String { "the monazite executable is not built beside the tests (run `swift build --build-tests`)" }
    }

    /// Runs the CLI on the store and returns its standard output, parsed as JSON.
    static func cli(_ arguments: [String], store: String) throws -> Any {
        try JSONSerialization.jsonObject(with: try cliData(arguments, store: store), options: [.fragmentsAllowed])
    }

    /// The CLI's standard output (Sendable, to hand into the server's test closure).
    static func cliData(_ arguments: [String], store: String) throws -> Data {
        let process = Process()
        process.executableURL = try binary()
        process.arguments = arguments + ["--store", store, "--format", "json"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "monazite \(arguments.joined(separator: " ")) failed")
        return data
    }

    /// Rows of a CSV with a header, as dictionaries (RFC 4180 quoting).
    static func csvRows(_ text: String) -> [[String: String]] {
        var records: [[String]] = []
        var field = ""
        var record: [String] = []
        var quoted = false
        var chars = Array(text)
        if chars.last != "\n" && chars.last != "\r\n" { chars.append("\n") }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count && chars[i + 1] == "\"" {
                        field.append("\"")
                        i += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                record.append(field)
                field = ""
            } else if c == "\n" || c == "\r\n" {  // a CRLF is one Character in Swift
                record.append(field)
                records.append(record)
                record = []
                field = ""
            } else if c != "\r" {
                field.append(c)
            }
            i += 1
        }
        guard let header = records.first else { return [] }
        return records.dropFirst().map { r in Dictionary(uniqueKeysWithValues: zip(header, r).map { ($0, $1) }) }
    }

    static func number(_ v: Any?) -> Double? { (v as? NSNumber)?.doubleValue }

    @Test func tradeSeriesAgreesAcrossCLIAPIAndDashboard() async throws {
        let h = try await ServerHarness.bundled()
        let store = h.store.location
        let cliData = try Self.cliData(["trade", "--from", "2025-01", "--to", "2026-03"], store: store)
        let mount = DashboardMount.make(store: h.store, events: [], cacheSeconds: 0)
        try await h.application(dashboard: mount.pages).test(.router) { client in
            let cli = try #require(try JSONSerialization.jsonObject(with: cliData) as? [[String: Any]])
            let api = try await client.execute(uri: "/api/v1/trade?from=2025-01&to=2026-03&limit=5000", method: .get) { response in
                try #require(try response.json() as? [[String: Any]])
            }
            // CLI JSON and API JSON are the same typed rows: same figures, notes and sources.
            #expect(cli.count == api.count && cli.count == 15)
            for (a, b) in zip(cli, api) {
                #expect(NSDictionary(dictionary: a) == NSDictionary(dictionary: b), "\(a["period"] ?? "?")")
            }
            let csv = try await client.execute(uri: "/trade/8505.11/CHN?from=2025-01&to=2026-03&format=csv", method: .get) { response in
                return Self.csvRows(response.text)
            }
            #expect(csv.count == cli.count)
            for (row, object) in zip(csv, cli) {
                let period = try #require(object["period"] as? String)
                #expect(row["period"] == period)
                #expect(row["quantity_t"].flatMap(Double.init) == Self.number(object["quantity_t"]), "\(period) quantity")
                #expect(row["mom_pct"].flatMap(Double.init) == Self.number(object["mom_pct"]), "\(period) mom")
                #expect(row["yoy_pct"].flatMap(Double.init) == Self.number(object["yoy_pct"]), "\(period) yoy")
                let sources = object["sources"] as? [[String: Any]] ?? []
                #expect(row["source"] ?? "" == (sources.first?["source"] as? String ?? ""), "\(period) source")
                #expect(row["release"] ?? "" == (sources.first?["release"] as? String ?? ""), "\(period) release")
            }
        }
    }

    @Test func partnersRelianceSeriesAndSourcesAgreeAcrossCLIAndAPI() async throws {
        let h = try await ServerHarness.bundled()
        let store = h.store.location
        let pairs: [([String], String)] = [
            (["partners", "--period", "2025-09"], "/api/v1/partners?period=2025-09"),
            (["summary", "2025-06"], "/api/v1/trade/summary?period=2025-06"),
            (["summary"], "/api/v1/trade/summary"),
            (["summary", "--as-of", "2025-08-01"], "/api/v1/trade/summary?as_of=2025-08-01"),
            (["reliance"], "/api/v1/reliance"),
            (["controls", "--on", "2026-11-30", "--commodity", "8505.11", "--destination", "DEU"],
             "/api/v1/policy/controls?on=2026-11-30&commodity=8505.11&destination=DEU"),
        ]
        try await h.application().test(.router) { client in
            for (arguments, uri) in pairs {
                let cli = try #require(try JSONSerialization.jsonObject(with: try Self.cliData(arguments, store: store)) as? [String: Any])
                let api = try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri): \(response.text)")
                    return try #require(try response.json() as? [String: Any])
                }
                // The same typed answer: every figure, note and source equal. (The CLI adds a note
                // on how many events were read; the measures themselves must agree.)
                if arguments[0] == "controls" {
                    #expect(NSArray(array: cli["measures"] as? [Any] ?? []) == NSArray(array: api["measures"] as? [Any] ?? []))
                } else {
                    #expect(NSDictionary(dictionary: cli) == NSDictionary(dictionary: api), "\(arguments.joined(separator: " "))")
                }
            }
            // List answers: the API pages them; the items are the CLI's.
            let cliSeries = try #require(try JSONSerialization.jsonObject(with: try Self.cliData(["series"], store: store)) as? [String: Any])
            let apiSeries = try await client.execute(uri: "/api/v1/series?limit=5000", method: .get) { response in
                try #require(try response.object()["data"] as? [Any])
            }
            #expect(NSArray(array: cliSeries["series"] as? [Any] ?? []) == NSArray(array: apiSeries))
            let cliSources = try #require(try JSONSerialization.jsonObject(with: try Self.cliData(["sources"], store: store)) as? [String: Any])
            let apiSources = try await client.execute(uri: "/api/v1/sources?limit=5000", method: .get) { response in
                try #require(try response.object()["data"] as? [Any])
            }
            #expect(NSArray(array: cliSources["sources"] as? [Any] ?? []) == NSArray(array: apiSources))
        }
    }
}
