public import MonaziteCore

/// The look-ups a claim check needs, named for what they answer. `MonaziteService` implements it on
/// a store; tests implement it in memory.
///
/// Every function returns what is stored, unfiltered by date: the checker chooses the release or
/// edition current at the article's date itself, so that it can say which one agrees and which one
/// revised it.
public protocol ClaimDataSource: Sendable {
    /// The latest release of every period of a series on or before `asOf` (every release's latest when nil).
    func tradeSeries(_ key: SeriesKey, asOf: CalendarDay?) async throws -> [Observation]
    /// Every release of one period of a series, oldest first (the revision history).
    func tradeReleases(_ key: SeriesKey, period: Period) async throws -> [Observation]
    /// The USGS salient statistics of a country, every edition.
    func salientStatistics(country: CountryCode) async throws -> [SalientStatistic]
    /// Indicators of one measure (mine production by country and edition, stage shares, import sources).
    func indicators(_ measure: Indicator.Measure) async throws -> [Indicator]
    /// The acts of the policy timeline that list rare-earth elements (export licensing and bans),
    /// each with whether it applied on `day`.
    func elementControls(on day: CalendarDay?) async throws -> [ElementControl]
    /// Every cited price quote (the bundled quotes and those imported into the store).
    func priceQuotes() async throws -> [PriceQuote]
}
