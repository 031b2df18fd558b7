import Foundation
import MonaziteDashboard
import MonaziteService
import Testing

@Suite struct PricesPageTests {
    @Test("The prices page charts the stress index and lists the spreads with their sources, also as CSV")
    func pricesPage() async throws {
        let store = try await DashboardFixture.bundledStore()
        let d = DashboardFixture.dashboard(store)
        let response = await d.respond(path: "/prices", query: [:])
        #expect(response.status == 200)
        let html = response.text
        let answer = try PriceQueries.spreads()
        #expect(html.contains("<svg class=\"chart\""))
        #expect(html.contains("parity (100)"))
        // Every month of the index is a bar, and every spread's sources are linked.
        for p in answer.stressIndex { #expect(html.contains("<text x=") && html.contains(">\(p.month)</text>")) }
        for s in answer.spreads { #expect(html.contains(s.exChinaSource.replacingOccurrences(of: "&", with: "&amp;"))) }
        let csv = CSVParse.records(await d.respond(path: "/prices", query: ["table": "spreads", "format": "csv"]).text)
        #expect(csv.count == answer.spreads.count + 1)
        #expect(csv.first?.contains("ex_china_source") == true)
        #expect(csv.allSatisfy { $0.count == csv[0].count })
    }

    @Test("The prices page shows the DoD–MP floor's top-ups, the same as monazite contract, also as CSV and XLSX")
    func contractOnPricesPage() async throws {
        let store = try await DashboardFixture.bundledStore()
        let d = DashboardFixture.dashboard(store)
        let html = await d.respond(path: "/prices", query: [:]).text
        let answer = try PriceQueries.contract()
        #expect(html.contains("Price floor: DoD – MP Materials (NdPr)"))
        #expect(html.contains("floor top-ups by quarter (derived)"))
        let csv = CSVParse.records(await d.respond(path: "/prices", query: ["table": "contract", "format": "csv"]).text)
        let header = try #require(csv.first)
        #expect(header == ["period", "reference_usd_per_kg", "reference_points", "tonnes", "top_up_usd", "volume_source", "volume_url", "volume_source_release"])
        #expect(csv.count == answer.topUps.count + 1)
        #expect(answer.topUps.map(\.period) == ["2025-Q4", "2026-Q1"])
        for (record, t) in zip(csv.dropFirst(), answer.topUps) {
            #expect(record[0] == t.period)
            #expect(Double(record[4]) == t.payment.map { ($0 * 10_000).rounded() / 10_000 }, "\(t.period)")
            #expect(Double(record[3]) == t.tonnes)
            #expect(record[6].hasPrefix("https://"))
        }
        if let total = answer.total { #expect(total > 0 && html.contains("Total top-up (derived)")) }
        let sheet = try XLSXRead.sheet(Data(await d.respond(path: "/prices", query: ["table": "contract", "format": "xlsx"]).body))
        #expect(sheet.rows.count == csv.count)
    }
}
