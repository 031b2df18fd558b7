import Foundation
import HummingbirdTesting
import MonaziteServer
import MonaziteService
import Testing

/// `monazite prices` / `spreads` and `/api/v1/prices` / `/api/v1/spreads` give the same JSON.
@Suite(.serialized) struct PriceAgreementTests {
    static func cliJSON(_ arguments: [String]) throws -> [String: Any] {
        let process = Process()
        process.executableURL = try AgreementTests.binary()
        process.arguments = arguments + ["--format", "json"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "monazite \(arguments.joined(separator: " ")) failed")
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func pricesAndSpreadsAgreeAcrossCLIAndAPI() async throws {
        let h = try await ServerHarness.bundled()
        let pairs: [([String], String)] = [
            (["prices", "--product", "Dy oxide", "--currency", "USD", "--ex-vat"], "/api/v1/prices?product=Dy%20oxide&currency=USD&ex_vat=true"),
            (["prices", "--basis", "Europe", "--from", "2025-05", "--to", "2025-12"], "/api/v1/prices?basis=Europe&from=2025-05&to=2025-12"),
            (["spreads"], "/api/v1/spreads"),
        ]
        try await h.application().test(.router) { client in
            for (arguments, uri) in pairs {
                let cli = try Self.cliJSON(arguments)
                let api = try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri): \(response.text)")
                    return try #require(try response.json() as? [String: Any])
                }
                #expect(!(cli.isEmpty))
                #expect(NSDictionary(dictionary: cli) == NSDictionary(dictionary: api), "\(arguments.joined(separator: " "))")
            }
            try await client.execute(uri: "/api/v1/prices?currency=EUR", method: .get) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    /// `/api/v1/contracts/dod-mp-materials` answers what `monazite contract` answers, with the same
    /// price-path choices. Hand-checked: a constant 80 USD/kg, 250 t a quarter, 2026-Q1 and 2026-Q2 →
    /// (110 − 80) USD/kg × 250,000 kg = 7,500,000 USD each, 15,000,000 in all.
    @Test func contractAgreesAcrossCLIAndAPI() async throws {
        let h = try await ServerHarness.bundled()
        let pairs: [([String], String)] = [
            (["contract"], "/api/v1/contracts/dod-mp-materials"),
            (
                ["contract", "--constant", "80", "--tonnes-per-quarter", "250", "--periods", "2026-Q1,2026-Q2"],
                "/api/v1/contracts/dod-mp-materials?constant=80&tonnes_per_quarter=250&periods=2026-Q1,2026-Q2"
            ),
            (["contract", "--constant", "95.5"], "/api/v1/contracts/dod-mp-materials?constant=95.5"),
        ]
        try await h.application().test(.router) { client in
            for (arguments, uri) in pairs {
                let cli = try Self.cliJSON(arguments)
                let api = try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri): \(response.text)")
                    return try #require(try response.json() as? [String: Any])
                }
                #expect(cli["top_ups"] != nil)
                #expect(NSDictionary(dictionary: cli) == NSDictionary(dictionary: api), "\(arguments.joined(separator: " "))")
            }
            let constant = try await client.execute(
                uri: "/api/v1/contracts/dod-mp-materials?constant=80&tonnes_per_quarter=250&periods=2026-Q1,2026-Q2", method: .get
            ) { response in try #require(try response.json() as? [String: Any]) }
            let topUps = try #require(constant["top_ups"] as? [[String: Any]])
            #expect(topUps.compactMap { $0["period"] as? String } == ["2026-Q1", "2026-Q2"])
            #expect(topUps.compactMap { $0["payment"] as? Double } == [7_500_000, 7_500_000])
            #expect(constant["total"] as? Double == 15_000_000)
            // Reported volumes at a constant 95.5: 2025-Q4 14.5 × 562,000 = 8,149,000; 2026-Q1 14.5 × 1,006,000 = 14,587,000.
            let reported = try await client.execute(uri: "/api/v1/contracts/dod-mp-materials?constant=95.5", method: .get) { response in
                try #require(try response.json() as? [String: Any])
            }
            let reportedPayments = try #require(reported["top_ups"] as? [[String: Any]]).compactMap { $0["payment"] as? Double }
            #expect(reportedPayments == [8_149_000, 14_587_000])

            for (uri, status, parameter) in [
                ("/api/v1/contracts/nope", 404, nil), ("/api/v1/contracts/dod-mp-materials?constant=abc", 400, "constant"),
                ("/api/v1/contracts/dod-mp-materials?constant=-1", 400, "constant"),
                ("/api/v1/contracts/dod-mp-materials?tonnes_per_quarter=inf", 400, "tonnes_per_quarter"),
                // Found by schemathesis: a huge volume overflowed the top-up to infinity and the answer was `null`.
                ("/api/v1/contracts/dod-mp-materials?tonnes_per_quarter=5.513008860893697e%2B307", 400, "tonnes_per_quarter"),
                ("/api/v1/contracts/dod-mp-materials?periods=2025-Q3", 400, "periods"),
                ("/api/v1/contracts/dod-mp-materials?file=x.csv", 400, "file"),
            ] as [(String, Int, String?)] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(Int(response.status.code) == status, "\(uri): \(response.text)")
                    if let parameter { #expect(response.text.contains("\"parameter\":\"\(parameter)\"") || response.text.contains("\"parameter\" : \"\(parameter)\""), "\(uri): \(response.text)") }
                }
            }
        }
        // The CLI refuses a quarter outside the term too, instead of leaving it out silently.
        let r = try Self.run(["contract", "--periods", "2025-Q3", "--format", "json"])
        #expect(r.status != 0)
        #expect(r.err.contains("\"2025-Q3\" is not a quarter of the contract's term"), "\(r.err)")
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = try AgreementTests.binary()
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    static let header =
        "date,product,purity,market_basis,low,high,currency,unit,vat_included,publisher,source_title,url,via,via_url,release,note\n"

    /// A price CSV named `name` in a new temporary directory (returned, for the caller to remove).
    static func priceFile(_ name: String, _ rows: String...) throws -> (dir: URL, file: URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("monazite-prices-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent(name)
        try (header + rows.map { $0 + "\n" }.joined()).write(to: file, atomically: true, encoding: .utf8)
        return (dir, file)
    }

    /// A bad price file: the CLI names file:line:column, prints no quotes and fails.
    @Test func aBadPriceFileIsLocatedAndNothingIsShown() throws {
        let (dir, bad) = try Self.priceFile(
            "bad.csv",
            "2025-05-06,Dy oxide,,Europe,700,1000,USD,USD/kg,unknown,Argus,t,https://example.org/a,,,,",
            "2025-05-07,Dy oxide,,Europe,7x0,1000,USD,USD/kg,unknown,Argus,t,https://example.org/a,,,,")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Self.run(["prices", "--file", bad.path, "--format", "json"])
        #expect(r.status != 0)
        #expect(r.out.isEmpty)
        #expect(r.err.contains("bad.csv:3:29: low: \"7x0\" is not a non-negative number"), "\(r.err)")
    }

    /// A scenario file as the contract's price path. Hand-checked: NdPr oxide at 100 USD/kg (no VAT)
    /// in 2025-Q4 → 10 USD/kg × 562,000 kg = 5,620,000 USD; 2026-Q1 at 120 → 0.
    @Test func contractWithAScenarioFile() throws {
        let (dir, file) = try Self.priceFile(
            "scenario.csv",
            "2025-11-15,NdPr oxide,,US,100,100,USD,USD/kg,no,scenario,,https://example.org/s,,,,",
            "2026-02-15,NdPr oxide,,US,120,120,USD,USD/kg,no,scenario,,https://example.org/s,,,,")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Self.run(["contract", "--file", file.path, "--format", "json"])
        #expect(r.status == 0, "\(r.err)")
        let answer = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let topUps = try #require(answer["top_ups"] as? [[String: Any]])
        #expect(topUps.compactMap { $0["payment"] as? Double } == [5_620_000, 0])
        #expect(answer["total"] as? Double == 5_620_000)
    }
}

/// The service refuses volumes and prices that could overflow a top-up, whichever interface asks.
@Suite struct ContractBoundsTests {
    @Test(arguments: [5.5e307, 1_000_001, -1])
    func hugeOrNegativeVolumesAreRefused(_ tonnes: Double) {
        #expect(throws: ServiceError.self) { _ = try PriceQueries.contract(tonnesPerQuarter: tonnes) }
    }

    @Test func theLargestAllowedVolumeGivesFiniteTopUps() throws {
        let answer = try PriceQueries.contract(constant: 0, tonnesPerQuarter: 1_000_000)
        #expect(answer.total.map(\.isFinite) == true)
    }
}
