import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MonaziteCore
import MonazitePolicyFile
import MonaziteServer
import Testing

/// The real dashboard mounted in the server, with the bundled policy timeline.
@Suite struct DashboardMountTests {
    @Test func tradePageShowsJune2025WithPolicyMarkersAndAnImportEmptiesTheCache() async throws {
        let h = try await ServerHarness.bundled()
        let (_, secret) = try await AccessTokens.create(name: "importer", in: h.store)
        let events = try BundledPolicyTimeline.load()
        let today = try #require(CalendarDay(year: 2026, month: 11, day: 24))
        let mount = DashboardMount.make(store: h.store, events: events, today: today, cacheSeconds: 3600)
        try await h.application(dashboard: mount.pages, onWrite: mount.invalidate).test(.router) { client in
            try await client.execute(uri: "/trade/8505.11/CHN?from=2025-01&to=2025-12", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
                let html = response.text
                #expect(html.contains("3,188"))
                #expect(html.contains("data-tonnes=\"3188\""))
                #expect(html.contains("No. 18 [2025]"), "the April 2025 licensing is marked on the chart")
            }
            try await client.execute(uri: "/policy?on=2026-11-24&element=Ho&destination=USA", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("suspension_lapsed"))
            }
            try await client.execute(uri: "/trade/8505.11/CHN?from=2025-06&to=2025-06&format=csv", method: .get) { response in
                #expect(response.headers[.contentType]?.hasPrefix("text/csv") == true)
                #expect(response.headers[.contentDisposition]?.hasPrefix("attachment") == true)
            }
            try await client.execute(uri: "/trade/8505.11/CHN?partner=FRA", method: .get) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(
                uri: "/api/v1/imports?name=fra.csv", method: .post, headers: [.authorization: "Bearer \(secret)"], body: ByteBuffer(string: WriteTests.goodCSV)
            ) { response in #expect(response.status == .created) }
            // The cached 404 is gone: the new series shows at once.
            try await client.execute(uri: "/trade/8505.11/CHN?partner=FRA", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("99.5"))
            }
        }
    }

    @Test func markersAreTheRareEarthMeasures() throws {
        let markers = DashboardMount.markers(try BundledPolicyTimeline.load())
        #expect(markers.contains { $0.label.contains("No. 18 [2025]") && $0.day == CalendarDay(year: 2025, month: 4, day: 4) })
        #expect(!markers.contains { $0.label.lowercased().contains("graphite") })
    }
}
