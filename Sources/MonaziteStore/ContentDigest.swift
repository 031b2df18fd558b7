/// What `contentDigest()` covers, shared by every backend so that equal content gives an equal
/// digest whatever the store: one line per row, `table:[column:value …]`, tables in this order,
/// rows in each table's `order`. Values print as GRDB prints them (`NULL`, integers, `3188.0`,
/// quoted text).
///
/// `import_batch.imported_at` is left out: it is when, not what, and two stores loaded with the
/// same files at different times hold the same content. So is an observation's id: it is the
/// order the rows were written in, which a bulk import chooses for speed (the rows of new
/// series by series and months, see `ObservationInserter.insertNewSeriesRows`) and a row-by-row
/// import does not; observations are listed by their key (series, months, release) instead.
public enum ContentDigest {
    public static let tables: [(name: String, columns: [String], order: String)] = [
        ("source", ["id", "name", "url"], "id"),
        ("import_batch", ["id", "file", "format", "row_count"], "id"),
        ("series", ["id", "reporter", "partner", "flow", "commodity"], "id"),
        (
            "observation",
            [
                "series_id", "first_month", "last_month", "release", "quantity_t", "value_usd", "status", "source_id",
                "batch_id", "reported_mom_pct", "reported_yoy_pct", "national_code", "note", "derived_from",
            ],
            "series_id, first_month, last_month, release"
        ),
        (
            "salient_statistic",
            [
                "id", "edition", "country", "commodity_name", "section", "subsection", "item", "unit", "footnote", "year",
                "is_estimated", "text", "value", "source_id", "batch_id",
            ],
            "id"
        ),
        (
            "indicator",
            [
                "id", "measure", "country", "importer", "stage", "scope", "first_month", "last_month", "value", "text", "unit",
                "status", "dataset", "edition", "source_id", "batch_id", "note",
            ],
            "id"
        ),
    ]

    /// One stored value, as the digest prints it.
    public enum Value: Sendable, Hashable {
        case null
        case integer(Int64)
        case real(Double)
        case text(String)

        public var rendered: String {
            switch self {
            case .null: "NULL"
            case .integer(let v): String(v)
            case .real(let v): String(v)
            case .text(let v): String(reflecting: v)
            }
        }
    }

    /// The digest line of one row.
    public static func line(table: String, columns: [String], values: [Value]) -> String {
        table + ":[" + zip(columns, values).map { "\($0):\($1.rendered)" }.joined(separator: " ") + "]"
    }
}
