import Foundation
import HummingbirdTesting
import MonaziteServer
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
}
