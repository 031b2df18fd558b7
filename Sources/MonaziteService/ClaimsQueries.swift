public import MonaziteClaims
public import MonaziteCore
public import MonazitePolicy
import MonazitePrices
public import MonaziteStore

/// News claims checked against a store: the store as a ``ClaimDataSource``, and the one call every
/// interface (CLI, API, dashboard) makes, so that all three give the same claims for the same text.
public enum ClaimsQueries {
    /// Extracts the claims of `text` and checks each against `store`.
    ///
    /// Throws ``ServiceError`` `.tooLarge` above ``ClaimChecker/maximumBytes``.
    public static func check(store: any TradeStore, text: String, published: CalendarDay?) async throws -> ClaimsReport {
        guard text.utf8.count <= ClaimChecker.maximumBytes else {
            throw ServiceError(
                .tooLarge, parameter: "text", "the article is \(text.utf8.count) bytes; the limit is \(ClaimChecker.maximumBytes)")
        }
        return try await ClaimChecker.check(text: text, published: published, data: StoreClaimData(store: store))
    }
}

/// A ``TradeStore`` answering the claim checker's look-ups.
public struct StoreClaimData: ClaimDataSource {
    public let store: any TradeStore

    public init(store: any TradeStore) { self.store = store }

    public func tradeSeries(_ key: SeriesKey, asOf: CalendarDay?) async throws -> [Observation] {
        try await store.observations(for: key, asOf: asOf)
    }

    public func tradeReleases(_ key: SeriesKey, period: Period) async throws -> [Observation] {
        try await store.releases(for: key, period: period)
    }

    public func salientStatistics(country: CountryCode) async throws -> [SalientStatistic] {
        try await store.salientStatistics(country: country, edition: nil)
    }

    public func indicators(_ measure: Indicator.Measure) async throws -> [Indicator] {
        try await store.indicators(measure: measure, stage: nil)
    }

    /// The timeline every interface shows (bundled acts and those imported into the store): its
    /// export licensing and bans that list elements.
    public func elementControls(on day: CalendarDay?) async throws -> [ElementControl] {
        let events = try await PolicyBridge.events(store: store as? any PolicyStore)
        return Self.elementControls(events, on: day)
    }

    /// The bundled price quotes and those imported into the store, as the `/prices` page shows them.
    public func priceQuotes() async throws -> [PriceQuote] {
        let stored = try await (store as? any PriceStore)?.priceQuotes() ?? []
        return try PriceQueries.bundled(stored: stored).0.compactMap(Self.quote)
    }

    /// A price quote as the claims check reads it: its date as the days it covers.
    static func quote(_ q: PriceObservation) -> PriceQuote? {
        let first: CalendarDay?
        let last: CalendarDay?
        switch q.date.precision {
        case .day:
            first = q.date.day.flatMap { CalendarDay(year: q.date.year, month: q.date.month, day: $0) }
            last = first
        case .month:
            first = CalendarDay(year: q.date.year, month: q.date.month, day: 1)
            last = Month(year: q.date.year, month: q.date.month).map { $0.adding(months: 1) }
                .flatMap { CalendarDay(year: $0.year, month: $0.month, day: 1) }?.adding(days: -1)
        case .quarter:
            first = CalendarDay(year: q.date.year, month: q.date.month - 1, day: 1)
            last = Month(year: q.date.year, month: q.date.month + 1).map { $0.adding(months: 1) }
                .flatMap { CalendarDay(year: $0.year, month: $0.month, day: 1) }?.adding(days: -1)
        }
        guard let first, let last else { return nil }
        return PriceQuote(
            firstDay: first, lastDay: last, dateText: q.date.description, product: q.product, basis: q.basis.rawValue, low: q.low,
            high: q.high, currency: q.unit.currency, perKilogram: q.unit.mass == .kg, source: q.publisher, url: q.url, release: q.release)
    }

    /// The acts of `events` that list elements (not "all rare earths"), as the claims check reads them.
    public static func elementControls(_ events: [PolicyEvent], on day: CalendarDay?) -> [ElementControl] {
        let timeline = PolicyTimeline(events)
        return events.compactMap { event in
            guard event.kind == .exportLicensing || event.kind == .prohibition, case .some(let set) = event.scope.elements, !set.isEmpty
            else { return nil }
            return ElementControl(
                id: event.id, label: event.label, announced: event.dates.announced, effective: event.dates.effective,
                elements: set.sorted().map(\.symbol), status: day.map { timeline.status(of: event, on: $0).status.rawValue },
                source: event.source, url: event.url, verified: event.verified)
        }
    }
}
