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
