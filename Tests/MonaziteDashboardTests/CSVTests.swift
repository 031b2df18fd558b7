import Foundation
import MonaziteCore
import MonaziteDashboard
import MonaziteStore
import Testing

@Suite("CSV downloads")
struct CSVTests {
    @Test("The series CSV has a header, parses, and matches the table figures")
    func seriesCSV() async throws {
        let store = try await DashboardFixture.bundledStore()
        let d = DashboardFixture.dashboard(store)
        let query = ["from": "2024-01", "to": "2025-12"]
        let page = await d.respond(path: "/trade/8505.11/CHN", query: query).text
        #expect(page.contains("href=\"/trade/8505.11/CHN?from=2024-01&amp;to=2025-12&amp;format=csv&amp;table=series\""))
        let r = await d.respond(path: "/trade/8505.11/CHN", query: query.merging(["format": "csv", "table": "series"]) { $1 })
        #expect(r.status == 200)
        #expect(r.contentType == "text/csv; charset=utf-8")
        let records = CSVParse.records(r.text)
        let header = try #require(records.first)
        #expect(header.first == "period")
        #expect(header.contains("quantity_t") && header.contains("mom_pct") && header.contains("source_url"))
        #expect(records.count == 25)
        #expect(records.dropFirst().allSatisfy { $0.count == header.count })
        let q = try #require(header.firstIndex(of: "quantity_t"))
        let s = try #require(header.firstIndex(of: "status"))
        for record in records.dropFirst() {
            let period = record[0]
            if record[q].isEmpty {
                #expect(record[s] == "missing")
                #expect(page.contains("id=\"q-WLD-\(period)\" data-period=\"\(period)\"><span title="))
            } else {
                #expect(page.contains("id=\"q-WLD-\(period)\" data-period=\"\(period)\" data-tonnes=\"\(record[q])\""))
            }
        }
        let june = try #require(records.first { $0[0] == "2025-06" })
        #expect(june[q] == "3188")
        let may = try #require(records.first { $0[0] == "2025-05" })
        #expect(may[q] == "1238.47")
        // Sources with commas are quoted.
        #expect(r.text.contains("\"Ground News summary (SCMP/others), 2025-06\"") || !r.text.contains("Ground News"))
    }

    @Test("A .csv path gives the first table of the page")
    func csvPath() async throws {
        let store = try await DashboardFixture.bundledStore()
        let d = DashboardFixture.dashboard(store)
        let a = await d.respond(path: "/trade/8505.11/CHN.csv", query: [:])
        let b = await d.respond(path: "/trade/8505.11/CHN", query: ["format": "csv"])
        #expect(a.status == 200)
        #expect(a.body == b.body)
        #expect(a.suggestedFilename == "monazite-trade-8505-11-chn-series.csv")
        let home = await d.respond(path: "/index.csv", query: [:])
        #expect(home.contentType == "text/csv; charset=utf-8")
        #expect(CSVParse.records(home.text).first?.first == "figure")
    }

    @Test("Every table of every page downloads")
    func everyTable() async throws {
        let store = try await DashboardFixture.bundledStore()
        let d = DashboardFixture.dashboard(store)
        let pages: [(String, [String])] = [
            ("/", ["headline", "destinations", "recent"]), ("/trade/8505.11/CHN", ["series", "partners", "concentration"]),
            ("/dependence", ["reliance", "concentration"]), ("/policy", ["timeline"]), ("/sources", ["sources"]),
            ("/trade", ["series-list"]),
        ]
        for (path, tables) in pages {
            let html = await d.respond(path: path, query: [:]).text
            for t in tables {
                #expect(html.contains("table=\(t)\" download"), "\(path) links \(t)")
                let r = await d.respond(path: path, query: ["format": "csv", "table": t])
                #expect(r.status == 200, "\(path) \(t)")
                let records = CSVParse.records(r.text)
                #expect(records.count >= 1)
                #expect(records.allSatisfy { $0.count == records[0].count }, "\(path) \(t) rows have the header's width")
            }
        }
    }

    @Test("Fields with commas, quotes and line breaks are quoted per RFC 4180")
    func quoting() async throws {
        let store = try await DashboardFixture.bundledStore()
        let hostile = TimelineEntry(
            id: "synthetic-q", kind: "tariff", title: "A \"quoted\", multi\nline title", status: "in force", destinations: "all",
            verified: true)
        let r = await DashboardFixture.dashboard(store, timeline: [hostile]).respond(path: "/policy.csv", query: [:])
        #expect(r.text.contains("\"A \"\"quoted\"\", multi\nline title\""))
        let records = CSVParse.records(r.text)
        #expect(records.count == 2)
        #expect(records[1][0] == "A \"quoted\", multi\nline title")
        #expect(r.text.hasSuffix("\r\n"))
    }

    @Test("A cell a spreadsheet would run as a formula is written as text")
    func formulaInjection() async throws {
        let store = try await DashboardFixture.bundledStore()
        let hostile = TimelineEntry(
            id: "synthetic-f", kind: "tariff", title: "=HYPERLINK(\"https://evil.example\",\"click\")", status: "in force",
            destinations: "all", verified: true)
        let r = await DashboardFixture.dashboard(store, timeline: [hostile]).respond(path: "/policy.csv", query: [:])
        let records = CSVParse.records(r.text)
        #expect(records[1][0] == "'=HYPERLINK(\"https://evil.example\",\"click\")")
        // Numbers keep their sign: the trade CSV still writes negative changes as numbers.
        let trade = await DashboardFixture.dashboard(store).respond(path: "/trade/8505.11/CHN", query: ["format": "csv", "from": "2025-04", "to": "2025-05"])
        #expect(trade.text.contains(",-51,") || trade.text.contains(",-52.856,"))
    }
}
