public import MonaziteCore

/// How domain values are written to columns (see ``StoreSchema``); every backend uses the same.
public enum StoreEncoding {
    /// A stored `derived_from` text back as inputs (written by this store, so it parses; anything
    /// else reads as none).
    public static func derivation(_ text: String?) -> [Derivation.Input] {
        guard let text, case .success(let inputs) = Derivation.parse(text) else { return [] }
        return inputs
    }
    public static func month(_ m: Month) -> Int { m.year * 100 + m.month }
    public static func month(_ v: Int) -> Month? { Month(year: v / 100, month: v % 100) }
    public static func release(_ d: CalendarDay?) -> Int { d.map { $0.year * 10000 + $0.month * 100 + $0.day } ?? 0 }
    public static func release(_ v: Int) -> CalendarDay? {
        v == 0 ? nil : CalendarDay(year: v / 10000, month: v / 100 % 100, day: v % 100)
    }
    public static func period(first: Int, last: Int) -> Period? {
        guard let a = month(first), let b = month(last) else { return nil }
        return Period(first: a, last: b)
    }
}
