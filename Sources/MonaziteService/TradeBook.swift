public import MonaziteCore
public import MonaziteStore

/// Every partner series of one reporter, flow and commodity, read with one store query and
/// reduced to totals once. The partners query, the summary and the dashboard's home and trade
/// pages all compute from it, so a partner's figure for a period is built in one place.
public struct TradeBook: Sendable {
    public let reporter: CountryCode
    public let flow: TradeFlow
    public let commodity: HSCode
    public let totals: [CountryCode: SeriesTotals]

    public static func load(
        _ store: any TradeStore, reporter: CountryCode, flow: TradeFlow, commodity: HSCode, asOf: CalendarDay?,
        within: ClosedRange<Month>? = nil
    ) async throws -> TradeBook {
        let all = try await store.partnerObservations(reporter: reporter, flow: flow, commodity: commodity, asOf: asOf, within: within)
        var totals: [CountryCode: SeriesTotals] = [:]
        for (partner, observations) in all where !observations.isEmpty { totals[partner] = SeriesTotals(observations) }
        return TradeBook(reporter: reporter, flow: flow, commodity: commodity, totals: totals)
    }

    public var isEmpty: Bool { totals.isEmpty }

    /// Partners held, world first, then by name.
    public var partners: [CountryCode] {
        totals.keys.sorted { a, b in
            if (a == .world) != (b == .world) { return a == .world }
            return a.name < b.name
        }
    }

    public func key(_ partner: CountryCode) -> SeriesKey {
        SeriesKey(reporter: reporter, partner: partner, flow: flow, commodity: commodity)
    }

    /// First and last month any figure of the partner's series covers.
    public func coverage(_ partner: CountryCode) -> (first: Month, last: Month)? {
        guard let keys = totals[partner]?.observations.keys, let first = keys.map(\.first).min(), let last = keys.map(\.last).max()
        else { return nil }
        return (first, last)
    }

    /// The latest month published as a month (not only inside a span) for the partner.
    public func latestMonth(_ partner: CountryCode) -> Month? {
        totals[partner]?.observations.keys.filter(\.isMonth).map(\.first).max()
    }

    /// Months in `from…to` for which at least one partner other than the world has a figure.
    public func monthsWithPartnerFigures(from: Month, to: Month) -> [Month] {
        var months = Set<Month>()
        for (partner, t) in totals where partner != .world {
            for p in t.observations.keys where p.isMonth && p.first >= from && p.first <= to { months.insert(p.first) }
        }
        return months.sorted()
    }

    /// One observation standing for the partner's total over `period` (as `monazite partners` builds it).
    public func figure(_ partner: CountryCode, over period: Period) -> Observation? {
        guard let t = try? totals[partner]?.total(over: period).get(), var o = t.pieces.first else { return nil }
        o.period = period
        o.quantityTonnes = t.tonnes
        o.status = t.status
        return o
    }

    /// Partner shares of the world total for `period`.
    public func breakdown(_ period: Period) -> PartnerBreakdown? {
        let world = figure(.world, over: period)
        let partners = totals.keys.filter { $0 != .world }.compactMap { figure($0, over: period) }
        guard world != nil || !partners.isEmpty else { return nil }
        return PartnerBreakdown(period: period, world: world, partners: partners)
    }

    /// Status of the total over `period`, when there is one: labels changes computed from a derived base.
    public func status(_ partner: CountryCode, over period: Period) -> DataStatus? {
        (try? totals[partner]?.total(over: period).get())?.status
    }
}
