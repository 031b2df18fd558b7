public import MonaziteCore

/// The dates of an act. Each is optional: a date the source does not give stays nil.
///
/// `suspendedUntil` and `expires` are the last day of the window (inclusive): "suspended until
/// 2026-11-10" means suspended on 2026-11-10 and no longer from 2026-11-11.
public struct PolicyDates: Sendable, Hashable, Codable {
    public var announced: CalendarDay?
    public var effective: CalendarDay?
    /// On a measure: the first day it is suspended, when the suspension is recorded on the measure
    /// itself. On a suspension act: the first day of its window when that differs from `effective`.
    public var suspendedFrom: CalendarDay?
    /// Last day of a suspension window.
    public var suspendedUntil: CalendarDay?
    /// The day the act was withdrawn or revoked.
    public var revoked: CalendarDay?
    /// Last day the act applies by its own terms.
    public var expires: CalendarDay?

    public init(
        announced: CalendarDay? = nil, effective: CalendarDay? = nil, suspendedFrom: CalendarDay? = nil,
        suspendedUntil: CalendarDay? = nil, revoked: CalendarDay? = nil, expires: CalendarDay? = nil
    ) {
        self.announced = announced
        self.effective = effective
        self.suspendedFrom = suspendedFrom
        self.suspendedUntil = suspendedUntil
        self.revoked = revoked
        self.expires = expires
    }

    /// The effective date, else the announcement date: when the act starts to apply.
    public var start: CalendarDay? { effective ?? announced }

    enum CodingKeys: String, CodingKey {
        case announced, effective, revoked, expires
        case suspendedFrom = "suspended_from"
        case suspendedUntil = "suspended_until"
    }

    /// Absent dates are written as `null`, so every key is always present in JSON.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(announced, forKey: .announced)
        try c.encode(effective, forKey: .effective)
        try c.encode(suspendedFrom, forKey: .suspendedFrom)
        try c.encode(suspendedUntil, forKey: .suspendedUntil)
        try c.encode(revoked, forKey: .revoked)
        try c.encode(expires, forKey: .expires)
    }
}

/// One dated act on the timeline: a control, a suspension, a deal, a licence decision.
public struct PolicyEvent: Sendable, Hashable, Codable, Identifiable {
    /// A stable slug (`mofcom-2025-18`), unique on the timeline; suspensions refer to it.
    public var id: String
    public var kind: PolicyKind
    /// Who acted (`China MOFCOM + GAC`).
    public var actor: String
    /// The instrument as the source names it (`Announcement No. 18 [2025]`).
    public var instrument: String
    /// The formal number, when the act has one (`MOFCOM Announcement No. 18 [2025]`).
    public var number: String?
    /// A short human title.
    public var title: String
    public var scope: PolicyScope
    public var dates: PolicyDates
    /// Ids of the acts this one suspends (only on `.suspension`).
    public var suspends: [String]
    /// Ids of the acts this one amends, extends or partly replaces.
    public var amends: [String]
    public var direction: PolicyDirection
    public var source: String
    public var url: String?
    /// False when the curated source flags the item as uncertain ("verify", "from memory",
    /// a secondary source, a number not verified); `note` says what is uncertain.
    public var verified: Bool
    public var note: String?
    /// Who states the act's term (its `expires` date), and where, when that differs from `source`.
    public var expiresSource: String?
    public var expiresURL: String?
    /// The mirror or aggregator the source was read through, when the original is not at hand:
    /// `source` names the original publisher, `via` the copy.
    public var via: String?
    public var viaURL: String?

    public init(
        id: String, kind: PolicyKind, actor: String, instrument: String, number: String? = nil, title: String,
        scope: PolicyScope = PolicyScope(), dates: PolicyDates, suspends: [String] = [], amends: [String] = [],
        direction: PolicyDirection, source: String, url: String?, verified: Bool = true, note: String? = nil,
        expiresSource: String? = nil, expiresURL: String? = nil, via: String? = nil, viaURL: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.actor = actor
        self.instrument = instrument
        self.number = number
        self.title = title
        self.scope = scope
        self.dates = dates
        self.suspends = suspends
        self.amends = amends
        self.direction = direction
        self.source = source
        self.url = url
        self.verified = verified
        self.note = note
        self.expiresSource = expiresSource
        self.expiresURL = expiresURL
        self.via = via
        self.viaURL = viaURL
    }

    /// `Source (via Mirror)`, or the source alone.
    public var citation: String { via.map { "\(source) (via \($0))" } ?? source }

    /// The number if there is one, else the instrument: how to name the act in a sentence.
    public var label: String { number ?? instrument }

    enum CodingKeys: String, CodingKey {
        case id, kind, actor, instrument, number, title, scope, dates, suspends, amends, direction, source, url, verified, note, via
        case expiresSource = "expires_source"
        case expiresURL = "expires_url"
        case viaURL = "via_url"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(kind, forKey: .kind)
        try c.encode(actor, forKey: .actor)
        try c.encode(instrument, forKey: .instrument)
        try c.encode(number, forKey: .number)
        try c.encode(title, forKey: .title)
        try c.encode(scope, forKey: .scope)
        try c.encode(dates, forKey: .dates)
        try c.encode(suspends, forKey: .suspends)
        try c.encode(amends, forKey: .amends)
        try c.encode(direction, forKey: .direction)
        try c.encode(source, forKey: .source)
        try c.encode(url, forKey: .url)
        try c.encode(verified, forKey: .verified)
        try c.encode(note, forKey: .note)
        try c.encode(expiresSource, forKey: .expiresSource)
        try c.encode(expiresURL, forKey: .expiresURL)
        try c.encode(via, forKey: .via)
        try c.encode(viaURL, forKey: .viaURL)
    }
}
