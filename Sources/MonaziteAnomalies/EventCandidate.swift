public import MonaziteCore

/// Whether a policy event restricts or frees trade.
public enum EventDirection: String, Sendable, Codable, CaseIterable {
    /// Restricts flows (licensing, bans, listings): expected to go with collapses.
    case tightening
    /// Frees flows (licence approvals, suspensions of controls, deals): expected to go with surges.
    case easing
    /// Neither, or not known (investigations, confirmations).
    case neutral
}

/// A policy event that might explain an anomaly. Callers adapt their own event model into this.
public struct EventCandidate: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    /// The instrument's name ("MOFCOM Announcement No. 18 [2025]").
    public var instrument: String
    /// The day that counts for timing: the effective day, or the announcement day when that is all there is.
    public var day: CalendarDay
    /// Whether ``day`` is the effective or the announcement day (shown in evidence text).
    public var dayKind: DayKind
    /// Elements the event covers; empty means any (or not element-specific).
    public var elements: Set<RareEarthElement>
    /// HS code prefixes the event covers (digits, dots allowed: "8505.11", "2846"); empty means any.
    public var hsPrefixes: [String]
    /// Destinations covered; nil means all destinations.
    public var destinations: Set<CountryCode>?
    public var direction: EventDirection
    public var url: String?
    public var source: String

    public init(
        id: String, title: String, instrument: String, day: CalendarDay, elements: Set<RareEarthElement> = [], hsPrefixes: [String] = [],
        destinations: Set<CountryCode>? = nil, direction: EventDirection, url: String? = nil, source: String,
        dayKind: DayKind = .effective
    ) {
        self.dayKind = dayKind
        self.id = id
        self.title = title
        self.instrument = instrument
        self.day = day
        self.elements = elements
        self.hsPrefixes = hsPrefixes
        self.destinations = destinations
        self.direction = direction
        self.url = url
        self.source = source
    }
}

/// Which of an event's dates ``EventCandidate/day`` is.
public enum DayKind: String, Sendable, Codable, CaseIterable {
    case effective, announced
}
