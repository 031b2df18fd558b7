public import MonaziteCore

/// An alert that fired, as the store keeps it: enough to never fire it twice and to list history.
public struct FiredAlert: Sendable, Hashable {
    /// The alert's stable dedupe key.
    public let key: String
    public let ruleID: String
    /// `series_change`, `new_event` or `deadline`.
    public let kind: String
    /// `info`, `warning` or `critical`.
    public let severity: String
    public let message: String
    public let url: String?
    /// The day the rules were evaluated for (`--today`).
    public let evaluatedFor: CalendarDay
    /// When it was recorded (ISO 8601, UTC); empty until stored.
    public let firedAt: String

    public init(
        key: String, ruleID: String, kind: String, severity: String, message: String, url: String?, evaluatedFor: CalendarDay,
        firedAt: String = ""
    ) {
        self.key = key
        self.ruleID = ruleID
        self.kind = kind
        self.severity = severity
        self.message = message
        self.url = url
        self.evaluatedFor = evaluatedFor
        self.firedAt = firedAt
    }
}

/// Which alerts have fired, so evaluation after each import alerts on new findings only.
public protocol AlertStateStore: Sendable {
    /// Every dedupe key recorded.
    func firedAlertKeys() async throws -> Set<String>
    /// Records alerts in one transaction; keys already recorded are left as they are.
    /// Returns how many were new.
    func recordFiredAlerts(_ alerts: [FiredAlert]) async throws -> Int
    /// Recorded alerts, newest first.
    func firedAlerts(limit: Int) async throws -> [FiredAlert]
}
