import Foundation
public import MonaziteAlerts
public import MonaziteAnomalies
import MonaziteCore
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
            id: event.id, title: event.title, instrument: event.label, day: day, material: event.scope.material,
            destinations: destinations, direction: direction, url: event.url, source: event.citation,
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
                        kind: .suspension, endDay: until, material: event.scope.material, destinations: destinations,
                        url: event.url))
            }
        }
        for licence in licences {
            let material: MaterialScope
            switch licence.item {
            case .element(let e): material = MaterialScope(elements: .some([e]))
            case .commodity(let code): material = MaterialScope(hsPrefixes: [code])
            }
            out.append(
                Deadline(
                    id: "licence:\(licence.holder):\(licence.reference)",
                    title: "Licence \(licence.reference) of \(licence.holder) for \(licence.item) to \(licence.destination.alpha3)",
                    kind: .licence, endDay: licence.expires, material: material, destinations: [licence.destination]))
        }
        return out
    }
}
