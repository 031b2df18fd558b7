import MonaziteCore
import MonaziteIngest
import GRDB
import GRDBSQLite

/// Inserts one import's observations inside its write transaction: row by row for the general
/// path (`insert(_:)`, the import's `ObservationSink`), or in batches for a format's bulk path
/// (``BulkObservationStore``).
///
/// Both keep every check of the schema (CHECKs, the unique index, and the foreign keys, these
/// once per parent by ``verifyParents()``, the import's transaction having SQLite's per-row
/// checks off) and the store's rules: a row equal to a stored figure changes nothing, a
/// different figure for the same release is a conflict, a later release is counted as a
/// revision. The bulk path inserts the rows of series this import created with multi-row
/// statements, since such a row can neither meet a stored figure nor be a revision (duplicates
/// within the file were refused by the reader), once the read is done and ordered by series and
/// months (``insertNewSeriesRows()``); rows of series that were already stored go through
/// `insert(_:)` as they come. Both paths store the same content; the bulk path's ids follow
/// its order of insertion, which is why `ContentDigest` lists observations by key, not id.
final class ObservationInserter: BulkObservationStore, @unchecked Sendable {
    // @unchecked: used only within one write transaction, on the thread that runs it.
    private let store: SQLiteStore
    private let db: Database
    private let batchID: Int64
    private let sqliteDB: OpaquePointer?
    private let single: OpaquePointer?
    private var multi: OpaquePointer?
    private var bulkTail: OpaquePointer?
    var report: ImportReport
    var ids = IDCache()
    /// A database error met while inserting: the import fails with it.
    var storeFailure: (any Error)?
    /// Rows refused because a different figure of the same release is stored.
    var conflicts = 0

    /// Rows per multi-row INSERT (5 parameters each, under SQLite's limit of 32,766).
    static let rowsPerStatement = 128

    static let columns = "INSERT INTO " + target
    static let target = """
        observation (series_id, first_month, last_month, release, quantity_t, value_usd, status,
            source_id, batch_id, reported_mom_pct, reported_yoy_pct, national_code, note, derived_from)
        """

    init(store: SQLiteStore, db: Database, report: ImportReport, batchID: Int64) throws {
        self.store = store
        self.db = db
        self.report = report
        self.batchID = batchID
        sqliteDB = db.sqliteConnection
        var stmt: OpaquePointer?
        let sql = Self.columns + """
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (series_id, first_month, last_month, release) DO NOTHING
            """
        guard sqlite3_prepare_v2(sqliteDB, sql, -1, &stmt, nil) == SQLITE_OK else { throw Self.error(sqliteDB) }
        single = stmt
    }

    func finish() {
        sqlite3_finalize(single)
        sqlite3_finalize(multi)
        sqlite3_finalize(bulkTail)
    }

    private static func error(_ db: OpaquePointer?) -> any Error {
        StoreError.invalidQuery("SQLite: \(String(cString: sqlite3_errmsg(db)))")
    }

    // MARK: Foreign keys

    /// The foreign keys of every row this import wrote (series, source and batch), checked once
    /// per distinct parent; the import's transaction runs without SQLite's per-row checks.
    ///
    /// Every row binds its series and source ids from `ids` and its batch id from `batchID`, so
    /// checking all of those (a superset of the parents the rows use) checks every row. Throws
    /// when a parent is missing; the caller then rolls the import back.
    func verifyParents() throws {
        var stmts: [String: OpaquePointer?] = [:]
        defer { for s in stmts.values { sqlite3_finalize(s) } }
        func exists(_ table: String, _ id: Int64) throws -> Bool {
            if stmts[table] == nil {
                var stmt: OpaquePointer?
                guard sqlite3_prepare_v2(sqliteDB, "SELECT 1 FROM \(table) WHERE id = ?", -1, &stmt, nil) == SQLITE_OK else {
                    throw Self.error(sqliteDB)
                }
                stmts[table] = stmt
            }
            guard let stmt = stmts[table] ?? nil else { throw Self.error(sqliteDB) }
            sqlite3_reset(stmt)
            sqlite3_bind_int64(stmt, 1, id)
            switch sqlite3_step(stmt) {
            case SQLITE_ROW: return true
            case SQLITE_DONE: return false
            default: throw Self.error(sqliteDB)
            }
        }
        let parents = [("import_batch", [batchID]), ("source", ids.sources.values.sorted()), ("series", ids.series.values.sorted())]
        for (table, list) in parents {
            for id in list where try !exists(table, id) {
                throw StoreError.fault("FOREIGN KEY constraint failed: observations of this import name \(table) \(id), which does not exist")
            }
        }
    }

    // MARK: Row by row

    /// Stores one observation; nil when stored or already stored identically, else why not.
    func insert(_ o: Observation) -> String? {
        do {
            guard let seriesID = try ids.seriesID(o.key, db) else { return "internal: no series id" }
            return try insert(o, seriesID: seriesID, sourceID: try ids.sourceID(o.provenance, db))
        } catch {
            storeFailure = error
            return "store error: \(error)"
        }
    }

    private func insert(_ o: Observation, seriesID: Int64, sourceID: Int64) throws -> String? {
        let stmt = single
        sqlite3_reset(stmt)
        sqlite3_bind_int64(stmt, 1, seriesID)
        sqlite3_bind_int64(stmt, 2, Int64(StoreEncoding.month(o.period.first)))
        sqlite3_bind_int64(stmt, 3, Int64(StoreEncoding.month(o.period.last)))
        sqlite3_bind_int64(stmt, 4, Int64(StoreEncoding.release(o.provenance.release)))
        bindDouble(stmt, 5, o.quantityTonnes)
        bindDouble(stmt, 6, o.valueUSD)
        bindText(stmt, 7, o.status.rawValue)
        sqlite3_bind_int64(stmt, 8, sourceID)
        sqlite3_bind_int64(stmt, 9, batchID)
        bindDouble(stmt, 10, o.reportedMoMPct)
        bindDouble(stmt, 11, o.reportedYoYPct)
        bindText(stmt, 12, o.nationalCode)
        bindText(stmt, 13, o.note)
        bindText(stmt, 14, Derivation.text(o.derivedFrom))
        let rc = sqlite3_step(stmt)
        defer { sqlite3_reset(stmt) }
        guard rc == SQLITE_DONE else {
            return "rejected by the store: \(String(cString: sqlite3_errmsg(sqliteDB)))"
        }
        report.rowsRead += 1
        if sqlite3_changes(sqliteDB) > 0 {
            report.inserted += 1
            // A series this import created has no earlier release to revise.
            let earliest =
                ids.created.contains(seriesID)
                ? nil
                : try Int.fetchOne(
                    db,
                    sql: """
                        SELECT min(release) FROM observation WHERE series_id = ? AND first_month = ?
                            AND last_month = ? AND release <> ?
                        """,
                    arguments: [
                        seriesID, StoreEncoding.month(o.period.first), StoreEncoding.month(o.period.last),
                        StoreEncoding.release(o.provenance.release),
                    ])
            if ImportPlanner.observation(o, sourceID: sourceID, stored: nil, earliestStoredRelease: earliest) == .revision {
                report.revisions += 1
            }
            return nil
        }
        let conflict = try store.compareWithStored(o, seriesID: seriesID, sourceID: sourceID, db: db, report: &report)
        if conflict != nil { conflicts += 1 }
        return conflict
    }

    // MARK: In batches

    private var provenance = Provenance(source: "")
    private var status = DataStatus.reported
    private var sourceID: Int64 = 0
    private var series: [SeriesKey] = []
    private var seriesIDs: [Int64] = []
    /// Per series: created by this import (its rows go in multi-row statements).
    private var isNew: [Bool] = []

    func begin(provenance: Provenance, status: DataStatus) {
        self.provenance = provenance
        self.status = status
        do {
            sourceID = try ids.sourceID(provenance, db)
            multi = try prepareBulk(rows: Self.rowsPerStatement)
            bulkTail = try prepareBulk(rows: 1)
        } catch {
            storeFailure = error
        }
    }

    /// `INSERT … VALUES (…), (…)` for `rows` rows; ?1–?4 are what every row shares (release,
    /// status, source, batch), bound once; each row binds series, months, quantity and value.
    ///
    /// `OR FAIL`: a row that breaks a constraint stops the statement with the same error as
    /// before but leaves the statement's earlier rows in place, so SQLite keeps no statement
    /// journal (a copy of every page the statement touches, to undo half a statement: with
    /// rows spread over the unique index, about one page per row). Nothing needs that undo: a
    /// refused row fails the import, and the whole transaction rolls back.
    private func prepareBulk(rows: Int) throws -> OpaquePointer? {
        var values: [String] = []
        for r in 0..<rows {
            let p = 5 + r * 5
            values.append("(?\(p), ?\(p + 1), ?\(p + 2), ?1, ?\(p + 3), ?\(p + 4), ?2, ?3, ?4, NULL, NULL, NULL, NULL, NULL)")
        }
        var stmt: OpaquePointer?
        let sql = "INSERT OR FAIL INTO " + Self.target + " VALUES " + values.joined(separator: ", ")
        guard sqlite3_prepare_v3(sqliteDB, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &stmt, nil) == SQLITE_OK else {
            throw Self.error(sqliteDB)
        }
        sqlite3_bind_int64(stmt, 1, Int64(StoreEncoding.release(provenance.release)))
        sqlite3_bind_text(stmt, 2, status.rawValue, -1, transient)
        sqlite3_bind_int64(stmt, 3, sourceID)
        sqlite3_bind_int64(stmt, 4, batchID)
        return stmt
    }

    func store(newSeries: ArraySlice<SeriesKey>, rows: UnsafeBufferPointer<BulkRow>) -> (line: Int, reason: String)? {
        if let storeFailure { return (Int(rows.first?.line ?? 0), "store error: \(storeFailure)") }
        do {
            for key in newSeries {
                guard let id = try ids.seriesID(key, db) else { return (Int(rows.first?.line ?? 0), "internal: no series id") }
                series.append(key)
                seriesIDs.append(id)
                isNew.append(ids.created.contains(id))
            }
            var i = 0
            while i < rows.count {
                // A run of rows of new series, in statements of `rowsPerStatement` rows and then one by one.
                var j = i
                while j < rows.count, isNew[Int(rows[j].series)] { j += 1 }
                newRows.append(contentsOf: rows[i..<j])
                i = j
                // A row of a series already stored: it may be a revision, unchanged, or a conflict.
                if i < rows.count {
                    let r = rows[i]
                    let s = Int(r.series)
                    guard let first = StoreEncoding.month(Int(r.firstMonth)), let last = StoreEncoding.month(Int(r.lastMonth)),
                        let period = Period(first: first, last: last)
                    else { return (Int(r.line), "internal: bad period") }
                    let o = Observation(
                        key: series[s], period: period, quantityTonnes: r.tonnes, valueUSD: r.valueUSD, status: status,
                        provenance: provenance)
                    if let reason = try insert(o, seriesID: seriesIDs[s], sourceID: sourceID) { return (Int(r.line), reason) }
                    i += 1
                }
            }
            return nil
        } catch {
            storeFailure = error
            return (Int(rows.first?.line ?? 0), "store error: \(error)")
        }
    }

    /// Rows of series this import created, kept until the read ends (see ``insertNewSeriesRows()``).
    private var newRows: [BulkRow] = []

    /// Inserts the rows of series this import created, ordered by series and months.
    ///
    /// The unique index on (series, months, release) is the costly part of a bulk insert when
    /// rows arrive in file order (a Comtrade file is month after month, each month over every
    /// series): each row lands in a different page of the index. Series this import created
    /// have larger ids than any stored series, so their rows in (series, months) order
    /// (``BulkRow/orderedBySeriesAndMonths(_:seriesCount:row:)``) extend the index at its end,
    /// page after page.
    func insertNewSeriesRows() throws {
        guard !newRows.isEmpty else { return }
        let kept = newRows
        newRows = []
        let order = BulkRow.orderedBySeriesAndMonths(Array(0..<Int32(kept.count)), seriesCount: series.count) { kept[Int($0)] }
        let sorted = order.map { kept[Int($0)] }
        try sorted.withUnsafeBufferPointer { rows in
            var k = 0
            while k < rows.count {
                let whole = rows.count - k >= Self.rowsPerStatement
                let n = whole ? Self.rowsPerStatement : 1
                if let reason = step(whole ? multi : bulkTail, rows: rows, from: k, count: n) {
                    // A refused row is the file's problem, at its line; anything else (a full
                    // disk, an I/O error) is the store's, named as SQLite names it.
                    let code = sqlite3_errcode(sqliteDB)
                    guard code == SQLITE_CONSTRAINT else {
                        throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqliteDB)))
                    }
                    var issues = IssueCollector(file: report.file)
                    issues.add(line: Int(rows[k].line), column: 1, reason)
                    throw ImportFailure(issues: issues.issues)
                }
                k += n
            }
        }
    }

    private func step(_ stmt: OpaquePointer?, rows: UnsafeBufferPointer<BulkRow>, from start: Int, count: Int) -> String? {
        for r in 0..<count {
            let row = rows[start + r]
            let p = Int32(5 + r * 5)
            sqlite3_bind_int64(stmt, p, seriesIDs[Int(row.series)])
            sqlite3_bind_int64(stmt, p + 1, Int64(row.firstMonth))
            sqlite3_bind_int64(stmt, p + 2, Int64(row.lastMonth))
            bindDouble(stmt, p + 3, row.tonnes)
            bindDouble(stmt, p + 4, row.valueUSD)
        }
        let rc = sqlite3_step(stmt)
        defer { sqlite3_reset(stmt) }
        guard rc == SQLITE_DONE else { return "rejected by the store: \(String(cString: sqlite3_errmsg(sqliteDB)))" }
        report.rowsRead += count
        report.inserted += count
        return nil
    }
}

private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

private func bindDouble(_ stmt: OpaquePointer?, _ i: Int32, _ v: Double?) {
    if let v { sqlite3_bind_double(stmt, i, v) } else { sqlite3_bind_null(stmt, i) }
}

private func bindText(_ stmt: OpaquePointer?, _ i: Int32, _ v: String?) {
    if let v { sqlite3_bind_text(stmt, i, v, -1, transient) } else { sqlite3_bind_null(stmt, i) }
}
