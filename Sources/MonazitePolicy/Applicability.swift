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
    /// - An element matches a measure that lists it (or all rare earths), and a measure scoped
    ///   only by HS code when that code carries the element (``CommodityMapping``).
    /// - A commodity (an HS code or prefix) matches a measure naming an overlapping HS prefix, and
    ///   an element-scoped measure whose listed forms of its listed elements fall under the code.
    /// - A destination matches `all` (unless excluded) or a list that contains it.
    /// Suspension acts are not listed as measures; they show in the status of what they suspend.
    /// A nil filter matches everything.
    public static func evaluate(
        events: [PolicyEvent], on day: CalendarDay, element: RareEarthElement? = nil, commodity: String? = nil,
        destination: CountryCode? = nil
    ) -> [ApplicabilityResult] {
        let timeline = PolicyTimeline(events)
        let code = commodity.flatMap(CommodityMapping.normalise) ?? commodity
        var out: [ApplicabilityResult] = []
        for event in events where event.kind != .suspension {
            guard let matched = match(event, element: element, commodity: code, destination: destination) else { continue }
            let assessment = timeline.status(of: event, on: day)
            out.append(
                ApplicabilityResult(
                    eventID: event.id, kind: event.kind, actor: event.actor, label: event.label, title: event.title,
                    status: assessment.status, explanation: assessment.explanation, matched: matched, dates: event.dates,
                    suspensions: assessment.suspensions, verified: event.verified, note: event.note, source: event.source,
                    url: event.url))
        }
        return out.sorted { a, b in
            let da = a.dates.start?.dayNumber ?? Int.max
            let db = b.dates.start?.dayNumber ?? Int.max
            return da != db ? da < db : a.eventID < b.eventID
        }
    }

    /// The reasons `event` matches the query, or nil when it does not.
    static func match(_ event: PolicyEvent, element: RareEarthElement?, commodity: String?, destination: CountryCode?) -> [String]? {
        var reasons: [String] = []
        let scope = event.scope
        if let destination {
            guard scope.covers(destination: destination) else { return nil }
            switch scope.destinations {
            case .all: reasons.append("all destinations, \(destination) included")
            case .only: reasons.append("destination \(destination) listed")
            }
        }
        // The codes the measure reaches: those it names, and those of its listed elements' forms.
        let named = scope.hsPrefixes.map { (prefix: $0, reason: "HS \(CommodityMapping.display($0)) named in the measure") }
        func formCodes(_ elements: [RareEarthElement]) -> [CommodityMapping.Entry] {
            var seen = Set<String>()
            return elements.flatMap { CommodityMapping.codes(element: $0, forms: scope.forms.sorted()) }.filter {
                seen.insert($0.hsPrefix).inserted
            }
        }
        if let element {
            if scope.elements.contains(element) {
                switch scope.elements {
                case .all: reasons.append("covers all rare earths, \(element.name) included")
                default: reasons.append("\(element.name) (\(element.symbol)) listed")
                }
            } else if case .none = scope.elements,
                let hit = scope.hsPrefixes.first(where: { prefix in CommodityMapping.elements(carriedBy: prefix).contains(element) })
            {
                reasons.append("HS \(CommodityMapping.display(hit)) named in the measure carries \(element.name)")
            } else {
                return nil
            }
        }
        if let commodity {
            let listed = element.map { scope.elements.contains($0) ? [$0] : [] } ?? scope.elements.elements
            let reach = named + formCodes(listed).map { (prefix: $0.hsPrefix, reason: "\($0.form.rawValue) forms listed: \($0.label)") }
            let hits = reach.filter { CommodityMapping.overlaps($0.prefix, commodity) }
            guard !hits.isEmpty else { return nil }
            reasons += hits.map(\.reason)
        } else if let element, scope.elements.contains(element), !scope.forms.isEmpty {
            let codes = formCodes([element]).map { CommodityMapping.display($0.hsPrefix) }
            if !codes.isEmpty { reasons.append("its forms reach HS " + codes.joined(separator: ", ")) }
        }
        if reasons.isEmpty { reasons.append("no element, commodity or destination filter") }
        return reasons
    }
}
