/// Monte Carlo statistics of one output group.
public struct GroupSummary: Sendable, Hashable, Codable {
    public var group: String
    public var baselineDemandTonnesPerDay: Double
    public var cumulativeShortfallTonnesP5: Double
    public var cumulativeShortfallTonnesP50: Double
    public var cumulativeShortfallTonnesP95: Double
    /// Cumulative shortfall divided by baseline daily demand.
    public var cumulativeShortfallDaysP5: Double
    public var cumulativeShortfallDaysP50: Double
    public var cumulativeShortfallDaysP95: Double
    /// Median first stock-out day; nil when at least half the draws never stock out.
    public var firstStockOutDayP50: Double?
    /// Share of draws with a stock-out on or before `stockOutByDay`.
    public var stockOutProbabilityByDay: Double
    /// Share of draws with a stock-out on or before each of the summary's `checkpointDays`, in order.
    public var stockOutProbabilityByCheckpoint: [Double]
    /// Share of draws with any stock-out in the horizon.
    public var stockOutProbability: Double
    /// Median recovery day among draws that stocked out; nil if none did or if the median draw
    /// had not recovered by the end of the horizon.
    public var recoveryDayP50: Double?
    /// Share of stocked-out draws still short on the last day.
    public var unrecoveredShare: Double
}
