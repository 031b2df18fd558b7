public import MonaziteCore

/// A monthly series as detection reads it: one value per month, in month order, with missing
/// months kept missing (never filled or interpolated).
public struct MonthlySeries: Sendable, Hashable {
    /// Values by month; a month absent from the dictionary, or present with nil, is missing.
    public let values: [Month: Double]
    /// First and last month of the range the caller asked about (missing months inside count as gaps).
    public let first: Month?
    public let last: Month?

    /// Builds a series from `(month, value)` pairs; nil values are gaps. A month given twice keeps the later value.
    public init(_ points: [(Month, Double?)]) {
        var d: [Month: Double] = [:]
        for (m, v) in points {
            if let v { d[m] = v } else { d.removeValue(forKey: m) }
        }
        self.values = d
        self.first = points.map(\.0).min()
        self.last = points.map(\.0).max()
    }

    /// Every month from first to last, gaps included.
    public var months: [Month] {
        guard let first, let last else { return [] }
        return (first.index...last.index).map(Month.init(index:))
    }

    /// Months in the range without a value.
    public var gaps: [Month] { months.filter { values[$0] == nil } }

    public subscript(_ month: Month) -> Double? { values[month] }
}
