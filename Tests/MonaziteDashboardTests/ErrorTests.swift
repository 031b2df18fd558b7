import MonaziteService
import Foundation
import MonaziteCore
@testable import MonaziteDashboard
import MonaziteIngest
import MonaziteStore
import Testing

@Suite("Errors, escaping and policy")
struct ErrorTests {
    @Test("Unknown paths get a 404 page", arguments: ["/nope", "/trade/8505.11", "/trade/8505.11/CHN/extra", "/favicon.ico"])
    func notFound(path: String) async throws {
        let store = try await DashboardFixture.bundledStore()
        let r = await DashboardFixture.dashboard(store).respond(path: path, query: [:])
        #expect(r.status == 404)
        #expect(r.contentType == "text/html; charset=utf-8")
        #expect(r.text.contains("Not found"))
    }

    @Test(
        "Bad queries get a 400 page that says why",
        arguments: [
            ("/trade/85x5/CHN", [:], "not an HS code"),
            ("/trade/8505.11/XXX", [:], "unknown country"),
            ("/trade/8505.11/CHN", ["partner": "Atlantis"], "unknown country"),
            ("/trade/8505.11/CHN", ["from": "2025-13"], "is not a month"),
            ("/trade/8505.11/CHN", ["from": "2025-06", "to": "2025-01"], "after"),
            ("/trade/8505.11/CHN", ["as_of": "2025-02-30"], "not a date"),
            ("/trade/8505.11/CHN", ["format": "pdf"], "not html, csv or xlsx"),
            ("/trade/8505.11/CHN", ["format": "csv", "table": "nope"], "not a table"),
            ("/", ["month": "June"], "not a month"),
            ("/policy", ["date": "2025-02-30"], "not a date"),
            ("/policy", ["element": "Xx"], "not a rare-earth element"),
            ("/policy", ["destination": "ZZZ"], "unknown country"),
            ("/policy", ["commodity": "abc"], "not an HS code"),
            ("/dependence", ["country": "Narnia"], "unknown country"),
        ] as [(String, [String: String], String)])
    func badRequest(path: String, query: [String: String], reason: String) async throws {
        let store = try await DashboardFixture.bundledStore()
        let r = await DashboardFixture.dashboard(store).respond(path: path, query: query)
        #expect(r.status == 400)
        #expect(r.text.contains(reason))
    }

    @Test("A series that is not stored is a 404 naming what is held")
    func missingSeries() async throws {
        let store = try await DashboardFixture.bundledStore()
        let d = DashboardFixture.dashboard(store)
        let r = await d.respond(path: "/trade/2846.90/CHN", query: [:])
        #expect(r.status == 404)
        let p = await d.respond(path: "/trade/8505.11/CHN", query: ["partner": "FRA"])
        #expect(p.status == 404)
        #expect(p.text.contains("partners held"))
    }

    @Test("A failing store gives a 500 page")
    func storeFailure() async throws {
        let r = await DashboardFixture.dashboard(FailingStore()).respond(path: "/trade/8505.11/CHN", query: [:])
        #expect(r.status == 500)
        // The page says what happened; the store's own message stays on the server.
        #expect(r.text.contains("The store could not answer this page"))
        #expect(!r.text.contains("synthetic failure"))
    }

    @Test("Hostile labels and URLs are escaped and never become live links")
    func escaping() async throws {
        let store = try await DashboardFixture.bundledStore()
        let hostile = ChartEventMarker(
            day: DashboardFixture.day(2025, 6, 1), label: "<script>alert(\"x\")</script> & 'co'", url: "javascript:alert(1)", kind: "\"><b>")
        let d = DashboardFixture.dashboard(store, markers: [hostile])
        let html = await d.respond(path: "/trade/8505.11/CHN", query: [:]).text
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("<b>"))
        let policy = await d.respond(path: "/policy", query: [:]).text
        #expect(!policy.contains("javascript:"))
        #expect(policy.contains("unverified"))
    }

    @Test("The policy page filters the timeline and renders applicability results")
    func policy() async throws {
        let store = try await DashboardFixture.bundledStore()
        let answer: Dashboard.Applicability = { day, element, commodity, destination in
            [
                ApplicabilityRow(
                    eventID: "synthetic-1", title: "Synthetic licensing event",
                    status: "in_force", reason: "asked \(day) \(element ?? "-") \(commodity ?? "-") \(destination ?? "-")",
                    dates: "effective 2025-04-04", url: "https://example.org/event-1")
            ]
        }
        let d = DashboardFixture.dashboard(store, applicability: answer)
        let filtered = await d.respond(path: "/policy", query: ["element": "dysprosium"]).text
        #expect(filtered.contains("Synthetic licensing event"))
        #expect(!filtered.contains("Synthetic tariff on the US"))
        let us = await d.respond(path: "/policy", query: ["destination": "USA"]).text
        #expect(us.contains("Synthetic tariff on the US"))
        #expect(us.contains("1 of 2") == false)
        let kind = await d.respond(path: "/policy", query: ["kind": "tariff"]).text
        #expect(kind.contains("1 of 2 events"))
        let applies = await d.respond(path: "/policy", query: ["date": "2025-06-01", "element": "Dy", "destination": "usa", "commodity": "8505.11"]).text
        #expect(applies.contains("data-status=\"in_force\""))
        #expect(applies.contains("asked 2025-06-01 Dy 8505.11 USA"))

        let unloaded = await DashboardFixture.dashboard(store, timeline: []).respond(path: "/policy", query: ["date": "2025-06-01"])
        #expect(unloaded.status == 200)
        #expect(unloaded.text.contains("Policy data not loaded"))
    }
}

/// A store whose every read fails (synthetic), for the 500 page.
struct FailingStore: TradeStore {
    struct Failure: Error, CustomStringConvertible { var description: String { "synthetic failure" } }
    var location: String { "nowhere" }
    func importObservations(file: String, format: String, read: (ObservationSink) throws(ImportFailure) -> Int) async throws -> ImportReport {
        throw Failure()
    }
    func importSalientStatistics(_ stats: [SalientStatistic], file: String) async throws -> ImportReport { throw Failure() }
    func importIndicators(_ indicators: [Indicator], file: String) async throws -> ImportReport { throw Failure() }
    func observations(for key: SeriesKey, asOf: CalendarDay?) async throws -> [Observation] { throw Failure() }
    func releases(for key: SeriesKey, period: Period) async throws -> [Observation] { throw Failure() }
    func partnerObservations(reporter: CountryCode, flow: TradeFlow, commodity: HSCode, asOf: CalendarDay?, within: ClosedRange<Month>?) async throws
        -> [CountryCode: [Observation]]
    { throw Failure() }
    func seriesList() async throws -> [(key: SeriesKey, first: Month, last: Month, count: Int)] { throw Failure() }
    func freshnessInputs() async throws -> [SeriesKey: [FreshnessInput]] { throw Failure() }
    func salientStatistics(country: CountryCode, edition: String?) async throws -> [SalientStatistic] { throw Failure() }
    func salientEditions(country: CountryCode) async throws -> [String] { throw Failure() }
    func indicators(measure: Indicator.Measure, stage: SupplyStage?) async throws -> [Indicator] { throw Failure() }
    func sourceSummaries() async throws -> [SourceSummary] { throw Failure() }
    func counts() async throws -> (observations: Int, salient: Int, indicators: Int, batches: Int) { throw Failure() }
    func contentDigest() async throws -> String { throw Failure() }
    func revision() async throws -> Int64 { throw Failure() }
}

@Suite("Page cache")
struct CacheTests {
    @Test("Cached pages are served until invalidated; errors are never cached")
    func cache() async throws {
        let store = try await DashboardFixture.bundledStore()
        let cache = DashboardCache(maxAge: .seconds(3600))
        let d = Dashboard(service: QueryService(store: store), cache: cache)
        let a = await d.respond(path: "/trade/8505.11/CHN", query: ["from": "2025-01", "to": "2025-06"])
        let b = await d.respond(path: "/trade/8505.11/CHN", query: ["to": "2025-06", "from": "2025-01"])
        #expect(a.body == b.body)
        #expect(cache.count == 1)
        _ = await d.respond(path: "/nope", query: [:])
        #expect(cache.count == 1)
        cache.invalidate()
        #expect(cache.count == 0)
        let expired = DashboardCache(maxAge: .zero)
        let e = Dashboard(service: QueryService(store: store), cache: expired)
        let first = await e.respond(path: "/policy", query: [:])
        let second = await e.respond(path: "/policy", query: [:])
        #expect(first.status == 200 && second.body == first.body)
    }

    @Test("Expired pages go when a new one is kept, and the bytes held stay under the bound")
    func bounded() async throws {
        let page = { (n: Int) in DashboardResponse(status: 200, contentType: "text/html; charset=utf-8", body: [UInt8](repeating: 65, count: n)) }
        let short = DashboardCache(maxAge: .milliseconds(50))
        for i in 0..<100 { short.store(page(1_000), for: "/trade?i=\(i)") }
        #expect(short.count == 100)
        try await Task.sleep(for: .milliseconds(120))
        short.store(page(1_000), for: "/trade?i=new")
        #expect(short.count == 1)
        #expect(short.bytesHeld == 1_000)
        let small = DashboardCache(maxAge: .seconds(3600), maxBytes: 3_500)
        for i in 0..<10 {
            small.store(page(1_000), for: "/p\(i)")
            #expect(small.bytesHeld <= 3_500)
        }
        small.store(page(5_000), for: "/too-big")  // larger than the bound: served, not kept
        #expect(small.lookup("/too-big") == nil)
    }
}
