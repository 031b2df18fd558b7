/// How a figure came to be. Analytics propagate the weakest status of their inputs.
public enum DataStatus: String, CaseIterable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// Published by the source as it stands.
    case reported
    /// Computed by us (or by the source's compiler) from other figures; the formula is in the note.
    case derived
    /// An estimate: an assumption or a projection, not a measurement.
    case estimate

    public var description: String { rawValue }

    /// The weaker of two statuses (`reported` < `derived` < `estimate`).
    public static func < (lhs: DataStatus, rhs: DataStatus) -> Bool { lhs.rank < rhs.rank }
    private var rank: Int {
        switch self {
        case .reported: 0
        case .derived: 1
        case .estimate: 2
        }
    }
}
