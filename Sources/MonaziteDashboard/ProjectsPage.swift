import MonaziteService

/// `/projects`: the cited project rows, and the magnet-stage outlook against US demand as an SVG
/// chart and tables (derived); the same figures as `monazite projects` / `monazite outlook` (docs/projects.md).
struct ProjectsPage: DashboardPage {
    let title = "Projects and pipeline outlook"
    let projects: ProjectsAnswer
    let outlook: OutlookAnswer
    let tables: [DataTable]

    static func load(request: DashboardRequest) throws -> ProjectsPage {
        let projects: ProjectsAnswer
        let outlook: OutlookAnswer
        do {
            projects = try ProjectQueries.projects(country: request.string("country"), stage: request.string("stage"))
            outlook = try ProjectQueries.outlook()
        } catch let e where e.kind == .invalidParameter {
            throw DashboardFailure.badRequest(e.description)
        } catch {
            throw DashboardFailure.notFound("\(error)")
        }
        var list = DataTable(
            name: "projects", caption: "US and allied projects (as published; every row cited)",
            columns: [
                .init(label: "Project", csvName: "project", wide: true), .init(label: "Country", csvName: "country"),
                .init(label: "Stages", csvName: "stages"), .init(label: "Capacity", csvName: "capacity_value", numeric: true),
                .init(label: "Unit", csvName: "capacity_unit", wide: true), .init(label: "Status", csvName: "status_class"),
                .init(label: "As of", csvName: "status_asof"), .init(label: "Status as published", csvName: "status", wide: true),
                .init(label: "Start", csvName: "start_year", numeric: true),
                .init(label: "Source", csvName: "source", csvURLName: "url", wide: true),
            ], downloads: request.downloads(table: "projects"))
        for e in projects.projects {
            var source = DataTable.Cell.link(e.source, href: SourceLinks.safeURL(e.url), title: e.url)
            source.csvURL = e.url
            source.csvRelease = e.release
            list.rows.append([
                .text(e.project), .text(e.country), .text(e.stages.joined(separator: " + ")),
                e.capacityValue.isEmpty ? .missing(e.capacityNote ?? "no capacity stated") : .text(e.capacityValue), .text(e.capacityUnit),
                .text(e.statusClass), .text(e.statusAsOf), .text(e.status), e.startYear.map { .number(String($0), csv: String($0)) } ?? .missing("no start year stated"), source,
            ])
        }
        list.notes = projects.notes
        var magnet = DataTable(
            name: "magnet-outlook", caption: "Non-China sintered NdFeB capacity against US demand, t/yr (derived)",
            columns: [
                .init(label: "Year", csvName: "year"), .init(label: "Announced t", csvName: "announced_t", numeric: true),
                .init(label: "Weighted t", csvName: "weighted_t", numeric: true), .init(label: "P10 t", csvName: "supply_p10_t", numeric: true),
                .init(label: "P50 t", csvName: "supply_p50_t", numeric: true), .init(label: "P90 t", csvName: "supply_p90_t", numeric: true),
                .init(label: "US demand t", csvName: "us_demand_t", numeric: true), .init(label: "Target t", csvName: "target_t", numeric: true),
                .init(label: "Draws ≥ target", csvName: "covered", numeric: true),
                .init(label: "IEA world kt REE", csvName: "iea_world_magnet_ree_kt", numeric: true),
            ], downloads: request.downloads(table: "magnet-outlook"))
        func t(_ v: Double) -> DataTable.Cell {
            var c = DataTable.Cell.number(NumberText.tonnes(v, decimals: 0), csv: NumberText.fixed(v, decimals: 1))
            c.badge = "derived"
            return c
        }
        for m in outlook.magnet {
            var iea = m.ieaWorldMagnetREEKt.map { DataTable.Cell.number(NumberText.fixed($0, decimals: 1), csv: NumberText.fixed($0, decimals: 3)) }
                ?? .missing(m.ieaStatus)
            iea.linkTitle = m.ieaStatus
            if m.ieaStatus.hasPrefix("derived") { iea.badge = "derived" }
            magnet.rows.append([
                .text(String(m.year)), t(m.announcedT), t(m.weightedT), t(m.supplyP10T), t(m.supplyP50T), t(m.supplyP90T),
                .number(NumberText.tonnes(m.usDemandT, decimals: 0), csv: NumberText.fixed(m.usDemandT, decimals: 0)), t(m.targetT),
                .number(NumberText.share(m.covered), csv: NumberText.fixed(m.covered, decimals: 4)), iea,
            ])
        }
        magnet.notes = [outlook.coverage.headline] + outlook.notes + outlook.assumptions.map { "assumption: \($0.name) = \($0.value) (\($0.reason))" }
        var stages = DataTable(
            name: "stages", caption: "Capacity by stage, unit and year (derived; never summed across units)",
            columns: [
                .init(label: "Stage", csvName: "stage"), .init(label: "Unit", csvName: "unit"), .init(label: "Year", csvName: "year"),
                .init(label: "Announced", csvName: "announced", numeric: true), .init(label: "Weighted", csvName: "weighted", numeric: true),
                .init(label: "Rows", csvName: "projects", numeric: true),
            ], downloads: request.downloads(table: "stages"))
        for s in outlook.stageYears {
            stages.rows.append([
                .text(s.stage), .text(s.unit), .text(String(s.year)), t(s.announced), t(s.weighted), .number(String(s.projects), csv: String(s.projects)),
            ])
        }
        stages.notes = outlook.excluded.map { "left out: \($0.project) (line \($0.line)): \($0.reason)" }
        return ProjectsPage(projects: projects, outlook: outlook, tables: [list, magnet, stages])
    }

    func body(into w: inout HTMLWriter, request: DashboardRequest) {
        w.heading(1, title)
        w.paragraph(
            "Projects as their sources state them, and an outlook built on them: capacity as announced, weighted by the chance of each status class, and a Monte Carlo of success and delay. The chances, delays and ramp-up are assumptions (data/projects/outlook-assumptions.yaml), not data.",
            cssClass: "lead")
        w.paragraph(outlook.coverage.headline)
        renderChart(into: &w)
        tables[1].render(into: &w)
        tables[0].render(into: &w)
        tables[2].render(into: &w)
    }

    /// Announced and weighted magnet capacity by year, the P10–P90 band of the draws, US demand and the target.
    func renderChart(into w: inout HTMLWriter) {
        let points = outlook.magnet
        guard !points.isEmpty else { return }
        let width = 760.0, height = 320.0, left = 64.0, right = 130.0, top = 14.0, bottom = 36.0
        let plotW = width - left - right, plotH = height - top - bottom
        let yMax = max(1, (points.flatMap { [$0.announcedT, $0.supplyP90T, $0.usDemandT] }.max() ?? 1) * 1.1)
        func x(_ i: Int) -> Double { left + plotW * (points.count == 1 ? 0.5 : Double(i) / Double(points.count - 1)) }
        func y(_ v: Double) -> Double { top + plotH * (1 - v / yMax) }
        func f(_ v: Double) -> String { NumberText.fixed(v, decimals: 1) }
        func path(_ values: [Double]) -> String { values.enumerated().map { "\($0.offset == 0 ? "M" : "L")\(f(x($0.offset))) \(f(y($0.element)))" }.joined(separator: " ") }
        w.raw("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" aria-labelledby=\"outlook-title\"><title id=\"outlook-title\">")
        w.text(
            "Non-China NdFeB capacity vs US demand, t/yr (derived): "
                + points.map { "\($0.year) announced \(NumberText.tonnes($0.announcedT, decimals: 0)), weighted \(NumberText.tonnes($0.weightedT, decimals: 0))" }
                .joined(separator: "; "))
        w.raw("</title>")
        var tick = 0.0
        let step = max(1000, (yMax / 5 / 1000).rounded(.up) * 1000)
        while tick <= yMax {
            w.raw("<line class=\"grid\" x1=\"\(f(left))\" x2=\"\(f(width - right))\" y1=\"\(f(y(tick)))\" y2=\"\(f(y(tick)))\"/>")
            w.raw("<text x=\"\(f(left - 6))\" y=\"\(f(y(tick) + 4))\" text-anchor=\"end\">\(NumberText.tonnes(tick, decimals: 0))</text>")
            tick += step
        }
        let band = points.indices.map { "\(f(x($0))) \(f(y(points[$0].supplyP90T)))" } + points.indices.reversed().map { "\(f(x($0))) \(f(y(points[$0].supplyP10T)))" }
        w.raw("<polygon class=\"band\" fill=\"#5a7fa8\" fill-opacity=\"0.2\" points=\"\(band.joined(separator: " "))\"><title>P10–P90 of the draws</title></polygon>")
        let series: [(String, [Double], String, String)] = [
            ("announced", points.map(\.announcedT), "#b5542c", ""), ("weighted", points.map(\.weightedT), "#5a7fa8", ""),
            ("P50 of draws", points.map(\.supplyP50T), "#2d4f73", "2 2"), ("US demand", points.map(\.usDemandT), "#333", "6 3"),
            ("target (\(NumberText.plain(outlook.parameters.sharePct))%)", points.map(\.targetT), "#777", "2 4"),
        ]
        for (i, (label, values, colour, dash)) in series.enumerated() {
            w.raw("<path fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"\(dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"") d=\"\(path(values))\"><title>")
            w.text(label)
            w.raw("</title></path>")
            let ly = top + 14 + Double(i) * 16
            w.raw("<line x1=\"\(f(width - right + 6))\" x2=\"\(f(width - right + 26))\" y1=\"\(f(ly - 4))\" y2=\"\(f(ly - 4))\" stroke=\"\(colour)\" stroke-width=\"2\"\(dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")/>")
            w.raw("<text x=\"\(f(width - right + 30))\" y=\"\(f(ly))\" fill=\"\(colour)\">")
            w.text(label)
            w.raw("</text>")
        }
        let by = top + 14 + Double(series.count) * 16
        w.raw("<rect x=\"\(f(width - right + 6))\" y=\"\(f(by - 10))\" width=\"20\" height=\"10\" fill=\"#5a7fa8\" fill-opacity=\"0.2\"/>")
        w.raw("<text x=\"\(f(width - right + 30))\" y=\"\(f(by))\">P10–P90 of draws</text>")
        for (i, p) in points.enumerated() {
            w.raw("<text x=\"\(f(x(i)))\" y=\"\(f(height - bottom + 16))\" text-anchor=\"middle\">\(p.year)</text>")
        }
        w.raw("</svg>")
    }
}
