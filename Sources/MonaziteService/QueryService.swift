import Foundation
public import MonaziteClaims
public import MonaziteCore
public import MonazitePolicy
public import MonaziteStore
public import MonazitePrices

/// The service every interface asks, over one store: the dashboard holds one of these and never
/// the store itself, so a page shows what the CLI and the API answer.
public struct QueryService: Sendable {
    let store: any TradeStore

    public init(store: any TradeStore) { self.store = store }

    /// Where the store lives, safe to print.
    public var location: String { store.location }

    /// Every partner series of a reporter, flow and commodity, reduced to totals.
    /// Every partner's series; with `within`, only the figures inside those months (see
    /// ``TradeSeriesReport/monthsRead(from:to:)`` for the months a row needs).
    public func book(
        reporter: CountryCode, flow: TradeFlow, commodity: HSCode, asOf: CalendarDay?, within: ClosedRange<Month>? = nil
    ) async throws -> TradeBook {
        try await TradeBook.load(store, reporter: reporter, flow: flow, commodity: commodity, asOf: asOf, within: within)
    }

    /// The latest month published as a month (with a quantity) for one series, on `asOf`.
    public func latestMonth(_ key: SeriesKey, asOf: CalendarDay?) async throws -> Month? {
        TradeQueries.latestMonth(of: try await store.observations(for: key, asOf: asOf))
    }

    /// The price quotes imported into the store (none when the store keeps none).
    public func importedPriceQuotes() async throws -> [PriceObservation] {
        guard let prices = store as? any PriceStore else { return [] }
        return try await prices.priceQuotes()
    }

    public func seriesList(today: CalendarDay = .todayUTC()) async throws -> SeriesListAnswer {
        try await TradeQueries.seriesList(store: store, today: today)
    }

    public func sources(today: CalendarDay = .todayUTC()) async throws -> SourcesAnswer {
        try await DependenceQueries.sources(store: store, today: today)
    }

    public func reliance(country: CountryCode, edition: String?) async throws -> RelianceAnswer {
        try await DependenceQueries.reliance(store: store, country: country, edition: edition)
    }

    /// Country shares per supply stage and of a country's imports, as stored.
    public func shares() async throws -> (stages: [Indicator], imports: [Indicator]) {
        async let stages = store.indicators(measure: .stageShare, stage: nil)
        async let imports = store.indicators(measure: .importSourceShare, stage: nil)
        return (try await stages, try await imports)
    }

    /// The claims of an article checked against the store (as `monazite claims`).
    public func claims(text: String, published: CalendarDay?) async throws -> ClaimsReport {
        try await ClaimsQueries.check(store: store, text: text, published: published)
    }

    /// The monthly briefing for China's exports of HS 8505.11 (as `monazite briefing`).
    public func briefing(month: Month, today: CalendarDay, events: [PolicyEvent], eventNotes: [String] = []) async throws -> BriefingAnswer {
        guard let magnets = HSCode("8505.11") else { throw ServiceError(.invalidParameter, parameter: "commodity", "commodity: 8505.11 is not an HS code") }
        return try await BriefingQueries.briefing(service: self, events: events, eventNotes: eventNotes, month: month, today: today, commodity: magnets)
    }

    public func series(key: SeriesKey, from: Period?, to: Period?, asOf: CalendarDay?) async throws -> TradeSeriesAnswer {
        try await TradeQueries.series(store: store, key: key, from: from, to: to, asOf: asOf)
    }
}
