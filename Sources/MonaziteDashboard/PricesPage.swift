import MonazitePrices
import MonaziteService

/// `/prices`: ex-China / China spreads and the monthly stress index (all derived), with an SVG
/// chart of the index, and the DoD–MP Materials floor's top-ups along the bundled China price
/// history; the same figures as `monazite spreads` and `monazite contract` (docs/prices.md).
struct PricesPage: DashboardPage {
    let title = "Prices and spreads"
    let answer: SpreadsAnswer
    let contract: ContractAnswer
    let tables: [DataTable]

    static func load(service: QueryService, request: DashboardRequest) async throws -> PricesPage {
        let answer: SpreadsAnswer
        let stored = try await service.importedPriceQuotes()
        do { answer = try PriceQueries.spreads(stored: stored) } catch { throw DashboardFailure.notFound(error.description) }
        var index = DataTable(
            name: "stress", caption: "Stress index by month (derived; 100 = parity)",
            columns: [
                .init(label: "Month", csvName: "month"), .init(label: "Index", csvName: "index", numeric: true),
                .init(label: "Products", csvName: "products", wide: true), .init(label: "Spreads", csvName: "spread_count", numeric: true),
            ], downloads: request.downloads(table: "stress"))
        for p in answer.stressIndex {
            var cell = DataTable.Cell.number(NumberText.fixed(p.index, decimals: 0), csv: NumberText.fixed(p.index, decimals: 1))
            cell.badge = "derived"
            index.rows.append([
                .text(p.month), cell, .text(p.products.joined(separator: ", ")), .number(String(p.spreadCount), csv: String(p.spreadCount)),
            ])
        }
        index.notes = ["Index = 100 × exp(mean over products of the month's mean ln(ex-China / China)); 100 is parity. The product mix changes month to month."]
        var spreads = DataTable(
            name: "spreads", caption: "Ex-China / China spreads (derived)",
            columns: [
                .init(label: "Date", csvName: "date"), .init(label: "Product", csvName: "product"),
                .init(label: "Ex-China basis", csvName: "ex_china_basis"),
                .init(label: "Ex-China USD/kg", csvName: "ex_china_usd_per_kg", numeric: true, csvURLName: "ex_china_source"),
                .init(label: "China date", csvName: "china_date"), .init(label: "China basis", csvName: "china_basis", wide: true),
                .init(label: "China USD/kg", csvName: "china_usd_per_kg", numeric: true, csvURLName: "china_source"),
                .init(label: "Ratio", csvName: "ratio", numeric: true),
            ], downloads: request.downloads(table: "spreads"))
        for s in answer.spreads {
            var ex = DataTable.Cell.link(NumberText.fixed(s.exChinaUSDPerKg, decimals: 2), href: SourceLinks.safeURL(s.exChinaSource), title: s.exChinaSource)
            ex.csv = NumberText.fixed(s.exChinaUSDPerKg, decimals: 4)
            ex.csvURL = s.exChinaSource
            var cn = DataTable.Cell.link(NumberText.fixed(s.chinaUSDPerKg, decimals: 2), href: SourceLinks.safeURL(s.chinaSource), title: s.chinaSource)
            cn.csv = NumberText.fixed(s.chinaUSDPerKg, decimals: 4)
            cn.csvURL = s.chinaSource
            var ratio = DataTable.Cell.number(NumberText.fixed(s.ratio, decimals: 2), csv: NumberText.fixed(s.ratio, decimals: 4))
            ratio.badge = "derived"
            spreads.rows.append([
                .text(s.date.description), .text(s.product), .text(s.exChinaBasis.rawValue), ex, .text(s.chinaDate.description),
                .text(s.chinaBasis), cn, ratio,
            ])
        }
        spreads.notes = answer.notes
        let contract: ContractAnswer
        do { contract = try PriceQueries.contract() } catch { throw DashboardFailure.notFound(error.description) }
        return PricesPage(answer: answer, contract: contract, tables: [spreads, index, contractTable(contract, request: request)])
    }

    /// The floor's quarterly top-ups (derived), each volume with its source.
    static func contractTable(_ contract: ContractAnswer, request: DashboardRequest) -> DataTable {
        var table = DataTable(
            name: "contract", caption: "\(contract.contract.name): floor top-ups by quarter (derived)",
            columns: [
                .init(label: "Quarter", csvName: "period"), .init(label: "Reference USD/kg", csvName: "reference_usd_per_kg", numeric: true),
                .init(label: "Quotes", csvName: "reference_points", numeric: true), .init(label: "Tonnes", csvName: "tonnes", numeric: true),
                .init(label: "Top-up USD", csvName: "top_up_usd", numeric: true),
                .init(label: "Volume source", csvName: "volume_source", csvURLName: "volume_url", wide: true),
            ], downloads: request.downloads(table: "contract"))
        let urls = Dictionary(contract.contract.volumes.map { ($0.period, $0.url) }, uniquingKeysWith: { a, _ in a })
        for t in contract.topUps {
            func figure(_ v: Double?, _ decimals: Int, reason: String) -> DataTable.Cell {
                guard let v else { return .missing(t.reason ?? reason) }
                return .number(NumberText.tonnes(v, decimals: decimals), csv: NumberText.plain(v, decimals: 4))
            }
            var payment = figure(t.payment, 0, reason: "no top-up figure for \(t.period)")
            if t.payment != nil { payment.badge = "derived" }
            var reference = figure(t.referencePrice, 2, reason: "no reference price in \(t.period)")
            if t.referencePrice != nil { reference.badge = "derived" }
            var source = DataTable.Cell.text(t.volumeSource ?? "")
            if let url = urls[t.period] ?? nil, t.volumeSource != nil {
                source = .link(t.volumeSource ?? "", href: SourceLinks.safeURL(url), title: url)
                source.csvURL = url
            }
            table.rows.append([
                .text(t.period), reference, .number(String(t.referencePoints), csv: String(t.referencePoints)),
                figure(t.tonnes, 0, reason: "no volume for \(t.period)"), payment, source,
            ])
        }
        var notes = [
            "Floor \(contract.contract.currency) \(NumberText.plain(contract.contract.floor))/kg for \(contract.contract.termYears) years from \(contract.contract.start); top-up = max(0, floor − reference) × tonnes × 1,000 kg/t. Path: \(contract.path)."
        ]
        if let total = contract.total { notes.append("Total top-up (derived): \(contract.contract.currency) \(NumberText.tonnes(total, decimals: 0)).") }
        notes += contract.notes
        table.notes = notes
        return table
    }

    func body(into w: inout HTMLWriter, request: DashboardRequest) {
        w.heading(1, title)
        w.paragraph(
            "European and FOB China quotes against China's domestic price of the same product, both in USD/kg, China's 13% VAT removed. Every figure here is derived from cited quotes; European quotes are asks or thin-volume assessments.",
            cssClass: "lead")
        renderChart(into: &w)
        tables[1].render(into: &w)
        tables[0].render(into: &w)
        w.heading(2, "Price floor: DoD – MP Materials (NdPr)")
        w.paragraph(
            "What the US Department of Defense's USD 110/kg NdPr floor would pay MP Materials each quarter if the reference were the China-domestic price: derived from cited terms, reported volumes and cited quotes. The contract's own index is not published. Other paths: monazite contract --constant or GET /api/v1/contracts/dod-mp-materials.")
        tables[2].render(into: &w)
    }

    /// Bars of the stress index by month, with the parity line at 100.
    func renderChart(into w: inout HTMLWriter) {
        let points = answer.stressIndex
        let width = 760.0, height = 300.0, left = 56.0, right = 14.0, top = 14.0, bottom = 40.0
        let plotW = width - left - right, plotH = height - top - bottom
        let yMax = max(100, (points.map(\.index).max() ?? 100) * 1.1)
        func y(_ v: Double) -> Double { top + plotH * (1 - v / yMax) }
        func f(_ v: Double) -> String { NumberText.fixed(v, decimals: 1) }
        let band = plotW / Double(max(1, points.count))
        w.raw("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" aria-labelledby=\"stress-title\"><title id=\"stress-title\">")
        w.text("Stress index by month (derived; 100 = parity): " + points.map { "\($0.month) \(NumberText.fixed($0.index, decimals: 0))" }.joined(separator: ", "))
        w.raw("</title>")
        var tick = 0.0
        while tick <= yMax {
            w.raw("<line class=\"grid\" x1=\"\(f(left))\" x2=\"\(f(width - right))\" y1=\"\(f(y(tick)))\" y2=\"\(f(y(tick)))\"/>")
            w.raw("<text x=\"\(f(left - 6))\" y=\"\(f(y(tick) + 4))\" text-anchor=\"end\">\(Int(tick))</text>")
            tick += 100
        }
        for (i, p) in points.enumerated() {
            let x = left + band * Double(i) + band * 0.14
            w.raw("<rect class=\"bar derived\" x=\"\(f(x))\" y=\"\(f(y(p.index)))\" width=\"\(f(band * 0.72))\" height=\"\(f(y(0) - y(p.index)))\"><title>")
            w.text("\(p.month): \(NumberText.fixed(p.index, decimals: 0)) (\(p.products.joined(separator: ", ")))")
            w.raw("</title></rect>")
            w.raw("<text x=\"\(f(x + band * 0.36))\" y=\"\(f(height - bottom + 16))\" text-anchor=\"middle\">")
            w.text(p.month)
            w.raw("</text>")
        }
        w.raw("<line class=\"axis\" x1=\"\(f(left))\" x2=\"\(f(width - right))\" y1=\"\(f(y(100)))\" y2=\"\(f(y(100)))\" stroke-dasharray=\"4 3\"/>")
        w.raw("<text x=\"\(f(width - right))\" y=\"\(f(y(100) - 4))\" text-anchor=\"end\">parity (100)</text></svg>")
    }
}
