import Foundation
import HummingbirdTesting
import MonaziteServer
import MonaziteService
import Testing

/// `monazite projects` / `outlook` and `/api/v1/projects` / `/api/v1/outlook` give the same JSON;
/// bad files and parameters are refused with their place.
@Suite(.serialized) struct ProjectAgreementTests {
    @Test func projectsAndOutlookAgreeAcrossCLIAndAPI() async throws {
        let h = try await ServerHarness.bundled()
        let pairs: [([String], String)] = [
            (["projects"], "/api/v1/projects"),
            (["projects", "--country", "US", "--stage", "magnet"], "/api/v1/projects?country=US&stage=magnet"),
            (["outlook", "--share", "60", "--draws", "2000", "--seed", "7", "--horizon", "2033"], "/api/v1/outlook?share=60&draws=2000&seed=7&horizon=2033"),
        ]
        try await h.application().test(.router) { client in
            for (arguments, uri) in pairs {
                let cli = try PriceAgreementTests.cliJSON(arguments)
                let api = try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri): \(response.text)")
                    return try #require(try response.json() as? [String: Any])
                }
                #expect(!(cli.isEmpty))
                #expect(NSDictionary(dictionary: cli) == NSDictionary(dictionary: api), "\(arguments.joined(separator: " "))")
            }
            for uri in ["/api/v1/outlook?share=0", "/api/v1/outlook?draws=abc", "/api/v1/outlook?draws=100001", "/api/v1/outlook?horizon=2010", "/api/v1/projects?stage=warehouse"] {
                try await client.execute(uri: uri, method: .get) { response in #expect(response.status == .badRequest, "\(uri)") }
            }
        }
        // The filter keeps magnet rows of the US only.
        let magnets = try #require(try PriceAgreementTests.cliJSON(["projects", "--country", "US", "--stage", "magnet"])["projects"] as? [[String: Any]])
        #expect(!magnets.isEmpty)
        #expect(magnets.allSatisfy { ($0["country"] as? String) == "US" && (($0["stages"] as? [String])?.contains("magnet") ?? false) })
    }

    static func write(_ text: String, _ name: String, in dir: URL) throws -> String {
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    static let header =
        "project,company,location,country,stage,product,capacity_value,capacity_unit,capacity_basis,status_asof,status,status_class,start_year,investment_usd_m,public_support,notes,source,url,release,via,via_url\n"

    static let assumptions = """
        statuses:
          operating: {probability: 1, delays: {0: 1}, label: assumption, reason: r}
          commissioning: {probability: 1, delays: {0: 1}, label: assumption, reason: r}
          construction: {probability: 1, delays: {0: 0.3, 1: 0.4, 2: 0.3}, label: assumption, reason: r}
          planned: {probability: 0.5, delays: {0: 1}, label: assumption, reason: r}
          stalled: {probability: 0, delays: {0: 1}, label: assumption, reason: r}
        ramp_up: {fractions: [], label: assumption, reason: r}
        capacity_range: {use: low, label: assumption, reason: r}
        us_demand: {value: 30000, unit: t NdFeB, year: 2025, scope: s, source: s, url: "https://example.org", growth_per_year: 0, label: assumption, reason: r}

        """

    /// Hand-checked end to end: one magnet plant of 20,000 t under construction from 2027, delays
    /// 0/1/2 years at 0.3/0.4/0.3, full output at once; 50% of 30,000 t = 15,000 t: P10 2027, P50 2028, P90 2029.
    @Test func outlookOnTinyFilesGivesTheHandCheckedYears() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("monazite-outlook-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let projects = try Self.write(
            Self.header + "A,Co,Here,US,sintered NdFeB magnets,magnets,20000,t NdFeB/yr,,2026-01,building,construction,2027,,,,src,https://example.org/a,,,\n",
            "p.csv", in: dir)
        let assumptions = try Self.write(Self.assumptions, "a.yaml", in: dir)
        let r = try PriceAgreementTests.run(["outlook", "--file", projects, "--assumptions", assumptions, "--from", "2026", "--format", "json"])
        #expect(r.status == 0, "\(r.err)")
        let answer = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let coverage = try #require(answer["coverage"] as? [String: Any])
        #expect(coverage["p10"] as? Int == 2027)
        #expect(coverage["p50"] as? Int == 2028)
        #expect(coverage["p90"] as? Int == 2029)
        let magnet = try #require(answer["magnet"] as? [[String: Any]])
        // Weighted 2028: 20,000 × (0.3 + 0.4) = 14,000 t; announced 20,000 t from 2027.
        #expect(magnet.first { $0["year"] as? Int == 2028 }?["weighted_t"] as? Double == 14000)
        #expect(magnet.first { $0["year"] as? Int == 2027 }?["announced_t"] as? Double == 20000)
        #expect(magnet.first { $0["year"] as? Int == 2026 }?["announced_t"] as? Double == 0)

        // A share no draw reaches: "not within the horizon" with the fraction of draws.
        let far = try PriceAgreementTests.run(["outlook", "--file", projects, "--assumptions", assumptions, "--share", "90", "--horizon", "2030"])
        #expect(far.status == 0, "\(far.err)")
        #expect(far.out.contains("does not cover 90%") && far.out.contains("0% of 10000 draws"), "\(far.out)")
    }

    /// Bad files: the CLI names file:line:column, prints nothing and fails.
    @Test func badProjectAndAssumptionFilesAreLocated() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("monazite-outlook-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let projects = try Self.write(
            Self.header + "A,Co,Here,US,sintered NdFeB magnets,magnets,20000,t NdFeB/yr,,2026-01,building,rumoured,2027,,,,src,https://example.org/a,,,\n",
            "p.csv", in: dir)
        let r = try PriceAgreementTests.run(["projects", "--file", projects, "--format", "json"])
        #expect(r.status != 0)
        #expect(r.out.isEmpty)
        #expect(r.err.contains("p.csv:2:") && r.err.contains("status_class: \"rumoured\""), "\(r.err)")
        let assumptions = try Self.write(Self.assumptions.replacingOccurrences(of: "probability: 0.5", with: "probability: 5"), "a.yaml", in: dir)
        let a = try PriceAgreementTests.run(["outlook", "--assumptions", assumptions])
        #expect(a.status != 0)
        #expect(a.out.isEmpty)
        #expect(a.err.contains("a.yaml:5:") && a.err.contains("between 0 and 1"), "\(a.err)")
    }

    /// The bundled figures docs/projects.md quotes (10,000 draws, seed 1): 50% of US demand P10 2028,
    /// P50 2028, P90 2030; 11 of 34 rows left out; 100% reached by 2035 in about 27% of draws only.
    @Test func bundledOutlookMatchesTheDocumentedFigures() throws {
        let o = try ProjectQueries.outlook()
        #expect(o.parameters.firstYear == 2026)
        #expect(o.coverage.p10 == 2028 && o.coverage.p50 == 2028 && o.coverage.p90 == 2030)
        #expect(o.excluded.count == 11)
        #expect(o.contributions.count == 7)
        let full = try ProjectQueries.outlook(sharePct: 100)
        #expect(full.coverage.p50 == nil && full.coverage.p90 == nil)
        #expect(abs(full.coverage.withinHorizon - 0.275) < 0.01)
        #expect(full.coverage.headline.contains("not within the horizon"))
    }

    /// A project name starting with a digit is text: left-aligned in the table, under its header.
    @Test func projectTableLeftAlignsNamesStartingWithADigit() throws {
        let table = try ProjectQueries.projects(stage: "magnet").report.render(.table)
        let line = try #require(table.split(separator: "\n").first { $0.contains("10X magnet facility") })
        #expect(line.hasPrefix("10X magnet facility"), "\(line)")
        #expect(Report.looksNumeric("3,188 t") && Report.looksNumeric("+157.4%") && Report.looksNumeric("100-300"))
        #expect(!Report.looksNumeric("10X magnet facility") && !Report.looksNumeric("2017 (restart)"))
    }
}
