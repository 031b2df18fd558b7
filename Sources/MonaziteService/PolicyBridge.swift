import Foundation
public import MonaziteAlerts
public import MonaziteAnomalies
public import MonaziteCore
public import MonazitePolicy
import MonazitePolicyFile
public import MonaziteStore

/// Joins the policy timeline to the capabilities that read it: anomalies (events as attribution
/// candidates), alerts (announcements, and suspensions and licences that end) and the server.
/// The timeline is the bundled one plus the events imported into the store.
public enum PolicyBridge {
    /// The bundled timeline and, when a store is given, the events imported into it.
    public static func events(store: (any PolicyStore)?) async throws -> [PolicyEvent] {
        let bundled = try BundledPolicyTimeline.load()
        guard let store else { return bundled }
        return bundled + (try await store.policyEvents())
    }

    /// A policy event as a candidate explanation of an anomaly: timed by its effective day (or its
    /// announcement when that is all there is), scoped by its elements, HS codes and destinations.
    public static func candidate(_ event: PolicyEvent) -> EventCandidate? {
        let day: CalendarDay
        let kind: DayKind
        if let effective = event.dates.effective {
            (day, kind) = (effective, .effective)
        } else if let announced = event.dates.announced {
            (day, kind) = (announced, .announced)
        } else {
            return nil
        }
        var destinations: Set<CountryCode>?
        if case .only(let set) = event.scope.destinations { destinations = set }
        let direction: EventDirection =
            switch event.direction {
            case .tightening: .tightening
            case .easing: .easing
            case .neutral: .neutral
            }
        return EventCandidate(
            id: event.id, title: event.title, instrument: event.label, day: day, elements: Set(event.scope.elements.elements),
            hsPrefixes: event.scope.hsPrefixes, destinations: destinations, direction: direction, url: event.url, source: event.source,
            dayKind: kind)
    }

    public static func candidates(_ events: [PolicyEvent]) -> [EventCandidate] { events.compactMap(candidate) }

    /// Events as announcements, for `new_event` alert rules.
    public static func announcements(_ events: [PolicyEvent]) -> [AnnouncedEvent] {
        events.compactMap { event in
            guard let c = candidate(event) else { return nil }
            return AnnouncedEvent(event: c, announced: event.dates.announced ?? c.day)
        }
    }

    /// Suspensions with a known end (one deadline per measure and window) and licences, for
    /// `deadline` alert rules.
    public static func deadlines(_ events: [PolicyEvent], licences: [Licence]) -> [Deadline] {
        let timeline = PolicyTimeline(events)
        var out: [Deadline] = []
        for event in events where event.kind != .suspension {
            for window in timeline.suspensionWindows(of: event) {
                guard let until = window.until else { continue }
                var destinations: Set<CountryCode>?
                if case .only(let set) = event.scope.destinations { destinations = set }
                out.append(
                    Deadline(
                        id: "\(event.id):suspension:\(until)", title: "Suspension of \(event.label) (\(event.title)) by \(window.byLabel)",
                        kind: .suspension, endDay: until, elements: Set(event.scope.elements.elements), destinations: destinations,
                        url: event.url))
            }
        }
        for licence in licences {
            var elements: Set<RareEarthElement> = []
            if case .element(let e) = licence.item { elements = [e] }
            out.append(
                Deadline(
                    id: "licence:\(licence.holder):\(licence.reference)",
                    title: "Licence \(licence.reference) of \(licence.holder) for \(licence.item) to \(licence.destination.alpha3)",
                    kind: .licence, endDay: licence.expires, elements: elements, destinations: [licence.destination]))
        }
        return out
    }
}

/// Policy and anomaly questions answered as JSON-ready values for the HTTP API.
public enum PolicyQueries {
    /// Anomalies of a monthly series with the policy events that fit each, as in `monazite anomalies`.
    public static func anomalies(
        store: any TradeStore, key: SeriesKey, threshold: Double = 3.5, lagMonths: Int = 2, events: [PolicyEvent]
    ) async throws -> [String: Any] {
        let observations = try await store.observations(for: key, asOf: nil)
        let months = observations.filter(\.period.isMonth).map(\.period.first)
        guard let first = months.min(), let last = months.max() else {
            throw ServiceError(.notFound, "no monthly figures stored for \(key)")
        }
        let report = AnomalyDetector(threshold: threshold).detect(MonthlySeries(totals: SeriesTotals(observations), from: first, to: last))
        let attributed = EventAttributor(lagMonths: lagMonths).attribute(
            report.anomalies, scope: SeriesScope(commodity: key.commodity, partner: key.partner), events: PolicyBridge.candidates(events))
        let items: [[String: Any]] = attributed.map { a in
            [
                "month": a.anomaly.month.description, "direction": a.anomaly.direction.rawValue,
                "quantity_t": a.anomaly.value.map { Format.json($0) } ?? NSNullValue.null,
                "strength": Format.json(a.anomaly.strength, places: 100),
                "signals": a.anomaly.signals.map { ["method": $0.method.rawValue, "text": $0.text] },
                "events": a.candidates.prefix(5).map { c in
                    [
                        "id": c.event.id, "title": c.event.title, "instrument": c.event.instrument, "day": c.event.day.description,
                        "score": Format.json(c.score, places: 1000), "evidence": c.evidence, "url": c.event.url ?? NSNullValue.null,
                    ] as [String: Any]
                },
            ]
        }
        return [
            "series": ["reporter": key.reporter.alpha3, "partner": key.partner.alpha3, "flow": key.flow.rawValue, "commodity": key.commodity.description],
            "from": first.description, "to": last.description, "threshold": threshold, "lag_months": lagMonths, "anomalies": items,
            "notes": ["robust z-scores of log MoM/YoY changes and PELT change points; events ranked by timing, direction and scope (docs/anomalies.md)"],
        ]
    }
}
