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
}
