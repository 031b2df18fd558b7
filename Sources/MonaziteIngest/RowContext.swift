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

    mutating func number(_ i: Int?, _ name: String) -> Double? {
        guard let i, !blank(i) else { return nil }
        if let v = reader.pointee.double(record, i) { return v }
        let shown = (try? reader.pointee.string(record, i)) ?? "?"
        fail(i, "\(name): \"\(shown)\" is not a number")
        return nil
    }

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
        commodity = Int(o.key.commodity.digits) ?? 0
        months = o.period.first.index << 20 | o.period.last.index
        release = o.provenance.release?.dayNumber ?? 0
    }
}
