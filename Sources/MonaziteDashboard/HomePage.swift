import MonaziteCore
import MonaziteService

/// `/`: the latest month of China's HS 8505.11 exports: the world total with MoM/YoY (ours
/// beside the published), year to date, top destinations with shares, the last twelve months
/// charted with policy events, and the sources behind every figure. `?month=YYYY-MM` picks
/// another month, `?as_of=YYYY-MM-DD` an earlier state of the releases.
struct HomePage: DashboardPage {
    static let reporter = CountryCode.china
    static let flow = TradeFlow.export
    static let commodity = HSCode("8505.11") ?? HSCode("850511") ?? HSCode("8505110000")

    let title: String
    let month: Month?
    let data: TradeBook
    let world: TradeSeriesRow?
    let chart: MonthlyChart?
    let tables: [DataTable]
    let cited: [Provenance]
    /// The day "today" is, and the measures touching HS 8505.11 on it (filled by the dashboard).
    var today: CalendarDay?
    var holdsToday: [ApplicabilityRow] = []

    static func load(service: QueryService, request: DashboardRequest, markers: [ChartEventMarker]) async throws -> HomePage {
        let asked = try request.month("month")
        let asOf = try request.day("as_of")
        guard let commodity else { throw DashboardFailure.notFound("no commodity") }
        let name = Commodity.named(commodity)?.name ?? "HS \(commodity)"
        let title = "\(reporter.name)'s exports of HS \(commodity): \(name)"
        let worldKey = SeriesKey(reporter: reporter, partner: .world, flow: flow, commodity: commodity)
        guard let latest = try await service.latestMonth(worldKey, asOf: asOf) else {
            let data = try await service.book(reporter: reporter, flow: flow, commodity: commodity, asOf: asOf)
            return HomePage(title: title, month: nil, data: data, world: nil, chart: nil, tables: [], cited: [])
        }
        let month = asked ?? latest
        // The page shows the month, its bases and the twelve months to it: only those months are read.
        let data = try await service.book(
            reporter: reporter, flow: flow, commodity: commodity, asOf: asOf,
            within: TradeSeriesReport.monthsRead(from: Period(month: month.adding(months: -11)), to: month))
        let worldTotals = data.totals[.world] ?? SeriesTotals([])
        let period = Period(month: month)
        let world = TradeSeriesReport.row(for: period, totals: worldTotals)
        var cited: [Provenance] = world.sources

        // Headline figures.
        var headline = DataTable(
            name: "headline", caption: "Headline figures, \(month): exports to the world",
            columns: [
                .init(label: "Figure", csvName: "figure"), .init(label: "Ours", csvName: "value", numeric: true),
                .init(label: "Published", csvName: "published", numeric: true), .init(label: "Unit", csvName: "unit"),
                .init(label: "Source", csvName: "source", csvURLName: "source_url", wide: true),
            ], downloads: request.downloads(table: "headline"))
        let current = (world.status ?? .reported) == .reported
        func reported(_ p: Period) -> Bool { (data.status(.world, over: p) ?? .reported) == .reported }
        let source = SourceLinks.cell(world.sources.first, request)
        var total = TradeCells.quantity(world, tag: "WLD", request: request)
        total.id = "headline-world"
        headline.rows.append([.text("Exports to the world, \(month)"), total, .text(""), .text("t"), source])
        headline.rows.append([
            .text("Change on \(period.preceding) (MoM)"), TradeCells.change(world.momPct, inputsReported: current && reported(period.preceding)),
            TradeCells.published(world.reportedMoMPct), .text("%"), source,
        ])
        let lastYear = period.shifted(years: -1)
        headline.rows.append([
            .text("Change on \(lastYear) (YoY)"), TradeCells.change(world.yoyPct, inputsReported: current && reported(lastYear)),
            TradeCells.published(world.reportedYoYPct), .text("%"), source,
        ])
        let ytd = period.yearToDate
        let ytdLabel = ytd.isMonth ? "\(month)" : "\(ytd.first)..\(ytd.last)"
        let ytdFigure = data.figure(.world, over: ytd)
        let ytdSourceRow = (try? worldTotals.total(over: ytd).get())?.pieces
        let ytdSource = ytdSourceRow?.count == 1 ? ytdSourceRow?.first?.provenance : nil
        if let s = ytdSource { cited.append(s) }
        var ytdCell = TradeCells.tonnes(world.ytdTonnes, reported: reported(ytd))
        ytdCell.id = "headline-ytd"
        headline.rows.append([
            .text("Year to date (\(ytdLabel))"), ytdCell, .text(""), .text("t"),
            ytdSource.map { SourceLinks.cell($0, request) } ?? .text(ytdFigure == nil ? "" : "sum of the monthly figures"),
        ])
        headline.rows.append([
            .text("Year to date on \(ytd.shifted(years: -1)) (YoY)"),
            TradeCells.change(world.ytdYoYPct, inputsReported: reported(ytd) && reported(ytd.shifted(years: -1))),
            TradeCells.published(ytdSource == nil ? nil : ytdSourceRow?.first?.reportedYoYPct), .text("%"),
            ytdSource.map { SourceLinks.cell($0, request) } ?? .text(""),
        ])
        for n in world.notes
        where TradeSeriesReport.isDerivedBaseNote(n)
            || (!n.hasPrefix("quantity:") && !n.hasPrefix("mom_pct") && !n.hasPrefix("yoy_pct") && !n.hasPrefix("ytd"))
        {
            headline.notes.append("world: \(n)")
        }
        if let note = TradeQueries.impliedBaseNote(partner: "World", row: world) { headline.notes.append(note) }

        // Destinations.
        var destinations = DataTable(
            name: "destinations", caption: "Top destinations, \(month)",
            columns: [
                .init(label: "Rank", csvName: "rank", numeric: true), .init(label: "Destination", csvName: "partner"),
                .init(label: "Code", csvName: "code"), .init(label: "Tonnes", csvName: "quantity_t", numeric: true),
                .init(label: "Share of world", csvName: "share", numeric: true),
                .init(label: "MoM (ours)", csvName: "mom_pct", numeric: true),
                .init(label: "MoM (published)", csvName: "reported_mom_pct", numeric: true),
                .init(label: "YoY (published)", csvName: "reported_yoy_pct", numeric: true),
                .init(label: "Source", csvName: "source", csvURLName: "source_url", wide: true),
            ], downloads: request.downloads(table: "destinations"))
        var partnerRows: [(CountryCode, TradeSeriesRow)] = []
        for (partner, totals) in data.totals where partner != .world {
            let row = TradeSeriesReport.row(for: period, totals: totals)
            if row.quantityTonnes.value != nil { partnerRows.append((partner, row)) }
        }
        partnerRows.sort { ($0.1.quantityTonnes.value ?? 0) > ($1.1.quantityTonnes.value ?? 0) }
        var rank = 0
        var covered = 0.0
        for (partner, row) in partnerRows {
            let q = row.quantityTonnes.value ?? 0
            var share: DataTable.Cell = .missing("\(partner.name) is a group of countries, not counted in shares")
            var rankCell = DataTable.Cell.text("")
            if partner.isCountry {
                rank += 1
                covered += q
                rankCell = .number(String(rank), csv: String(rank))
                if let w = world.quantityTonnes.value, w > 0 {
                    share = TradeCells.share(q / w)
                } else {
                    share = .missing("no world total for \(month)")
                }
            }
            let trade = request.href("/trade/\(commodity)/\(reporter.alpha3)", [("partner", partner.alpha3)] + request.kept("as_of"))
            let partnerCurrent = (row.status ?? .reported) == .reported
            let base = (data.status(partner, over: period.preceding) ?? .reported) == .reported
            destinations.rows.append([
                rankCell, .link(partner.name, href: trade, title: "Monthly series to \(partner.name)", external: false),
                .text(partner.alpha3), TradeCells.quantity(row, tag: partner.alpha3, request: request), share,
                TradeCells.change(row.momPct, inputsReported: partnerCurrent && base), TradeCells.published(row.reportedMoMPct),
                TradeCells.published(row.reportedYoYPct), SourceLinks.cell(row.sources.first, request),
            ])
            cited += row.sources
            if let note = TradeQueries.impliedBaseNote(partner: partner.name, row: row) { destinations.notes.append(note) }
        }
        if let w = world.quantityTonnes.value, w > 0, rank > 0 {
            destinations.notes.append(
                "The destinations listed cover \(NumberText.share(covered / w)) of the world total; the rest is not broken down in the stored releases.")
        }
        if partnerRows.isEmpty { destinations.notes.append("No destination figures are stored for \(month).") }

        // Last twelve months.
        let from = month.adding(months: -11)
        let recentRows = TradeSeriesReport.rows(totals: worldTotals, from: from, to: month)
        let recent = SeriesTable.make(
            name: "recent", caption: "Exports to the world, \(from) to \(month), tonnes", rows: recentRows, data: data, partner: .world,
            request: request)
        cited += recentRows.flatMap(\.sources)
        let points = recentRows.map(TradePage.point)
        let chart = MonthlyChart(
            id: "home-chart", title: "\(reporter.name) exports of HS \(commodity) to the world, \(from) to \(month)", seriesTag: "WLD",
            points: points, markers: markers, spans: MonthlyChart.spans(in: worldTotals, over: points))

        var seen = Set<String>()
        let unique = cited.filter { seen.insert($0.source + "|" + ($0.url ?? "")).inserted }
        return HomePage(
            title: title, month: month, data: data, world: world, chart: chart, tables: [headline, destinations, recent], cited: unique)
    }

    func body(into w: inout HTMLWriter, request: DashboardRequest) {
        w.heading(1, title)
        guard let month, let world, let chart, let commodity = Self.commodity else {
            w.paragraph("No figures are stored for this series yet. Load the bundled dataset with `monazite init`, or import a file.")
            return
        }
        let trade = request.href("/trade/\(commodity)/\(Self.reporter.alpha3)", request.kept("as_of"))
        todaySection(into: &w, request: request, month: month, world: world)
        w.raw("<p class=\"lead\">")
        if let t = world.quantityTonnes.value {
            w.text("In \(month), \(Self.reporter.name) exported \(NumberText.tonnes(t)) t")
            // Ours; where no base is held to compute ours, the published change, said to be that.
            let previous = Period(month: month).preceding, lastYear = Period(month: month).shifted(years: -1)
            if let mom = world.momPct.value {
                w.text(", \(NumberText.change(mom)) on \(previous)")
            } else if let published = world.reportedMoMPct {
                w.text(", " + TradeQueries.publishedChangeOnly(NumberText.change(published), on: previous))
            }
            if let yoy = world.yoyPct.value {
                w.text(" and \(NumberText.change(yoy)) on \(lastYear)")
            } else if let published = world.reportedYoYPct {
                w.text(" and " + TradeQueries.publishedChangeOnly(NumberText.change(published), on: lastYear))
            }
            w.text(".")
        } else {
            w.text("No world figure for \(month): \(world.quantityTonnes.reason ?? "missing").")
        }
        w.raw(" <a")
        w.attribute("href", trade)
        w.raw(">The full monthly series</a>.</p>")

        // Key figures.
        w.raw("<dl class=\"kpis\"><div class=\"kpi\"><dt>Exports to the world, ")
        w.text(month.description)
        w.raw("</dt><dd class=\"big\"")
        if let t = world.quantityTonnes.value {
            w.raw(" id=\"kpi-world\"")
            w.attribute("data-period", month.description)
            w.attribute("data-tonnes", NumberText.plain(t))
            w.raw(">")
            if let s = world.sources.first {
                let link = SourceLinks.href(s, request)
                w.link(link.href, NumberText.tonnes(t) + " t", title: SourceLinks.title(s), external: link.external)
            } else {
                w.text(NumberText.tonnes(t) + " t")
            }
            if let status = world.status, status != .reported {
                w.raw(" <span class=\"badge\">")
                w.text(status.rawValue)
                w.raw("</span>")
            }
        } else {
            w.raw("><span")
            w.attribute("title", world.quantityTonnes.reason ?? "missing")
            w.raw(">—</span>")
        }
        w.raw("</dd></div>")
        kpi(&w, "Month on month (ours / published)", world.momPct, world.reportedMoMPct, id: "kpi-mom")
        kpi(&w, "Year on year (ours / published)", world.yoyPct, world.reportedYoYPct, id: "kpi-yoy")
        w.raw("<div class=\"kpi\"><dt>Year to date</dt><dd class=\"big\" id=\"kpi-ytd\">")
        if let v = world.ytdTonnes.value {
            w.text(NumberText.tonnes(v, decimals: 0) + " t")
        } else {
            w.raw("<span")
            w.attribute("title", world.ytdTonnes.reason ?? "missing")
            w.raw(">—</span>")
        }
        w.raw("</dd>")
        if let y = world.ytdYoYPct.value {
            w.raw("<dd>")
            w.text(NumberText.change(y) + " on the same months of the year before")
            w.raw("</dd>")
        }
        w.raw("</div></dl>")

        w.heading(2, "Headline figures")
        tables[0].render(into: &w)
        w.heading(2, "Top destinations")
        tables[1].render(into: &w)
        w.heading(2, "The last twelve months")
        w.raw("<figure><div class=\"chart-wrap\">")
        chart.render(into: &w, request: request)
        w.raw("</div>")
        MonthlyChart.legend(into: &w, hasEvents: !chart.markersInRange.isEmpty, hasSpans: !chart.spans.isEmpty)
        w.raw("<figcaption>")
        w.text(chart.summary)
        w.raw("</figcaption></figure>")
        TradePage.eventList(into: &w, chart.markersInRange)
        tables[2].render(into: &w)

        w.heading(2, "Trade pages")
        w.raw("<ul>")
        for partner in data.partners {
            w.raw("<li><a")
            w.attribute(
                "href", request.href("/trade/\(commodity)/\(Self.reporter.alpha3)", (partner == .world ? [] : [("partner", partner.alpha3)]) + request.kept("as_of")))
            w.raw(">")
            w.text("\(Self.reporter.name) exports of HS \(commodity) to \(partner.name)")
            w.raw("</a></li>")
        }
        w.raw("</ul>")

        w.heading(2, "Sources of the figures on this page")
        w.raw("<ul class=\"sources\">")
        for p in cited {
            let link = SourceLinks.href(p, request)
            w.raw("<li>")
            w.link(link.href, p.source, external: link.external)
            if let r = p.release { w.text(", released \(r)") }
            w.raw("</li>")
        }
        w.raw("</ul><p><a")
        w.attribute("href", request.href("/sources"))
        w.raw(">Everything the store holds, by source</a>.</p>")
    }

    private func kpi(_ w: inout HTMLWriter, _ label: String, _ ours: Computed, _ published: Double?, id: String) {
        w.raw("<div class=\"kpi\"><dt>")
        w.text(label)
        w.raw("</dt><dd class=\"big\"")
        w.attribute("id", id)
        w.raw(">")
        if let v = ours.value {
            w.text(NumberText.change(v))
        } else {
            w.raw("<span")
            w.attribute("title", ours.reason ?? "not available")
            w.raw(">—</span>")
        }
        w.raw("</dd><dd>published: ")
        w.text(published.map(NumberText.change) ?? "none")
        w.raw("</dd>")
        if let reason = ours.reason {
            w.raw("<dd class=\"muted\">ours: ")
            w.text(reason)
            w.raw("</dd>")
        }
        w.raw("</div>")
    }

    /// What holds today for HS 8505.11 (lapsed suspensions first), and the latest release.
    func todaySection(into w: inout HTMLWriter, request: DashboardRequest, month: Month, world: TradeSeriesRow) {
        guard let today else { return }
        w.raw("<section class=\"today\" id=\"today\"><h2>")
        w.text("What holds today, \(today)")
        w.raw("</h2><ul>")
        let lapsed = holdsToday.filter { $0.status == "suspension_lapsed" }
        for row in lapsed {
            w.raw("<li><strong>")
            w.text(row.title)
            w.raw("</strong>: suspension lapsed — ")
            w.text(row.reason)
            if let url = row.url {
                w.raw(" ")
                w.link(url, "source", external: true)
            }
            w.raw("</li>")
        }
        let inForce = holdsToday.filter { $0.status == "in_force" }.count
        if !holdsToday.isEmpty {
            w.raw("<li>")
            w.text("\(inForce) measure\(inForce == 1 ? "" : "s") touching HS 8505.11 in force today; ")
            w.raw("<a")
            // The answer for today on /policy, from the same day when the address chose one.
            let pinned = request.string("today") != nil ? [("today", today.description)] : []
            w.attribute("href", request.href("/policy", [("date", today.description), ("commodity", "8505.11")] + pinned) + "#applies")
            w.raw(">every status and why</a>.</li>")
        }
        w.raw("<li>")
        w.text("Latest release: the \(month) figure")
        if let s = world.sources.first {
            if let r = s.release { w.text(", released \(r)") }
            w.text(" (")
            let link = SourceLinks.href(s, request)
            w.link(link.href, s.source, title: SourceLinks.title(s), external: link.external)
            w.text(")")
        }
        w.text(". ")
        w.raw("<a")
        w.attribute("href", request.href("/briefing/\(month)"))
        w.raw(">The briefing for ")
        w.text(month.description)
        w.raw("</a>.</li></ul></section>")
    }
}
