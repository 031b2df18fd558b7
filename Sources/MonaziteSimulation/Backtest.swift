/// One row of a backtest: an observed span beside the model's percentiles of the same total.
public struct BacktestRow: Sendable, Hashable, Codable {
    /// `YYYY-MM`, or `YYYY-MM..MM` when the source reports only a multi-month total.
    public var month: String
    /// `WLD` or ISO 3166-1 alpha-3.
    public var destination: String
    public var observed: Double
    public var p5: Double
    public var p50: Double
    public var p95: Double
    /// `in` (used by the calibration) or `out` (validation).
    public var sample: String
    /// Naive forecasts of the same span (nil when the history lacks what they need).
    public var seasonalNaive: Double?
    public var persistence: Double?

    enum CodingKeys: String, CodingKey {
        case month, destination, observed, p5, p50, p95, sample
        case seasonalNaive = "seasonal_naive", persistence
    }
}

/// Runs the scenario's Monte Carlo and sets each observed span beside the percentiles of its
/// simulated total.
public enum Backtest {
    /// - Parameters:
    ///   - probeIndex: the probe measuring each destination's exports (`WLD` → the world probe).
    ///   - history: every observed span usable by the naive baselines (may include spans that are
    ///     not backtested, such as 2024 months).
    /// - Returns: one row per observation whose destination has a probe and whose span ends
    ///   within the horizon, in the order given.
    public static func run(
        _ compiled: CompiledScenario, startDate: CalendarDate, observations: [MonthlyObservation],
        probeIndex: [String: Int], history: [MonthlyObservation], runs: Int, seed: UInt64, workers: Int? = nil
    ) async -> [BacktestRow] {
        let result = await MonteCarloRunner.run(compiled, runs: runs, seed: seed, workers: workers, recordDaily: true)
        let flows = MonthlyFlows(compiled: compiled, startDate: startDate)
        let h = compiled.horizonDays
        let series = result.seriesCount
        let dailyGroups = compiled.dailyGroups.count
        guard let daily = result.daily else { return [] }
        var rows: [BacktestRow] = []
        daily.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for observation in observations {
                guard let p = probeIndex[observation.destination], flows.lastDay(of: observation) < h else { continue }
                var totals: [Double] = []
                totals.reserveCapacity(result.runs)
                for d in 0..<result.runs {
                    if let v = flows.total(observation, probe: p, daily: base + (d * series + dailyGroups + p) * h) { totals.append(v) }
                }
                totals.sort()
                rows.append(BacktestRow(
                    month: observation.period, destination: observation.destination, observed: observation.observedTonnes,
                    p5: Percentile.of(sorted: totals, 0.05) ?? 0, p50: Percentile.of(sorted: totals, 0.5) ?? 0,
                    p95: Percentile.of(sorted: totals, 0.95) ?? 0, sample: observation.inSample ? "in" : "out",
                    seasonalNaive: NaiveForecast.seasonal(observation, history: history),
                    persistence: NaiveForecast.persistence(observation, history: history)))
            }
        }
        return rows
    }
}

/// The two reference forecasts a model must beat.
public enum NaiveForecast {
    /// The same span one year earlier: an exact span in the history, else the sum of its months.
    public static func seasonal(_ o: MonthlyObservation, history: [MonthlyObservation]) -> Double? {
        let first = CalendarDate(daysSinceEpoch: 0).with(year: o.firstDay.year - 1, month: o.firstDay.month)
        let last = CalendarDate(daysSinceEpoch: 0).with(year: o.lastDay.year - 1, month: o.lastDay.month)
        if let exact = history.first(where: {
            $0.destination == o.destination && $0.firstDay == first && $0.lastDay.monthLabel == last.monthLabel
        }) {
            return exact.observedTonnes
        }
        var sum = 0.0
        var month = first
        while month <= last {
            guard let single = history.first(where: {
                $0.destination == o.destination && $0.firstDay == month && $0.lastDay.monthLabel == month.monthLabel
            }) else { return nil }
            sum += single.observedTonnes
            month = month.adding(days: 32).with(year: nil, month: nil)
        }
        return sum
    }

    /// The last calibration-sample span of the destination, as a daily rate times the span's days:
    /// what a forecaster knew at the end of the sample.
    public static func persistence(_ o: MonthlyObservation, history: [MonthlyObservation]) -> Double? {
        let known = history.filter { $0.destination == o.destination && $0.inSample }
        guard let last = known.max(by: { $0.lastDay < $1.lastDay }) else { return nil }
        return last.observedTonnes / Double(last.dayCount) * Double(o.dayCount)
    }
}

extension CalendarDate {
    /// The first day of the given (or this date's) year and month.
    func with(year: Int?, month: Int?) -> CalendarDate {
        let y = year ?? self.year, m = month ?? self.month
        var d = self
        d.year = y
        d.month = m
        d.day = 1
        return d
    }
}

/// Out-of-sample errors of a backtest for one destination.
public struct BacktestScore: Sendable, Hashable, Codable {
    public var destination: String
    public var months: Int
    /// Mean absolute percentage error of the P50 (0.15 = 15%).
    public var modelMAPE: Double
    /// Share of observed spans inside P5–P95.
    public var coverage: Double
    /// MAPE of the naive forecasts over the spans where they exist (nil if none).
    public var seasonalNaiveMAPE: Double?
    public var seasonalNaiveMonths: Int
    public var persistenceMAPE: Double?
    /// The model's MAPE over the same spans as the seasonal-naive one, for a like-for-like comparison.
    public var modelMAPEOnSeasonalMonths: Double?

    /// Scores per destination (WLD first), over validation rows only.
    public static func scores(_ rows: [BacktestRow]) -> [BacktestScore] {
        let out = rows.filter { $0.sample == "out" && $0.observed > 0 }
        var order: [String] = []
        for r in out where !order.contains(r.destination) { order.append(r.destination) }
        order.sort { ($0 == "WLD" ? "" : $0) < ($1 == "WLD" ? "" : $1) }
        func ape(_ f: Double, _ o: Double) -> Double { abs(f - o) / o }
        func mean(_ v: [Double]) -> Double? { v.isEmpty ? nil : v.reduce(0, +) / Double(v.count) }
        return order.map { dest in
            let mine = out.filter { $0.destination == dest }
            let seasonal = mine.filter { $0.seasonalNaive != nil }
            return BacktestScore(
                destination: dest, months: mine.count, modelMAPE: mean(mine.map { ape($0.p50, $0.observed) }) ?? 0,
                coverage: Double(mine.filter { $0.observed >= $0.p5 && $0.observed <= $0.p95 }.count) / Double(max(mine.count, 1)),
                seasonalNaiveMAPE: mean(seasonal.compactMap { r in r.seasonalNaive.map { ape($0, r.observed) } }),
                seasonalNaiveMonths: seasonal.count,
                persistenceMAPE: mean(mine.compactMap { r in r.persistence.map { ape($0, r.observed) } }),
                modelMAPEOnSeasonalMonths: mean(seasonal.map { ape($0.p50, $0.observed) }))
        }
    }
}
