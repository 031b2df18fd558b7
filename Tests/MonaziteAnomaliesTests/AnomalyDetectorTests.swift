import Foundation
import MonaziteAnomalies
import MonaziteCore
import Testing

@Suite struct AnomalyDetectorTests {
    @Test func synthetic_step_is_a_collapse_and_a_change_point() {
        // Synthetic: 36 months at 100, falling to 40 from month 24 (2022-01).
        let series = MonthlySeries(SyntheticSeries.make(count: 36) { $0 < 24 ? 100 : 40 })
        let report = AnomalyDetector().detect(series)
        let step = SyntheticSeries.month(2022, 1)
        let flagged = report.anomalies.filter { $0.month == step }
        #expect(flagged.count == 1)
        #expect(flagged.first?.direction == .collapse)
        #expect(flagged.first?.methods.contains(.mom) == true)
        #expect(flagged.first?.methods.contains(.changePoint) == true)
        #expect(report.segmentation.segments.count == 2)
        #expect(report.segmentation.segments.last?.first == step)
        #expect(abs((report.segmentation.segments.last?.level ?? 0) - 40) < 2)
        // Nothing else is flagged as a collapse.
        #expect(report.anomalies.filter { $0.direction == .collapse }.map(\.month) == [step])
    }

    @Test func synthetic_spike_is_a_surge_then_a_collapse_back() {
        // Synthetic: flat at 50 with one month at 150 (2020-10).
        let series = MonthlySeries(SyntheticSeries.make(count: 24) { $0 == 9 ? 150 : 50 })
        let report = AnomalyDetector().detect(series)
        let spike = SyntheticSeries.month(2020, 10)
        #expect(report.anomalies.contains { $0.month == spike && $0.direction == .surge && $0.methods.contains(.mom) })
        #expect(report.anomalies.contains { $0.month == spike.adding(months: 1) && $0.direction == .collapse })
        // A year later the spike is the YoY base: a YoY collapse in 2021-10 and a YoY surge back in 2021-11.
        #expect(report.anomalies.contains { $0.month == spike.adding(months: 12) && $0.direction == .collapse && $0.methods == [.yoy] })
        #expect(report.anomalies.count == 4)
    }

    @Test func synthetic_seasonal_dip_is_not_an_anomaly_but_a_break_in_it_is() {
        // Synthetic: four years at 100 with every February at 50; in the fourth year July falls to 30.
        let series = MonthlySeries(
            SyntheticSeries.make(count: 48) { i in
                if i == 42 { return 30 }
                return i % 12 == 1 ? 50 : 100
            })
        let report = AnomalyDetector().detect(series)
        let februaries = report.anomalies.filter { $0.month.month == 2 || $0.month.month == 3 }
        #expect(februaries.isEmpty, "a recurring February dip is seasonal, not anomalous")
        #expect(report.mom.scores.contains { $0.month.month == 2 && $0.isSeasonal })
        #expect(report.segmentation.seasonallyAdjusted)
        let july = SyntheticSeries.month(2023, 7)
        #expect(report.anomalies.contains { $0.month == july && $0.direction == .collapse && $0.methods.contains(.mom) })
        #expect(report.anomalies.contains { $0.month == july && $0.methods.contains(.yoy) })
    }

    @Test func synthetic_gaps_stay_missing_with_reasons() {
        // Synthetic: a step down at month 20 and two missing months (5 and 20's predecessor 19).
        var points = SyntheticSeries.make(count: 30) { $0 < 20 ? 200 : 60 }
        points[5].1 = nil
        points[19].1 = nil
        let series = MonthlySeries(points)
        #expect(series.gaps == [points[5].0, points[19].0])
        let report = AnomalyDetector().detect(series)
        #expect(report.gaps.count == 2)
        #expect(!report.mom.scores.contains { $0.month == points[6].0 }, "no MoM change across a gap")
        #expect(report.mom.skipped.contains { $0.month == points[6].0 && $0.reason.contains("gap") })
        #expect(report.mom.skipped.contains { $0.month == points[5].0 && $0.reason == "no value (gap)" })
        // The MoM change at the step is unavailable (its base is missing) but the change point finds it.
        let step = points[20].0
        #expect(
            report.anomalies.contains {
                $0.month == step && $0.direction == .collapse && $0.methods.contains(.changePoint) && !$0.methods.contains(.mom)
            })
    }

    @Test func synthetic_zero_month_is_reported_without_taking_a_log() {
        // Synthetic: 24 months at 80 with a zero in month 12.
        let series = MonthlySeries(SyntheticSeries.make(count: 24) { $0 == 12 ? 0 : 80 })
        let report = AnomalyDetector().detect(series)
        let zero = SyntheticSeries.month(2021, 1)
        #expect(report.anomalies.contains { $0.month == zero && $0.direction == .collapse && $0.methods == [.zero] })
        #expect(report.anomalies.contains { $0.month == zero.adding(months: 1) && $0.direction == .surge && $0.methods == [.zero] })
        #expect(report.mom.skipped.contains { $0.month == zero && $0.reason.contains("not positive") })
        #expect(report.segmentation.skipped.contains { $0.month == zero })
        for score in report.mom.scores { #expect(score.z.isFinite) }
    }

    @Test func synthetic_short_series_says_why_nothing_is_scored() {
        // Synthetic: three months.
        let series = MonthlySeries(SyntheticSeries.make(count: 3) { _ in 10 })
        let report = AnomalyDetector().detect(series)
        #expect(report.anomalies.isEmpty)
        #expect(report.mom.scores.isEmpty)
        #expect(report.mom.skipped.contains { $0.reason.contains("at least 6") })
        #expect(report.segmentation.notes.contains { $0.contains("need at least 4") })
        #expect(report.yoy.skipped.allSatisfy { $0.reason.contains("before the series starts") })
    }

    @Test func synthetic_flat_series_has_no_spread() {
        // Synthetic: a constant series; MAD = 0 must not divide by zero.
        let series = MonthlySeries((0..<12).map { (Month(index: 2020 * 12 + $0), 5.0) })
        let report = AnomalyDetector().detect(series)
        #expect(report.anomalies.isEmpty)
        #expect(report.mom.skipped.contains { $0.reason.contains("MAD = 0") })
        #expect(report.segmentation.notes.contains { $0.contains("MAD = 0") })
    }

    @Test func threshold_is_configurable() {
        // Synthetic: a mild 25% drop that a strict threshold ignores and a loose one flags.
        let series = MonthlySeries(SyntheticSeries.make(count: 24) { $0 < 12 ? 100 : 75 })
        let month = SyntheticSeries.month(2021, 1)
        #expect(AnomalyDetector(threshold: 50).detect(series).anomalies.allSatisfy { !$0.methods.contains(.mom) })
        #expect(AnomalyDetector(threshold: 3).detect(series).anomalies.contains { $0.month == month && $0.methods.contains(.mom) })
    }

    @Test func robust_statistics_match_hand_values() {
        #expect(RobustStatistics.median([3, 1, 2]) == 2)
        #expect(RobustStatistics.median([4, 1, 2, 3]) == 2.5)
        #expect(RobustStatistics.median([]) == nil)
        // |x − 2| = 1, 1, 0, 2, 98 → MAD 1 → 1.4826.
        #expect(RobustStatistics.scaledMAD([1, 3, 2, 4, 100]) == 1.4826)
    }

    @Test func pelt_finds_two_breaks_and_respects_the_penalty() {
        // Synthetic: three plateaus 100 / 20 / 100 of 10 months each.
        let series = MonthlySeries(SyntheticSeries.make(count: 30) { $0 < 10 || $0 >= 20 ? 100 : 20 })
        let result = ChangePointDetector().detect(series)
        #expect(result.segments.map(\.count) == [10, 10, 10])
        #expect(
            result.segments.map(\.first) == [
                SyntheticSeries.month(2020, 1), SyntheticSeries.month(2020, 11), SyntheticSeries.month(2021, 9),
            ])
        #expect(result.penalty == 2 * log(30.0))
        // A prohibitive penalty keeps one segment.
        #expect(ChangePointDetector(penalty: 1e9).detect(series).segments.count == 1)
    }
}
