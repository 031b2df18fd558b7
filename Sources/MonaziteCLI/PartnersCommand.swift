import ArgumentParser
import MonaziteCore
import MonaziteStore

/// `monazite partners`: who the partners are, their shares and ranks, and concentration.
struct PartnersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partners", abstract: "Partner shares and ranks for a period, with HHI, CR1/CR3 and N-1 residual.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Reporting country (alpha-3).") var reporter = "CHN"
    @Option(help: "HS code.") var commodity = "8505.11"
    @Option(help: "export or import.") var flow = "export"
    @Option(help: "Period: YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY.") var period: String
    @Option(name: .customLong("as-of"), help: "Releases on or before this date (YYYY-MM-DD).") var asOf: String?

    func run() async throws {
        let options = try SeriesOptions.parse(["--reporter", reporter, "--commodity", commodity, "--flow", flow] + (asOf.map { ["--as-of", $0] } ?? []))
        let key = try options.key()
        let p = try parsePeriod(period, option: "--period")
        let store = try await global.openStore()
        let all = try await store.partnerObservations(reporter: key.reporter, flow: key.flow, commodity: key.commodity, asOf: try options.asOfDay())
        func figure(_ observations: [Observation]) -> Observation? {
            guard let t = try? SeriesTotals(observations).total(over: p).get() else { return nil }
            guard let first = t.pieces.first else { return nil }
            var o = first
            o.period = p
            o.quantityTonnes = t.tonnes
            o.status = t.status
            return o
        }
        let world = all[.world].flatMap(figure)
        let partners = all.filter { $0.key != .world }.compactMap { figure($0.value) }
        guard world != nil || !partners.isEmpty else { throw CLIError("no figures for \(key.reporter) \(key.flow) \(key.commodity) in \(p)") }
        let b = PartnerBreakdown(period: p, world: world, partners: partners)
        var rows = b.entries.map { e in
            [String(e.rank), e.country.alpha3, e.country.name, Format.tonnes(e.tonnes), Format.share(e.share), e.status.rawValue, e.provenance.source]
        }
        if let w = world {
            rows.append(["", "WLD", "World", Format.tonnes(w.quantityTonnes), "100.0%", w.status.rawValue, w.provenance.source])
        }
        let c = b.concentration
        var notes = b.notes
        notes.append(
            "HHI \(Int(c.hhi.rounded())) (\(c.band.rawValue), DOJ 2023 bands); CR1 \(Format.share(c.cr1)); CR3 \(Format.share(c.cr3)); N-1 residual \(Format.share(c.nMinus1Residual))")
        let json: [String: Any] = [
            "period": p.description, "reporter": key.reporter.alpha3, "commodity": key.commodity.description, "flow": key.flow.rawValue,
            "total_t": Format.json(b.totalTonnes), "total_is_reported_world": b.totalIsReportedWorld,
            "partners": b.entries.map { e in
                [
                    "rank": e.rank, "partner": e.country.alpha3, "name": e.country.name, "quantity_t": Format.json(e.tonnes),
                    "share": Format.json(e.share), "status": e.status.rawValue, "source": e.provenance.json,
                ] as [String: Any]
            },
            "hhi": Format.json(c.hhi, places: 10), "hhi_upper_bound": Format.json(c.hhiUpperBound, places: 10), "hhi_band": c.band.rawValue,
            "cr1": Format.json(c.cr1), "cr3": Format.json(c.cr3), "n_minus_1_residual": Format.json(c.nMinus1Residual),
            "coverage": Format.json(c.coverage), "notes": notes,
        ]
        let table = Table(
            title: "\(key.reporter.name) \(key.flow)s of HS \(key.commodity) by partner, \(p)",
            columns: ["rank", "code", "partner", "tonnes", "share", "status", "source"], rows: rows, json: json, notes: notes)
        print(table.render(global.format), terminator: "")
    }
}
