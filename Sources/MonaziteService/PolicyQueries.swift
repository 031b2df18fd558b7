import Foundation
public import MonaziteCore
public import MonazitePolicy

/// The policy questions every interface asks, answered once: the timeline filtered, and what
/// applies on a day. The CLI, the API and the dashboard give the same events, statuses and notes.
public enum PolicyQueries {
    /// Timeline events, oldest first. An event is in a window when its announcement or its
    /// effective date is; an element matches by the one scope rule (``MaterialScope``); each
    /// measure carries its status on `on`.
    public static func events(
        _ events: [PolicyEvent], kind: PolicyKind? = nil, element: RareEarthElement? = nil, destination: CountryCode? = nil,
        from: CalendarDay? = nil, to: CalendarDay? = nil, on: CalendarDay, notes: [String] = []
    ) -> EventsAnswer {
        let timeline = PolicyTimeline(events)
        let query = element.map { MaterialQuery(elements: [$0]) }
        let selected = events.filter { e in
            let days = [e.dates.announced, e.dates.effective].compactMap { $0 }
            if let from, !days.contains(where: { $0 >= from }) { return false }
            if let to, !days.contains(where: { $0 <= to }) { return false }
            if let kind, e.kind != kind { return false }
            if let query, e.scope.material.reasons(for: query) == nil { return false }
            if let destination, !e.scope.covers(destination: destination) { return false }
            return true
        }.sorted { a, b in
            let da = a.dates.announced ?? a.dates.effective
            let db = b.dates.announced ?? b.dates.effective
            return (da?.dayNumber ?? Int.max, a.id) < (db?.dayNumber ?? Int.max, b.id)
        }
        let items = selected.map { e -> EventsAnswer.Item in
            guard e.kind != .suspension else { return EventsAnswer.Item(event: e, status: nil) }
            let a = timeline.status(of: e, on: on)
            return EventsAnswer.Item(event: e, status: EventsAnswer.Status(on: on.description, status: a.status.rawValue, explanation: a.explanation))
        }
        var allNotes = notes
        if selected.contains(where: { !$0.verified }) {
            allNotes.append("unverified: supported by a single secondary source; see each event's note")
        }
        return EventsAnswer(on: on.description, total: events.count, events: items, notes: allNotes)
    }

    /// Every measure touching the question on `on`, with its status and why.
    public static func controls(
        _ events: [PolicyEvent], on: CalendarDay, element: RareEarthElement? = nil, commodity: String? = nil, destination: CountryCode? = nil,
        notes: [String] = []
    ) -> ControlsAnswer {
        let results = Applicability.evaluate(events: events, on: on, element: element, commodity: commodity, destination: destination)
        var allNotes = notes
        if results.contains(where: { !$0.verified }) {
            allNotes.append("unverified: supported by a single secondary source (see `monazite events --format json` notes)")
        }
        if results.contains(where: { $0.status == .suspensionLapsed }) {
            allNotes.append("suspension_lapsed: the recorded suspension ended and no renewal is recorded; check for later acts")
        }
        return ControlsAnswer(
            on: on.description, element: element?.symbol, commodity: commodity, destination: destination?.alpha3, measures: results,
            notes: allNotes)
    }
}

/// Timeline events with their status on a day.
public struct EventsAnswer: Codable, Sendable {
    public var on: String
    /// Events on the timeline before filtering.
    public var total: Int
    public var events: [Item]
    public var notes: [String]

    public struct Status: Codable, Sendable, Hashable {
        public var on: String
        public var status: String
        public var explanation: String
    }

    /// An event, flat in JSON, with its status (absent for suspension acts).
    public struct Item: Codable, Sendable {
        public var event: PolicyEvent
        public var status: Status?

        enum CodingKeys: String, CodingKey { case status }

        public init(event: PolicyEvent, status: Status?) {
            self.event = event
            self.status = status
        }

        public init(from decoder: any Decoder) throws {
            event = try PolicyEvent(from: decoder)
            status = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(Status.self, forKey: .status)
        }

        public func encode(to encoder: any Encoder) throws {
            try event.encode(to: encoder)
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(NullWhenAbsent(wrappedValue: status), forKey: .status)
        }
    }

    public var report: Report {
        let rows = events.map { item -> [String] in
            let e = item.event
            return [
                e.dates.announced?.description ?? "", e.dates.effective?.description ?? "", e.id, e.kind.rawValue, e.label,
                e.suspends.isEmpty ? e.title : "suspends " + e.suspends.joined(separator: ", ") + (e.dates.suspendedUntil.map { " until \($0)" } ?? ""),
                item.status?.status ?? "", e.verified ? "" : "unverified", e.citation, e.url ?? "",
            ]
        }
        return Report(
            title: "\(events.count) of \(total) events (status on \(on))",
            columns: [
                Column("announced"), Column("effective"), Column("id"), Column("kind"), Column("instrument"), Column("what"), Column("status"),
                Column("flag"), Column("source", csvOnly: true), Column("url", csvOnly: true),
            ],
            rows: rows.map { $0.map(Cell.text) }, answer: self, notes: notes)
    }
}

/// What applies on a day to an element, a commodity and a destination.
public struct ControlsAnswer: Codable, Sendable {
    public var on: String
    @NullWhenAbsent public var element: String?
    @NullWhenAbsent public var commodity: String?
    @NullWhenAbsent public var destination: String?
    public var measures: [ApplicabilityResult]
    public var notes: [String]

    public var report: Report {
        var query = ["on \(on)"]
        if let element { query.append("element \(element)") }
        if let commodity { query.append("commodity \(commodity)") }
        if let destination { query.append("destination \(destination)") }
        let rows = measures.map { r in
            [
                r.eventID, r.kind.rawValue, r.status.rawValue, r.dates.effective?.description ?? "", r.explanation,
                r.matched.joined(separator: "; "), r.verified ? "" : "unverified", r.label, r.source, r.url ?? "",
            ]
        }
        return Report(
            title: "\(measures.count) measures, \(query.joined(separator: ", "))",
            columns: [
                Column("event_id", "id"), Column("kind"), Column("status"), Column("effective"), Column("explanation", "why"),
                Column("matched"), Column("flag"), Column("label", "instrument"), Column("source", csvOnly: true), Column("url", csvOnly: true),
            ],
            rows: rows.map { $0.map(Cell.text) }, answer: self, notes: notes)
    }
}
