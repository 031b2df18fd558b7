import Foundation
public import MonaziteCore

/// Finds surges and collapses in a monthly series: robust z-scores of log MoM and log YoY changes
/// (``LogChangeScorer``), change points in log levels (``ChangePointDetector``), and falls to or rises
/// from zero. Signals for the same month and direction merge into one ``Anomaly``.
public struct AnomalyDetector: Sendable {
    /// |z| at or above which a log change is anomalous (default 3.5, the cut-off Iglewicz & Hoaglin
    /// recommend for modified z-scores).
    public var threshold: Double
    public var minimumChanges: Int
    public var minimumSeasonalYears: Int
    public var changePoints: ChangePointDetector

    public init(
        threshold: Double = 3.5, minimumChanges: Int = 6, minimumSeasonalYears: Int = 2, changePoints: ChangePointDetector = .init()
    ) {
        self.threshold = threshold
        self.minimumChanges = minimumChanges
        self.minimumSeasonalYears = minimumSeasonalYears
        self.changePoints = changePoints
    }

    /// Everything detection computed, so a reader can see why a month was or was not flagged.
    public struct Report: Sendable, Hashable {
        public var anomalies: [Anomaly]
        public var mom: LogChangeScorer.Result
        public var yoy: LogChangeScorer.Result
        public var segmentation: ChangePointDetector.Result
        /// Gaps in the range, never filled.
        public var gaps: [Month]
        public var threshold: Double
    }

    public func detect(_ series: MonthlySeries) -> Report {
        let mom = LogChangeScorer(measure: .mom, minimumChanges: minimumChanges, minimumSeasonalYears: minimumSeasonalYears).score(series)
        let yoy = LogChangeScorer(measure: .yoy, minimumChanges: minimumChanges, minimumSeasonalYears: minimumSeasonalYears).score(series)
        let segmentation = changePoints.detect(series)
        var signals: [(Month, AnomalyDirection, AnomalySignal)] = []
        for score in mom.scores + yoy.scores where abs(score.z) >= threshold {
            let method: AnomalyMethod = score.measure == .mom ? .mom : .yoy
            let baseline = score.isSeasonal ? "seasonal median" : "median"
            let text =
                "log \(score.measure.rawValue.uppercased()) \(Self.signed(score.logChange, 3)) (\(Self.signed(score.changePct, 1))%), "
                + "z = \(Self.signed(score.z, 1)) against \(baseline) \(Self.signed(score.center, 3)), scale \(Self.plain(score.scale, 3))"
            signals.append((score.month, score.z < 0 ? .collapse : .surge, AnomalySignal(method: method, statistic: score.z, text: text)))
        }
        for month in series.months {
            guard let v = series[month], let prev = series[month.previous] else { continue }
            if v == 0 && prev > 0 {
                signals.append(
                    (
                        month, .collapse,
                        AnomalySignal(method: .zero, statistic: nil, text: "fell to zero from \(Self.plain(prev, 2)) in \(month.previous)")
                    ))
            } else if v > 0 && prev == 0 {
                signals.append(
                    (
                        month, .surge,
                        AnomalySignal(method: .zero, statistic: nil, text: "rose to \(Self.plain(v, 2)) from zero in \(month.previous)")
                    ))
            }
        }
        if let sigma = segmentation.sigma {
            for (before, after) in zip(segmentation.segments, segmentation.segments.dropFirst()) {
                let shift = after.meanLog - before.meanLog
                let pct = 100 * (exp(shift) - 1)
                let text =
                    "level shift: geometric mean \(Self.plain(before.level, 0)) (\(before.first)..\(before.last)) → "
                    + "\(Self.plain(after.level, 0)) (\(after.first)..\(after.last)), \(Self.signed(pct, 1))%, \(Self.signed(shift / sigma, 1)) σ"
                signals.append(
                    (after.first, shift < 0 ? .collapse : .surge, AnomalySignal(method: .changePoint, statistic: shift / sigma, text: text))
                )
            }
        }
        var merged: [Anomaly] = []
        for (month, direction, signal) in signals {
            if let i = merged.firstIndex(where: { $0.month == month && $0.direction == direction }) {
                merged[i].signals.append(signal)
            } else {
                merged.append(Anomaly(month: month, direction: direction, value: series[month], signals: [signal]))
            }
        }
        merged.sort { ($0.month, $0.direction.rawValue) < ($1.month, $1.direction.rawValue) }
        return Report(anomalies: merged, mom: mom, yoy: yoy, segmentation: segmentation, gaps: series.gaps, threshold: threshold)
    }

    static func signed(_ v: Double, _ places: Int) -> String {
        let s = String(format: "%.\(places)f", v)
        return v >= 0 && !s.hasPrefix("-") ? "+" + s : s.replacingOccurrences(of: "-", with: "−")
    }

    static func plain(_ v: Double, _ places: Int) -> String { String(format: "%.\(places)f", v) }
}
