import MonaziteCore
import MonaziteService
import MonaziteService

/// `/dependence`: USGS net import reliance per year (computed beside the published figure),
/// and concentration (HHI, CR1, N-1) per supply stage from the stored stage shares and import
/// sources. Query: `country` (default USA), `edition` (default the latest stored).
struct DependencePage: DashboardPage {
    let title: String
    let country: CountryCode
    let edition: String?
    let relianceSource: Provenance?
    let tables: [DataTable]

    static func load(service: QueryService, request: DashboardRequest) async throws -> DependencePage {
        let country = try request.country("country") ?? .unitedStates
        let askedEdition = request.string("edition")
        async let sharesQuery = service.shares()
        // The service's answer, as the CLI and the API give it: every stored edition side by side.
        var answer: RelianceAnswer?
        do {
            answer = try await service.reliance(country: country, edition: askedEdition)
        } catch let e as ServiceError where e.kind == .notFound {
            if askedEdition != nil { throw DashboardFailure.badRequest("edition: \(e.message)") }
        }
        let (stageShares, importShares) = try await sharesQuery

        // Net import reliance.
        var reliance = DataTable(
            name: "reliance",
            caption: "\(country.name): net import reliance, rare-earth compounds and metals"
                + (answer.map { " (\($0.edition ?? $0.editions.joined(separator: " and ")))" } ?? ""),
            columns: [
                .init(label: "Year", csvName: "year"), .init(label: "Edition", csvName: "edition"),
                .init(label: "Production, t REO", csvName: "production_t", numeric: true),
                .init(label: "Imports, t REO", csvName: "imports_t", numeric: true),
                .init(label: "Exports, t REO", csvName: "exports_t", numeric: true),
                .init(label: "Apparent consumption, t REO", csvName: "apparent_consumption_t", numeric: true),
                .init(label: "NIR % (ours)", csvName: "nir_computed_pct", numeric: true),
                .init(label: "USGS form (ours)", csvName: "nir_computed_form", numeric: true),
                .init(label: "Published", csvName: "nir_published", numeric: true), .init(label: "Agrees", csvName: "agrees"),
                .init(label: "Revised in", csvName: "revised_by"),
                .init(label: "Source", csvName: "source", csvURLName: "source_url", wide: true),
            ], downloads: request.downloads(table: "reliance"))
        func t(_ v: Double?, _ what: String) -> DataTable.Cell {
            guard let v else { return .missing("the table gives no \(what) for this year") }
            return .number(NumberText.tonnes(v, decimals: 0), csv: NumberText.plain(v))
        }
        for y in answer?.years ?? [] {
            let src = y.source?.provenance
            var year = DataTable.Cell.text(y.label)
            if y.estimated { year.badge = "estimate" }
            var computed: DataTable.Cell
            if let v = y.nirComputedPct {
                computed = .number(NumberText.fixed(v, decimals: 1), csv: NumberText.fixed(v, decimals: 1))
                computed.badge = "derived"
            } else {
                computed = .missing(y.notes.first ?? "not computable")
            }
            var published: DataTable.Cell
            if let p = y.nirPublished {
                published = .number(p, csv: p)
                if let s = src {
                    let link = SourceLinks.href(s, request)
                    published.href = link.href
                    published.external = link.external
                    published.linkTitle = SourceLinks.title(s)
                }
            } else {
                published = .missing("no published reliance for this year")
            }
            let slug = y.edition.lowercased().filter { $0.isLetter || $0.isNumber }
            published.id = "nir-published-\(y.year)-\(slug)"
            published.data = [("year", String(y.year)), ("edition", y.edition)]
            reliance.rows.append([
                year, .text(y.edition), t(y.productionT, "production"), t(y.importsT, "imports"), t(y.exportsT, "exports"),
                t(y.apparentConsumptionT, "apparent consumption"), computed,
                y.nirComputedForm.map { .number($0, csv: $0) } ?? .missing(y.notes.first ?? "not computable"),
                published, .text(y.agrees.map { $0 ? "yes" : "no" } ?? ""), .text(y.revisedBy?.text ?? ""), SourceLinks.cell(src, request),
            ])
        }
        reliance.notes = answer?.notes.filter { !$0.hasPrefix("source: ") } ?? []
        if answer == nil { reliance.notes.insert("No USGS salient statistics are stored for \(country.name).", at: 0) }
        let relianceSource = answer?.sources.last?.provenance
        let edition = answer.map { $0.edition ?? $0.editions.joined(separator: " and ") }
        let source = relianceSource

        // Concentration per stage.
        var concentration = DataTable(
            name: "concentration", caption: "Concentration per supply stage (country shares of world output)",
            columns: [
                .init(label: "Stage", csvName: "stage"), .init(label: "Scope", csvName: "scope", wide: true), .init(label: "Period", csvName: "period"),
                .init(label: "Largest shares", csvName: "largest_shares", wide: true), .init(label: "HHI", csvName: "hhi", numeric: true),
                .init(label: "Band", csvName: "band"), .init(label: "CR1", csvName: "cr1", numeric: true),
                .init(label: "CR3", csvName: "cr3", numeric: true), .init(label: "N-1 residual", csvName: "n_minus_1_residual", numeric: true),
                .init(label: "Coverage", csvName: "coverage", numeric: true), .init(label: "Status", csvName: "status"),
                .init(label: "Source", csvName: "source", csvURLName: "source_url", wide: true),
            ], downloads: request.downloads(table: "concentration"))
        for group in ShareGroup.make(stageShares) {
            concentration.rows.append(group.cells(stage: group.stage?.label ?? "unspecified", request: request))
        }
        for group in ShareGroup.make(importShares.filter { $0.importer == country }) {
            concentration.rows.append(group.cells(stage: "\(country.name) imports (by source country)", request: request))
        }
        concentration.notes = [
            "HHI = Σ(100·share)² over named countries (0–10,000), DOJ 2023 bands: above 1,800 highly concentrated, 1,000–1,800 moderately",
            "residuals (rest of world) are not counted as a country: when coverage is below 100% the HHI is a lower bound",
            "computed by Monazite from the stored shares (derived); rows built on projected shares are marked estimate",
        ]
        if concentration.rows.isEmpty { concentration.notes.insert("No stage shares are stored.", at: 0) }

        return DependencePage(
            title: "Dependence and concentration", country: country, edition: edition, relianceSource: source, tables: [reliance, concentration])
    }

    func body(into w: inout HTMLWriter, request: DashboardRequest) {
        w.heading(1, title)
        w.paragraph(
            "How dependent \(country.name) is on imports of rare-earth compounds and metals, and how concentrated each stage of the chain is.",
            cssClass: "lead")
        w.heading(2, "Net import reliance")
        if let s = relianceSource {
            w.raw("<p>From ")
            let link = SourceLinks.href(s, request)
            w.link(link.href, s.source, external: link.external)
            w.raw(".</p>")
        }
        tables[0].render(into: &w)
        w.heading(2, "Concentration per stage")
        tables[1].render(into: &w)
    }
}

/// Shares of one stage, scope, period and dataset: one row of the concentration table.
struct ShareGroup {
    let stage: SupplyStage?
    let scope: String
    let period: Period
    let indicators: [Indicator]

    static func make(_ all: [Indicator]) -> [ShareGroup] {
        var order: [String] = []
        var groups: [String: [Indicator]] = [:]
        for i in all {
            let key = "\(i.stage?.rawValue ?? "")|\(i.scope)|\(i.period)|\(i.dataset)|\(i.edition)|\(i.provenance.source)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(i)
        }
        return order.compactMap { k in
            guard let xs = groups[k], let first = xs.first else { return nil }
            return ShareGroup(stage: first.stage, scope: first.scope, period: first.period, indicators: xs)
        }.sorted { a, b in
            let sa = a.stage.flatMap { SupplyStage.allCases.firstIndex(of: $0) } ?? 99
            let sb = b.stage.flatMap { SupplyStage.allCases.firstIndex(of: $0) } ?? 99
            if sa != sb { return sa < sb }
            if a.period != b.period { return a.period < b.period }
            return a.scope < b.scope
        }
    }

    func cells(stage label: String, request: DashboardRequest) -> [DataTable.Cell] {
        let countries = indicators.filter { $0.country.isCountry && ($0.value ?? 0) > 0 }
            .sorted { ($0.value ?? 0) > ($1.value ?? 0) }
        let c = Concentration(shares: countries.compactMap(\.value))
        let status = indicators.map(\.status).max() ?? .reported
        let largest = countries.prefix(3).map { "\($0.country.name) \(NumberText.share($0.value ?? 0))" }.joined(separator: ", ")
        var hhi = DataTable.Cell.number(NumberText.tonnes(c.hhi, decimals: 0), csv: NumberText.fixed(c.hhi, decimals: 0))
        if c.coverage < 0.999 { hhi.badge = "≥, up to \(NumberText.tonnes(c.hhiUpperBound, decimals: 0))" }
        hhi.data = [("stage", stage?.rawValue ?? "imports"), ("period", period.description), ("hhi", NumberText.fixed(c.hhi, decimals: 0))]
        var statusCell = DataTable.Cell.text(status.rawValue)
        if status == .estimate { statusCell.badge = "projection or estimate" }
        return [
            .text(label), .text(scope), .text(period.description), .text(largest.isEmpty ? "none named" : largest), hhi,
            .text(c.band?.rawValue ?? "\(c.bandLower.rawValue) to \(c.bandUpper.rawValue)"), TradeCells.share(c.cr1), TradeCells.share(c.cr3), TradeCells.share(c.nMinus1Residual),
            TradeCells.share(c.coverage), statusCell, SourceLinks.cell(indicators.first?.provenance, request),
        ]
    }
}
