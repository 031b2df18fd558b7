import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MonaziteCore
import MonaziteServer
import MonaziteService
import Testing

/// `POST /api/v1/claims` gives exactly what the CLI prints for the same text (both call
/// `ClaimsQueries.check` and write `ClaimsReport.jsonData`), from a text or a JSON body.
@Suite struct ClaimsRouteTests {
    static let article = """
        BEIJING, July 20, 2025 - China's magnet exports rose to 3,188 tonnes in June, up 157.5% from May.
        Shipments to the United States were 420 tonnes. Washington kept a 30% tariff on chips.
        """

    @Test func textAndJSONBodiesGiveTheCLIsClaims() async throws {
        let h = try await ServerHarness.bundled()
        let expected = try await ClaimsQueries.check(store: h.store, text: Self.article, published: nil).jsonData()
        try await h.application().test(.router) { client in
            try await client.execute(
                uri: "/api/v1/claims", method: .post, headers: [.contentType: "text/plain; charset=utf-8"],
                body: ByteBuffer(string: Self.article)
            ) { response in
                #expect(response.status == .ok)
                // Byte for byte what `monazite claims --format json` prints.
                #expect(Data(buffer: response.body) == expected)
                let object = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                let claims = try #require(object["claims"] as? [[String: Any]])
                #expect(claims.map { $0["verdict"] as? String } == ["agrees", "agrees", "disagrees", "out_of_scope"])
            }
            let json = try JSONSerialization.data(withJSONObject: ["text": Self.article, "published": "2025-07-20"])
            try await client.execute(
                uri: "/api/v1/claims", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(data: json)
            ) { response in
                #expect(response.status == .ok)
                let object = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                #expect(object["published_from"] as? String == "option")
                #expect((object["claims"] as? [Any])?.count == 4)
            }
        }
    }

    @Test func emptyMalformedAndOversizedBodiesAreRefused() async throws {
        let h = try await ServerHarness.bundled()
        try await h.application().test(.router) { client in
            try await client.execute(uri: "/api/v1/claims", method: .post, body: ByteBuffer()) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(
                uri: "/api/v1/claims", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: "{\"txt\": \"x\"}")
            ) { response in
                #expect(response.status == .badRequest)
            }
            let big = String(repeating: "Magnet exports rose. ", count: 30_000)
            try await client.execute(uri: "/api/v1/claims", method: .post, body: ByteBuffer(string: big)) { response in
                #expect(response.status == .contentTooLarge)
            }
        }
    }
}
