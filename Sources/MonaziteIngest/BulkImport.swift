public import MonaziteCore

/// One accepted row of a bulk read, as plain numbers: which series (an index into the series
/// the read has announced), which months (`YYYYMM`), the figures, and the line it came from.
/// Status and provenance are the read's own, the same for every row.
public struct BulkRow: Sendable {
    public var series: Int32
    public var firstMonth: Int32
    public var lastMonth: Int32
    public var line: Int32
    public var tonnes: Double?
    public var valueUSD: Double?

    public init(series: Int32, firstMonth: Int32, lastMonth: Int32, line: Int32, tonnes: Double?, valueUSD: Double?) {
        self.series = series
        self.firstMonth = firstMonth
        self.lastMonth = lastMonth
        self.line = line
        self.tonnes = tonnes
        self.valueUSD = valueUSD
    }
}

/// A store that takes a bulk read's rows in batches instead of one ``Observation`` at a time.
///
/// A store sets ``BulkImport/store`` around the read closure of its import; a format with a
/// bulk path (Comtrade) then hands it batches: the series first seen in the batch (in index
/// order), then the rows. Every row has been validated exactly as the row-at-a-time path
/// validates it, duplicate keys within the file included; the store still checks conflicts
/// with stored figures and counts revisions. Rows arrive in file order.
public protocol BulkObservationStore: AnyObject, Sendable {
    /// Called once, before any batch, with what every row shares.
    func begin(provenance: Provenance, status: DataStatus)
    /// Stores a batch; returns the first problem (its line and reason), after which the read
    /// sends nothing more. `newSeries` continues the series announced by earlier batches.
    func store(newSeries: ArraySlice<SeriesKey>, rows: UnsafeBufferPointer<BulkRow>) -> (line: Int, reason: String)?
}

/// How a store offers its bulk path to the formats that have one, for the time of a read.
public enum BulkImport {
    @TaskLocal public static var store: (any BulkObservationStore)? = nil
}

extension BulkRow {
    /// The row's months as one comparable number: first month, then last (the key, within a
    /// series, that the reader refuses twice and that the stores write in order).
    public var months: Int64 { Int64(firstMonth) << 32 | Int64(lastMonth) }

    /// `indexes` (positions of rows) ordered by series, then months (first, then last); rows
    /// with equal keys keep their order. How both stores write the rows of the series an import
    /// creates: in this order they extend the unique index on (series, months, release) at its
    /// end instead of landing all over it. A counting sort on the series, then a check that each
    /// series' rows are in months order (a file that is month after month already has them so),
    /// sorting only the series whose rows are not.
    public static func orderedBySeriesAndMonths(_ indexes: [Int32], seriesCount: Int, row: (Int32) -> BulkRow) -> [Int32] {
        var starts = [Int](repeating: 0, count: seriesCount + 1)
        for i in indexes { starts[Int(row(i).series) + 1] += 1 }
        for s in 0..<seriesCount { starts[s + 1] += starts[s] }
        var next = starts
        var ordered = indexes
        for i in indexes {
            let s = Int(row(i).series)
            ordered[next[s]] = i
            next[s] += 1
        }
        func months(_ i: Int32) -> Int64 { row(i).months }
        for s in 0..<seriesCount where starts[s + 1] - starts[s] > 1 {
            let range = starts[s]..<starts[s + 1]
            if range.dropFirst().contains(where: { months(ordered[$0 - 1]) > months(ordered[$0]) }) {
                // Stable: equal months keep their order (the reader refuses duplicates, so there are none).
                let sorted = ordered[range].enumerated().sorted { (months($0.element), $0.offset) < (months($1.element), $1.offset) }
                ordered.replaceSubrange(range, with: sorted.map(\.element))
            }
        }
        return ordered
    }
}
