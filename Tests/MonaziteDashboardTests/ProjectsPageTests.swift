import Foundation
import MonaziteDashboard
import MonaziteService
import Testing

@Suite struct ProjectsPageTests {
    @Test("The projects page charts capacity against US demand and lists every cited row, also as CSV")
    func projectsPage() async throws {
        let store = try await DashboardFixture.bundledStore()
        let d = DashboardFixture.dashboard(store)
        let response = await d.respond(path: "/projects", query: [:])
        #expect(response.status == 200)
        let html = response.text
        let projects = try ProjectQueries.projects()
        let outlook = try ProjectQueries.outlook()
        #expect(html.contains("<svg class=\"chart\""))
        #expect(html.contains(outlook.coverage.headline.replacingOccurrences(of: "&", with: "&amp;")))
        #expect(html.contains("href=\"/projects\""))
        for p in projects.projects { #expect(html.contains(p.url.replacingOccurrences(of: "&", with: "&amp;")), "\(p.project)") }
        for m in outlook.magnet { #expect(html.contains(">\(m.year)</text>")) }
        let csv = CSVParse.records(await d.respond(path: "/projects", query: ["format": "csv"]).text)
        #expect(csv.count == projects.projects.count + 1)
        #expect(csv.first?.contains("url") == true)
        #expect(csv.allSatisfy { $0.count == csv[0].count })
        let magnet = CSVParse.records(await d.respond(path: "/projects", query: ["table": "magnet-outlook", "format": "csv"]).text)
        #expect(magnet.count == outlook.magnet.count + 1)
        let bad = await d.respond(path: "/projects", query: ["stage": "warehouse"])
        #expect(bad.status == 400)
    }
}
