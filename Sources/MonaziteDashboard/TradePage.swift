import MonaziteCore
import MonaziteService

/// `/trade/{commodity}/{reporter}`: a monthly chart with policy events, the MoM/YoY/YTD table
/// and the partner shares of one month with their concentration.
///
/// Query: `partner` (default WLD), `flow` (default export), `from`/`to` (YYYY-MM; default the
/// stored coverage), `month` (the month of the partner shares; default the latest in range
/// with partner figures), `as_of` (YYYY-MM-DD).
struct TradePage: DashboardPage {
    /// Longest window a page may chart, in months (a guard against typos like 1025-01).
    static let maximumMonths = 600

    let title: String
    let data: TradeBook
    let partner: CountryCode
    let from: Month
    let to: Month
    let shareMonth: Month?
    let shareMonths: [Month]
    let breakdown: PartnerBreakdown?
    let chart: MonthlyChart
    let tables: [DataTable]

    static func load(
        service: QueryService, request: DashboardRequest, commodityText: String, reporterText: String, markers: [ChartEventMarker]
    ) async throws -> TradePage {
        let commodity = try DashboardRequest.commodity(commodityText, "commodity")
        let reporter = try DashboardRequest.country(reporterText, "reporter")
        let partner = try request.country("partner") ?? .world
        let flow = try request.flow("flow") ?? .export
        let asOf = try request.day("as_of")
        let askedFrom = try request.firstMonth("from")
        let askedTo = try request.lastMonth("to")
        let askedShareMonth = try request.month("month")
        if let f = askedFrom, let t = askedTo, f > t { throw DashboardFailure.badRequest("from \(f) is after to \(t)") }

        let data = try await service.book(reporter: reporter, flow: flow, commodity: commodity, asOf: asOf)
        let key = data.key(partner)
        guard let coverage = data.coverage(partner) else {
            if data.isEmpty { throw DashboardFailure.notFound("no figures stored for \(reporter.name) \(flow)s of HS \(commodity)") }
            let held = data.partners.map(\.alpha3).joined(separator: ", ")
            throw DashboardFailure.notFound("no figures stored for \(key); partners held: \(held)")
        }
        let from = askedFrom ?? coverage.first
        let to = askedTo ?? coverage.last
        guard from <= to else { throw DashboardFailure.badRequest("from \(from) is after to \(to)") }
        guard to.index - from.index < maximumMonths else {
            throw DashboardFailure.badRequest("range \(from)..\(to) is longer than \(maximumMonths / 12) years")
        }
        let totals = data.totals[partner] ?? SeriesTotals([])
        let rows = TradeSeriesReport.rows(totals: totals, from: from, to: to)
        let commodityName = Commodity.named(commodity)?.name ?? "HS \(commodity)"
        let title = "\(reporter.name) \(flow)s of HS \(commodity) \(flow == .export || flow == .reExport ? "to" : "from") \(partner.name)"

        let series = SeriesTable.make(
            name: "series", caption: "\(title), \(from) to \(to): monthly tonnes with changes (\(commodityName))", rows: rows, data: data,
            partner: partner, request: request)
        let points = rows.map(point)
        let chart = MonthlyChart(
            id: "trade-chart", title: "\(title), \(from) to \(to), tonnes per month", seriesTag: partner.alpha3, points: points,
            markers: markers, spans: MonthlyChart.spans(in: totals, over: points))

        let shareMonths = data.monthsWithPartnerFigures(from: from, to: to)
        let shareMonth = askedShareMonth ?? shareMonths.last
        let breakdown = shareMonth.flatMap { data.breakdown(Period(month: $0)) }
        var partners = DataTable(
            name: "partners",
            caption: "Partner shares, \(shareMonth?.description ?? "no month with partner figures")",
            columns: [
                .init(label: "Rank", csvName: "rank", numeric: true), .init(label: "Partner", csvName: "partner"),
                .init(label: "Code", csvName: "code"), .init(label: "Tonnes", csvName: "quantity_t", numeric: true),
                .init(label: "Share", csvName: "share", numeric: true), .init(label: "Status", csvName: "status"),
                .init(label: "Source", csvName: "source", csvURLName: "source_url", wide: true),
            ], downloads: request.downloads(table: "partners"))
        var concentration = DataTable(
            name: "concentration", caption: "Concentration of partners, \(shareMonth?.description ?? "no month")",
            columns: [
                .init(label: "Measure", csvName: "measure"), .init(label: "Value", csvName: "value", numeric: true),
                .init(label: "Meaning", csvName: "meaning", wide: true),
            ], downloads: request.downloads(table: "concentration"))
        // A partner's page in the same state as this one: flow, window and as_of kept.
        let partnerPairs = { (country: CountryCode) -> [(String, String)] in
            [("partner", country.alpha3)] + (flow == .export ? [] : [("flow", flow.rawValue)]) + request.kept("from", "to", "as_of")
        }
        let verb = flow == .export || flow == .reExport ? "to" : "from"
        if let b = breakdown, let m = shareMonth {
            for e in b.entries {
                partners.rows.append([
                    .number(String(e.rank), csv: String(e.rank)),
                    .link(e.country.name, href: request.href("/trade/\(commodity)/\(reporter.alpha3)", partnerPairs(e.country)),
                        title: "Monthly series \(verb) \(e.country.name)", external: false),
                    .text(e.country.alpha3),
                    TradeCells.quantity(e.tonnes, status: e.status, source: e.provenance, id: "share-\(e.country.alpha3)-\(m)", period: m.description, request: request),
                    TradeCells.share(e.share), TradeCells.status(e.status), SourceLinks.cell(e.provenance, request),
                ])
            }
            if let w = data.figure(.world, over: Period(month: m)), let t = w.quantityTonnes {
                partners.rows.append([
                    .text(""), .text("World"), .text("WLD"),
                    TradeCells.quantity(t, status: w.status, source: w.provenance, id: "share-WLD-\(m)", period: m.description, request: request),
                    TradeCells.share(1), TradeCells.status(w.status), SourceLinks.cell(w.provenance, request),
                ])
            }
            partners.notes = b.notes
            if !b.totalIsReportedWorld { partners.notes.append("shares are of the partners listed, not of a published world total") }
            let c = b.concentration
            var hhi = DataTable.Cell.number(NumberText.tonnes(c.hhi, decimals: 0), csv: NumberText.fixed(c.hhi, decimals: 0))
            hhi.id = "hhi"
            hhi.data = [("hhi", NumberText.fixed(c.hhi, decimals: 0))]
            concentration.rows = [
                [.text("HHI"), hhi, .text("Σ(100·share)² over named countries, 0–10,000; \(c.bandText) (DOJ 2023 bands)")],
                [
                    .text("HHI upper bound"), .number(NumberText.tonnes(c.hhiUpperBound, decimals: 0), csv: NumberText.fixed(c.hhiUpperBound, decimals: 0)),
                    .text("if everything not broken down were one more partner"),
                ],
                [.text("CR1"), TradeCells.share(c.cr1), .text("share of the largest partner")],
                [.text("CR3"), TradeCells.share(c.cr3), .text("share of the three largest partners")],
                [.text("N-1 residual"), TradeCells.share(c.nMinus1Residual), .text("share left if the largest partner drops out")],
                [.text("Coverage"), TradeCells.share(c.coverage), .text("share of the total named by country")],
            ]
            concentration.notes = ["computed by Monazite from the partner figures above (derived)"]
        } else {
            partners.notes = ["No partner figures are stored for this range."]
        }
        return TradePage(
            title: title, data: data, partner: partner, from: from, to: to, shareMonth: shareMonth, shareMonths: shareMonths,
            breakdown: breakdown, chart: chart, tables: [series, partners, concentration])
    }

    static func point(_ row: TradeSeriesRow) -> MonthlyChart.Point {
        MonthlyChart.Point(
            month: row.period.last, tonnes: row.quantityTonnes.value, status: row.status, missingReason: row.quantityTonnes.reason,
            source: row.sources.first)
    }

    func body(into w: inout HTMLWriter, request: DashboardRequest) {
        w.heading(1, title)
        let commodityName = Commodity.named(data.commodity)?.name ?? "HS \(data.commodity)"
        w.paragraph("\(commodityName). Monthly tonnes from \(from) to \(to); every figure links to its source.", cssClass: "lead")

        // The window form: GET, works without JavaScript.
        w.raw("<form method=\"get\" aria-label=\"Choose the series and window\"><label>Partner<select name=\"partner\">")
        for p in data.partners {
            w.raw("<option")
            w.attribute("value", p.alpha3)
            if p == partner { w.raw(" selected") }
            w.raw(">")
            w.text("\(p.name) (\(p.alpha3))")
            w.raw("</option>")
        }
        w.raw("</select></label><label>From<input name=\"from\" inputmode=\"numeric\" pattern=\"[0-9]{4}-[0-9]{2}\" size=\"8\"")
        w.attribute("value", from.description)
        w.raw("></label><label>To<input name=\"to\" inputmode=\"numeric\" pattern=\"[0-9]{4}-[0-9]{2}\" size=\"8\"")
        w.attribute("value", to.description)
        w.raw(">")
        w.raw("</label>")
        w.hiddenInputs(request.kept("as_of") + (data.flow == .export ? [] : [("flow", data.flow.rawValue)]))
        w.raw("<button type=\"submit\">Show</button></form>")

        w.raw("<figure><div class=\"chart-wrap\">")
        chart.render(into: &w, request: request)
        w.raw("</div>")
        MonthlyChart.legend(into: &w, hasEvents: !chart.markersInRange.isEmpty, hasSpans: !chart.spans.isEmpty)
        w.raw("<figcaption>")
        w.text(chart.summary)
        w.raw("</figcaption></figure>")
        Self.eventList(into: &w, chart.markersInRange)

        w.heading(2, "Monthly figures and changes")
        tables[0].render(into: &w)

        w.heading(2, "Partner shares")
        if shareMonths.count > 1 {
            w.raw("<p>Months with partner figures: ")
            for (i, m) in shareMonths.enumerated() {
                if i > 0 { w.raw(", ") }
                if m == shareMonth {
                    w.raw("<strong>")
                    w.text(m.description)
                    w.raw("</strong>")
                } else {
                    var pairs: [(String, String)] = []
                    for k in request.query.keys.sorted() where k != "month" && k != "format" && k != "table" {
                        if let v = request.query[k], !v.isEmpty { pairs.append((k, v)) }
                    }
                    pairs.append(("month", m.description))
                    w.link(request.href(request.path, pairs) + "#t-partners", m.description)
                }
            }
            w.raw("</p>")
        }
        tables[1].render(into: &w)
        if breakdown != nil { tables[2].render(into: &w) }
    }

    /// The events charted, as a list with dates and links (readable without the chart).
    static func eventList(into w: inout HTMLWriter, _ markers: [ChartEventMarker]) {
        guard !markers.isEmpty else { return }
        w.raw("<h3>Policy events marked on the chart</h3><ol class=\"events\">")
        for m in markers {
            w.raw("<li")
            w.attribute("data-day", m.day.description)
            w.raw("><time")
            w.attribute("datetime", m.day.description)
            w.raw(">")
            w.text(m.day.description)
            w.raw("</time>: ")
            if let url = SourceLinks.safeURL(m.url) {
                w.link(url, m.label, external: true)
            } else {
                w.text(m.label)
            }
            w.raw(" <span class=\"badge\">")
            w.text(m.kind)
            w.raw("</span></li>")
        }
        w.raw("</ol>")
    }
}
