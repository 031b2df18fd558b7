import MonaziteService
import MonaziteCore

/// Table cells for trade figures: every quantity links to its source, every unavailable
/// number says why, and numbers computed from derived or estimated inputs are labelled.
enum TradeCells {
    /// A quantity with its source link and stable `id`/`data-` attributes (`q-WLD-2025-06`).
    static func quantity(_ row: TradeSeriesRow, tag: String, request: DashboardRequest) -> DataTable.Cell {
        let period = row.period.description
        guard let t = row.quantityTonnes.value else {
            var c = DataTable.Cell.missing(row.quantityTonnes.reason ?? "no figure")
            c.id = "q-\(tag)-\(period)"
            c.data = [("period", period)]
            return c
        }
        return quantity(t, status: row.status ?? .reported, source: row.sources.first, id: "q-\(tag)-\(period)", period: period, request: request)
    }

    static func quantity(
        _ t: Double, status: DataStatus, source: Provenance?, id: String?, period: String, request: DashboardRequest
    ) -> DataTable.Cell {
        var c = DataTable.Cell.number(NumberText.tonnes(t), csv: NumberText.plain(t))
        if let source {
            let link = SourceLinks.href(source, request)
            c.href = link.href
            c.external = link.external
            c.linkTitle = SourceLinks.title(source)
        }
        if status != .reported { c.badge = status.rawValue }
        c.id = id
        c.data = [("period", period), ("tonnes", NumberText.plain(t)), ("status", status.rawValue)]
        return c
    }

    /// A change we computed; labelled `derived` when one of its inputs is not a reported figure.
    static func change(_ value: Computed, inputsReported: Bool = true) -> DataTable.Cell {
        guard let v = value.value else { return .missing(value.reason ?? "not available") }
        var c = DataTable.Cell.number(NumberText.change(v), csv: Format.raw(v, places: 1000))
        if !inputsReported { c.badge = "derived" }
        return c
    }

    /// A change the source published with the figure.
    static func published(_ value: Double?) -> DataTable.Cell {
        guard let v = value else { return .missing("the source published no change with this figure") }
        return .number(NumberText.change(v), csv: Format.raw(v))
    }

    static func tonnes(_ value: Computed, reported: Bool = true) -> DataTable.Cell {
        guard let v = value.value else { return .missing(value.reason ?? "not available") }
        var c = DataTable.Cell.number(NumberText.tonnes(v, decimals: 0), csv: NumberText.plain(v))
        if !reported { c.badge = "derived" }
        return c
    }

    static func share(_ v: Double) -> DataTable.Cell {
        // CSV carries the share as the service does: a fraction 0…1, six decimals.
        .number(NumberText.share(v), csv: Format.raw(v))
    }

    static func status(_ s: DataStatus?) -> DataTable.Cell {
        guard let s else { return .text("missing") }
        var c = DataTable.Cell.text(s.rawValue)
        if s != .reported { c.cssClass = "derived-status" }
        return c
    }
}

/// The series table of a trade page (and of the home page's recent months): one row per
/// period with MoM, YoY and YTD, ours beside the published.
enum SeriesTable {
    static let columns: [DataTable.Column] = [
        .init(label: "Period", csvName: "period"),
        .init(label: "Tonnes", csvName: "quantity_t", numeric: true),
        .init(label: "Status", csvName: "status"),
        .init(label: "MoM (ours)", csvName: "mom_pct", numeric: true),
        .init(label: "MoM (published)", csvName: "reported_mom_pct", numeric: true),
        .init(label: "YoY (ours)", csvName: "yoy_pct", numeric: true),
        .init(label: "YoY (published)", csvName: "reported_yoy_pct", numeric: true),
        .init(label: "Year to date, t", csvName: "ytd_t", numeric: true),
        .init(label: "YTD YoY (ours)", csvName: "ytd_yoy_pct", numeric: true),
        .init(label: "Source", csvName: "source", csvURLName: "source_url", wide: true),
    ]

    static func make(
        name: String, caption: String, rows: [TradeSeriesRow], data: TradeBook, partner: CountryCode, request: DashboardRequest
    ) -> DataTable {
        var table = DataTable(name: name, caption: caption, columns: columns, downloads: request.downloads(table: name))
        table.rows.reserveCapacity(rows.count)
        let tag = partner.alpha3
        var statusCache: [Period: Bool] = [:]
        func reported(_ p: Period) -> Bool {
            if let known = statusCache[p] { return known }
            let r = (data.status(partner, over: p) ?? .reported) == .reported
            statusCache[p] = r
            return r
        }
        for row in rows {
            let p = row.period
            let current = (row.status ?? .reported) == .reported
            var first = DataTable.Cell.text(p.description)
            first.id = "p-\(tag)-\(p)"
            table.rows.append([
                first,
                TradeCells.quantity(row, tag: tag, request: request),
                TradeCells.status(row.status),
                TradeCells.change(row.momPct, inputsReported: current && reported(p.preceding)),
                TradeCells.published(row.reportedMoMPct),
                TradeCells.change(row.yoyPct, inputsReported: current && reported(p.shifted(years: -1))),
                TradeCells.published(row.reportedYoYPct),
                TradeCells.tonnes(row.ytdTonnes, reported: reported(p.yearToDate)),
                TradeCells.change(row.ytdYoYPct, inputsReported: reported(p.yearToDate) && reported(p.yearToDate.shifted(years: -1))),
                SourceLinks.cell(row.sources.first, request),
            ])
            for n in row.notes
            where TradeSeriesReport.isDerivedBaseNote(n)
                || (!n.hasPrefix("mom_pct") && !n.hasPrefix("yoy_pct") && !n.hasPrefix("ytd") && !n.hasPrefix("quantity:"))
            {
                table.notes.append("\(p): \(n)")
            }
        }
        return table
    }
}
