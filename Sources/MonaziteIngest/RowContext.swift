import Foundation
import MonaziteCore

/// Field accessors for one record that turn bad cells into located issues.
struct RowContext: ~Copyable {
    let reader: UnsafePointer<CSVReader>
    let record: CSVReader.Record
    var issues: IssueCollector
    var failed = false

    mutating func fail(_ i: Int, _ reason: String) {
        issues.add(line: record.line, column: i < record.columns.count ? record.columns[i] : 1, reason)
        failed = true
    }

    func blank(_ i: Int?) -> Bool {
        guard let i else { return true }
        return reader.pointee.isBlank(record, i)
    }

    /// The trimmed text of a column, nil when the column is absent or blank.
    mutating func text(_ i: Int?, _ name: String) -> String? {
        guard let i, !blank(i) else { return nil }
        do { return try reader.pointee.string(record, i).trimmingSpaces() } catch {
            fail(i, "\(name): \(error.reason)")
            return nil
        }
    }

    mutating func required(_ i: Int?, _ name: String) -> String? {
        guard let i else { return nil }
        if blank(i) {
            fail(i, "\(name) is empty")
            return nil
        }
        return text(i, name)
    }

    /// A finite number no larger in magnitude than `limit`; anything else is a located issue.
    mutating func number(_ i: Int?, _ name: String, limit: Double = NumberBounds.any) -> Double? {
        guard let i, !blank(i) else { return nil }
        guard let v = reader.pointee.double(record, i) else {
            fail(i, "\(name): \"\(shownText(i))\" is not a number")
            return nil
        }
        guard v.isFinite else {
            fail(i, "\(name): \"\(shownText(i))\" is not a finite number")
            return nil
        }
        guard abs(v) <= limit else {
            fail(i, "\(name): \"\(shownText(i))\" is beyond the bound of \(NumberBounds.text(limit)) (docs/data.md)")
            return nil
        }
        return v
    }

    private func shownText(_ i: Int) -> String { (try? reader.pointee.string(record, i)) ?? "?" }

    /// The field's bytes packed into an integer (fields of 1…8 bytes), for cache look-ups
    /// that need no string; nil for longer or empty fields.
    func packed(_ i: Int?) -> Int? {
        guard let i else { return nil }
        let bytes = reader.pointee.bytes(record, i)
        guard (1...8).contains(bytes.count) else { return nil }
        var key = 0
        for b in bytes { key = key << 8 | Int(b) }
        return key
    }

    /// A country code through a cache keyed by the field's bytes.
    mutating func country(_ i: Int?, _ name: String, cache: inout [Int: CountryCode]) -> CountryCode? {
        if let key = packed(i), let c = cache[key] { return c }
        var strings: [String: CountryCode] = [:]
        guard let c = country(i, name, cache: &strings) else { return nil }
        if let key = packed(i) { cache[key] = c }
        return c
    }

    mutating func country(_ i: Int?, _ name: String, cache: inout [String: CountryCode]) -> CountryCode? {
        guard let t = required(i, name), let i else { return nil }
        if let c = cache[t] { return c }
        guard let c = CountryCode(t) ?? (t.uppercased() == "W00" ? .world : nil) else {
            fail(i, "\(name): unknown country code \"\(t)\" (ISO 3166-1 alpha-3, or WLD for the world)")
            return nil
        }
        cache[t] = c
        return c
    }
}

/// A key that identifies one observation within a file, packed for fast duplicate checks.
struct PackedKey: Hashable {
    let codes: Int
    let commodity: Int
    let months: Int
    let release: Int

    init(_ o: Observation) {
        func code(_ c: CountryCode) -> Int { c.alpha3.utf8.reduce(0) { $0 << 8 | Int($1) } }
        let flow = TradeFlow.allCases.firstIndex(of: o.key.flow) ?? 0
        codes = code(o.key.reporter) << 28 | code(o.key.partner) << 4 | flow
        // The code's length is part of the key: heading 2846 and a chapter or subheading never collide.
        let text = o.key.commodity.code
        commodity = Int(text).map { $0 << 4 | text.count } ?? -(CustomsAggregate.all.firstIndex { $0.id == text } ?? 0) - 1
        months = o.period.first.index << 20 | o.period.last.index
        release = o.provenance.release?.dayNumber ?? 0
    }
}

/// The largest magnitudes an import accepts, per kind of number. Values beyond them are refused
/// as typing or unit errors (a value in kg typed as t, an exponent slip): they exceed anything
/// that a rare-earth statistic, or any one line of world trade, has ever recorded.
public enum NumberBounds {
    /// Any number at all: 1e15.
    public static let any = 1e15
    /// A mass in the file's own unit (kg or t): 1e13 (ten billion tonnes when in kg).
    public static let kilograms = 1e13
    /// A mass in tonnes after unit conversion: 1e10 t (world iron-ore trade is about 1.6e9 t a year).
    public static let tonnes = 1e10
    /// A trade value in US dollars: 1e13 (world merchandise trade is about 2.4e13 a year).
    public static let valueUSD = 1e13
    /// A published change in percent: 1e6 %.
    public static let percent = 1e6

    static func text(_ v: Double) -> String {
        let exponent = Int(log10(v).rounded())
        return "1e\(exponent)"
    }
}
