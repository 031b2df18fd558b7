import Foundation
import Hummingbird
import HummingbirdTesting
import MonaziteServer
import Testing

/// The same server on a real socket (loopback, any free port).
@Suite struct LiveServerTests {
    @Test func answersOverARealSocket() async throws {
        let h = try await ServerHarness.bundled()
        let (_, secret) = try await AccessTokens.create(name: "live", in: h.store)
        try await h.application(dashboard: { path, _ in
            PageResponse(status: path == "/" ? 200 : 404, contentType: "text/html; charset=utf-8", body: Array("<p>page \(path)</p>".utf8))
        }).test(.live) { client in
            try await client.execute(uri: "/api/v1/trade?from=2025-06&to=2025-06", method: .get) { response in
                #expect(response.status == .ok)
                let rows = try #require(try response.json() as? [[String: Any]])
                #expect(rows.first?["quantity_t"] as? Double == 3188)
            }
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text == "<p>page /</p>")
            }
            try await client.execute(uri: "/nowhere", method: .get) { response in #expect(response.status == .notFound) }
            try await client.execute(uri: "/api/v1/trade?reporter=XXX", method: .get) { response in
                #expect(response.status == .badRequest)
                _ = try response.apiError()
            }
            try await client.execute(
                uri: "/api/v1/imports?name=live.csv", method: .post, headers: [.authorization: "Bearer \(secret)"],
                body: ByteBuffer(string: WriteTests.goodCSV)
            ) { response in
                #expect(response.status == .created)
            }
        }
    }
}
