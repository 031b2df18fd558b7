/// What an import did.
public struct ImportReport: Sendable, Hashable {
    public var file: String
    public var format: String
    /// Rows read from the file.
    public var rowsRead = 0
    /// New figures stored (first releases and revisions).
    public var inserted = 0
    /// Of those, figures that add a later release to a period already stored (revisions).
    public var revisions = 0
    /// Rows identical to figures already stored: nothing to do.
    public var unchanged = 0
    /// Rows skipped on purpose (Comtrade breakdowns by mode of transport and the like).
    public var skipped = 0
    /// The import batch, nil when nothing was new.
    public var batchID: Int64?

    public init(file: String, format: String) {
        self.file = file
        self.format = format
    }
}
