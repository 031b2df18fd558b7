public import MonaziteCore

/// An alert a rule raised, ready to show or post.
public struct Alert: Sendable, Hashable, Codable {
    /// Stable across runs for the same finding (`rule:subject`), so a finding alerts once.
    public var key: String
    public var ruleID: String
    /// `series_change`, `new_event` or `deadline`.
    public var kind: String
    public var severity: AlertSeverity
    public var message: String
    /// Facts behind the message, each checkable ("2025-06: 3,188 t; 2025-05: 1,238.47 t").
    public var evidence: [String]
    public var url: String?
    /// The day the alert was evaluated for.
    public var day: CalendarDay

    public init(
        key: String, ruleID: String, kind: String, severity: AlertSeverity, message: String, evidence: [String], url: String?,
        day: CalendarDay
    ) {
        self.key = key
        self.ruleID = ruleID
        self.kind = kind
        self.severity = severity
        self.message = message
        self.evidence = evidence
        self.url = url
        self.day = day
    }

    enum CodingKeys: String, CodingKey {
        case key, ruleID = "rule_id", kind, severity, message, evidence, url, day
    }
}
