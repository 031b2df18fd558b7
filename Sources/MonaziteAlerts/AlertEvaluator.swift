import Foundation
public import MonaziteAnomalies
public import MonaziteCore

/// A policy event as alerts see it: the attribution candidate plus the day it was announced.
public struct AnnouncedEvent: Sendable, Hashable {
    public var event: EventCandidate
    public var announced: CalendarDay

    public init(event: EventCandidate, announced: CalendarDay) {
        self.event = event
        self.announced = announced
    }
}

/// Everything rules are evaluated against, gathered by the caller.
public struct AlertInputs: Sendable {
    public var series: [SeriesKey: MonthlySeries]
    public var events: [AnnouncedEvent]
    public var deadlines: [Deadline]
    public var today: CalendarDay
    /// Keys of alerts that fired before; they never fire again.
    public var alreadyFired: Set<String>

    public init(
        series: [SeriesKey: MonthlySeries] = [:], events: [AnnouncedEvent] = [], deadlines: [Deadline] = [], today: CalendarDay,
        alreadyFired: Set<String> = []
    ) {
        self.series = series
        self.events = events
        self.deadlines = deadlines
        self.today = today
        self.alreadyFired = alreadyFired
    }
}

/// Evaluates rules into new alerts. Pure: the same inputs give the same alerts, in rule order.
///
/// - `series_change`: the series' latest month with a value, on or before today's month, against its
///   base (previous month for `mom`, same month a year earlier for `yoy`):
///   `change % = 100 · (value / base − 1)`; fires when `|change %| ≥ threshold_pct`. No base, or a base
///   of zero, fires nothing (the change is not available). Key `rule:series:month`.
/// - `new_event`: each event announced in `[today − within_days, today]` whose scope meets the rule's
///   (on each of elements, destinations, HS: either side unrestricted, or an overlap). Key `rule:event-id`.
/// - `deadline`: each deadline of a watched kind whose last day is in `[today, today + within_days]`
///   and whose scope meets the rule's. Key `rule:deadline-id:end-day` (a renewed end day alerts again).
public enum AlertEvaluator {
    public static func evaluate(_ rules: [AlertRule], inputs: AlertInputs) -> [Alert] {
        var out: [Alert] = []
        var keys = inputs.alreadyFired
        for rule in rules {
            for alert in alerts(for: rule, inputs: inputs) where keys.insert(alert.key).inserted {
                out.append(alert)
            }
        }
        return out
    }

    static func alerts(for rule: AlertRule, inputs: AlertInputs) -> [Alert] {
        let today = inputs.today
        switch rule.condition {
        case .seriesChange(let key, let measure, let threshold):
            guard let series = inputs.series[key] else { return [] }
            let latest = series.values.keys.filter { $0 <= today.monthValue }.max()
            guard let month = latest, let value = series[month] else { return [] }
            let baseMonth = month.adding(months: -measure.lag)
            guard let base = series[baseMonth], base > 0 else { return [] }
            let pct = 100 * (value / base - 1)
            guard abs(pct) >= threshold else { return [] }
            let seriesText = "\(key.reporter) \(key.flow.rawValue) \(key.commodity) to \(key.partner)"
            let message =
                "\(seriesText): \(month) \(measure.rawValue.uppercased()) \(Self.signed(pct))% (threshold ±\(Self.plain(threshold))%)"
            return [
                Alert(
                    key: "\(rule.id):\(key.reporter)-\(key.partner)-\(key.flow.rawValue)-\(key.commodity.code):\(month)",
                    ruleID: rule.id, kind: "series_change", severity: rule.severity, message: message,
                    evidence: ["\(month): \(Self.plain(value)) t", "\(baseMonth): \(Self.plain(base)) t"], url: nil, day: today)
            ]
        case .newEvent(let scope, let withinDays):
            let earliest = today.adding(days: -withinDays)
            return inputs.events.filter { e in
                e.announced >= earliest && e.announced <= today
                    && scope.meets(material: e.event.material, destinations: e.event.destinations)
            }.sorted { ($0.announced, $0.event.id) < ($1.announced, $1.event.id) }.map { e in
                var evidence = ["announced \(e.announced); effective \(e.event.day)", "direction: \(e.event.direction.rawValue)"]
                evidence.append(Self.materialText(e.event.material))
                evidence.append(
                    e.event.destinations.map { "destinations: " + $0.map(\.alpha3).sorted().joined(separator: ", ") } ?? "destinations: all"
                )
                evidence.append("source: \(e.event.source)")
                return Alert(
                    key: "\(rule.id):\(e.event.id)", ruleID: rule.id, kind: "new_event", severity: rule.severity,
                    message: "new \(e.event.direction.rawValue) event: \(e.event.instrument) — \(e.event.title)", evidence: evidence,
                    url: e.event.url, day: today)
            }
        case .deadline(let kinds, let scope, let withinDays):
            let latest = today.adding(days: withinDays)
            return inputs.deadlines.filter { d in
                kinds.contains(d.kind) && d.endDay >= today && d.endDay <= latest
                    && scope.meets(material: d.material, destinations: d.destinations)
            }.sorted { ($0.endDay, $0.id) < ($1.endDay, $1.id) }.map { d in
                let days = today.days(until: d.endDay)
                let when = days == 0 ? "today" : "in \(days) day\(days == 1 ? "" : "s")"
                return Alert(
                    key: "\(rule.id):\(d.id):\(d.endDay)", ruleID: rule.id, kind: "deadline", severity: rule.severity,
                    message: "\(d.kind.rawValue) ends \(when) (\(d.endDay)): \(d.title)",
                    evidence: ["last day \(d.endDay)", "\(days) days from \(today)"], url: d.url, day: today)
            }
        }
    }

    static func materialText(_ m: MaterialScope) -> String {
        var parts: [String] = []
        switch m.elements {
        case .all: parts.append("elements: all rare earths")
        case .some(let set): parts.append("elements: " + set.sorted().map(\.symbol).joined(separator: ", "))
        case .none: break
        }
        if !m.hsPrefixes.isEmpty { parts.append("HS " + m.hsPrefixes.map(CommodityMapping.display).joined(separator: ", ")) }
        return parts.isEmpty ? "not specific to rare earths" : parts.joined(separator: "; ")
    }

    static func signed(_ v: Double) -> String { (v >= 0 ? "+" : "") + String(format: "%.1f", v) }
    static func plain(_ v: Double) -> String { v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(format: "%.2f", v) }
}
