import Foundation
import MonaziteCore

/// The bulk path of the Comtrade reader: the same rows accepted and the same problems reported,
/// in the same order, as the row-at-a-time path, but without a `String` or an `Observation` per row.
///
/// Each record is first read by `CSVReader.nextKept`, which keeps only the ten columns the
/// format uses, and resolved through the caches the row-at-a-time path fills (codes, periods
/// keyed by their bytes). Anything that is not the plain case (a code or period not yet seen,
/// a blank or bad number, a structural problem) is read again by the row-at-a-time code, which
/// validates it and reports it exactly as before; so every problem message comes from one place.
extension ComtradeCSVFormat {
    /// The columns the bulk path keeps, by slot.
    private enum Kept: Int, CaseIterable {
        case partner2ISO, customsCode, motCode, period, reporterISO, partnerISO, flowCode, cmdCode, netWgt, primaryValue
        var column: String { "\(self)" }
    }

    private struct SeriesBytes: Equatable {
        let reporter: Int
        let partner: Int
        let flowAndCommodity: Int
    }

    /// Series by the bytes of their codes: open addressing with a multiplicative hash, since
    /// this look-up runs for every row (the standard dictionary's SipHash cost twice as much).
    private struct SeriesTable {
        private var keys: [SeriesBytes] = Array(repeating: SeriesBytes(reporter: 0, partner: 0, flowAndCommodity: 0), count: 1 << 10)
        private var values: [Int32] = Array(repeating: -1, count: 1 << 10)
        private var count = 0

        private func slot(_ k: SeriesBytes) -> Int {
            let h = (k.reporter &* -7046029254386353131) ^ (k.partner &* -4658895280553007687) ^ (k.flowAndCommodity &* 2654435761)
            return Int(truncatingIfNeeded: UInt(bitPattern: h &* -7046029254386353131) >> 20) & (keys.count - 1)
        }

        func find(_ k: SeriesBytes) -> Int32? {
            var i = slot(k)
            while values[i] >= 0 {
                if keys[i] == k { return values[i] }
                i = (i + 1) & (keys.count - 1)
            }
            return nil
        }

        mutating func insert(_ k: SeriesBytes, _ v: Int32) {
            if (count + 1) * 2 > keys.count {
                let old = zip(keys, values).filter { $0.1 >= 0 }
                keys = Array(repeating: SeriesBytes(reporter: 0, partner: 0, flowAndCommodity: 0), count: keys.count * 2)
                values = Array(repeating: -1, count: values.count * 2)
                for (ok, ov) in old { place(ok, ov) }
            }
            place(k, v)
            count += 1
        }

        private mutating func place(_ k: SeriesBytes, _ v: Int32) {
            var i = slot(k)
            while values[i] >= 0 { i = (i + 1) & (keys.count - 1) }
            keys[i] = k
            values[i] = v
        }
    }

    /// Rows in a batch handed to the store.
    static let bulkBatch = 2048

    /// One batch from the parser to the store: the series first seen in it, its rows, how far the read is.
    struct Batch {
        var newSeries: [SeriesKey] = []
        var rows: [BulkRow] = []
        var bytesRead = 0
    }

    /// Files from this size on are read in two parts at once, one on a second thread (a
    /// task-local value, so that tests can read small files that way too).
    @TaskLocal public static var twoPartsFrom = 4 << 20

    static func readBulk(
        reader: inout CSVReader, record: inout CSVReader.Record, header: CSVHeader, provenance: Provenance,
        progress: ProgressHandler?, store: any BulkObservationStore
    ) throws(ImportFailure) -> Summary {
        store.begin(provenance: provenance, status: .reported)
        let total = reader.totalBytes
        if total >= twoPartsFrom && ProcessInfo.processInfo.activeProcessorCount > 1,
            let summary = try readInTwoParts(reader: reader, header: header, provenance: provenance, progress: progress, store: store)
        {
            return summary
        }
        // One part, the rows handed to the store batch by batch: small files, and files with a
        // problem (read again this way, which reports every problem in file order).
        var storeIssue: (line: Int, reason: String)?
        var batches = 0
        let parsed = parseBulk(reader: &reader, record: &record, header: header, provenance: provenance) { batch in
            storeIssue = batch.rows.withUnsafeBufferPointer { store.store(newSeries: batch.newSeries[...], rows: $0) }
            batches += 1
            if batches % 32 == 0 { progress?(batch.bytesRead, total) }
            return storeIssue == nil
        }
        progress?(total, total)
        let issues = parsed.issues
        // A problem the store found comes first: the rows it was given all precede the file's own problems.
        if let storeIssue {
            var all = IssueCollector(file: issues.file)
            all.add(line: storeIssue.line, column: 1, storeIssue.reason)
            for i in issues.issues { all.add(line: i.line, column: i.column, i.reason) }
            throw ImportFailure(issues: all.issues, truncated: all.truncated || issues.truncated)
        }
        guard issues.isEmpty else { throw issues.failure }
        return parsed.summary
    }

    /// Reads the file in two parts at once, split at the first line end after its middle: the
    /// first part on the calling thread, the second on a new one, each with the parser of
    /// ``parseBulk``; the store gets the rows once both are read, first part first, as if read
    /// in one (series numbered in order of first use, lines counted from the file's start).
    ///
    /// Nil, and nothing handed to the store, unless both parts read cleanly: a problem in
    /// either, a key in both (a duplicate across the split), or a split that fell inside a
    /// quoted field (the first part then ends in an unclosed quote) sends the caller to the
    /// one-part read, whose report is the reference. So a file with a problem is read twice,
    /// and a clean file gives the store exactly the rows the one-part read gives it.
    private static func readInTwoParts(
        reader: borrowing CSVReader, header: CSVHeader, provenance: Provenance, progress: ProgressHandler?,
        store: any BulkObservationStore
    ) throws(ImportFailure) -> Summary? {
        let total = reader.totalBytes
        guard let split = reader.lineStart(after: reader.bytesRead + (total - reader.bytesRead) / 2) else { return nil }
        let second = PartRead(reader: reader.suffix(from: split), header: header, provenance: provenance)
        let thread = Thread { second.run() }
        thread.stackSize = 1 << 22
        thread.start()
        let first = PartRead(reader: reader.prefix(upTo: split), header: header, provenance: provenance)
        first.run { bytes in progress?(bytes + second.bytesRead, total) }
        second.wait()
        guard first.issues.isEmpty, second.issues.isEmpty, first.summary.rows + second.summary.rows > 0 else { return nil }

        // The second part's series by the whole file's numbering, and its new ones in order of first use.
        var ordinal: [SeriesKey: Int32] = [:]
        for (i, key) in first.series.enumerated() { ordinal[key] = Int32(i) }
        var added: [SeriesKey] = []
        let remap = second.series.map { key -> Int32 in
            if let i = ordinal[key] { return i }
            let i = Int32(first.series.count + added.count)
            ordinal[key] = i
            added.append(key)
            return i
        }
        // A key in both parts is a duplicate the one-part read reports (at the second row's line).
        if hasKeyInBoth(first.rows, second.rows, remap: remap, seriesCount: first.series.count) { return nil }
        let lineOffset = Int32(first.endLine - 1)
        for i in second.rows.indices {
            second.rows[i].series = remap[Int(second.rows[i].series)]
            second.rows[i].line += lineOffset
        }
        for (series, rows) in [(first.series[...], first.rows), (added[...], second.rows)] {
            if let issue = rows.withUnsafeBufferPointer({ store.store(newSeries: series, rows: $0) }) {
                var issues = IssueCollector(file: reader.file)
                issues.add(line: issue.line, column: 1, issue.reason)
                throw issues.failure
            }
        }
        progress?(total, total)
        return Summary(
            rows: first.summary.rows + second.summary.rows,
            skippedBreakdowns: first.summary.skippedBreakdowns + second.summary.skippedBreakdowns)
    }

    /// Whether a series has the same months in both parts. Each part has refused its own
    /// duplicates; a file in months order has every second-part key after every first-part key
    /// of the same series, which one comparison per series shows; other series are compared key by key.
    private static func hasKeyInBoth(_ first: [BulkRow], _ second: [BulkRow], remap: [Int32], seriesCount: Int) -> Bool {
        var lastInFirst = [Int64](repeating: .min, count: seriesCount)
        for r in first { lastInFirst[Int(r.series)] = max(lastInFirst[Int(r.series)], r.months) }
        var overlapping = Set<Int32>()
        for r in second {
            let s = remap[Int(r.series)]
            if Int(s) < seriesCount, r.months <= lastInFirst[Int(s)] { overlapping.insert(s) }
        }
        guard !overlapping.isEmpty else { return false }
        var keys: [Int32: Set<Int64>] = [:]
        for r in first where overlapping.contains(r.series) { keys[r.series, default: []].insert(r.months) }
        for r in second {
            let s = remap[Int(r.series)]
            if overlapping.contains(s), keys[s]?.contains(r.months) == true { return true }
        }
        return false
    }

    /// Reads every record, validating as the row-at-a-time path does, and hands the accepted
    /// rows to `emit` in batches while the file is clean; `emit` returns false when the store
    /// wants no more. Returns the counts and the file's problems.
    static func parseBulk(
        reader: inout CSVReader, record: inout CSVReader.Record, header: CSVHeader, provenance: Provenance,
        emit: (inout Batch) -> Bool
    ) -> (summary: Summary, issues: IssueCollector) {
        var issues = IssueCollector(file: reader.file)
        let keptCount = Kept.allCases.count
        let slots = UnsafeMutableBufferPointer<Int>.allocate(capacity: header.count)
        slots.initialize(repeating: -1)
        for k in Kept.allCases { if let i = header[k.column] { slots[i] = k.rawValue } }
        // Without a period or a net-weight column every row takes the row-at-a-time code.
        let fast = header["period"] != nil && header["netWgt"] != nil
        let has = Kept.allCases.map { header[$0.column] != nil }
        let starts = UnsafeMutablePointer<Int>.allocate(capacity: keptCount)
        let ends = UnsafeMutablePointer<Int>.allocate(capacity: keptCount)
        let quoted = UnsafeMutablePointer<Bool>.allocate(capacity: keptCount)
        defer {
            slots.deallocate()
            starts.deallocate()
            ends.deallocate()
            quoted.deallocate()
        }

        var summary = Summary()
        // The caches of the row-at-a-time path, shared: what it validated once, the bulk path reuses.
        var countries: [Int: CountryCode] = [:]
        var commodities: [Int: HSCode] = [:]
        var periods: [Int: Period] = [:]
        // Bulk-only look-ups: a period's months as stored, and series by their bytes.
        var periodMonths: [Int: (first: Int32, last: Int32, key: Int)] = [:]
        var seriesByBytes = SeriesTable()
        var seriesByKey: [SeriesKey: Int32] = [:]
        var series: [SeriesKey] = []
        var announced = 0
        // Keys seen, per series: (months, line), sorted; rows usually come in period order, so a
        // check is one comparison with the last key and an append.
        var seen: [[(key: Int, line: Int32)]] = []
        var batch = Batch()
        batch.rows.reserveCapacity(bulkBatch)
        var sending = true

        func flush() {
            guard sending, !batch.rows.isEmpty else {
                batch.rows.removeAll(keepingCapacity: true)
                return
            }
            batch.newSeries = Array(series[announced...])
            announced = series.count
            batch.bytesRead = reader.bytesRead
            sending = emit(&batch)
            batch = Batch()
            batch.rows.reserveCapacity(bulkBatch)
        }

        func ordinal(_ key: SeriesKey) -> Int32 {
            if let o = seriesByKey[key] { return o }
            let o = Int32(series.count)
            series.append(key)
            seen.append([])
            seriesByKey[key] = o
            return o
        }

        /// Records a validated row: duplicate check, then into the batch while the file is clean.
        func accept(series s: Int32, months: (first: Int32, last: Int32, key: Int), line: Int, tonnes: Double?, value: Double?) {
            let key = months.key
            let i = Int(s)
            if let last = seen[i].last, key <= last.key {
                // Out of order: binary search for an earlier row with the same key.
                var lo = 0
                var hi = seen[i].count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if seen[i][mid].key < key { lo = mid + 1 } else { hi = mid }
                }
                if lo < seen[i].count, seen[i][lo].key == key {
                    let first = seen[i][lo].line
                    issues.add(line: line, column: 1, "duplicate key: same reporter, partner, flow, commodity and period as line \(first)")
                    return
                }
                seen[i].insert((key, Int32(line)), at: lo)
            } else {
                seen[i].append((key, Int32(line)))
            }
            guard issues.isEmpty, sending else { return }
            batch.rows.append(BulkRow(series: s, firstMonth: months.first, lastMonth: months.last, line: Int32(line), tonnes: tonnes, valueUSD: value))
            if batch.rows.count == bulkBatch { flush() }
        }

        func months(_ p: Period) -> (first: Int32, last: Int32, key: Int) {
            (Int32(p.first.year * 100 + p.first.month), Int32(p.last.year * 100 + p.last.month), p.first.index << 20 | p.last.index)
        }

        /// One record through the row-at-a-time code (it is in `record`).
        func general() {
            summary.rows += 1
            let o: Observation
            switch readRow(
                reader: reader, record: record, header: header, provenance: provenance, issues: &issues,
                countries: &countries, commodities: &commodities, periods: &periods)
            {
            case .breakdown:
                summary.skippedBreakdowns += 1
                return
            case .rejected: return
            case .observation(let observation): o = observation
            }
            accept(series: ordinal(o.key), months: months(o.period), line: record.line, tonnes: o.quantityTonnes, value: o.valueUSD)
        }

        let slotTable = UnsafeBufferPointer(slots)
        var line = 0
        reading: while true {
            let mark = reader.mark
            let result: CSVReader.KeptResult =
                fast
                ? reader.nextKept(slots: slotTable, fieldCount: header.count, starts: starts, ends: ends, quoted: quoted, line: &line)
                : .slow
            if result == .end { break }
            if result == .record {
                func packed(_ k: Kept) -> Int? {
                    guard has[k.rawValue] else { return nil }
                    let count = ends[k.rawValue] - starts[k.rawValue]
                    guard count >= 1 && count <= 8 else { return nil }
                    var key = 0
                    for b in reader.bytes(from: starts[k.rawValue], to: ends[k.rawValue]) { key = key << 8 | Int(b) }
                    return key
                }
                func blank(_ k: Kept) -> Bool {
                    for b in reader.bytes(from: starts[k.rawValue], to: ends[k.rawValue]) where b != 0x20 && b != 0x09 { return false }
                    return true
                }
                func number(_ k: Kept, limit: Double) -> Double? {
                    guard let v = DecimalParser.parse(reader.bytes(from: starts[k.rawValue], to: ends[k.rawValue])),
                        v.isFinite, abs(v) <= limit, v >= 0
                    else { return nil }
                    return v
                }
                plain: do {
                    // Totals only, exactly as the row-at-a-time code decides it.
                    var skip = false
                    if let k = packed(.partner2ISO), k != Self.w00, k != Self.wld { skip = true }
                    if let k = packed(.customsCode), k != Self.c00 { skip = true }
                    if let k = packed(.motCode), k != Self.zero { skip = true }
                    if skip {
                        summary.rows += 1
                        summary.skippedBreakdowns += 1
                        continue reading
                    }
                    guard let pk = packed(.period) else { break plain }
                    let m: (first: Int32, last: Int32, key: Int)
                    if let known = periodMonths[pk] {
                        m = known
                    } else if let p = periods[pk] {
                        m = months(p)
                        periodMonths[pk] = m
                    } else {
                        break plain
                    }
                    guard let r = packed(.reporterISO), let p = packed(.partnerISO), let c = packed(.cmdCode),
                        let f = packed(.flowCode), f == Self.x || f == Self.m
                    else { break plain }
                    guard !blank(.netWgt), let kg = number(.netWgt, limit: NumberBounds.kilograms) else { break plain }
                    var value: Double?
                    if has[Kept.primaryValue.rawValue], !blank(.primaryValue) {
                        guard let v = number(.primaryValue, limit: NumberBounds.valueUSD) else { break plain }
                        value = v
                    }
                    let bytesKey = SeriesBytes(reporter: r, partner: p, flowAndCommodity: c << 1 | (f == Self.x ? 1 : 0))
                    let s: Int32
                    if let known = seriesByBytes.find(bytesKey) {
                        s = known
                    } else {
                        guard let rc = countries[r], let pc = countries[p], let hs = commodities[c] else { break plain }
                        s = ordinal(SeriesKey(reporter: rc, partner: pc, flow: f == Self.x ? .export : .import, commodity: hs))
                        seriesByBytes.insert(bytesKey, s)
                    }
                    summary.rows += 1
                    accept(series: s, months: m, line: line, tonnes: kg / 1000, value: value)
                    continue reading
                }
                // Not the plain case: read the record again, whole, for the row-at-a-time code.
                reader.rewind(to: mark)
            }
            // The row-at-a-time reading of one record, as `CSVReader.nextDataRecord` does it.
            let more: Bool
            do { more = try reader.next(into: &record) } catch {
                issues.add(line: error.line, column: error.column, error.reason)
                break reading
            }
            guard more else { break }
            if record.count != header.count {
                issues.add(line: record.line, column: 1, "expected \(header.count) fields as in the header, found \(record.count)")
                continue
            }
            general()
        }
        flush()
        if summary.rows == 0 { issues.add(line: 2, column: 1, "no data rows after the header") }
        return (summary, issues)
    }
}

/// One part of a file read in two (``ComtradeCSVFormat/readInTwoParts``): its reader, and
/// what ``ComtradeCSVFormat/parseBulk`` made of it, kept whole for the store.
private final class PartRead: @unchecked Sendable {
    // @unchecked: each part is read by one thread; the other reads its results after `wait()`,
    // and `bytesRead` only under `condition`.
    private var reader: CSVReader
    private let header: CSVHeader
    private let provenance: Provenance
    private let condition = NSCondition()
    private var done = false
    private var bytes = 0
    var series: [SeriesKey] = []
    var rows: [BulkRow] = []
    var summary = ComtradeCSVFormat.Summary()
    var issues: IssueCollector
    /// The reader's line at the end (one past the part's last line).
    var endLine = 1

    init(reader: consuming CSVReader, header: CSVHeader, provenance: Provenance) {
        self.issues = IssueCollector(file: reader.file)
        self.reader = reader
        self.header = header
        self.provenance = provenance
    }

    var bytesRead: Int {
        condition.lock()
        defer { condition.unlock() }
        return bytes
    }

    func run(progress: ((Int) -> Void)? = nil) {
        var record = CSVReader.Record()
        var batches = 0
        let parsed = ComtradeCSVFormat.parseBulk(reader: &reader, record: &record, header: header, provenance: provenance) { batch in
            series += batch.newSeries
            rows += batch.rows
            batches += 1
            if batches % 32 == 0 {
                condition.lock()
                bytes = batch.bytesRead
                condition.unlock()
                progress?(batch.bytesRead)
            }
            return true
        }
        summary = parsed.summary
        issues = parsed.issues
        endLine = reader.currentLine
        condition.lock()
        done = true
        condition.broadcast()
        condition.unlock()
    }

    func wait() {
        condition.lock()
        while !done { condition.wait() }
        condition.unlock()
    }
}
