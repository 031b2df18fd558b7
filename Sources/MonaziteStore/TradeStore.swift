public import MonaziteCore
public import MonaziteIngest

/// What every storage backend offers: the embedded SQLite store and the PostgreSQL server store
/// behave the same behind this protocol, and the contract tests run against both.
///
/// Requirements are `async` so that a network backend can implement them; the SQLite store
/// witnesses them with its synchronous methods.
public protocol TradeStore: Sendable {
    /// Where the store lives, safe to print (a path, or a URL without its password).
    var location: String { get }

    /// Imports observations read by `read`, all or nothing (see `SQLiteStore.importObservations`).
    func importObservations(
        file: String, format: String, read: (ObservationSink) throws(ImportFailure) -> Int
    ) async throws -> ImportReport
    func importSalientStatistics(_ stats: [SalientStatistic], file: String) async throws -> ImportReport
    func importIndicators(_ indicators: [Indicator], file: String) async throws -> ImportReport

    /// The figures of one series, for each period the latest release on or before `asOf` (all
    /// when nil), in period order. A figure without a release date counts as released before any
    /// dated one, but not before its period has ended.
    func observations(for key: SeriesKey, asOf: CalendarDay?) async throws -> [Observation]
    /// Every release of one period of a series, oldest first.
    func releases(for key: SeriesKey, period: Period) async throws -> [Observation]
    /// Every partner series of a reporter, flow and commodity, each reduced to its latest releases;
    /// with `within`, only figures whose period touches those months (a total over a period is
    /// built from pieces inside it, so a question about a few months needs no older history; a
    /// span reaching past the window comes too, to say which span holds a month inside it).
    func partnerObservations(
        reporter: CountryCode, flow: TradeFlow, commodity: HSCode, asOf: CalendarDay?, within: ClosedRange<Month>?
    ) async throws -> [CountryCode: [Observation]]
    /// The series held, with their period coverage.
    func seriesList() async throws -> [(key: SeriesKey, first: Month, last: Month, count: Int)]
    /// For every series, what its freshness needs of each period's latest release (the figures
    /// `observations(for:asOf: nil)` gives), read in one pass: the series list's freshness
    /// column would otherwise read every series whole.
    func freshnessInputs() async throws -> [SeriesKey: [FreshnessInput]]
    func salientStatistics(country: CountryCode, edition: String?) async throws -> [SalientStatistic]
    func salientEditions(country: CountryCode) async throws -> [String]
    func indicators(measure: Indicator.Measure, stage: SupplyStage?) async throws -> [Indicator]
    func sourceSummaries() async throws -> [SourceSummary]
    func counts() async throws -> (observations: Int, salient: Int, indicators: Int, batches: Int)
    /// A number that changes whenever any process commits an import (trade figures, USGS
    /// tables, indicators): a server compares it before answering from its cache, so an import
    /// from the CLI or another server is seen at once. Cheap: one indexed look-up.
    func revision() async throws -> Int64
    /// A digest of every stored figure, to prove a failed import left the content unchanged.
    func contentDigest() async throws -> String
}

extension TradeStore {
    /// Every partner series whole (every period held).
    public func partnerObservations(
        reporter: CountryCode, flow: TradeFlow, commodity: HSCode, asOf: CalendarDay?
    ) async throws -> [CountryCode: [Observation]] {
        try await partnerObservations(reporter: reporter, flow: flow, commodity: commodity, asOf: asOf, within: nil)
    }
}

/// What the store holds, by source: the answer to "where does this come from?".
public struct SourceSummary: Sendable, Hashable {
    public let source: String
    public let url: String?
    public let observations: Int
    public let salientStatistics: Int
    public let indicators: Int
    /// Figures by status across all three kinds.
    public let derivedOrEstimated: Int
    public let firstPeriod: String?
    public let lastPeriod: String?
    public let releases: [CalendarDay]

    public init(
        source: String, url: String?, observations: Int, salientStatistics: Int, indicators: Int, derivedOrEstimated: Int,
        firstPeriod: String?, lastPeriod: String?, releases: [CalendarDay]
    ) {
        self.source = source
        self.url = url
        self.observations = observations
        self.salientStatistics = salientStatistics
        self.indicators = indicators
        self.derivedOrEstimated = derivedOrEstimated
        self.firstPeriod = firstPeriod
        self.lastPeriod = lastPeriod
        self.releases = releases
    }
}


/// Gathers freshness inputs row by row and keeps, per series and period, the latest release:
/// the same figures as `observations(for:asOf: nil)`, for every backend.
public struct FreshnessCollector {
    private var bySeries: [SeriesKey: [Period: FreshnessInput]] = [:]

    public init() {}

    public mutating func add(_ key: SeriesKey, _ input: FreshnessInput) {
        let release = input.release?.dayNumber ?? Int.min
        bySeries[key, default: [:]][input.period] = bySeries[key]?[input.period].map { kept in
            (kept.release?.dayNumber ?? Int.min) >= release ? kept : input
        } ?? input
    }

    /// Each series' inputs in period order.
    public var inputs: [SeriesKey: [FreshnessInput]] {
        bySeries.mapValues { $0.values.sorted { $0.period < $1.period } }
    }
}
