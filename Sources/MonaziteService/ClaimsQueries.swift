public import MonaziteClaims
public import MonaziteCore
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
}
