import MonaziteCore
import MonaziteService

/// `/trade`: the series the store holds, each linked to its trade page.
struct TradeIndexPage: DashboardPage {
    let title = "Trade series"
    let tables: [DataTable]

    static func load(service: QueryService, request: DashboardRequest) async throws -> TradeIndexPage {
        let list = try await service.seriesList().series
        var table = DataTable(
            name: "series-list", caption: "Trade series held",
            columns: [
                .init(label: "Series", csvName: "series", wide: true), .init(label: "Reporter", csvName: "reporter"),
                .init(label: "Flow", csvName: "flow"), .init(label: "Commodity", csvName: "commodity"),
                .init(label: "Partner", csvName: "partner"), .init(label: "First", csvName: "first"), .init(label: "Last", csvName: "last"),
                .init(label: "Figures", csvName: "figures", numeric: true),
            ], downloads: request.downloads(table: "series-list"))
        for s in list {
            guard let reporter = CountryCode(s.reporter), let partner = CountryCode(s.partner) else { continue }
            var pairs: [(String, String)] = []
            if partner != .world { pairs.append(("partner", partner.alpha3)) }
            if s.flow != TradeFlow.export.rawValue { pairs.append(("flow", s.flow)) }
            let href = request.href("/trade/\(s.commodity)/\(reporter.alpha3)", pairs)
            let verb = s.flow == TradeFlow.export.rawValue || s.flow == TradeFlow.reExport.rawValue ? "to" : "from"
            table.rows.append([
                .link("\(reporter.name) \(s.flow)s of \(s.commodityName) \(verb) \(partner.name)", href: href, external: false),
                .text(reporter.alpha3), .text(s.flow), .text(s.commodity), .text(partner.alpha3),
                .text(s.first), .text(s.last), .number(String(s.figures), csv: String(s.figures)),
            ])
        }
        if list.isEmpty { table.notes.append("No trade series are stored yet.") }
        return TradeIndexPage(tables: [table])
    }

    func body(into w: inout HTMLWriter, request: DashboardRequest) {
        w.heading(1, title)
        w.paragraph("Each series opens a page with its monthly chart, changes and partner shares.", cssClass: "lead")
        tables[0].render(into: &w)
    }
}
