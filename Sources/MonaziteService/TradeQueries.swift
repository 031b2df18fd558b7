public import MonaziteCore
import Foundation
public import MonaziteStore

/// The trade questions of the product (a series with its changes, partners and concentration,
/// a month's headline figures), answered from a store as `Report`s. The CLI and the HTTP API
/// both call these, so they give the same figures, notes and sources.
public enum TradeQueries {
    /// A change the source published where no base is stored to compute ours: said to be that,
    /// in every lead (the API's headline, the summary, the home page). `change` is formatted by the caller.
    public static func publishedChangeOnly(_ change: String, on base: Period) -> String {
        "\(change) on \(base) as published (no \(base) figure of its own stored to check it)"
    }

    /// Longest window a query may ask for, in months (a guard against typos like 1025-01).
    public static let maximumMonths = 600

    /// A series with MoM, YoY, YTD and rolling sums between `from` and `to` (default: what is stored).
    public static func series(
        store: any TradeStore, key: SeriesKey, from: Period? = nil, to: Period? = nil, frequency: Period.Kind = .month,
        asOf: CalendarDay? = nil, fromName: String = "from", toName: String = "to"
    ) async throws -> TradeSeriesAnswer {
        let observations = try await store.observations(for: key, asOf: asOf)
        guard let firstStored = observations.first?.period.first, let lastStored = observations.map(\.period.last).max() else {
            throw ServiceError(.notFound, "no figures stored for \(key); the sources list shows what the store holds")
        }
        let start = from?.first ?? firstStored
        let end = to?.last ?? lastStored
        guard start <= end else { throw ServiceError.invalid(fromName, "\(start) is after \(toName) \(end)") }
        guard end.index - start.index < maximumMonths else {
            throw ServiceError(.tooLarge, parameter: fromName, "range \(start)..\(end) is longer than \(maximumMonths / 12) years")
        }
        let rows = TradeSeriesReport.rows(totals: SeriesTotals(observations), from: start, to: end, frequency: frequency)
        var notes: [String] = []
        for row in rows {
            for n in row.notes
            where TradeSeriesReport.isDerivedBaseNote(n) || (!n.hasPrefix("mom_pct") && !n.hasPrefix("yoy_pct") && !n.hasPrefix("ytd")) {
                notes.append("\(row.period): \(n)")
            }
        }
        let freshness = SeriesFreshness(observations: observations, on: .todayUTC())
        if let latest = freshness.latestMonth, end > latest {
            notes.append("\(freshness.summary); months after \(latest) are missing, never zero or filled")
        }
        let cited = Set(rows.flatMap(\.sources).map(\.source)).sorted()
        notes.append("sources: " + cited.joined(separator: "; "))
        return TradeSeriesAnswer(
            title: "\(key.reporter.name) \(key.flow)s of \(Self.commodityText(key.commodity)) to \(key.partner.name), tonnes",
            rows: rows.map(TradeRow.init), notes: notes)
    }

    /// Every partner's series (the world first), each over the same window: a multi-partner export.
    public static func allPartners(
        store: any TradeStore, reporter: CountryCode, flow: TradeFlow, commodity: HSCode, from: Period? = nil, to: Period? = nil,
        frequency: Period.Kind = .month, asOf: CalendarDay? = nil
    ) async throws -> PartnerSeriesAnswer {
        let partners = try await store.seriesList()
            .filter { $0.key.reporter == reporter && $0.key.flow == flow && $0.key.commodity == commodity }
            .map(\.key.partner)
            .sorted { ($0 == .world ? 0 : 1, $0.alpha3) < ($1 == .world ? 0 : 1, $1.alpha3) }
        guard !partners.isEmpty else { throw ServiceError(.notFound, "no series stored for \(reporter) \(flow) \(commodity)") }
        var entries: [PartnerSeriesAnswer.Entry] = []
        var notes: [String] = []
        for partner in partners {
            let key = SeriesKey(reporter: reporter, partner: partner, flow: flow, commodity: commodity)
            do {
                let answer = try await series(store: store, key: key, from: from, to: to, frequency: frequency, asOf: asOf)
                entries.append(PartnerSeriesAnswer.Entry(partner: partner.alpha3, rows: answer.rows))
            } catch let e as ServiceError where e.kind == .notFound {
                notes.append("\(partner.alpha3): \(e.message)")
            }
        }
        return PartnerSeriesAnswer(series: entries, notes: notes)
    }

    /// Partner shares and ranks for a period, with HHI (DOJ bands), CR1/CR3 and the N-1 residual.
    public static func partners(
        store: any TradeStore, reporter: CountryCode, flow: TradeFlow, commodity: HSCode, period p: Period, asOf: CalendarDay? = nil
    ) async throws -> PartnersAnswer {
        // Shares for one period need the pieces inside it alone, not each partner's whole history.
        let book = try await TradeBook.load(store, reporter: reporter, flow: flow, commodity: commodity, asOf: asOf, within: p.first...p.last)
        guard let b = book.breakdown(p) else {
            let worldKey = SeriesKey(reporter: reporter, partner: .world, flow: flow, commodity: commodity)
            let worldSeries = try await store.observations(for: worldKey, asOf: asOf)
            let held = worldSeries.isEmpty ? nil : SeriesFreshness(observations: worldSeries, on: .todayUTC()).summary
            throw ServiceError(.notFound, "no figures for \(reporter) \(flow) \(commodity) in \(p); \(held ?? "no world series held")")
        }
        let world = book.figure(.world, over: p)

        let c = b.concentration
        var notes = b.notes
        notes.append(
            c.band != nil
                ? "HHI \(Int(c.hhi.rounded())) (\(c.bandText), DOJ 2023 bands); CR1 \(Format.share(c.cr1)); CR3 \(Format.share(c.cr3)); N-1 residual \(Format.share(c.nMinus1Residual))"
                : "HHI \(Int(c.hhi.rounded()))–\(Int(c.hhiUpperBound.rounded())): no single DOJ 2023 band (\(c.bandText)); "
                    + "CR1 \(Format.share(c.cr1))–\(Format.share(c.cr1UpperBound)); N-1 residual \(Format.share(c.nMinus1ResidualLowerBound))–\(Format.share(c.nMinus1Residual))")
        return PartnersAnswer(
            period: p.description, reporter: reporter.alpha3, commodity: commodity.description, flow: flow.rawValue,
            totalT: JSONOutput.rounded(b.totalTonnes), totalIsReportedWorld: b.totalIsReportedWorld,
            world: world.map { w in
                PartnersAnswer.World(quantityT: JSONOutput.rounded(w.quantityTonnes), status: w.status.rawValue, source: SourceRef(w.provenance))
            },
            partners: b.entries.map { e in
                PartnersAnswer.Partner(
                    rank: e.rank, partner: e.country.alpha3, name: e.country.name, quantityT: JSONOutput.rounded(e.tonnes) ?? 0,
                    share: JSONOutput.rounded(e.share) ?? 0, status: e.status.rawValue, source: SourceRef(e.provenance))
            },
            hhi: JSONOutput.rounded(c.hhi, places: 1e10), hhiUpperBound: JSONOutput.rounded(c.hhiUpperBound, places: 1e10),
            hhiBand: c.band?.rawValue, hhiBandLower: c.bandLower.rawValue, hhiBandUpper: c.bandUpper.rawValue,
            cr1: JSONOutput.rounded(c.cr1), cr1UpperBound: JSONOutput.rounded(c.cr1UpperBound), cr3: JSONOutput.rounded(c.cr3),
            nMinus1Residual: JSONOutput.rounded(c.nMinus1Residual), nMinus1ResidualLowerBound: JSONOutput.rounded(c.nMinus1ResidualLowerBound),
            coverage: JSONOutput.rounded(c.coverage), notes: notes)
    }

    /// `HS 8505.11` for an HS code, the aggregate's name otherwise.
    static func commodityText(_ code: HSCode) -> String {
        code.level == .aggregate ? (code.aggregate?.name ?? code.description) : "HS \(code)"
    }

    /// The latest month of `observations` with a tonnage: what "the latest month" of a series is
    /// everywhere (the summary without a month, the dashboard's home page).
    public static func latestMonth(of observations: [Observation]) -> Month? {
        observations.filter { $0.period.isMonth && $0.quantityTonnes != nil }.map(\.period.first).max()
    }

    /// The summary of the latest month with a world tonnage released by `asOf` (all releases when
    /// nil), for when no month is asked: its first note says the month was chosen so, and how
    /// current the series is on `today` (months due by its usual release rhythm and not stored).
    public static func latestSummary(
        store: any TradeStore, reporter: CountryCode, flow: TradeFlow, commodity: HSCode, asOf: CalendarDay? = nil,
        today: CalendarDay = .todayUTC()
    ) async throws -> SummaryAnswer {
        let key = SeriesKey(reporter: reporter, partner: .world, flow: flow, commodity: commodity)
        let observations = try await store.observations(for: key, asOf: asOf)
        guard let latest = latestMonth(of: observations) else {
            throw ServiceError(.notFound, "no monthly world figures stored for \(key)" + (asOf.map { " released by \($0)" } ?? ""))
        }
        var answer = try await summary(store: store, reporter: reporter, flow: flow, commodity: commodity, period: Period(month: latest), asOf: asOf)
        let day = asOf ?? today
        let tonnages = observations.filter { $0.quantityTonnes != nil }  // as the month was chosen
        answer.notes.insert(
            "month: none was asked, so the latest with a world figure \(asOf.map { "released by \($0)" } ?? "stored"); on \(day): "
                + SeriesFreshness(observations: tonnages, on: day).summary, at: 0)
        return answer
    }

    /// For a row whose month-on-month change we cannot compute but whose source published one:
    /// why ours is missing (the base month's own reason, e.g. held only inside a combined
    /// January–February figure) and the base the published change implies, marked derived. Nil
    /// when ours is computed or nothing was published. The summary and the dashboard both say it.
    public static func impliedBaseNote(partner: String, row: TradeSeriesRow) -> String? {
        guard row.momPct.value == nil, let reported = row.reportedMoMPct, let q = row.quantityTonnes.value,
            let implied = Change.impliedBase(current: q, changePct: reported).value
        else { return nil }
        let base = row.period.preceding
        return "\(partner): \(row.momPct.reason ?? "no figure for \(base)"); the published \(Format.pct(reported)) MoM "
            + "implies about \(Format.tonnes(implied, decimals: 1)) t for \(base) (derived)"
    }

    /// The headline figures of a month, as a trade newsletter leads with them.
    public static func summary(
        store: any TradeStore, reporter: CountryCode, flow: TradeFlow, commodity: HSCode, period p: Period, asOf: CalendarDay? = nil
    ) async throws -> SummaryAnswer {
        let key = SeriesKey(reporter: reporter, partner: .world, flow: flow, commodity: commodity)
        // A row reads only the months of its period, bases, year to date and rolling windows.
        let all = try await store.partnerObservations(
            reporter: key.reporter, flow: key.flow, commodity: key.commodity, asOf: asOf,
            within: TradeSeriesReport.monthsRead(from: p, to: p.last))
        let worldInWindow = all[.world] ?? []
        if worldInWindow.isEmpty, try await store.observations(for: key, asOf: asOf).isEmpty {
            throw ServiceError(.notFound, "no world figures stored for \(key)")
        }
        let world = TradeSeriesReport.row(for: p, totals: SeriesTotals(worldInWindow))
        guard let worldTonnes = world.quantityTonnes.value else {
            let held = SeriesFreshness(observations: try await store.observations(for: key, asOf: asOf), on: asOf ?? .todayUTC()).summary
            throw ServiceError(.notFound, "no world figure for \(p): \(world.quantityTonnes.reason ?? "missing"); \(held)")
        }
        var items: [SummaryAnswer.Item] = []
        var notes: [String] = []
        func add(_ label: String, _ code: String, _ row: TradeSeriesRow, share: Double?) {
            items.append(SummaryAnswer.Item(label: label, partner: code, shareOfWorld: JSONOutput.rounded(share), row: TradeRow(row)))
        }
        add("World", "WLD", world, share: nil)
        // A missing MoM with a published one: the note on the base the published change implies
        // says why ours is missing too (and replaces the world's own mom_pct note).
        let worldBase = impliedBaseNote(partner: "World", row: world)
        if let worldBase { notes.append(worldBase) }
        let ytd = world.ytdTonnes.value
        let ytdLabel = p.first.month == 1 ? "\(p.first)" : "\(p.yearToDate.first)..\(p.last)"
        if let reason = world.ytdTonnes.reason { notes.append("year to date: \(reason)") }

        var partnerRows: [(CountryCode, TradeSeriesRow)] = []
        for (partner, observations) in all where partner != .world {
            let row = TradeSeriesReport.row(for: p, totals: SeriesTotals(observations))
            if row.quantityTonnes.value != nil { partnerRows.append((partner, row)) }
        }
        partnerRows.sort { ($0.1.quantityTonnes.value ?? 0, $1.0.alpha3) > ($1.1.quantityTonnes.value ?? 0, $0.0.alpha3) }
        for (partner, row) in partnerRows {
            let share = partner.isCountry ? (row.quantityTonnes.value ?? 0) / worldTonnes : nil
            add("to \(partner.name)", partner.alpha3, row, share: share)
            if let note = impliedBaseNote(partner: partner.name, row: row) { notes.append(note) }
        }
        let covered = partnerRows.filter { $0.0.isCountry }.reduce(0) { $0 + ($1.1.quantityTonnes.value ?? 0) }
        if !partnerRows.isEmpty {
            notes.append("destinations listed cover \(Format.share(covered / worldTonnes)) of the world total; the rest is not broken down in the stored releases")
        }
        let what = key.commodity.level == .aggregate ? Self.commodityText(key.commodity) : "HS \(key.commodity) (\(Commodity.label(key.commodity)))"
        var lead = "\(key.reporter.name) \(key.flow)ed \(Format.tonnes(worldTonnes)) t of \(what) in \(p)"
        func circular(_ name: String, _ row: TradeSeriesRow) -> Bool {
            row.notes.contains { $0.hasPrefix(name + ": base") && $0.hasSuffix(TradeSeriesReport.circularSuffix) }
        }
        // Each change: ours with the published beside it; where we hold no base to compute ours,
        // the published change named as such (never a bare "(published …)" after the tonnage).
        func change(_ ours: Double?, _ published: Double?, on base: Period, _ name: String, joiner: String) {
            if let ours {
                lead += "\(joiner)\(Format.pct(ours)) on \(base)"
                if let published {
                    lead += circular(name, world) ? " (published \(Format.pct(published)), from which our base was derived)" : " (published \(Format.pct(published)))"
                }
            } else if let published {
                lead += joiner + Self.publishedChangeOnly(Format.pct(published), on: base)
            }
        }
        change(world.momPct.value, world.reportedMoMPct, on: p.preceding, "mom_pct", joiner: ", ")
        change(world.yoyPct.value, world.reportedYoYPct, on: p.shifted(years: -1), "yoy_pct", joiner: " and ")
        lead += "."
        for n in world.notes where n.hasPrefix("yoy_pct") || n.hasPrefix("ytd_yoy_pct") || (n.hasPrefix("mom_pct") && worldBase == nil) {
            notes.append("world " + n)
        }
        for (partner, row) in partnerRows {
            for n in row.notes where TradeSeriesReport.isDerivedBaseNote(n) { notes.append("\(partner.name) " + n) }
        }
        let cited = Set((world.sources + partnerRows.flatMap(\.1.sources)).map(\.citation)).sorted()
        notes += cited.map { "source: " + $0 }
        return SummaryAnswer(
            period: p.description, headline: lead, reporter: key.reporter.alpha3, commodity: key.commodity.description, flow: key.flow.rawValue,
            items: items, ytdT: JSONOutput.rounded(ytd), ytdYoYPct: JSONOutput.rounded(world.ytdYoYPct.value, places: 1000), ytdLabel: ytdLabel,
            notes: notes)
    }

    /// The series the store holds, with their coverage and how current each is on `today`.
    public static func seriesList(store: any TradeStore, today: CalendarDay = .todayUTC()) async throws -> SeriesListAnswer {
        var entries: [SeriesListAnswer.Entry] = []
        let inputs = try await store.freshnessInputs()
        for s in try await store.seriesList() {
            let freshness = SeriesFreshness(inputs: inputs[s.key] ?? [], on: today)
            entries.append(SeriesListAnswer.Entry(key: s.key, first: s.first, last: s.last, figures: s.count, freshness: freshness))
        }
        return SeriesListAnswer(today: today.description, series: entries)
    }
}
