import Foundation
import MonaziteAnomalies
public import MonaziteCore
public import MonazitePolicy
public import MonaziteStore

/// Surges and collapses of a monthly series with the policy events that fit each: one query for
/// the CLI, the API and alerts, so they list the same anomalies and the same events.
public enum AnomalyQueries {
    /// Anomalies of `key` between `from` and `to` (default: every stored month).
    ///
    /// Detection always runs over every stored month, so a window keeps its base months (a
    /// year-on-year score of 2025-06 needs 2024-06 even when the window starts in 2025); only the
    /// anomalies inside the window are returned.
    public static func anomalies(
        store: any TradeStore, key: SeriesKey, from: Month? = nil, to: Month? = nil, asOf: CalendarDay? = nil,
        threshold: Double = 3.5, lagMonths: Int = 2, penalty: Double? = nil, events: [PolicyEvent]
    ) async throws -> AnomalyAnswer {
        let observations = try await store.observations(for: key, asOf: asOf)
        let months = observations.filter(\.period.isMonth).map(\.period.first)
        guard let firstStored = months.min(), let lastStored = months.max() else {
            throw ServiceError(.notFound, "no monthly figures stored for \(key); the sources list shows what the store holds")
        }
        let start = from ?? firstStored
        let end = to ?? lastStored
        guard start <= end else { throw ServiceError.invalid("from", "\(start) is after to \(end)") }
        guard end.index - start.index < TradeQueries.maximumMonths else {
            throw ServiceError(.tooLarge, parameter: "from", "range \(start)..\(end) is longer than \(TradeQueries.maximumMonths / 12) years")
        }
        let totals = SeriesTotals(observations)
        let whole = MonthlySeries(totals: totals, from: min(start, firstStored), to: max(end, lastStored))
        let report = AnomalyDetector(threshold: threshold, changePoints: ChangePointDetector(penalty: penalty)).detect(whole)
        let inWindow = report.anomalies.filter { $0.month >= start && $0.month <= end }
        let candidates = PolicyBridge.candidates(events)
        let attributed = EventAttributor(lagMonths: lagMonths).attribute(
            inWindow, scope: SeriesScope(commodity: key.commodity, partner: key.partner), events: candidates)
        let latest = Self.latestReleases(observations)
        let items = attributed.map { a in
            AnomalyAnswer.Item(a, context: context(for: a.anomaly.month, figures: latest))
        }
        var notes: [String] = [
            "robust z-scores of log MoM/YoY changes and PELT change points over every stored month; events ranked by timing and "
                + "scope, only those whose materials cover the series and whose direction fits (docs/anomalies.md)"
        ]
        let gaps = report.gaps.filter { $0 >= start && $0 <= end }
        if !gaps.isEmpty { notes.append("months without a figure (left missing): " + gaps.map(\.description).joined(separator: ", ")) }
        notes.append("\(candidates.count) policy events considered; an event links when its day falls from \(lagMonths) months before the anomaly's month to its end")
        return AnomalyAnswer(
            series: SeriesRef(key), from: start.description, to: end.description, threshold: threshold, lagMonths: lagMonths,
            eventsConsidered: candidates.count, anomalies: items, gaps: gaps.map(\.description),
            segments: report.segmentation.segments.map(AnomalyAnswer.Segment.init), notes: notes)
    }

    /// The latest release of each period (input in period order, releases oldest first).
    static func latestReleases(_ observations: [Observation]) -> [Observation] {
        var byPeriod: [Period: Observation] = [:]
        for o in observations { byPeriod[o.period] = o }
        return Array(byPeriod.values)
    }

    /// What to weigh before a policy act is named: the month's figure is derived rather than
    /// published, or falls in the Lunar New Year season.
    static func context(for month: Month, figures: [Observation]) -> [String] {
        var out: [String] = []
        if let o = figures.first(where: { $0.period == Period(month: month) }), o.status != .reported {
            let from = Derivation.text(o.derivedFrom).map { " from \($0)" } ?? ""
            out.append("the \(month) figure is \(o.status.rawValue)\(from), not published: the anomaly may come from how it was derived")
        }
        if let seasonal = LunarNewYear.note(for: month) { out.append(seasonal) }
        return out
    }
}

/// The series an answer is about.
public struct SeriesRef: Codable, Sendable, Hashable {
    public var reporter: String
    public var partner: String
    public var flow: String
    public var commodity: String

    public init(_ key: SeriesKey) {
        reporter = key.reporter.alpha3
        partner = key.partner.alpha3
        flow = key.flow.rawValue
        commodity = key.commodity.description
    }
}

/// The anomalies of one series, as every interface gives them.
public struct AnomalyAnswer: Codable, Sendable, Hashable {
    public var series: SeriesRef
    public var from: String
    public var to: String
    public var threshold: Double
    public var lagMonths: Int
    public var eventsConsidered: Int
    public var anomalies: [Item]
    public var gaps: [String]
    public var segments: [Segment]
    public var notes: [String]

    enum CodingKeys: String, CodingKey {
        case series, from, to, threshold, anomalies, gaps, segments, notes
        case lagMonths = "lag_months"
        case eventsConsidered = "events_considered"
    }

    public struct Item: Codable, Sendable, Hashable {
        public var month: String
        public var direction: String
        @NullWhenAbsent public var quantityT: Double?
        public var strength: Double
        public var signals: [Signal]
        /// Seasonality and derived figures to weigh before naming a cause.
        public var context: [String]
        public var events: [Event]

        enum CodingKeys: String, CodingKey {
            case month, direction, strength, signals, context, events
            case quantityT = "quantity_t"
        }

        init(_ a: AttributedAnomaly, context: [String]) {
            month = a.anomaly.month.description
            direction = a.anomaly.direction.rawValue
            quantityT = JSONOutput.rounded(a.anomaly.value)
            strength = JSONOutput.rounded(a.anomaly.strength, places: 100) ?? 0
            signals = a.anomaly.signals.map { Signal(method: $0.method.rawValue, statistic: JSONOutput.rounded($0.statistic), text: $0.text) }
            self.context = context
            events = a.candidates.map(Event.init)
        }
    }

    public struct Signal: Codable, Sendable, Hashable {
        public var method: String
        @NullWhenAbsent public var statistic: Double?
        public var text: String
    }

    public struct Event: Codable, Sendable, Hashable {
        public var id: String
        public var title: String
        public var instrument: String
        public var day: String
        public var direction: String
        public var score: Double
        public var timing: Double
        public var specificity: Double
        public var evidence: String
        @NullWhenAbsent public var url: String?
        public var source: String

        init(_ c: AttributedEvent) {
            id = c.event.id
            title = c.event.title
            instrument = c.event.instrument
            day = c.event.day.description
            direction = c.event.direction.rawValue
            score = JSONOutput.rounded(c.score, places: 1000) ?? 0
            timing = JSONOutput.rounded(c.timing, places: 1000) ?? 0
            specificity = JSONOutput.rounded(c.specificity, places: 1000) ?? 0
            evidence = c.evidence
            url = c.event.url
            source = c.event.source
        }
    }

    public struct Segment: Codable, Sendable, Hashable {
        public var first: String
        public var last: String
        public var months: Int
        public var levelT: Double

        enum CodingKeys: String, CodingKey {
            case first, last, months
            case levelT = "level_t"
        }

        init(_ s: ChangePointDetector.Segment) {
            first = s.first.description
            last = s.last.description
            months = s.count
            levelT = JSONOutput.rounded(s.level, places: 1) ?? 0
        }
    }

    /// The table and CSV form: one row per anomaly with its best-fitting event.
    public var report: Report {
        let rows: [[Cell]] = anomalies.map { a in
            let top = a.events.first
            return [
                .text(a.month), .text(a.direction), .tonnes(a.quantityT), .text(a.signals.map(\.method).joined(separator: "+")),
                .number(a.strength, decimals: 1), Cell(display: top?.instrument ?? "-", raw: top?.instrument ?? ""),
                Cell(display: top.map { String(format: "%.2f", $0.score) } ?? "-", raw: top.map { Format.raw($0.score, places: 1000) } ?? ""),
                Cell(display: a.context.isEmpty ? "" : "see notes", raw: a.context.joined(separator: "; ")),
            ]
        }
        var lines: [String] = []
        for a in anomalies {
            lines.append("\(a.month) \(a.direction):")
            lines += a.signals.map { "  [\($0.method)] \($0.text)" }
            lines += a.context.map { "  context: \($0)" }
            if a.events.isEmpty { lines.append("  no policy event whose scope, timing and direction fit") }
            for (i, e) in a.events.enumerated() {
                lines.append("  #\(i + 1) \(e.instrument) (score \(String(format: "%.2f", e.score))): \(e.evidence)\(e.url.map { " <\($0)>" } ?? "")")
            }
        }
        lines += notes
        let segments = self.segments.map { "\($0.first)..\($0.last) ≈ \(Format.tonnes($0.levelT, decimals: 0)) t" }
        if !segments.isEmpty { lines.append("segments (geometric mean): " + segments.joined(separator: "; ")) }
        let thresholdText = threshold == threshold.rounded() ? String(Int(threshold)) : String(threshold)
        return Report(
            title: "Anomalies in \(series.reporter) \(series.flow)s of HS \(series.commodity) to \(series.partner), \(from)..\(to) (|z| ≥ \(thresholdText))",
            columns: [
                Column("month"), Column("direction"), Column("quantity_t"), Column("methods"), Column("strength"), Column("top_event"),
                Column("score"), Column("context"),
            ], rows: rows,
            answer: self, notes: lines)
    }
}
