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

    /// Files from this size on are parsed on a second thread while the store inserts on the calling one.
    static let threadedFrom = 4 << 20

    static func readBulk(
        reader: inout CSVReader, record: inout CSVReader.Record, header: CSVHeader, provenance: Provenance,
        progress: ProgressHandler?, store: any BulkObservationStore
    ) throws(ImportFailure) -> Summary {
        store.begin(provenance: provenance, status: .reported)
        let total = reader.totalBytes
        var storeIssue: (line: Int, reason: String)?
        let parsed: (summary: Summary, issues: IssueCollector)
        if total >= threadedFrom && ProcessInfo.processInfo.activeProcessorCount > 1 {
            // Parsing (this file's Swift) and inserting (SQLite) overlap: the store stays on the
            // calling thread, which owns the database connection; a bounded channel between them.
            let channel = BatchChannel(capacity: 8)
            parsed = withUnsafeMutablePointer(to: &reader) { r in
                withUnsafeMutablePointer(to: &record) { rec in
                    let job = ParseJob(reader: r, record: rec, header: header, provenance: provenance, channel: channel)
                    let thread = Thread { job.run() }
                    thread.stackSize = 1 << 22
                    thread.start()
                    var batches = 0
                    while let batch = channel.pop() {
                        if storeIssue == nil {
                            storeIssue = batch.rows.withUnsafeBufferPointer { store.store(newSeries: batch.newSeries[...], rows: $0) }
                            if storeIssue != nil { channel.stop() }
                        }
                        batches += 1
                        if batches % 32 == 0 { progress?(batch.bytesRead, total) }
                    }
                    return channel.waitForResult()
                }
            }
        } else {
            var batches = 0
            parsed = parseBulk(reader: &reader, record: &record, header: header, provenance: provenance) { batch in
                storeIssue = batch.rows.withUnsafeBufferPointer { store.store(newSeries: batch.newSeries[...], rows: $0) }
                batches += 1
                if batches % 32 == 0 { progress?(batch.bytesRead, total) }
                return storeIssue == nil
            }
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

/// The parser's side of a threaded bulk read: the reader and record of the calling thread,
/// which waits in `BatchChannel.pop` until the parser is done with them.
private final class ParseJob: @unchecked Sendable {
    // @unchecked: the pointers are used by the parser thread only, while the caller waits.
    let reader: UnsafeMutablePointer<CSVReader>
    let record: UnsafeMutablePointer<CSVReader.Record>
    let header: CSVHeader
    let provenance: Provenance
    let channel: BatchChannel

    init(
        reader: UnsafeMutablePointer<CSVReader>, record: UnsafeMutablePointer<CSVReader.Record>, header: CSVHeader,
        provenance: Provenance, channel: BatchChannel
    ) {
        self.reader = reader
        self.record = record
        self.header = header
        self.provenance = provenance
        self.channel = channel
    }

    func run() {
        let channel = channel
        let result = ComtradeCSVFormat.parseBulk(reader: &reader.pointee, record: &record.pointee, header: header, provenance: provenance) {
            channel.push(&$0)
        }
        channel.finish(result)
    }
}

/// A bounded queue of batches from one parser thread to one store thread.
private final class BatchChannel: @unchecked Sendable {
    // @unchecked: every field is read and written under `condition`.
    private let condition = NSCondition()
    private var queue: [ComtradeCSVFormat.Batch] = []
    private var head = 0
    private var finished = false
    private var stopped = false
    private var result: (summary: ComtradeCSVFormat.Summary, issues: IssueCollector)?
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    /// False when the store wants no more batches.
    func push(_ batch: inout ComtradeCSVFormat.Batch) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while queue.count - head >= capacity && !stopped { condition.wait() }
        if stopped { return false }
        queue.append(batch)
        condition.broadcast()
        return true
    }

    /// The next batch; nil once the parser has finished and every batch is taken.
    func pop() -> ComtradeCSVFormat.Batch? {
        condition.lock()
        defer { condition.unlock() }
        while queue.count == head && !finished { condition.wait() }
        guard queue.count > head else { return nil }
        let batch = queue[head]
        queue[head] = ComtradeCSVFormat.Batch()
        head += 1
        if head == queue.count {
            queue.removeAll(keepingCapacity: true)
            head = 0
        }
        condition.broadcast()
        return batch
    }

    func stop() {
        condition.lock()
        stopped = true
        queue.removeAll()
        head = 0
        condition.broadcast()
        condition.unlock()
    }

    func finish(_ result: (summary: ComtradeCSVFormat.Summary, issues: IssueCollector)) {
        condition.lock()
        self.result = result
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    func waitForResult() -> (summary: ComtradeCSVFormat.Summary, issues: IssueCollector) {
        condition.lock()
        defer { condition.unlock() }
        while !finished { condition.wait() }
        return result!
    }
}
