/// Every draw's outcome, in draw order.
///
/// Per-draw arrays are flat: the value of group `g` in draw `d` is at `d * groups.count + g`.
public struct MonteCarloResult: Sendable {
    public let groups: [OutputGroup]
    public let runs: Int
    public let seed: UInt64
    public let horizonDays: Int
    public let cumulativeShortfallTonnes: [Double]
    /// −1: no stock-out in the horizon.
    public let firstStockOutDay: [Int32]
    /// −1: never short; `horizonDays`: still short on the last day.
    public let recoveryDay: [Int32]
    /// The values drawn for each uncertain input: `d * uncertainCount + k`.
    public let drawnValues: [Double]
    public let uncertainNames: [String]
    /// Indices into `groups` of the groups with daily series.
    public let dailyGroups: [Int]
    public let probeNames: [String]
    /// If recorded: `((d * series) + s) * horizonDays + t`, series = daily groups then probes.
    public let daily: [Float]?

    public var seriesCount: Int { dailyGroups.count + probeNames.count }
}
