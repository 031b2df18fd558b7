public import MonaziteCore

/// An act of the policy timeline that lists the rare-earth elements it controls, as a claim about
/// a number of elements is checked against it ("seven rare earths in April", "five more elements").
public struct ElementControl: Sendable, Hashable {
    /// The act's id on the timeline (`mofcom-2025-18`).
    public var id: String
    /// How the act is named in notes (`MOFCOM Announcement No. 18 [2025]`).
    public var label: String
    public var announced: CalendarDay?
    public var effective: CalendarDay?
    /// The elements the act lists, by symbol, in atomic-number order.
    public var elements: [String]
    /// The act's status on the day asked (`in_force`, `suspended`, `suspension_lapsed`, …), as the
    /// policy timeline computes it; nil when no day was asked.
    public var status: String?
    public var source: String
    public var url: String?
    /// False when the timeline flags the act as uncertain.
    public var verified: Bool

    public init(
        id: String, label: String, announced: CalendarDay?, effective: CalendarDay?, elements: [String], status: String?,
        source: String, url: String?, verified: Bool
    ) {
        self.id = id
        self.label = label
        self.announced = announced
        self.effective = effective
        self.elements = elements
        self.status = status
        self.source = source
        self.url = url
        self.verified = verified
    }

    /// In force on the day asked.
    public var inForce: Bool { status == "in_force" }

    /// The first day the act is dated by: its announcement, else its effective day.
    public var firstDay: CalendarDay? { announced ?? effective }
}
