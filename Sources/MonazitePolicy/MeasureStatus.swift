public import MonaziteCore

/// Where a measure stands on a given day.
public enum MeasureStatus: String, CaseIterable, Sendable, Codable, Hashable {
    case inForce = "in_force"
    /// Announced (or recorded) but its effective date is later.
    case notYetEffective = "not_yet_effective"
    /// A suspension window covers the day.
    case suspended
    /// Every recorded suspension window ended before the day and no renewal or extension is
    /// recorded: the measure applies again by its own terms, but Monazite cannot confirm it.
    case suspensionLapsed = "suspension_lapsed"
    case revoked
    /// Its own end date has passed (a term, a truce, a licence's validity, a concluded investigation).
    case expired
    /// An investigation under way: it restricts nothing by itself until it concludes.
    case open
}

/// A window during which a measure is suspended, and what suspends it.
public struct SuspensionWindow: Sendable, Hashable, Codable {
    /// The suspending act's id, or nil when the window is recorded on the measure itself.
    public var byEvent: String?
    /// How to name the suspending act in a sentence.
    public var byLabel: String
    /// First day suspended (nil when the source does not say).
    public var from: CalendarDay?
    /// Last day suspended; nil means no end date is recorded.
    public var until: CalendarDay?

    public init(byEvent: String?, byLabel: String, from: CalendarDay?, until: CalendarDay?) {
        self.byEvent = byEvent
        self.byLabel = byLabel
        self.from = from
        self.until = until
    }

    public func covers(_ day: CalendarDay) -> Bool {
        if let from, day < from { return false }
        if let until, day > until { return false }
        return true
    }

    enum CodingKeys: String, CodingKey {
        case from, until
        case byEvent = "by_event"
        case byLabel = "by_label"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(byEvent, forKey: .byEvent)
        try c.encode(byLabel, forKey: .byLabel)
        try c.encode(from, forKey: .from)
        try c.encode(until, forKey: .until)
    }
}

/// A measure's status on a day, with the reason in words and the windows behind it.
public struct StatusAssessment: Sendable, Hashable {
    public var status: MeasureStatus
    public var explanation: String
    /// Every recorded suspension window of the measure, earliest first.
    public var suspensions: [SuspensionWindow]
}

/// Computes statuses on a timeline: a measure's own dates plus the suspension acts naming it.
public struct PolicyTimeline: Sendable {
    public let events: [PolicyEvent]
    private let byID: [String: PolicyEvent]
    private let suspendedBy: [String: [PolicyEvent]]

    public init(_ events: [PolicyEvent]) {
        self.events = events
        var byID: [String: PolicyEvent] = [:]
        var suspendedBy: [String: [PolicyEvent]] = [:]
        for event in events {
            byID[event.id] = event
            for target in event.suspends { suspendedBy[target, default: []].append(event) }
        }
        self.byID = byID
        self.suspendedBy = suspendedBy
    }

    public func event(id: String) -> PolicyEvent? { byID[id] }

    /// The suspension windows of `event`: the ones recorded on it and one per suspension act
    /// naming it. A suspension act that was itself revoked before it began is ignored; one
    /// revoked later ends its window the day before its revocation.
    public func suspensionWindows(of event: PolicyEvent) -> [SuspensionWindow] {
        var windows: [SuspensionWindow] = []
        if event.dates.suspendedFrom != nil || event.dates.suspendedUntil != nil {
            windows.append(
                SuspensionWindow(
                    byEvent: nil, byLabel: "a suspension recorded on the measure", from: event.dates.suspendedFrom,
                    until: event.dates.suspendedUntil))
        }
        for act in suspendedBy[event.id] ?? [] {
            let from = act.dates.suspendedFrom ?? act.dates.start
            var until = act.dates.suspendedUntil
            if let revoked = act.dates.revoked {
                if let from, revoked <= from { continue }
                let lastDay = revoked.adding(days: -1)
                if until.map({ lastDay < $0 }) ?? true { until = lastDay }
            }
            windows.append(SuspensionWindow(byEvent: act.id, byLabel: act.label, from: from, until: until))
        }
        return windows.sorted { ($0.from?.dayNumber ?? Int.min) < ($1.from?.dayNumber ?? Int.min) }
    }

    /// The status of `event` on `day`.
    ///
    /// Order: revoked, expired (own dates), then a suspension window covering the day, then not
    /// yet effective, then a suspension whose windows all ended (lapsed), else in force.
    public func status(of event: PolicyEvent, on day: CalendarDay) -> StatusAssessment {
        let windows = suspensionWindows(of: event)
        let dates = event.dates
        func result(_ s: MeasureStatus, _ why: String) -> StatusAssessment {
            StatusAssessment(status: s, explanation: why, suspensions: windows)
        }
        if let revoked = dates.revoked, revoked <= day {
            return result(.revoked, "revoked or withdrawn on \(revoked)")
        }
        if event.kind == .suspension, let until = dates.suspendedUntil, until < day {
            return result(.expired, "its suspension window ended on \(until) (inclusive)")
        }
        if let expires = dates.expires, expires < day {
            let term = event.expiresSource.map { " (term as stated by \($0))" } ?? ""
            if event.kind == .investigation {
                return result(.expired, "concluded: its last day was \(expires)\(term)")
            }
            return result(.expired, "expired: its last day was \(expires)\(term)")
        }
        if let window = windows.last(where: { $0.covers(day) }) {
            let from = window.from.map { " from \($0)" } ?? ""
            let until = window.until.map { " until \($0) (inclusive)" } ?? "; no end date recorded"
            let before = dates.effective.map { day < $0 ? " (before it took effect on \($0))" : "" } ?? ""
            return result(.suspended, "suspended by \(window.byLabel)\(from)\(until)\(before)")
        }
        if let effective = dates.effective, day < effective {
            if let announced = dates.announced, day < announced {
                return result(.notYetEffective, "not yet announced on this date: announced \(announced), takes effect on \(effective)")
            }
            return result(.notYetEffective, "takes effect on \(effective)" + (dates.announced.map { " (announced \($0))" } ?? ""))
        }
        if dates.effective == nil, let announced = dates.announced, day < announced {
            return result(.notYetEffective, "announced on \(announced), after this date; no effective date recorded")
        }
        if dates.effective == nil, dates.announced == nil {
            return result(.inForce, "no announcement or effective date recorded; treated as in force")
        }
        let ended = windows.filter { window in window.until.map { $0 < day } ?? false }
        if let last = ended.max(by: { ($0.until?.dayNumber ?? 0) < ($1.until?.dayNumber ?? 0) }), let until = last.until {
            let from = last.from.map { " from \($0)" } ?? ""
            return result(
                .suspensionLapsed,
                "suspended by \(last.byLabel)\(from) until \(until); no renewal or extension is recorded after \(until), "
                    + "so the measure applies again by its own terms unless a later act (not in this timeline) says otherwise")
        }
        if event.kind == .investigation {
            let opened = dates.start.map { " opened on \($0)" } ?? ""
            return result(.open, "an investigation\(opened) and not recorded as concluded: it imposes no duty or restriction by itself")
        }
        if let effective = dates.effective {
            return result(.inForce, "in force since \(effective)")
        }
        return result(
            .inForce, "no effective date recorded; treated as in force from its announcement on \(dates.announced?.description ?? "?")")
    }
}
