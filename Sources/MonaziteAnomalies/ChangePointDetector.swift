import Foundation
public import MonaziteCore

/// Change points in the mean of a series' log levels, by PELT (Killick, Fearnhead & Eckley 2012,
/// "Optimal detection of changepoints with a linear computational cost", JASA 107(500)).
///
/// Model: `ln yₜ` is piecewise constant plus noise of standard deviation σ. The segmentation minimises
/// `Σ_segments C(segment) + β · (number of change points)` with the cost
/// `C(y_{a..b}) = Σ (yᵢ − ȳ_{a..b})² / σ²` (twice the Gaussian negative log-likelihood up to a constant).
/// PELT's recursion: `F(t) = min_{τ ∈ Rₜ} [F(τ) + C(y_{τ+1..t}) + β]` with `F(0) = −β`, and the pruning
/// rule `R_{t+1} = {τ ∈ Rₜ ∪ {t} : F(τ) + C(y_{τ+1..t}) ≤ F(t)}` (K = 0 holds for this cost).
///
/// σ is estimated robustly from first differences, `σ̂ = 1.4826 · MAD(Δ ln y) / √2`, so that the
/// shifts themselves barely inflate it. The default penalty is `β = 2 ln n` (the Schwarz criterion).
///
/// **Seasonal adjustment.** A recurring seasonal dip is a real change in mean, so when at least
/// `minimumSeasonalYears` calendar years have ten or more positive months, the levels are adjusted
/// first (default three years): for each such year, `dₜ = ln yₜ − median(ln y in that year)`; the seasonal index of calendar
/// month `m` is `sₘ = median(dₜ over months m)` (0 for a month seen in fewer than two of those years),
/// centred to mean 0; PELT then runs on `ln yₜ − s_month(t)`. Segment means are of adjusted levels.
///
/// Only months with a positive value enter; gaps are skipped (a segment may span a gap, and its
/// `count` says how many months it really holds), zeros and negatives are left out with a reason.
public struct ChangePointDetector: Sendable {
    /// β in units of the cost (nil: `2 ln n`).
    public var penalty: Double?
    /// Fewest observed months in a segment (default 2).
    public var minimumSegmentLength: Int
    /// Fewest years with ten or more months needed to adjust for seasonality (default 3: with two,
    /// a level shift inside one year would be read as seasonality).
    public var minimumSeasonalYears: Int

    public init(penalty: Double? = nil, minimumSegmentLength: Int = 2, minimumSeasonalYears: Int = 3) {
        self.penalty = penalty
        self.minimumSegmentLength = max(1, minimumSegmentLength)
        self.minimumSeasonalYears = max(2, minimumSeasonalYears)
    }

    /// A run of months with one mean log level.
    public struct Segment: Sendable, Hashable {
        public let first: Month
        public let last: Month
        /// Observed months in the segment (gaps excluded).
        public let count: Int
        /// Mean of `ln y` over the segment.
        public let meanLog: Double
        /// `e^meanLog`: the segment's geometric-mean level, in the series' unit.
        public var level: Double { exp(meanLog) }
    }

    public struct Result: Sendable, Hashable {
        public var segments: [Segment]
        /// The σ̂ and β used (nil when the series was too short or flat to segment).
        public var sigma: Double?
        public var penalty: Double?
        public var skipped: [SkippedChange]
        /// True when the levels were seasonally adjusted before segmentation.
        public var seasonallyAdjusted: Bool
        /// Why no segmentation was attempted, when none was.
        public var notes: [String]
    }

    public func detect(_ series: MonthlySeries) -> Result {
        var months: [Month] = []
        var levels: [Double] = []
        var skipped: [SkippedChange] = []
        for m in series.months {
            guard let v = series[m] else { continue }
            guard v > 0 else {
                skipped.append(SkippedChange(month: m, measure: nil, reason: "left out of change points: log level undefined (value \(v))"))
                continue
            }
            months.append(m)
            levels.append(log(v))
        }
        let n = levels.count
        let m = minimumSegmentLength
        let seasonal = Self.seasonalIndex(months: months, levels: levels, minimumYears: minimumSeasonalYears)
        var notes: [String] = []
        if let seasonal {
            levels = zip(months, levels).map { $1 - (seasonal[$0.month] ?? 0) }
        } else if n > 0 {
            notes.append("not seasonally adjusted: fewer than \(minimumSeasonalYears) years with ten or more months")
        }
        func single(_ note: String) -> Result {
            let notes = notes + [note]
            let segs = n == 0 ? [] : [Segment(first: months[0], last: months[n - 1], count: n, meanLog: levels.reduce(0, +) / Double(n))]
            return Result(segments: segs, sigma: nil, penalty: nil, skipped: skipped, seasonallyAdjusted: seasonal != nil, notes: notes)
        }
        guard n >= 2 * m, n >= 4 else {
            return single("only \(n) positive months; change points need at least \(max(4, 2 * m))")
        }
        let diffs = zip(levels.dropFirst(), levels).map { $0 - $1 }
        guard let mad = RobustStatistics.scaledMAD(diffs), mad > 0 else {
            return single("no spread in month-to-month changes (MAD = 0): noise level undefined, no change points sought")
        }
        let sigma = mad / 2.0.squareRoot()
        let beta = penalty ?? 2 * log(Double(n))
        // Prefix sums of y and y² for O(1) segment costs.
        var s1 = [0.0]
        var s2 = [0.0]
        for y in levels {
            s1.append(s1[s1.count - 1] + y)
            s2.append(s2[s2.count - 1] + y * y)
        }
        let variance = sigma * sigma
        func cost(_ a: Int, _ b: Int) -> Double {  // y[a..<b]
            let k = Double(b - a)
            let sum = s1[b] - s1[a]
            return max(0, (s2[b] - s2[a]) - sum * sum / k) / variance
        }
        var f = [Double](repeating: .infinity, count: n + 1)
        var last = [Int](repeating: 0, count: n + 1)
        f[0] = -beta
        var candidates = [0]
        for t in m...n {
            if t - m >= m { candidates.append(t - m) }
            var best = Double.infinity
            var arg = 0
            for tau in candidates {
                let v = f[tau] + cost(tau, t) + beta
                if v < best {
                    best = v
                    arg = tau
                }
            }
            f[t] = best
            last[t] = arg
            candidates = candidates.filter { f[$0] + cost($0, t) <= best }
        }
        var bounds: [Int] = []
        var t = n
        while t > 0 {
            bounds.append(t)
            t = last[t]
        }
        var segments: [Segment] = []
        var start = 0
        for end in bounds.reversed() {
            let mean = (s1[end] - s1[start]) / Double(end - start)
            segments.append(Segment(first: months[start], last: months[end - 1], count: end - start, meanLog: mean))
            start = end
        }
        return Result(segments: segments, sigma: sigma, penalty: beta, skipped: skipped, seasonallyAdjusted: seasonal != nil, notes: notes)
    }

    /// Seasonal index by calendar month (1…12), or nil when too few years qualify (see the type's notes).
    static func seasonalIndex(months: [Month], levels: [Double], minimumYears: Int) -> [Int: Double]? {
        let byYear = Dictionary(grouping: zip(months, levels), by: { $0.0.year }).filter { $0.value.count >= 10 }
        guard byYear.count >= minimumYears else { return nil }
        var deviations: [Int: [Double]] = [:]
        for (_, points) in byYear {
            guard let center = RobustStatistics.median(points.map(\.1)) else { continue }
            for (month, level) in points { deviations[month.month, default: []].append(level - center) }
        }
        var index: [Int: Double] = [:]
        for m in 1...12 {
            let d = deviations[m] ?? []
            index[m] = d.count >= 2 ? (RobustStatistics.median(d) ?? 0) : 0
        }
        let mean = index.values.reduce(0, +) / 12
        return index.mapValues { $0 - mean }
    }
}
