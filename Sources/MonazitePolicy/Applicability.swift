public import MonaziteCore

/// One measure that touches a query, with its status on the day and why it matched.
public struct ApplicabilityResult: Sendable, Hashable, Codable {
    public var eventID: String
    public var kind: PolicyKind
    public var actor: String
    public var label: String
    public var title: String
    public var status: MeasureStatus
    /// Why the measure has that status, in words, with the dates.
    public var explanation: String
    /// Which parts of the scope matched the query ("element Dy listed", "HS 8505.11 …").
    public var matched: [String]
    public var dates: PolicyDates
    public var suspensions: [SuspensionWindow]
    public var verified: Bool
    public var note: String?
    public var source: String
    public var url: String?

    enum CodingKeys: String, CodingKey {
        case kind, actor, label, title, status, explanation, matched, dates, suspensions, verified, note, source, url
        case eventID = "event_id"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(eventID, forKey: .eventID)
        try c.encode(kind, forKey: .kind)
        try c.encode(actor, forKey: .actor)
        try c.encode(label, forKey: .label)
        try c.encode(title, forKey: .title)
        try c.encode(status, forKey: .status)
        try c.encode(explanation, forKey: .explanation)
        try c.encode(matched, forKey: .matched)
        try c.encode(dates, forKey: .dates)
        try c.encode(suspensions, forKey: .suspensions)
        try c.encode(verified, forKey: .verified)
        try c.encode(note, forKey: .note)
        try c.encode(source, forKey: .source)
        try c.encode(url, forKey: .url)
    }
}

/// "What applies on day D to element or commodity C for destination X?"
public enum Applicability {
    /// Every measure whose scope touches the query, with its status on `day`, in date order.
    ///
    /// Element and commodity are matched by the one scope rule of ``MaterialScope/reasons(for:)``
    /// (an element listed, or carried by a named HS code; a commodity named, or carrying a listed
    /// element in a listed form, every form when none is listed). A commodity may be an HS code or
    /// prefix (`8505.11`, `2846`) or a customs aggregate (`cn-rare-earths`). A destination matches
    /// `all` (unless excluded) or a list that contains it. Suspension acts are not listed as
    /// measures; they show in the status of what they suspend. A nil filter matches everything.
    public static func evaluate(
        events: [PolicyEvent], on day: CalendarDay, element: RareEarthElement? = nil, commodity: String? = nil,
        destination: CountryCode? = nil
    ) -> [ApplicabilityResult] {
        let timeline = PolicyTimeline(events)
        let query = Self.query(element: element, commodity: commodity)
        var out: [ApplicabilityResult] = []
        for event in events where event.kind != .suspension {
            guard let matched = match(event, query: query, destination: destination) else { continue }
            let assessment = timeline.status(of: event, on: day)
            out.append(
                ApplicabilityResult(
                    eventID: event.id, kind: event.kind, actor: event.actor, label: event.label, title: event.title,
                    status: assessment.status, explanation: assessment.explanation, matched: matched, dates: event.dates,
                    suspensions: assessment.suspensions, verified: event.verified, note: event.note, source: event.citation,
                    url: event.url))
        }
        return out.sorted { a, b in
            let da = a.dates.start?.dayNumber ?? Int.max
            let db = b.dates.start?.dayNumber ?? Int.max
            return da != db ? da < db : a.eventID < b.eventID
        }
    }

    /// The material question of an element and a commodity text (HS digits, a prefix, an aggregate id).
    public static func query(element: RareEarthElement?, commodity: String?) -> MaterialQuery {
        guard let commodity else { return MaterialQuery(element: element, commodity: nil) }
        if let digits = CommodityMapping.normalise(commodity) {
            return MaterialQuery(elements: element.map { [$0] }, hsPrefixes: [digits])
        }
        return MaterialQuery(element: element, commodity: HSCode(commodity))
    }

    /// The reasons `event` matches the query, or nil when it does not.
    static func match(_ event: PolicyEvent, query: MaterialQuery, destination: CountryCode?) -> [String]? {
        var reasons: [String] = []
        let scope = event.scope
        if let destination {
            guard scope.covers(destination: destination) else { return nil }
            switch scope.destinations {
            case .all: reasons.append("all destinations, \(destination) included")
            case .only: reasons.append("destination \(destination) listed")
            }
        }
        if !query.isEmpty {
            guard let material = scope.material.reasons(for: query) else { return nil }
            reasons += material
        }
        if reasons.isEmpty { reasons.append("no element, commodity or destination filter") }
        return reasons
    }
}
