import MonaziteCore
import MonaziteStore

/// `/trade`: the series the store holds, each linked to its trade page.
struct TradeIndexPage: DashboardPage {
    let title = "Trade series"
    let tables: [DataTable]

    static func load(store: any TradeStore, request: DashboardRequest) async throws -> TradeIndexPage {
        let list = try await store.seriesList()
        var table = DataTable(
            name: "series-list", caption: "Trade series held",
            columns: [
                .init(label: "Series", csvName: "series", wide: true), .init(label: "Reporter", csvName: "reporter"),
                .init(label: "Flow", csvName: "flow"), .init(label: "Commodity", csvName: "commodity"),
                .init(label: "Partner", csvName: "partner"), .init(label: "First", csvName: "first"), .init(label: "Last", csvName: "last"),
                .init(label: "Figures", csvName: "figures", numeric: true),
            ], csvHref: request.csvHref(table: "series-list"))
        for s in list {
            let k = s.key
            var pairs: [(String, String)] = []
            if k.partner != .world { pairs.append(("partner", k.partner.alpha3)) }
            if k.flow != .export { pairs.append(("flow", k.flow.rawValue)) }
            let href = request.href("/trade/\(k.commodity)/\(k.reporter.alpha3)", pairs)
            let verb = k.flow == .export || k.flow == .reExport ? "to" : "from"
            table.rows.append([
                .link("\(k.reporter.name) \(k.flow)s of HS \(k.commodity) \(verb) \(k.partner.name)", href: href, external: false),
                .text(k.reporter.alpha3), .text(k.flow.rawValue), .text(k.commodity.description), .text(k.partner.alpha3),
                .text(s.first.description), .text(s.last.description), .number(String(s.count), csv: String(s.count)),
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
