import MonaziteCore
/// The year non-China magnet supply first covers a share of demand, over random draws of which
/// projects reach production and how late (docs/projects.md).
public struct CoverageResult: Codable, Sendable, Hashable {
    public var share: Double
    public var draws: Int
    public var seed: UInt64
    public var firstYear: Int
    public var horizon: Int
    /// P10 / P50 / P90 of the first year supply ≥ share × demand; nil = not within the horizon.
    public var p10: Int?
    public var p50: Int?
    public var p90: Int?
    /// Fraction of draws that reach the share by the horizon.
    public var withinHorizon: Double
    /// Supply per year across draws (P10 / P50 / P90), with the demand and target of the year.
    public var years: [YearBand]

    public struct YearBand: Codable, Sendable, Hashable {
        public var year: Int
        public var demand: Double
        public var target: Double
        public var p10: Double
        public var p50: Double
        public var p90: Double
        /// Fraction of draws whose supply meets the target in this year.
        public var covered: Double
    }
}

extension PipelineOutlook {
    /// Nearest-rank percentile of sorted values: the value at rank ⌈q·n⌉.
    public static func nearestRank<T>(_ sorted: [T], _ q: Double) -> T? {
        guard !sorted.isEmpty else { return nil }
        let rank = Int((q * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count, max(1, rank)) - 1]
    }

    /// Draws each contribution's success (chance of its status class) and delay (its weights), sums
    /// supply per year, and finds the first year in `firstYear...horizon` where supply ≥ share ×
    /// demand. Contributions should be one stage and unit (the magnet stage in t NdFeB).
    public static func coverage(
        _ contributions: [OutlookContribution], demand: DemandFigure, share: Double, firstYear: Int, horizon: Int, draws: Int, seed: UInt64,
        _ a: OutlookAssumptions
    ) -> CoverageResult {
        let years = Array(firstYear...max(firstYear, horizon))
        var rng = SplitMix64(state: seed)
        var firsts: [Int] = []  // Int.max = not within the horizon
        firsts.reserveCapacity(draws)
        var perYear = Array(repeating: [Double](), count: years.count)
        for i in perYear.indices { perYear[i].reserveCapacity(draws) }
        let targets = years.map { share * demand.value(in: $0) }
        var supply = Array(repeating: 0.0, count: years.count)
        for _ in 0..<max(0, draws) {
            for i in supply.indices { supply[i] = 0 }
            for c in contributions {
                // Two numbers per project per draw, always, so one project's draws never shift another's.
                let u = rng.nextUnit()
                let v = rng.nextUnit()
                guard u < c.probability else { continue }
                var delay = c.delays.last?.years ?? 0
                var acc = 0.0
                for d in c.delays {
                    acc += d.weight
                    if v < acc {
                        delay = d.years
                        break
                    }
                }
                for (i, y) in years.enumerated() { supply[i] += c.capacity * rampShare(c, year: y, delay: delay, a) }
            }
            var first = Int.max
            for (i, y) in years.enumerated() {
                perYear[i].append(supply[i])
                if first == Int.max, supply[i] >= targets[i] { first = y }
            }
            firsts.append(first)
        }
        firsts.sort()
        func year(_ q: Double) -> Int? {
            guard let y = nearestRank(firsts, q), y != Int.max else { return nil }
            return y
        }
        let n = Double(max(1, firsts.count))
        let bands: [CoverageResult.YearBand] = years.enumerated().map { i, y in
            let s = perYear[i].sorted()
            return .init(
                year: y, demand: demand.value(in: y), target: targets[i], p10: nearestRank(s, 0.1) ?? 0, p50: nearestRank(s, 0.5) ?? 0,
                p90: nearestRank(s, 0.9) ?? 0, covered: Double(perYear[i].filter { $0 >= targets[i] }.count) / n)
        }
        return CoverageResult(
            share: share, draws: firsts.count, seed: seed, firstYear: firstYear, horizon: years.last ?? firstYear, p10: year(0.1), p50: year(0.5),
            p90: year(0.9), withinHorizon: Double(firsts.filter { $0 != Int.max }.count) / n, years: bands)
    }
}
