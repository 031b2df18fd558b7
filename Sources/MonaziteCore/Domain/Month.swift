/// A calendar month, the smallest period of trade statistics.
///
/// Stored as a single month index (`year * 12 + month - 1`) so that month arithmetic
/// across year ends is plain integer arithmetic.
public struct Month: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Months since year 0: `year * 12 + (month - 1)`.
    public let index: Int

    public init(index: Int) { self.index = index }

    /// Returns nil when `month` is outside 1…12 or `year` outside 1…9999.
    public init?(year: Int, month: Int) {
        guard (1...12).contains(month), (1...9999).contains(year) else { return nil }
        self.index = year * 12 + (month - 1)
    }

    public var year: Int { index / 12 }
    /// 1…12.
    public var month: Int { index % 12 + 1 }
    /// 1…4.
    public var quarter: Int { (month - 1) / 3 + 1 }
    /// 1…2.
    public var half: Int { month <= 6 ? 1 : 2 }

    public func adding(months: Int) -> Month { Month(index: index + months) }
    /// The same month one year earlier: the base of a year-on-year change.
    public var previousYear: Month { adding(months: -12) }
    public var previous: Month { adding(months: -1) }

    /// `YYYY-MM`.
    public var description: String {
        let y = String(year)
        let m = month < 10 ? "0\(month)" : "\(month)"
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + m
    }

    public static func < (lhs: Month, rhs: Month) -> Bool { lhs.index < rhs.index }
}
