public import MonaziteCore

/// One event of the policy timeline, as the `/policy` page lists it.
///
/// The dashboard only displays and filters these; the caller turns its policy data into them.
public struct TimelineEntry: Sendable, Hashable {
    public var id: String
    /// `export_licensing`, `prohibition`, `suspension`, … (filterable with `?kind=`).
    public var kind: String
    public var title: String
    /// The legal instrument (`MOFCOM Announcement No. 18 [2025]`), when known.
    public var instrument: String?
    public var announced: CalendarDay?
    public var effective: CalendarDay?
    /// The event's status as text (`in force`, `suspended until 2026-11-10`).
    public var status: String
    /// Element symbols in scope (`Dy`, `Tb`); empty when the event names none.
    public var elements: [String]
    /// The destinations in scope as text (`all`, `USA`, `United States`).
    public var destinations: String
    public var url: String?
    /// False when the source data marks the event as unverified; the page flags it.
    public var verified: Bool

    public init(
        id: String, kind: String, title: String, instrument: String? = nil, announced: CalendarDay? = nil,
        effective: CalendarDay? = nil, status: String, elements: [String] = [], destinations: String = "", url: String? = nil,
        verified: Bool
    ) {
        self.id = id
        self.kind = kind
        self.title = title
        self.instrument = instrument
        self.announced = announced
        self.effective = effective
        self.status = status
        self.elements = elements
        self.destinations = destinations
        self.url = url
        self.verified = verified
    }
}

/// One answer of the applicability query ("what applies on date D to C for X"), as the
/// `/policy` page renders it.
public struct ApplicabilityRow: Sendable, Hashable {
    public var eventID: String
    public var title: String
    /// `in_force`, `not_yet_effective`, `suspended`, `suspension_lapsed`, `revoked`, `expired`.
    public var status: String
    /// Why the status holds on the date asked.
    public var reason: String
    /// The event's dates as text (`announced 2025-04-04; effective 2025-04-04`).
    public var dates: String
    public var url: String?

    public init(eventID: String, title: String, status: String, reason: String, dates: String, url: String? = nil) {
        self.eventID = eventID
        self.title = title
        self.status = status
        self.reason = reason
        self.dates = dates
        self.url = url
    }
}
