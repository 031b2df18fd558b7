/// A computed number, or the reason it cannot be computed.
///
/// Analytics never return `inf` or `NaN`: division by a zero or missing base gives
/// `.unavailable` with a sentence a user can read ("no figure for 2024-05").
public enum Computed: Hashable, Sendable {
    case value(Double)
    case unavailable(String)

    /// The number, or nil.
    public var value: Double? {
        if case .value(let v) = self { return v }
        return nil
    }

    /// Why there is no number, or nil when there is one.
    public var reason: String? {
        if case .unavailable(let r) = self { return r }
        return nil
    }

    /// Wraps a result, turning a non-finite number into `.unavailable`.
    public static func checked(_ v: Double, otherwise reason: String) -> Computed {
        v.isFinite ? .value(v) : .unavailable(reason)
    }

    public func map(_ transform: (Double) -> Double) -> Computed {
        switch self {
        case .value(let v): .checked(transform(v), otherwise: "not a finite number")
        case .unavailable: self
        }
    }
}
