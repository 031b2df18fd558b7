/// Per-day percentiles across draws of each daily series (shortfall per group, then probes).
public struct DailyBands: Sendable {
    public struct Series: Sendable {
        public var name: String
        /// True for a probe (shipments), false for a shortfall series.
        public var isProbe: Bool
        public var p5: [Double]
        public var p50: [Double]
        public var p95: [Double]
        public var mean: [Double]
    }

    public var series: [Series]
    public var horizonDays: Int

    /// Nil when the result has no daily series (run without daily recording).
    public init?(_ result: MonteCarloResult) {
        guard let daily = result.daily else { return nil }
        let h = result.horizonDays
        let count = result.seriesCount
        var out: [Series] = []
        var column = [Double](repeating: 0, count: result.runs)
        for s in 0..<count {
            let name = s < result.dailyGroups.count
                ? result.groups[result.dailyGroups[s]].description : result.probeNames[s - result.dailyGroups.count]
            var band = Series(name: name, isProbe: s >= result.dailyGroups.count, p5: [], p50: [], p95: [], mean: [])
            for t in 0..<h {
                var sum = 0.0
                for d in 0..<result.runs {
                    let v = Double(daily[(d * count + s) * h + t])
                    column[d] = v
                    sum += v
                }
                column.sort()
                band.p5.append(Percentile.of(sorted: column, 0.05) ?? 0)
                band.p50.append(Percentile.of(sorted: column, 0.5) ?? 0)
                band.p95.append(Percentile.of(sorted: column, 0.95) ?? 0)
                band.mean.append(sum / Double(result.runs))
            }
            out.append(band)
        }
        series = out
        horizonDays = h
    }
}
