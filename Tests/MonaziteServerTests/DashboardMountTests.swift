import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MonaziteCore
import MonazitePolicy
import MonazitePolicyFile
import MonaziteServer
import Synchronization
import Testing

/// The real dashboard mounted in the server, with the bundled policy timeline.
@Suite struct DashboardMountTests {
    @Test func tradePageShowsJune2025WithPolicyMarkersAndAnImportEmptiesTheCache() async throws {
        let h = try await ServerHarness.bundled()
        let (_, secret) = try await AccessTokens.create(name: "importer", in: h.store)
        let events = try BundledPolicyTimeline.load()
        let today = try #require(CalendarDay(year: 2026, month: 11, day: 24))
        let mount = DashboardMount.make(store: h.store, events: events, cacheSeconds: 3600, today: { today })
        try await h.application(dashboard: mount.pages, onWrite: mount.invalidate).test(.router) { client in
            try await client.execute(uri: "/trade/8505.11/CHN?from=2025-01&to=2025-12", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
                let html = response.text
                #expect(html.contains("3,188"))
                #expect(html.contains("data-tonnes=\"3188\""))
                #expect(html.contains("No. 18 [2025]"), "the April 2025 licensing is marked on the chart")
            }
            try await client.execute(uri: "/policy?date=2026-11-24&element=Ho&destination=USA", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("What applies on 2026-11-24"))
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

    /// A server started while a suspension held must show it lapsed once its last day has passed:
    /// the `/policy` statuses follow the day the page is read, not the day the server started.
    @Test func policyStatusesFollowTheClockOfARunningServer() async throws {
        let h = try await ServerHarness.bundled()
        let clock = DayClock(try #require(CalendarDay(year: 2026, month: 11, day: 9)))
        let mount = DashboardMount.make(store: h.store, events: try BundledPolicyTimeline.load(), cacheSeconds: 0, today: { clock.day })
        try await h.application(dashboard: mount.pages).test(.router) { client in
            #expect(try await Self.policyStatus(of: "mofcom-2025-61", client) == "suspended")
            clock.day = try #require(CalendarDay(year: 2026, month: 12, day: 1))
            #expect(try await Self.policyStatus(of: "mofcom-2025-61", client) == "suspension_lapsed")
            try await client.execute(uri: "/policy", method: .get) { response in
                #expect(response.text.contains("Status on 2026-12-01"))
                #expect(response.text.contains("Statuses are for 2026-12-01"))
            }
            // ?today= looks from another day, as on the home page.
            try await client.execute(uri: "/policy?today=2026-11-09", method: .get) { response in
                #expect(response.text.contains("Status on 2026-11-09"))
            }
        }
    }

    /// Events imported into the store of a running server (`monazite events import`) reach its
    /// `/policy` page, as they reach the API, without a restart; the page cache is emptied.
    @Test func eventsImportedWhileServingReachThePolicyPage() async throws {
        let h = try await ServerHarness.bundled()
        let bundled = try BundledPolicyTimeline.load()
        let store = h.store
        let mount = DashboardMount.make(
            store: store, events: bundled, reloadEvents: { bundled + (try await store.policyEvents()) }, eventsMaxAge: .zero, cacheSeconds: 3600)
        try await h.application(dashboard: mount.pages).test(.router) { client in
            try await client.execute(uri: "/policy", method: .get) { response in
                #expect(response.status == .ok)
                #expect(!response.text.contains("synthetic-imported-while-serving"))
            }
            let event = PolicyEvent(
                id: "synthetic-imported-while-serving", kind: .exportLicensing, actor: "synthetic", instrument: "synthetic act", title: "synthetic",
                scope: PolicyScope(elements: .some([.terbium]), forms: [.metal], hsPrefixes: ["850511"], destinations: .only([.unitedStates])),
                dates: PolicyDates(announced: CalendarDay(year: 2026, month: 11, day: 2), effective: CalendarDay(year: 2026, month: 11, day: 3)),
                direction: .tightening, source: "synthetic", url: nil, verified: false, note: "synthetic")
            #expect(try await store.importPolicyEvents([event], file: "synthetic.yaml") == 1)
            try await client.execute(uri: "/policy", method: .get) { response in
                #expect(response.text.contains("event-synthetic-imported-while-serving"), "the cached page was not served")
            }
        }
    }

    /// An event's status in the `/policy` timeline's CSV.
    static func policyStatus(of id: String, _ client: some TestClientProtocol) async throws -> String? {
        try await client.execute(uri: "/policy.csv", method: .get) { response in
            #expect(response.status == .ok)
            let lines = response.text.split(whereSeparator: \.isNewline).map(String.init)  // CRLF is one Character
            let columns = (lines.first ?? "").split(separator: ",").map(String.init)
            let row = lines.first { $0.contains(",\(id),") }?.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard let row, let at = columns.firstIndex(of: "status"), row.count == columns.count else { return nil }
            return row[at]
        }
    }

    /// A link or form that leads to another view keeps the state the reader chose: the window
    /// and `as_of` on a partner's trade page, `as_of` from the home page, and each /policy form
    /// the other form's choices.
    @Test func linksAndFormsKeepTheStateTheReaderChose() async throws {
        let h = try await ServerHarness.bundled()
        let today = try #require(CalendarDay(year: 2026, month: 12, day: 1))
        let events = try BundledPolicyTimeline.load()
        let kind = try #require(events.first?.kind.rawValue)
        let mount = DashboardMount.make(store: h.store, events: events, cacheSeconds: 0, today: { today })
        try await h.application(dashboard: mount.pages).test(.router) { client in
            try await client.execute(uri: "/trade/8505.11/CHN?from=2025-01&to=2025-12&as_of=2026-01-01", method: .get) { response in
                #expect(response.status == .ok)
                let partnerLinks = response.text.components(separatedBy: "href=\"/trade/8505.11/CHN?partner=").dropFirst()
                #expect(partnerLinks.count >= 2)
                for link in partnerLinks {
                    let href = link.prefix { $0 != "\"" }
                    #expect(href.hasSuffix("&amp;from=2025-01&amp;to=2025-12&amp;as_of=2026-01-01"), "\(href)")
                }
            }
            try await client.execute(uri: "/?as_of=2026-01-01", method: .get) { response in
                let tradeLinks = response.text.components(separatedBy: "href=\"/trade/8505.11/CHN").dropFirst().map { $0.prefix { $0 != "\"" } }
                #expect(tradeLinks.count >= 5)
                #expect(tradeLinks.allSatisfy { $0.hasSuffix("as_of=2026-01-01") }, "\(tradeLinks)")
            }
            try await client.execute(uri: "/policy?kind=\(kind)&date=2026-11-30&commodity=8505.11", method: .get) { response in
                #expect(response.status == .ok)
                let html = response.text
                let timelineForm = try #require(html.range(of: "aria-label=\"Filter the timeline\""))
                let checkForm = try #require(html.range(of: "aria-label=\"What applies on a date\""))
                let filter = html[timelineForm.upperBound..<checkForm.lowerBound]
                let check = html[checkForm.upperBound...].components(separatedBy: "</form>")[0]
                #expect(filter.contains("<input type=\"hidden\" name=\"date\" value=\"2026-11-30\">"))
                #expect(filter.contains("<input type=\"hidden\" name=\"commodity\" value=\"8505.11\">"))
                #expect(check.contains("<input type=\"hidden\" name=\"kind\" value=\"\(kind)\">"))
                #expect(!check.contains("name=\"date\" value=\"2026-11-30\"><input type=\"hidden\""), "the date is the form's own field")
            }
        }
    }

    @Test func markersAreTheRareEarthMeasures() throws {
        let markers = DashboardMount.markers(try BundledPolicyTimeline.load())
        #expect(markers.contains { $0.label.contains("No. 18 [2025]") && $0.day == CalendarDay(year: 2025, month: 4, day: 4) })
        #expect(!markers.contains { $0.label.lowercased().contains("graphite") })
    }
}


/// A settable "today" for a server under test.
final class DayClock: Sendable {
    private let current: Mutex<CalendarDay>
    init(_ day: CalendarDay) { current = Mutex(day) }
    var day: CalendarDay {
        get { current.withLock { $0 } }
        set { current.withLock { $0 = newValue } }
    }
}
