import Foundation

/// A reference period of a statistic: any contiguous span of whole months.
///
/// Months, quarters, halves, years, multi-year spans and the cumulative "January to July"
/// figures that customs releases report are all spans, so one type covers them and
/// aggregation, year-on-year bases and year-to-date windows are arithmetic on the span.
///
/// Text forms (``init(parsing:)`` accepts them, ``description`` writes the shortest):
/// `2025-06` (month), `2025-Q2`, `2025-H1`, `2025` (year), `2025-01..2025-07` or
/// `2025-01..07` (a span of months), `2020..2023` (a span of whole years).
public struct Period: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let first: Month
    public let last: Month

    /// A span from `first` to `last` inclusive; nil when `last` precedes `first`.
    public init?(first: Month, last: Month) {
        guard first <= last else { return nil }
        self.first = first
        self.last = last
    }

    public init(month: Month) {
        self.first = month
        self.last = month
    }

    public static func year(_ year: Int) -> Period? {
        guard let first = Month(year: year, month: 1), let last = Month(year: year, month: 12) else { return nil }
        return Period(first: first, last: last)
    }

    public static func quarter(_ year: Int, _ quarter: Int) -> Period? {
        guard (1...4).contains(quarter), let first = Month(year: year, month: quarter * 3 - 2) else { return nil }
        return Period(first: first, last: first.adding(months: 2))
    }

    public static func half(_ year: Int, _ half: Int) -> Period? {
        guard (1...2).contains(half), let first = Month(year: year, month: half * 6 - 5) else { return nil }
        return Period(first: first, last: first.adding(months: 5))
    }

    /// Number of months in the span.
    public var monthCount: Int { last.index - first.index + 1 }
    public var months: [Month] { (first.index...last.index).map(Month.init(index:)) }
    public var isMonth: Bool { first == last }
    public func contains(_ month: Month) -> Bool { first <= month && month <= last }

    /// What kind of calendar period the span is, for display and grouping.
    public var kind: Kind {
        if isMonth { return .month }
        let aligned = first.year == last.year
        if aligned && first.month == 1 && last.month == 12 { return .year }
        if aligned && monthCount == 6 && (first.month == 1 || first.month == 7) { return .half }
        if aligned && monthCount == 3 && (first.month - 1) % 3 == 0 { return .quarter }
        if first.month == 1 && last.month == 12 { return .years }
        return .span
    }

    public enum Kind: String, Sendable, Codable, CaseIterable {
        case month, quarter, half, year, years, span
    }

    /// The same span shifted by whole years: the base of a year-on-year comparison.
    public func shifted(years: Int) -> Period {
        Period(unchecked: first.adding(months: 12 * years), last.adding(months: 12 * years))
    }

    /// The span of equal length that ends just before this one (a month's previous month,
    /// a quarter's previous quarter): the base of a period-on-period change.
    public var preceding: Period {
        Period(unchecked: first.adding(months: -monthCount), first.adding(months: -1))
    }

    /// January of the first month's year to the last month: the year-to-date window.
    public var yearToDate: Period {
        Period(unchecked: Month(index: last.year * 12), last)
    }

    private init(unchecked first: Month, _ last: Month) {
        self.first = first
        self.last = last
    }

    public var description: String {
        switch kind {
        case .month: return first.description
        case .year: return String(first.year)
        case .half: return "\(first.year)-H\(first.half)"
        case .quarter: return "\(first.year)-Q\(first.quarter)"
        case .years: return "\(first.year)..\(last.year)"
        case .span: return "\(first)..\(last)"
        }
    }

    /// Orders by end month, then by start (longer spans first), so a monthly series reads in time order.
    public static func < (lhs: Period, rhs: Period) -> Bool {
        if lhs.last != rhs.last { return lhs.last < rhs.last }
        return lhs.first < rhs.first
    }
}

extension Period {
    /// Parses the text forms listed on ``Period``; nil for anything else.
    public init?(parsing text: String) {
        let s = text.trimmingWhitespace()
        if let dots = Period.indexOfDoubleDot(s) {
            let lhs = String(s.utf8.prefix(dots)) ?? ""
            let rhs = String(s.utf8.dropFirst(dots + 2)) ?? ""
            if let y1 = Period.parseYear(lhs), let y2 = Period.parseYear(rhs) {
                guard let a = Period.year(y1), let b = Period.year(y2), let p = Period(first: a.first, last: b.last)
                else { return nil }
                self = p
                return
            }
            guard let start = Period.parseMonth(lhs) else { return nil }
            let end: Month?
            if rhs.count <= 2, let m = Int(rhs) {
                end = Month(year: start.year, month: m)
            } else {
                end = Period.parseMonth(rhs)
            }
            guard let end, let p = Period(first: start, last: end) else { return nil }
            self = p
            return
        }
        if let y = Period.parseYear(s), let p = Period.year(y) {
            self = p
            return
        }
        if let m = Period.parseMonth(s) {
            self.init(month: m)
            return
        }
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let y = Period.parseYear(String(parts[0])) else { return nil }
        let tag = parts[1].uppercased()
        guard tag.count == 2, let n = Int(tag.dropFirst()) else { return nil }
        let p: Period?
        switch tag.first {
        case "Q": p = Period.quarter(y, n)
        case "H": p = Period.half(y, n)
        default: p = nil
        }
        guard let p else { return nil }
        self = p
    }

    /// Byte offset of the first `..`, without Foundation's string search (this is on the import hot path).
    static func indexOfDoubleDot(_ s: String) -> Int? {
        var previousWasDot = false
        for (i, b) in s.utf8.enumerated() {
            if b == UInt8(ascii: ".") {
                if previousWasDot { return i - 1 }
                previousWasDot = true
            } else {
                previousWasDot = false
            }
        }
        return nil
    }

    static func parseYear(_ s: String) -> Int? {
        guard s.count == 4, s.allSatisfy(\.isASCIIDigit), let y = Int(s), y >= 1 else { return nil }
        return y
    }

    /// `YYYY-MM` or `YYYYMM` (UN Comtrade's `period` column).
    static func parseMonth(_ s: String) -> Month? {
        let digits: String
        let bytes = Array(s.utf8)
        if bytes.count == 7, bytes[4] == UInt8(ascii: "-") {
            digits = String(decoding: bytes[0..<4] + bytes[5..<7], as: UTF8.self)
        } else if bytes.count == 6 {
            digits = s
        } else {
            return nil
        }
        guard digits.count == 6, digits.allSatisfy(\.isASCIIDigit),
            let y = Int(digits.prefix(4)), let m = Int(digits.suffix(2))
        else { return nil }
        return Month(year: y, month: m)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    /// Trims white space; returns `self` untouched in the common case of none (checked on bytes).
    func trimmingWhitespace() -> String {
        if let f = utf8.first, let l = utf8.last, f > 0x20, l > 0x20, f < 0x80, l < 0x80 { return self }
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
