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

    /// The dashboard's /claims page (a form post, and its CSV download) gives the API's claims:
    /// the same texts, values, periods and verdicts, in the same order.
    @Test func theDashboardPageGivesTheAPIsClaims() async throws {
        let h = try await ServerHarness.bundled()
        let report = try await ClaimsQueries.check(store: h.store, text: Self.article, published: nil)
        let today = try #require(CalendarDay(year: 2026, month: 11, day: 30))
        let mount = DashboardMount.make(store: h.store, events: [], cacheSeconds: 0, today: { today })
        let form = "text=" + (Self.article.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        try await h.application(dashboard: mount.pages, onWrite: mount.invalidate).test(.router) { client in
            let html = try await client.execute(
                uri: "/claims", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: form)
            ) { response in
                #expect(response.status == .ok)
                let html = response.text
                for claim in report.claims {
                    #expect(html.contains("verdict-\(claim.verdict.rawValue)"), "\(claim.text)")
                }
                #expect(html.components(separatedBy: "<mark class=\"verdict-").count - 1 == report.claims.count)
                return html
            }
            // The downloads post the article again (a form, the text in a hidden field): never in a
            // link, where it would be too long and kept in history, logs and Referer headers.
            #expect(!html.contains("?text=") && !html.contains("&amp;text="), "the article's text is in a link")
            let actions = html.components(separatedBy: "<form method=\"post\" class=\"table-actions\" action=\"").dropFirst()
            #expect(actions.count == 1)
            let action = try #require(actions.first?.prefix { $0 != "\"" }).replacingOccurrences(of: "&amp;", with: "&")
            #expect(action == "/claims?format=csv&table=claims")
            #expect(html.contains("formaction=\"/claims?format=xlsx&amp;table=claims\""))
            #expect(html.contains("<input type=\"hidden\" name=\"text\" value=\"BEIJING, July 20, 2025 - China"), "the article is not in the download form")
            try await client.execute(
                uri: action, method: .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: form)
            ) { response in
                #expect(response.headers[.contentType]?.hasPrefix("text/csv") == true)
                // CRLF lines; quoted fields hold commas, so each row is matched on its verdict and period cells.
                let lines = response.text.split(whereSeparator: \.isNewline).map(String.init)
                #expect(lines.first?.hasPrefix("n,line,text,measure,value,period,series,verdict,") == true)
                let rows = Array(lines.dropFirst())
                let verdicts = ["agrees", "disagrees", "unverifiable", "out_of_scope"]
                #expect(rows.map { row in verdicts.first { row.contains(",\($0),") } } == report.claims.map(\.verdict.rawValue), "\(response.text)")
                for (row, claim) in zip(rows, report.claims) {
                    #expect(row.contains(",\(claim.period ?? ""),"), "\(row)")
                }
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
