import Foundation
import MonaziteCore

/// Scores each month's log change (MoM or YoY) as a robust z-score against a seasonal baseline.
///
/// For measure `m` with lag `L` (1 or 12): `xₜ = ln(yₜ / yₜ₋L)` for every month where both values
/// exist and are positive. The baseline centre of month `t` is the median of `x` over the *same
/// calendar month in other years* when at least `minimumSeasonalYears` of them exist, else the
/// median of all `x`. Residuals `rₜ = xₜ − centerₜ`; scale `s = 1.4826 · MAD(r)`; `zₜ = rₜ / s`.
/// YoY changes carry the seasonal pattern out already, so their centre is always the overall median.
///
/// Nothing is filled: a month whose value or base is missing, zero or negative is skipped with a
/// reason (a fall *to* zero and a rise *from* zero are reported by ``AnomalyDetector`` directly).
public struct LogChangeScorer: Sendable {
    public var measure: ChangeMeasure
    /// Fewest scorable changes needed to estimate a baseline (default 6).
    public var minimumChanges: Int
    /// Fewest other years of the same calendar month needed for a seasonal centre (default 2).
    public var minimumSeasonalYears: Int

    public init(measure: ChangeMeasure, minimumChanges: Int = 6, minimumSeasonalYears: Int = 2) {
        self.measure = measure
        self.minimumChanges = minimumChanges
        self.minimumSeasonalYears = minimumSeasonalYears
    }

    public struct Result: Sendable, Hashable {
        public var scores: [ChangeScore]
        public var skipped: [SkippedChange]
    }

    public func score(_ series: MonthlySeries) -> Result {
        var changes: [(Month, Double)] = []
        var skipped: [SkippedChange] = []
        let lag = measure.lag
        for month in series.months {
            let base = month.adding(months: -lag)
            guard let value = series[month] else {
                skipped.append(SkippedChange(month: month, measure: measure, reason: "no value (gap)"))
                continue
            }
            guard let baseValue = series[base] else {
                // The first `lag` months of a series have no base by construction; say so only inside the range.
                if let first = series.first, base >= first {
                    skipped.append(SkippedChange(month: month, measure: measure, reason: "no value for the base month (gap)"))
                } else {
                    skipped.append(SkippedChange(month: month, measure: measure, reason: "base month is before the series starts"))
                }
                continue
            }
            guard value > 0, baseValue > 0 else {
                let which = value <= 0 ? "\(month) = \(value)" : "base \(base) = \(baseValue)"
                skipped.append(SkippedChange(month: month, measure: measure, reason: "log change undefined: \(which) is not positive"))
                continue
            }
            changes.append((month, log(value / baseValue)))
        }
        guard changes.count >= minimumChanges else {
            let reason = "only \(changes.count) \(measure.rawValue) changes; a baseline needs at least \(minimumChanges)"
            return Result(scores: [], skipped: skipped + changes.map { SkippedChange(month: $0.0, measure: measure, reason: reason) })
        }
        let overall = RobustStatistics.median(changes.map(\.1)) ?? 0
        let byCalendarMonth = Dictionary(grouping: changes, by: { $0.0.month })
        var centers: [(Month, Double, Double, Bool)] = []
        for (month, x) in changes {
            let others = (byCalendarMonth[month.month] ?? []).filter { $0.0 != month }.map(\.1)
            if measure == .mom, others.count >= minimumSeasonalYears, let c = RobustStatistics.median(others) {
                centers.append((month, x, c, true))
            } else {
                centers.append((month, x, overall, false))
            }
        }
        let residuals = centers.map { $0.1 - $0.2 }
        guard let scale = RobustStatistics.scaledMAD(residuals), scale > 0 else {
            let reason = "no spread: more than half the \(measure.rawValue) changes equal their baseline (MAD = 0), so z is undefined"
            return Result(scores: [], skipped: skipped + changes.map { SkippedChange(month: $0.0, measure: measure, reason: reason) })
        }
        let scores = centers.map { m, x, c, seasonal in
            ChangeScore(month: m, measure: measure, logChange: x, center: c, isSeasonal: seasonal, scale: scale, z: (x - c) / scale)
        }
        return Result(scores: scores, skipped: skipped)
    }
}
