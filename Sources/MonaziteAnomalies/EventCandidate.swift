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
    /// The materials the event covers, matched by the one scope rule (``MaterialScope``): an
    /// event about gallium or tungsten covers no rare-earth series.
    public var material: MaterialScope
    /// Destinations covered; nil means all destinations.
    public var destinations: Set<CountryCode>?
    public var direction: EventDirection
    public var url: String?
    public var source: String

    public init(
        id: String, title: String, instrument: String, day: CalendarDay, material: MaterialScope, destinations: Set<CountryCode>? = nil, direction: EventDirection, url: String? = nil, source: String,
        dayKind: DayKind = .effective
    ) {
        self.dayKind = dayKind
        self.id = id
        self.title = title
        self.instrument = instrument
        self.day = day
        self.material = material
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
