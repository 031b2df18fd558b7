/// The table a user reads: per group percentiles and stock-out probabilities.
public struct SimulationSummary: Sendable, Codable {
    public var scenario: String
    public var network: String
    public var runs: Int
    public var seed: UInt64
    public var horizonDays: Int
    public var stockOutByDay: Int
    /// Days D for which P(stock-out by day D) is also reported (e.g. 30, 60, 90); may be empty.
    public var checkpointDays: [Int]
    public var groups: [GroupSummary]

    /// Summarises every group of `result`. Percentiles are type 7 (see ``Percentile``).
    public init(_ result: MonteCarloResult, scenario: String, network: String, stockOutByDay: Int, checkpointDays: [Int] = []) {
        self.scenario = scenario
        self.network = network
        runs = result.runs
        seed = result.seed
        horizonDays = result.horizonDays
        self.stockOutByDay = stockOutByDay
        self.checkpointDays = checkpointDays
        let g = result.groups.count
        groups = result.groups.enumerated().map { q, group in
            var tonnes: [Double] = [], firsts: [Double] = [], recoveries: [Double] = []
            var byDay = 0, ever = 0, unrecovered = 0
            var byCheckpoint = [Int](repeating: 0, count: checkpointDays.count)
            for d in 0..<result.runs {
                tonnes.append(result.cumulativeShortfallTonnes[d * g + q])
                let first = result.firstStockOutDay[d * g + q]
                firsts.append(first < 0 ? .infinity : Double(first))
                if first >= 0 {
                    ever += 1
                    if first <= stockOutByDay { byDay += 1 }
                    for (k, c) in checkpointDays.enumerated() where first <= c { byCheckpoint[k] += 1 }
                    let recovery = result.recoveryDay[d * g + q]
                    if Int(recovery) >= result.horizonDays {
                        unrecovered += 1
                        recoveries.append(.infinity)
                    } else {
                        recoveries.append(Double(recovery))
                    }
                }
            }
            tonnes.sort()
            firsts.sort()
            recoveries.sort()
            let demand = group.baselineDemandTonnesPerDay
            func days(_ t: Double) -> Double { demand > 0 ? t / demand : 0 }
            let p5 = Percentile.of(sorted: tonnes, 0.05) ?? 0
            let p50 = Percentile.of(sorted: tonnes, 0.5) ?? 0
            let p95 = Percentile.of(sorted: tonnes, 0.95) ?? 0
            let firstMedian = Percentile.of(sorted: firsts, 0.5)
            let recoveryMedian = Percentile.of(sorted: recoveries, 0.5)
            let runs = Double(max(result.runs, 1))
            return GroupSummary(
                group: group.description, baselineDemandTonnesPerDay: demand,
                cumulativeShortfallTonnesP5: p5, cumulativeShortfallTonnesP50: p50, cumulativeShortfallTonnesP95: p95,
                cumulativeShortfallDaysP5: days(p5), cumulativeShortfallDaysP50: days(p50),
                cumulativeShortfallDaysP95: days(p95),
                firstStockOutDayP50: firstMedian.flatMap { $0.isFinite ? $0 : nil },
                stockOutProbabilityByDay: Double(byDay) / runs,
                stockOutProbabilityByCheckpoint: byCheckpoint.map { Double($0) / runs }, stockOutProbability: Double(ever) / runs,
                recoveryDayP50: recoveryMedian.flatMap { $0.isFinite ? $0 : nil },
                unrecoveredShare: ever > 0 ? Double(unrecovered) / Double(ever) : 0)
        }
    }
}
