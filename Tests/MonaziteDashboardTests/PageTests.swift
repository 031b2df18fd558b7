import Foundation
import MonaziteCore
import MonaziteDashboard
import MonaziteStore
import Testing

@Suite("Dashboard pages over the bundled store")
struct PageTests {
    @Test("The trade page shows June 2025 at 3,188 t and May at 1,238 t, with stable ids")
    func tradePageFigures() async throws {
        let store = try await DashboardFixture.bundledStore()
        let r = await DashboardFixture.dashboard(store).respond(path: "/trade/8505.11/CHN", query: ["from": "2024-01", "to": "2025-12"])
        #expect(r.status == 200)
        #expect(r.contentType == "text/html; charset=utf-8")
        let html = r.text
        #expect(html.contains("id=\"q-WLD-2025-06\""))
        #expect(html.contains("data-tonnes=\"3188\""))
        #expect(html.contains(">3,188</a>"))
        #expect(html.contains("1,238"))
        #expect(html.contains("<!DOCTYPE html>"))
        #expect(html.contains("<html lang=\"en\">"))
        #expect(html.contains("name=\"viewport\""))
        #expect(html.contains("<caption"))
        #expect(html.contains("<th scope=\"col\""))
        #expect(html.contains("<th scope=\"row\""))
        #expect(!html.contains("<script"))
        // June 2025 MoM ours beside published (+157.5%).
        #expect(html.contains("+157.5%"))
        // The figure links to its source.
        #expect(html.contains("href=\"https://tradingeconomics.com/china/exports/news/471367\""))
    }

    @Test("The chart draws bars, marks missing and derived months, and shows markers in range only")
    func chart() async throws {
        let store = try await DashboardFixture.bundledStore()
        let html = await DashboardFixture.dashboard(store).respond(path: "/trade/8505.11/CHN", query: ["from": "2024-01", "to": "2025-12"]).text
        #expect(html.contains("<svg class=\"chart\""))
        #expect(html.contains("<title id=\"trade-chart-title\">"))
        #expect(html.contains("<desc id=\"trade-chart-desc\">"))
        #expect(html.contains("id=\"bar-WLD-2025-06\""))
        // 2024-01 has no monthly figure: a gap labelled missing.
        #expect(html.contains("class=\"gap\""))
        #expect(html.contains(">missing<title>2024-01: missing"))
        // 2024-H1 is held, but April–June 2024 have figures of their own: no box for it (what it
        // leaves for January–March would be our subtraction).
        #expect(!html.contains("id=\"span-"))
        // 2025-03 is derived: hatched and labelled.
        #expect(html.contains("id=\"bar-WLD-2025-03\" class=\"bar derived\" style=\"fill:url(#trade-chart-hatch)\""))
        #expect(html.contains("data-day=\"2025-04-04\""))
        #expect(html.contains("synthetic: licensing of seven elements"))
        #expect(html.contains("href=\"https://example.org/a\""))
        #expect(!html.contains("synthetic: out of range"))
    }

    @Test("The home page leads with the latest month and lists June 2025 among the last twelve")
    func home() async throws {
        let store = try await DashboardFixture.bundledStore()
        let r = await DashboardFixture.dashboard(store).respond(path: "/", query: [:])
        #expect(r.status == 200)
        let html = r.text
        #expect(html.contains("id=\"kpi-world\" data-period=\"2026-03\" data-tonnes=\"5238\""))
        #expect(html.contains("id=\"q-WLD-2025-06\""))
        #expect(html.contains("3,188"))
        #expect(html.contains("United States"))
        #expect(html.contains("/trade/8505.11/CHN?partner=USA"))
        // The one note the summary also gives: why our US MoM is missing, and what the published one implies.
        #expect(
            html.contains(
                "United States: no figure for 2026-02 on its own: held only inside longer spans, the shortest 2026-01..2026-02; "
                    + "the published -9.5% MoM implies about 448.6 t for 2026-02 (derived)"))
        // And the world's: the lead gives the published +10.5% as published, the note its base.
        #expect(html.contains("exported 5,238 t, +10.5% on 2026-02 as published (no 2026-02 figure of its own stored to check it) and "), "lead")
        #expect(html.contains("World: no figure for 2026-02 on its own: held only inside longer spans, the shortest 2026-01..2026-02; "
            + "the published +10.5% MoM implies about 4,740.3 t for 2026-02 (derived)"))

        // January and February 2026 are published together (10,763 t): one dashed box over both
        // months at their average, 5,381.5 t (derived), not two gaps; the legend says so.
        #expect(html.contains("<rect id=\"span-WLD-2026-01-2026-02\" class=\"span\""))
        #expect(html.contains("data-period=\"2026-01..2026-02\" data-tonnes=\"10763\" data-status=\"reported\""))
        #expect(html.contains("2026-01 to 2026-02: 10,763 t together; no figure for each month on its own. Drawn at the monthly average, 5,381.5 t (derived)."))
        #expect(!html.contains("data-period=\"2026-01\">missing"))
        #expect(!html.contains("data-period=\"2026-02\">missing"))
        #expect(html.contains("sw-span"))

        let june = await DashboardFixture.dashboard(store).respond(path: "/", query: ["month": "2025-06"]).text
        #expect(june.contains("id=\"kpi-world\" data-period=\"2025-06\" data-tonnes=\"3188\""))
        #expect(june.contains("id=\"headline-world\""))
        // US-bound 353 t at +660% MoM published.
        #expect(june.contains("353"))
        #expect(june.contains("+660.0%"))
    }

    @Test("as_of shows the store as it stood on a date: before the June release, May is the latest month")
    func asOf() async throws {
        let store = try await DashboardFixture.bundledStore()
        let html = await DashboardFixture.dashboard(store).respond(path: "/", query: ["as_of": "2025-07-01"]).text
        #expect(html.contains("id=\"kpi-world\" data-period=\"2025-05\" data-tonnes=\"1238.47\""))
        #expect(!html.contains("id=\"q-WLD-2025-06\" data-period=\"2025-06\" data-tonnes"))
    }

    @Test("The partner shares give a share per destination and an HHI")
    func partnerShares() async throws {
        let store = try await DashboardFixture.bundledStore()
        let html = await DashboardFixture.dashboard(store).respond(path: "/trade/8505.11/CHN", query: ["month": "2025-09"]).text
        #expect(html.contains("id=\"share-DEU-2025-09\""))
        #expect(html.contains("id=\"hhi\""))
        // Germany 1,288 of 5,774 t = 22.3%.
        #expect(html.contains("22.3%"))
    }

    @Test("The dependence page shows the USGS net import reliance and HHI per stage")
    func dependence() async throws {
        let store = try await DashboardFixture.bundledStore()
        let r = await DashboardFixture.dashboard(store).respond(path: "/dependence", query: [:])
        #expect(r.status == 200)
        let html = r.text
        #expect(html.contains("id=\"nir-published-2024-mcs2025\""))
        // MCS 2026 revises 2024: both editions are shown side by side.
        #expect(html.contains("id=\"nir-published-2024-mcs2026\""))
        #expect(html.contains("MCS 2026: 53"))
        #expect(html.contains(">80</a>"))
        #expect(html.contains("&gt;95"))
        #expect(html.contains("80.3"))
        #expect(html.contains("data-stage=\"mining\""))
        #expect(html.contains("data-stage=\"separation\""))
        #expect(html.contains("highly concentrated"))
        #expect(html.contains("https://pubs.usgs.gov/periodicals/mcs2025/mcs2025-rare-earths.pdf"))
    }

    @Test("The sources page anchors every source figures without a URL link to")
    func sources() async throws {
        let store = try await DashboardFixture.bundledStore()
        let d = DashboardFixture.dashboard(store)
        let sources = await d.respond(path: "/sources", query: [:]).text
        let trade = await d.respond(path: "/trade/8505.11/CHN", query: [:]).text
        let anchor = "src-derived-by-the-reference-data-compiler-from-cited-figures-mo"
        #expect(sources.contains("id=\"\(anchor)"))
        #expect(trade.contains("/sources#\(anchor)"))
        #expect(sources.contains("Trading Economics"))
    }

    @Test("The trade index lists the series held")
    func tradeIndex() async throws {
        let store = try await DashboardFixture.bundledStore()
        let html = await DashboardFixture.dashboard(store).respond(path: "/trade", query: [:]).text
        #expect(html.contains("/trade/8505.11/CHN?partner=USA"))
        #expect(html.contains("/trade/8505.11/USA?partner=CHN&amp;flow=import"))
    }

    @Test("Links are built under the mount point and the mount point is stripped from paths")
    func basePath() async throws {
        let store = try await DashboardFixture.bundledStore()
        let r = await DashboardFixture.dashboard(store, basePath: "/dashboard/").respond(path: "/dashboard/trade/8505.11/CHN", query: [:])
        #expect(r.status == 200)
        #expect(r.text.contains("href=\"/dashboard/sources\""))
    }
}
