import Foundation
public import MonaziteCore

/// What an anomaly's series is about, for matching event scope.
public struct SeriesScope: Sendable, Hashable {
    public var commodity: HSCode
    /// The partner of the series; `WLD` (or another aggregate) for a total over destinations.
    public var partner: CountryCode

    public init(commodity: HSCode, partner: CountryCode) {
        self.commodity = commodity
        self.partner = partner
    }

    /// The material question the series asks of an event's scope.
    public var query: MaterialQuery { MaterialQuery(element: nil, commodity: commodity) }
}

/// One event put forward to explain an anomaly, with its score and the reasons for it.
public struct AttributedEvent: Sendable, Hashable {
    public let event: EventCandidate
    /// 0…1: `0.40 · timing + 0.35 · direction + 0.25 · specificity`.
    public let score: Double
    public let timing: Double
    public let direction: Double
    public let specificity: Double
    /// "effective 2025-04-04, in force for 27 of the 30 days of 2025-04; tightening, consistent with a collapse; …".
    public let evidence: String
}

/// An anomaly and the events whose scope and timing fit it, best first.
public struct AttributedAnomaly: Sendable, Hashable {
    public let anomaly: Anomaly
    public let candidates: [AttributedEvent]
}

/// Links anomalies to the policy events whose scope and timing fit.
///
/// **Timing window.** An event fits month `M` when its day lies in
/// `[first day of (M − lagMonths), last day of M]` (default lag 0–2 months): an event can act in its
/// own month or up to `lagMonths` later, never before it happens.
///
/// **Scope.** The event's materials must cover the series' commodity by the one scope rule of
/// ``MaterialScope/reasons(for:)`` (the rule `controls` and alerts use): events on gallium,
/// tungsten or batteries never explain a magnet series. Destinations: an event limited to some
/// destinations fits a series to one of them, or a world/aggregate series (as partial coverage).
///
/// **Direction.** Only an event whose direction fits is a candidate: a tightening for a collapse,
/// an easing for a surge. Neutral acts (investigations, statements) explain neither.
///
/// **One per instrument.** Two articles of one announcement are one candidate.
///
/// **Score** (0…1) `= 0.40 · timing + 0.35 · direction + 0.25 · specificity` (direction is 1 for
/// every candidate, kept in the formula so scores stay comparable with earlier releases), where
/// - timing `= coverage · decay`: coverage is the share of the month's days on or after the event
///   (1 for an event before the month); decay is 1 inside the month, else
///   `1 − d / (windowDays + 1)` with `d` the days from the event to the month's first day and
///   `windowDays` the days from the window start to the month's first day;
/// - specificity: the mean of three parts, each 1 for an explicit match and less for a blanket scope:
///   elements (1 listed, 0.5 all rare earths or none named), HS (1 listed and matching, 0.5 any), destination
///   (world series: 1 all destinations, 0.5 some; country series: 1 named, 0.75 all).
public struct EventAttributor: Sendable {
    public var lagMonths: Int

    public init(lagMonths: Int = 2) { self.lagMonths = max(0, lagMonths) }

    public static let timingWeight = 0.40
    public static let directionWeight = 0.35
    public static let specificityWeight = 0.25

    public func attribute(_ anomalies: [Anomaly], scope: SeriesScope, events: [EventCandidate]) -> [AttributedAnomaly] {
        anomalies.map { AttributedAnomaly(anomaly: $0, candidates: candidates(for: $0, scope: scope, events: events)) }
    }

    /// The events that fit, best first; one per instrument (two articles of one announcement are
    /// one candidate, the better-fitting one kept).
    public func candidates(for anomaly: Anomaly, scope: SeriesScope, events: [EventCandidate]) -> [AttributedEvent] {
        let ranked = events.compactMap { evaluate($0, anomaly: anomaly, scope: scope) }
            .sorted { a, b in
                if a.score != b.score { return a.score > b.score }
                if a.event.day != b.event.day { return a.event.day > b.event.day }
                return a.event.id < b.event.id
            }
        var seen = Set<String>()
        return ranked.filter { seen.insert($0.event.instrument).inserted }
    }

    func evaluate(_ event: EventCandidate, anomaly: Anomaly, scope: SeriesScope) -> AttributedEvent? {
        let month = anomaly.month
        guard let monthStart = CalendarDay(year: month.year, month: month.month, day: 1) else { return nil }
        let daysInMonth = CalendarDay.daysIn(month: month.month, year: month.year)
        let monthEnd = monthStart.adding(days: daysInMonth - 1)
        let windowMonth = month.adding(months: -lagMonths)
        guard let windowStart = CalendarDay(year: windowMonth.year, month: windowMonth.month, day: 1) else { return nil }
        guard event.day >= windowStart, event.day <= monthEnd else { return nil }

        // Scope: only events whose materials cover the series' (the one rule of MaterialScope).
        guard let scopeReasons = event.material.reasons(for: scope.query) else { return nil }
        let elementPart: Double
        switch event.material.elements {
        case .some: elementPart = 1
        case .all: elementPart = 0.5
        case .none: elementPart = 0.5
        }
        let codes = scope.commodity.hsPrefixes
        let hsPart = event.material.hsPrefixes.contains { p in codes.contains { CommodityMapping.overlaps($0, p) } } ? 1.0 : 0.5
        let destinationPart: Double
        let destinationText: String
        if scope.partner.isCountry {
            if let d = event.destinations {
                guard d.contains(scope.partner) else { return nil }
                destinationPart = 1
                destinationText = "names \(scope.partner)"
            } else {
                destinationPart = 0.75
                destinationText = "all destinations"
            }
        } else if let d = event.destinations {
            destinationPart = 0.5
            destinationText = "only " + d.map(\.alpha3).sorted().joined(separator: "/") + " (part of the \(scope.partner) total)"
        } else {
            destinationPart = 1
            destinationText = "all destinations"
        }
        let specificity = (elementPart + hsPart + destinationPart) / 3

        // Timing.
        let timing: Double
        let timingText: String
        if event.day >= monthStart {
            let daysOn = event.day.days(until: monthEnd) + 1
            timing = Double(daysOn) / Double(daysInMonth)
            timingText = "\(event.dayKind.rawValue) \(event.day), in force for \(daysOn) of the \(daysInMonth) days of \(month)"
        } else {
            let before = event.day.days(until: monthStart)
            let windowDays = windowStart.days(until: monthStart)
            timing = 1 - Double(before) / Double(windowDays + 1)
            timingText = "\(event.dayKind.rawValue) \(event.day), \(before) days before \(month) began"
        }

        // Direction: only an event whose direction fits (a tightening for a collapse, an easing for
        // a surge) can explain the month; neutral acts (investigations) explain neither.
        let consistent: EventDirection = anomaly.direction == .collapse ? .tightening : .easing
        guard event.direction == consistent else { return nil }
        let direction = 1.0
        let directionText = "\(event.direction.rawValue), consistent with a \(anomaly.direction.rawValue)"
        let scopeText = scopeReasons.joined(separator: "; ")
        let score = Self.timingWeight * timing + Self.directionWeight * direction + Self.specificityWeight * specificity
        let evidence = [timingText, directionText, scopeText, destinationText].joined(separator: "; ")
        return AttributedEvent(
            event: event, score: score, timing: timing, direction: direction, specificity: specificity, evidence: evidence)
    }
}
