public import MonaziteCore
public import MonaziteIngest
import GRDB
import GRDBSQLite

extension SQLiteStore {
    /// Imports observations read by `read`, which hands each row to the sink it is given.
    ///
    /// All or nothing: when `read` throws (a bad row anywhere in the file) or a row conflicts
    /// with a stored figure, the transaction rolls back and the store is as it was. Rows equal
    /// to stored figures change nothing; a file with nothing new leaves no trace at all.
    public func importObservations(
        file: String, format: String, read: (ObservationSink) throws(ImportFailure) -> Int
    ) throws -> ImportReport {
        try importWrite { db in
            // A large page cache keeps the unique index's B-tree in memory during a bulk load.
            try db.execute(sql: "PRAGMA cache_size = -262144")
            defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
            try db.execute(
                sql: "INSERT INTO import_batch (file, format, imported_at, row_count) VALUES (?, ?, ?, 0)",
                arguments: [file, format, SQLiteStore.now()])
            let batchID = db.lastInsertedRowID
            let rows = try ObservationInserter(store: self, db: db, report: ImportReport(file: file, format: format), batchID: batchID)
            defer { rows.finish() }
            let sink: ObservationSink = { o, _ in rows.insert(o) }
            // Formats with a bulk path (Comtrade) hand their rows over in batches instead.
            do {
                _ = try BulkImport.$store.withValue(rows) { try read(sink) }
            } catch let failure as ImportFailure {
                // The store refused a row (a full disk, say): its error, not the file's.
                if let storeFailure = rows.storeFailure { throw storeFailure }
                // Only conflicts with stored figures: the file is fine, the store disagrees.
                let onlyConflicts = rows.conflicts > 0 && !failure.truncated && failure.issues.count <= rows.conflicts
                throw onlyConflicts ? ImportFailure(issues: failure.issues, conflict: true) : failure
            }
            if let failure = rows.storeFailure { throw failure }
            // The bulk path's rows of new series, kept until now to go in in (series, months) order.
            try rows.insertNewSeriesRows()
            var report = rows.report
            guard report.inserted > 0 else { return (report, false) }
            // The foreign keys, checked once per parent (`importWrite` turned the per-row checks off).
            try rows.verifyParents()
            try db.execute(sql: "UPDATE import_batch SET row_count = ? WHERE id = ?", arguments: [report.inserted, batchID])
            report.batchID = batchID
            return (report, true)
        }
    }

    /// `write` for imports: one immediate transaction, with two connection settings changed for
    /// its time (SQLite allows both only outside a transaction):
    ///
    /// - temporary storage in memory: statement journals (a multi-row insert keeps one, to undo a
    ///   half-done statement) stay in memory instead of a temporary file written page by page;
    /// - SQLite's per-row foreign-key checks off. The constraint is still enforced, once per
    ///   parent instead of three probes per row: every observation the import writes takes its
    ///   series and source ids from the inserter's `IDCache` and its batch id from the batch row
    ///   this transaction created; the transaction deletes and updates no parent row, and rows
    ///   stored before it were checked when they were written. So `ObservationInserter.verifyParents`
    ///   (each distinct series, source and batch id exists) before the commit is the same check,
    ///   and a missing parent fails the import and rolls it back. The connection's foreign keys
    ///   are on again as soon as the transaction ends, committed or not.
    private func importWrite<T>(_ body: (Database) throws -> (T, commit: Bool)) throws -> T {
        try write(
            settings: [
                ("PRAGMA temp_store = MEMORY", "PRAGMA temp_store = DEFAULT"), ("PRAGMA foreign_keys = OFF", "PRAGMA foreign_keys = ON"),
            ], body)
    }

    /// An insert that did nothing met a figure with the same series, period and release:
    /// ``ImportPlanner`` says whether it is the same (unchanged) or a conflict, and why.
    func compareWithStored(
        _ o: Observation, seriesID: Int64, sourceID: Int64, db: Database, report: inout ImportReport
    ) throws -> String? {
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT quantity_t, value_usd, status, source_id FROM observation
                WHERE series_id = ? AND first_month = ? AND last_month = ? AND release = ?
                """,
            arguments: [
                seriesID, StoreEncoding.month(o.period.first), StoreEncoding.month(o.period.last),
                StoreEncoding.release(o.provenance.release),
            ])
        guard let row else { return "conflict with a stored figure" }
        let stored = StoredFigure(quantity: row["quantity_t"], value: row["value_usd"], status: row["status"], sourceID: row["source_id"])
        switch ImportPlanner.observation(o, sourceID: sourceID, stored: stored, earliestStoredRelease: nil) {
        case .unchanged:
            report.unchanged += 1
            return nil
        case .conflict(let reason):
            return reason
        case .insert, .revision:
            // Not reached: with a stored figure the planner says unchanged or conflict.
            return "conflict with a stored figure"
        }
    }

    /// Imports salient statistics (USGS tables): all or nothing, identical cells change nothing,
    /// a different value for the same edition, item and year is refused (editions are the revisions).
    public func importSalientStatistics(_ stats: [SalientStatistic], file: String) throws -> ImportReport {
        try write { db in
            var report = ImportReport(file: file, format: "usgs-salient")
            report.rowsRead = stats.count
            try db.execute(
                sql: "INSERT INTO import_batch (file, format, imported_at, row_count) VALUES (?, 'usgs-salient', ?, 0)",
                arguments: [file, SQLiteStore.now()])
            let batchID = db.lastInsertedRowID
            var ids = IDCache()
            for s in stats {
                let sourceID = try ids.sourceID(s.provenance, db)
                let key: StatementArguments = [
                    s.edition, s.country.alpha3, s.commodityName, s.section, s.subsection ?? "", s.item, s.year,
                ]
                let storedText = try String.fetchOne(
                    db,
                    sql: """
                        SELECT text FROM salient_statistic WHERE edition = ? AND country = ? AND commodity_name = ?
                        AND section = ? AND subsection = ? AND item = ? AND year = ?
                        """, arguments: key)
                switch ImportPlanner.salientStatistic(s, storedText: storedText, file: file) {
                case .unchanged:
                    report.unchanged += 1
                    continue
                case .conflict(let reason):
                    throw StoreError.invalidQuery(reason)
                case .insert, .revision:
                    break
                }
                try db.execute(
                    sql: """
                        INSERT INTO salient_statistic (edition, country, commodity_name, section, subsection, item, unit,
                            footnote, year, is_estimated, text, value, source_id, batch_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        s.edition, s.country.alpha3, s.commodityName, s.section, s.subsection ?? "", s.item, s.unit, s.footnote,
                        s.year, s.isEstimated, s.text, s.value, sourceID, batchID,
                    ])
                report.inserted += 1
            }
            guard report.inserted > 0 else { return (report, false) }
            try db.execute(sql: "UPDATE import_batch SET row_count = ? WHERE id = ?", arguments: [report.inserted, batchID])
            report.batchID = batchID
            return (report, true)
        }
    }

    /// Imports indicators (production, reserves, stage and import-source shares): all or nothing.
    public func importIndicators(_ indicators: [Indicator], file: String) throws -> ImportReport {
        try write { db in
            var report = ImportReport(file: file, format: "indicators")
            report.rowsRead = indicators.count
            try db.execute(
                sql: "INSERT INTO import_batch (file, format, imported_at, row_count) VALUES (?, 'indicators', ?, 0)",
                arguments: [file, SQLiteStore.now()])
            let batchID = db.lastInsertedRowID
            var ids = IDCache()
            for i in indicators {
                let sourceID = try ids.sourceID(i.provenance, db)
                try db.execute(
                    sql: """
                        INSERT INTO indicator (measure, country, importer, stage, scope, first_month, last_month, value, text,
                            unit, status, dataset, edition, source_id, batch_id, note)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT DO NOTHING
                        """,
                    arguments: [
                        i.measure.rawValue, i.country.alpha3, i.importer?.alpha3 ?? "", i.stage?.rawValue ?? "", i.scope,
                        StoreEncoding.month(i.period.first), StoreEncoding.month(i.period.last), i.value, i.text, i.unit,
                        i.status.rawValue, i.dataset, i.edition, sourceID, batchID, i.note,
                    ])
                if ImportPlanner.indicator(alreadyStored: db.changesCount == 0) == .unchanged {
                    report.unchanged += 1
                } else {
                    report.inserted += 1
                }
            }
            guard report.inserted > 0 else { return (report, false) }
            try db.execute(sql: "UPDATE import_batch SET row_count = ? WHERE id = ?", arguments: [report.inserted, batchID])
            report.batchID = batchID
            return (report, true)
        }
    }
}

