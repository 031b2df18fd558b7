import MonaziteCore
import MonaziteIngest
import MonaziteStore

/// An import's rows, read whole before anything reaches the server (a bad file never does).
///
/// Rows arrive either one ``Observation`` at a time (the import's sink) or, from a format with
/// a bulk path (Comtrade), in batches of plain numbers (``BulkObservationStore``); both are
/// kept the same compact way, in file order: series and sources once each (in order of first
/// use, which is how their ids are numbered), and per row its series and source indexes,
/// months, figures and line. What only a row read one at a time carries (status, reported
/// changes, codes, notes, derivation) is kept beside it as the observation itself.
final class PendingObservations: BulkObservationStore, @unchecked Sendable {
    // @unchecked: filled by one read on the thread that runs it, then only read.

    struct Row {
        var bulk: BulkRow
        var source: Int32
        /// Index into `details` for a row read one at a time, -1 for a bulk row.
        var detail: Int32
    }

    private var seriesOrder = FirstSeenOrder<SeriesKey>()
    private var provenanceOrder = FirstSeenOrder<Provenance>()
    var series: [SeriesKey] { seriesOrder.values }
    var provenances: [Provenance] { provenanceOrder.values }
    private(set) var rows: [Row] = []
    private(set) var details: [Observation] = []
    /// The bulk read's status, the same for each of its rows.
    private(set) var bulkStatus = DataStatus.reported

    /// Series index by the bulk read's own series index.
    private var bulkSeries: [Int32] = []
    private var bulkSource: Int32 = 0

    private func index(_ key: SeriesKey) -> Int32 { seriesOrder.index(key) }
    private func index(_ p: Provenance) -> Int32 { provenanceOrder.index(p) }

    // MARK: One at a time

    func append(_ o: Observation, line: Int) {
        let s = index(o.key)
        let p = index(o.provenance)
        let bulk = BulkRow(
            series: s, firstMonth: Int32(StoreEncoding.month(o.period.first)), lastMonth: Int32(StoreEncoding.month(o.period.last)),
            line: Int32(clamping: line), tonnes: o.quantityTonnes, valueUSD: o.valueUSD)
        rows.append(Row(bulk: bulk, source: p, detail: Int32(details.count)))
        details.append(o)
    }

    // MARK: In batches

    func begin(provenance: Provenance, status: DataStatus) {
        bulkSource = index(provenance)
        bulkStatus = status
    }

    func store(newSeries: ArraySlice<SeriesKey>, rows batch: UnsafeBufferPointer<BulkRow>) -> (line: Int, reason: String)? {
        for key in newSeries { bulkSeries.append(index(key)) }
        rows.reserveCapacity(rows.count + batch.count)
        for r in batch {
            var bulk = r
            bulk.series = bulkSeries[Int(r.series)]
            rows.append(Row(bulk: bulk, source: bulkSource, detail: -1))
        }
        return nil
    }

    // MARK: Reading back

    func status(_ row: Row) -> DataStatus { row.detail < 0 ? bulkStatus : details[Int(row.detail)].status }

    /// Row `i` as an observation (for the import rules and their messages).
    func observation(_ i: Int) -> Observation? {
        let row = rows[i]
        if row.detail >= 0 { return details[Int(row.detail)] }
        guard let period = StoreEncoding.period(first: Int(row.bulk.firstMonth), last: Int(row.bulk.lastMonth)) else { return nil }
        return Observation(
            key: series[Int(row.bulk.series)], period: period, quantityTonnes: row.bulk.tonnes, valueUSD: row.bulk.valueUSD,
            status: bulkStatus, provenance: provenances[Int(row.source)])
    }
}

/// Values numbered 0, 1, 2, … in the order they are first seen (how new ids are handed out).
struct FirstSeenOrder<Value: Hashable> {
    private(set) var values: [Value] = []
    private var indexes: [Value: Int32] = [:]

    mutating func index(_ value: Value) -> Int32 {
        if let i = indexes[value] { return i }
        let i = Int32(values.count)
        values.append(value)
        indexes[value] = i
        return i
    }
}
