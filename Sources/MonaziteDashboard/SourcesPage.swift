import MonaziteCore
import MonaziteService
import MonaziteService

/// `/sources`: what the store holds, by source, with links; figures without a URL link here.
struct SourcesPage: DashboardPage {
    let title = "Sources"
    let counts: (observations: Int, salient: Int, indicators: Int)
    let sourceCount: Int
    let tables: [DataTable]

    static func load(service: QueryService, request: DashboardRequest) async throws -> SourcesPage {
        let answer = try await service.sources()
        let summaries = answer.sources
        let counts = (observations: answer.observations, salient: answer.salientStatistics, indicators: answer.indicators)
        var table = DataTable(
            name: "sources", caption: "Sources of the stored figures",
            columns: [
                .init(label: "Source", csvName: "source", csvURLName: "url", wide: true), .init(label: "Figures", csvName: "figures", numeric: true),
                .init(label: "Derived or estimate", csvName: "derived_or_estimate", numeric: true),
                .init(label: "Periods", csvName: "periods"), .init(label: "Releases", csvName: "releases"),
            ], downloads: request.downloads(table: "sources"))
        var anchors = Set<String>()
        for s in summaries {
            var name: DataTable.Cell
            if let url = SourceLinks.safeURL(s.url) {
                name = .link(s.source, href: url, title: url)
                name.csvURL = url
            } else {
                name = .text(s.source)
            }
            let anchor = SourceLinks.anchor(s.source)
            if anchors.insert(anchor).inserted { name.id = anchor }
            let figures = s.figures
            var weak = DataTable.Cell.number(String(s.derivedOrEstimate), csv: String(s.derivedOrEstimate))
            if s.derivedOrEstimate > 0 { weak.badge = "labelled" }
            table.rows.append([
                name, .number(String(figures), csv: String(figures)), weak,
                s.firstPeriod.map { .text("\($0)..\(s.lastPeriod ?? "")") } ?? .text(""),
                .text(s.releases.joined(separator: " ")),
            ])
        }
        table.notes = [
            "Derived or estimate: figures computed from other figures or projected; pages label them and never show them as reported."
        ]
        // Per series: the latest month held, its release, and whether it is behind its rhythm today.
        let list = try await service.seriesList()
        var series = DataTable(
            name: "series", caption: "Series held and how current each is (\(list.today))",
            columns: [
                .init(label: "Series", csvName: "series", wide: true), .init(label: "Commodity", csvName: "commodity"),
                .init(label: "Figures", csvName: "figures", numeric: true), .init(label: "Latest month", csvName: "latest_month"),
                .init(label: "Released", csvName: "latest_release"), .init(label: "Usual lag, days", csvName: "usual_lag_days", numeric: true),
                .init(label: "Freshness", csvName: "freshness", wide: true),
            ], downloads: request.downloads(table: "series"))
        for e in list.series {
            var freshness = DataTable.Cell.text(e.behind ? "behind: \(e.overdueMonths.first ?? "")..\(e.overdueMonths.last ?? "") due, not held" : "up to date")
            if e.behind { freshness.badge = "behind" }
            series.rows.append([
                .text("\(e.reporter) \(e.flow) to \(e.partner)"), .text("\(e.commodity) (\(e.commodityName))"),
                .number(String(e.figures), csv: String(e.figures)), .text(e.latestMonth ?? ""), .text(e.latestRelease ?? ""),
                e.usualLagDays.map { .number(String($0), csv: String($0)) } ?? .missing("fewer than three dated monthly releases"),
                freshness,
            ])
        }
        series.notes = [
            "A series is behind when a month's usual release lag (the median of its own releases) plus \(SeriesFreshness.graceDays) days has passed and the store holds no figure for it. Missing months are missing, never filled."
        ]
        return SourcesPage(counts: counts, sourceCount: summaries.count, tables: [table, series])
    }

    func body(into w: inout HTMLWriter, request: DashboardRequest) {
        w.heading(1, title)
        w.paragraph(
            "The store holds \(counts.observations) trade figures, \(counts.salient) salient statistics and \(counts.indicators) indicators from \(sourceCount) sources. Every figure on these pages links to its source: to the publisher's page when there is one, else to its entry below.",
            cssClass: "lead")
        tables[0].render(into: &w)
        tables[1].render(into: &w)
    }
}
