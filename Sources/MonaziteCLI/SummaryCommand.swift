import ArgumentParser
import MonaziteCore
import MonaziteStore

/// `monazite summary PERIOD`: the headline figures of a month, as a trade newsletter leads with them.
struct SummaryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary", abstract: "Headline figures of a month: total, changes, year to date, destinations; ours beside the published.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The month (YYYY-MM).") var period: String
    @Option(help: "Reporting country (alpha-3).") var reporter = "CHN"
    @Option(help: "HS code.") var commodity = "8505.11"
    @Option(help: "export or import.") var flow = "export"
    @Option(name: .customLong("as-of"), help: "Releases on or before this date (YYYY-MM-DD).") var asOf: String?

    func run() async throws {
        let p = try parsePeriod(period, option: "PERIOD")
        let options = try SeriesOptions.parse(["--reporter", reporter, "--commodity", commodity, "--flow", flow] + (asOf.map { ["--as-of", $0] } ?? []))
        let key = try options.key()
        let store = try await global.openStore()
        let all = try await store.partnerObservations(reporter: key.reporter, flow: key.flow, commodity: key.commodity, asOf: try options.asOfDay())
        guard let worldSeries = all[.world], !worldSeries.isEmpty else { throw CLIError("no world figures stored for \(key)") }
        let world = TradeSeriesReport.row(for: p, totals: SeriesTotals(worldSeries))
        guard let worldTonnes = world.quantityTonnes.value else {
            throw CLIError("no world figure for \(p): \(world.quantityTonnes.reason ?? "missing")")
        }
        var rows: [[String]] = []
        var items: [[String: Any]] = []
        var notes: [String] = []
        let commodityName = Commodity.named(key.commodity)?.name ?? "HS \(key.commodity)"
        func add(_ label: String, _ row: TradeSeriesRow, share: Double?) {
            rows.append([
                label, Format.tonnes(row.quantityTonnes.value), share.map { Format.share($0) } ?? "", Format.pct(row.momPct.value),
                row.reportedMoMPct.map { Format.pct($0) } ?? "", Format.pct(row.yoyPct.value), row.reportedYoYPct.map { Format.pct($0) } ?? "",
                row.status?.rawValue ?? "", row.sources.first?.source ?? "",
            ])
            var j = row.json
            j["label"] = label
            j["share_of_world"] = Format.json(share)
            items.append(j)
        }
        add("World", world, share: nil)
        let ytd = world.ytdTonnes.value
        let ytdLabel = p.first.month == 1 ? "\(p.first)" : "\(p.yearToDate.first)..\(p.last)"
        rows.append(["Year to date (\(ytdLabel))", Format.tonnes(ytd, decimals: 0), "", "", "", Format.pct(world.ytdYoYPct.value), "", "", ""])
        if let reason = world.ytdTonnes.reason { notes.append("year to date: \(reason)") }

        var partnerRows: [(CountryCode, TradeSeriesRow)] = []
        for (partner, observations) in all where partner != .world {
            let row = TradeSeriesReport.row(for: p, totals: SeriesTotals(observations))
            if row.quantityTonnes.value != nil { partnerRows.append((partner, row)) }
        }
        partnerRows.sort { ($0.1.quantityTonnes.value ?? 0) > ($1.1.quantityTonnes.value ?? 0) }
        for (partner, row) in partnerRows {
            let share = partner.isCountry ? (row.quantityTonnes.value ?? 0) / worldTonnes : nil
            add("  to \(partner.name)", row, share: share)
            if row.momPct.value == nil, let reported = row.reportedMoMPct, let q = row.quantityTonnes.value,
                let implied = Change.impliedBase(current: q, changePct: reported).value
            {
                notes.append(
                    "\(partner.name): no stored figure for \(p.preceding); the published \(Format.pct(reported)) MoM implies about \(Format.tonnes(implied, decimals: 1)) t (derived)")
            }
        }
        let covered = partnerRows.filter { $0.0.isCountry }.reduce(0) { $0 + ($1.1.quantityTonnes.value ?? 0) }
        if !partnerRows.isEmpty {
            notes.append("destinations listed cover \(Format.share(covered / worldTonnes)) of the world total; the rest is not broken down in the stored releases")
        }
        var lead = "\(key.reporter.name) \(key.flow)ed \(Format.tonnes(worldTonnes)) t of HS \(key.commodity) (\(commodityName)) in \(p)"
        if let mom = world.momPct.value { lead += ", \(Format.pct(mom)) on \(p.preceding)" }
        if let r = world.reportedMoMPct { lead += " (published \(Format.pct(r)))" }
        if let yoy = world.yoyPct.value { lead += " and \(Format.pct(yoy)) on \(p.shifted(years: -1))" }
        if let r = world.reportedYoYPct { lead += " (published \(Format.pct(r)))" }
        lead += "."
        for n in world.notes where n.hasPrefix("mom_pct") || n.hasPrefix("yoy_pct") { notes.append("world " + n) }
        let cited = Set((world.sources + partnerRows.flatMap(\.1.sources)).map(\.citation)).sorted()
        notes += cited.map { "source: " + $0 }
        let table = Table(
            title: lead, columns: ["figure", "tonnes", "share", "MoM", "(published)", "YoY", "(published)", "status", "source"], rows: rows,
            json: [
                "period": p.description, "headline": lead, "reporter": key.reporter.alpha3, "commodity": key.commodity.description,
                "flow": key.flow.rawValue, "items": items, "ytd_t": Format.json(ytd), "ytd_yoy_pct": Format.json(world.ytdYoYPct.value, places: 1000),
                "notes": notes,
            ], notes: notes)
        print(table.render(global.format), terminator: "")
    }
}
