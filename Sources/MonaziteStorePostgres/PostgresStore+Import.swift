public import MonaziteCore
public import MonaziteIngest
public import MonaziteStore
import PostgresNIO

extension PostgresStore {
    /// Imports observations read by `read`, all or nothing, with the rules of ``ImportPlanner``
    /// (the same as `SQLiteStore.importObservations`): rows equal to stored figures change
    /// nothing, a different figure for the same series, period and release is a conflict
    /// reported at its line, a later release is a revision stored beside the earlier one.
    ///
    /// The rows are read first (a bad file never reaches the server), then compared with what is
    /// stored and written in one transaction, the new figures with one `COPY … FROM STDIN`.
    public func importObservations(
        file: String, format: String, read: (ObservationSink) throws(ImportFailure) -> Int
    ) async throws -> ImportReport {
        var clock = PhaseTimer("import")
        let rows = PendingObservations()
        let sink: ObservationSink = { o, line in
            rows.append(o, line: line)
            return nil
        }
        // Formats with a bulk path (Comtrade) hand their rows over in batches of plain numbers.
        _ = try BulkImport.$store.withValue(rows) { try read(sink) }
        clock.mark("read file into rows")
        let importedAt = Self.now()
        let report = try await write { conn in
            clock.mark("lease, begin, write lock")
            var report = ImportReport(file: file, format: format)
            var ids = try await PostgresIDs.load(conn, logger: logger)
            let seriesIDs = rows.series.map { ids.seriesID($0) }
            let sourceIDs = rows.provenances.map { ids.sourceID($0) }
            // Rows of a series this import creates can meet no stored figure and revise nothing
            // (the reader refused duplicate keys within the file): they need no comparison.
            let isNew = seriesIDs.map { ids.created.contains($0) }
            clock.mark("load source and series ids")
            var stored = try await StoredFigures.load(conn, seriesIDs: ids.existingSeriesIDs(in: seriesIDs), logger: logger)
            clock.mark("load stored figures")
            // Rows to write, by index; all of them when every row is new (the common bulk case).
            var kept: [Int32] = []
            var allKept = true
            for i in rows.rows.indices {
                let row = rows.rows[i]
                report.rowsRead += 1
                if isNew[Int(row.bulk.series)] {
                    report.inserted += 1
                    if !allKept { kept.append(Int32(i)) }
                    continue
                }
                guard let o = rows.observation(i) else { throw StoreError.fault("a buffered row has no valid period") }
                let sourceID = sourceIDs[Int(row.source)]
                let key = FigureKey(
                    series: seriesIDs[Int(row.bulk.series)], first: Int(row.bulk.firstMonth), last: Int(row.bulk.lastMonth),
                    release: StoreEncoding.release(o.provenance.release))
                let decision = ImportPlanner.observation(
                    o, sourceID: sourceID, stored: stored.figures[key], earliestStoredRelease: stored.earliestRelease[key.period])
                switch decision {
                case .unchanged:
                    report.unchanged += 1
                    if allKept {
                        allKept = false
                        kept = (0..<Int32(i)).map { $0 }
                    }
                case .conflict(let reason):
                    var issues = IssueCollector(file: file)
                    issues.add(line: Int(row.bulk.line), column: 1, reason)
                    throw ImportFailure(issues: issues.issues, conflict: true)
                case .insert, .revision:
                    report.inserted += 1
                    if decision == .revision { report.revisions += 1 }
                    stored.add(key, StoredFigure(o, sourceID: sourceID))
                    if !allKept { kept.append(Int32(i)) }
                }
            }
            clock.mark("compare with stored")
            guard report.inserted > 0 else { return (report, false) }
            try await ids.insertNew(conn, logger: logger)
            clock.mark("insert new sources, series")
            let batchID = try await Self.insertBatch(conn, file: file, format: format, at: importedAt, rowCount: report.inserted, logger: logger)
            let firstID = try await Self.nextID(conn, table: "observation", logger: logger)
            clock.mark("batch row, next ids")
            // A bulk read's rows go in the order SQLite's bulk path writes them in (see
            // `bulkWriteOrder`), so that both backends number the same import's rows alike.
            let order = rows.details.isEmpty ? Self.bulkWriteOrder(rows, kept: allKept ? nil : kept, isNew: isNew) : (allKept ? nil : kept)
            try await Self.copyObservations(
                conn, rows: rows, kept: order, seriesIDs: seriesIDs, sourceIDs: sourceIDs, firstID: firstID,
                batchID: batchID, logger: logger)
            clock.mark("copy")
            report.batchID = batchID
            return (report, true)
        }
        clock.mark("commit")
        return report
    }

    /// The rows to write of a bulk read (`kept`, nil: all), in SQLite's order for them: rows of
    /// series already stored as they come in the file, then the rows of the series this import
    /// creates by series and months (``BulkRow/orderedBySeriesAndMonths(_:seriesCount:row:)``;
    /// new series are numbered in order of first use, so by series index is by id).
    static func bulkWriteOrder(_ rows: PendingObservations, kept: [Int32]?, isNew: [Bool]) -> [Int32] {
        let all = kept ?? Array(0..<Int32(rows.rows.count))
        let new = all.filter { isNew[Int(rows.rows[Int($0)].bulk.series)] }
        guard !new.isEmpty else { return all }
        let stored = all.filter { !isNew[Int(rows.rows[Int($0)].bulk.series)] }
        return stored + BulkRow.orderedBySeriesAndMonths(new, seriesCount: rows.series.count) { rows.rows[Int($0)].bulk }
    }

    /// The columns of an observation as `COPY` sends them, in this order.
    static let observationColumns = [
        "id", "series_id", "first_month", "last_month", "release", "quantity_t", "value_usd", "status", "source_id", "batch_id",
        "reported_mom_pct", "reported_yoy_pct", "national_code", "note", "derived_from",
    ]

    /// Writes new figures with `COPY observation FROM STDIN` (text format), in buffers of about
    /// 1 MiB: one statement for the whole file, checked by the server against every constraint as
    /// an `INSERT` is. Inside the import's transaction, so a refusal rolls everything back.
    /// `kept` lists the rows to write (nil: all), numbered from `firstID` in that order.
    static func copyObservations(
        _ conn: PostgresConnection, rows: PendingObservations, kept: [Int32]?, seriesIDs: [Int64], sourceIDs: [Int64],
        firstID: Int64, batchID: Int64, logger: Logger
    ) async throws {
        let count = kept?.count ?? rows.rows.count
        guard count > 0 else { return }
        let releases = rows.provenances.map { StoreEncoding.release($0.release) }
        try await copy(conn, table: "observation", columns: observationColumns, logger: logger) { send in
            var out = CopyTextBuffer()
            for n in 0..<count {
                let i = kept.map { Int($0[n]) } ?? n
                let row = rows.rows[i]
                out.int(firstID + Int64(n))
                out.int(seriesIDs[Int(row.bulk.series)])
                out.int(Int64(row.bulk.firstMonth))
                out.int(Int64(row.bulk.lastMonth))
                out.int(Int64(releases[Int(row.source)]))
                try out.double(row.bulk.tonnes)
                try out.double(row.bulk.valueUSD)
                if row.detail < 0 {
                    out.text(rows.bulkStatus.rawValue)
                    out.int(sourceIDs[Int(row.source)])
                    out.int(batchID)
                    out.nulls(5)
                } else {
                    let o = rows.details[Int(row.detail)]
                    out.text(o.status.rawValue)
                    out.int(sourceIDs[Int(row.source)])
                    out.int(batchID)
                    try out.double(o.reportedMoMPct)
                    try out.double(o.reportedYoYPct)
                    out.text(o.nationalCode)
                    out.text(o.note)
                    out.text(Derivation.text(o.derivedFrom))
                }
                out.endRow()
                if out.isFull { try await send(out.take()) }
            }
            if !out.isEmpty { try await send(out.take()) }
        }
    }

    static func insertBatch(
        _ conn: PostgresConnection, file: String, format: String, at: String, rowCount: Int, logger: Logger
    ) async throws -> Int64 {
        let id = try await nextID(conn, table: "import_batch", logger: logger)
        _ = try await conn.collectIfOpen(
            "INSERT INTO import_batch (id, file, format, imported_at, row_count) VALUES (\(id), \(file), \(format), \(at), \(rowCount))",
            logger: logger
        )
        return id
    }

    /// The id after the largest in `table` (1 when empty): how SQLite numbers rows, so that the
    /// same imports give the same ids in both backends. Safe under the write lock.
    static func nextID(_ conn: PostgresConnection, table: String, logger: Logger) async throws -> Int64 {
        let rows = try await Self.rows(conn, PostgresQuery(unsafeSQL: "SELECT coalesce(max(id), 0) + 1 AS next FROM \(table)"), logger: logger)
        guard let row = rows.first else { throw StoreError.fault("no next id for \(table)") }
        return try row.get("next", as: Int64.self)
    }

    /// Imports salient statistics (USGS tables) with the rules of `SQLiteStore`: all or nothing,
    /// identical cells change nothing, a different value for the same edition, item and year is refused.
    public func importSalientStatistics(_ stats: [SalientStatistic], file: String) async throws -> ImportReport {
        let importedAt = Self.now()
        return try await write { conn in
            var report = ImportReport(file: file, format: "usgs-salient")
            report.rowsRead = stats.count
            var ids = try await PostgresIDs.load(conn, logger: logger)
            var pending: [(SalientStatistic, sourceID: Int64)] = []
            // Cells stored earlier in this file count as stored.
            var inFile: [ImportPlanner.SalientCell: String] = [:]
            for s in stats {
                let sourceID = ids.sourceID(s.provenance)
                let cell = ImportPlanner.SalientCell(s)
                var storedText = inFile[cell]
                if storedText == nil {
                    let existing = try await Self.rows(
                        conn,
                        """
                        SELECT text FROM salient_statistic WHERE edition = \(cell.edition) AND country = \(cell.country)
                        AND commodity_name = \(cell.commodityName) AND section = \(cell.section) AND subsection = \(cell.subsection)
                        AND item = \(cell.item) AND year = \(cell.year)
                        """, logger: logger)
                    storedText = try existing.first.map { try $0.get("text", as: String.self) }
                }
                switch ImportPlanner.salientStatistic(s, storedText: storedText, file: file) {
                case .unchanged:
                    report.unchanged += 1
                case .conflict(let reason):
                    throw StoreError.invalidQuery(reason)
                case .insert, .revision:
                    inFile[cell] = s.text
                    pending.append((s, sourceID))
                    report.inserted += 1
                }
            }
            guard report.inserted > 0 else { return (report, false) }
            try await ids.insertNew(conn, logger: logger)
            let batchID = try await Self.insertBatch(conn, file: file, format: "usgs-salient", at: importedAt, rowCount: report.inserted, logger: logger)
            var nextID = try await Self.nextID(conn, table: "salient_statistic", logger: logger)
            for (s, sourceID) in pending {
                _ = try await conn.collectIfOpen(
                    """
                    INSERT INTO salient_statistic (id, edition, country, commodity_name, section, subsection, item, unit,
                        footnote, year, is_estimated, text, value, source_id, batch_id)
                    VALUES (\(nextID), \(s.edition), \(s.country.alpha3), \(s.commodityName), \(s.section), \(s.subsection ?? ""),
                        \(s.item), \(s.unit), \(s.footnote), \(s.year), \(s.isEstimated ? 1 : 0), \(s.text), \(s.value),
                        \(sourceID), \(batchID))
                    """, logger: logger
                )
                nextID += 1
            }
            report.batchID = batchID
            return (report, true)
        }
    }

    /// Imports indicators (production, reserves, stage and import-source shares): all or nothing;
    /// one already stored under the same key is left as it is (counted unchanged), as in SQLite.
    public func importIndicators(_ indicators: [Indicator], file: String) async throws -> ImportReport {
        let importedAt = Self.now()
        return try await write { conn in
            var report = ImportReport(file: file, format: "indicators")
            report.rowsRead = indicators.count
            var ids = try await PostgresIDs.load(conn, logger: logger)
            let sourceIDs = indicators.map { ids.sourceID($0.provenance) }
            try await ids.insertNew(conn, logger: logger)
            // The batch row goes first (the figures refer to it); it is rolled back if nothing is new.
            let batchID = try await Self.insertBatch(conn, file: file, format: "indicators", at: importedAt, rowCount: 0, logger: logger)
            var nextID = try await Self.nextID(conn, table: "indicator", logger: logger)
            for (i, ind) in indicators.enumerated() {
                let inserted = try await Self.rows(
                    conn,
                    """
                    INSERT INTO indicator (id, measure, country, importer, stage, scope, first_month, last_month, value, text,
                        unit, status, dataset, edition, source_id, batch_id, note)
                    VALUES (\(nextID), \(ind.measure.rawValue), \(ind.country.alpha3), \(ind.importer?.alpha3 ?? ""),
                        \(ind.stage?.rawValue ?? ""), \(ind.scope), \(StoreEncoding.month(ind.period.first)),
                        \(StoreEncoding.month(ind.period.last)), \(ind.value), \(ind.text), \(ind.unit), \(ind.status.rawValue),
                        \(ind.dataset), \(ind.edition), \(sourceIDs[i]), \(batchID), \(ind.note))
                    ON CONFLICT DO NOTHING RETURNING id
                    """, logger: logger)
                if ImportPlanner.indicator(alreadyStored: inserted.isEmpty) == .unchanged {
                    report.unchanged += 1
                } else {
                    report.inserted += 1
                    nextID += 1
                }
            }
            guard report.inserted > 0 else { return (report, false) }
            _ = try await conn.collectIfOpen("UPDATE import_batch SET row_count = \(report.inserted) WHERE id = \(batchID)", logger: logger)
            report.batchID = batchID
            return (report, true)
        }
    }
}

/// A figure's place: series, period (as `YYYYMM` months) and release (`YYYYMMDD`, 0 for none).
struct FigureKey: Hashable {
    let series: Int64
    let first: Int
    let last: Int
    let release: Int
    var period: PeriodKey { PeriodKey(series: series, first: first, last: last) }
}

struct PeriodKey: Hashable {
    let series: Int64
    let first: Int
    let last: Int
}

/// The figures already stored for the series an import touches, and the earliest release of
/// each period (a new figure after it is a revision).
struct StoredFigures {
    var figures: [FigureKey: StoredFigure] = [:]
    var earliestRelease: [PeriodKey: Int] = [:]

    mutating func add(_ key: FigureKey, _ figure: StoredFigure) {
        figures[key] = figure
        earliestRelease[key.period] = min(earliestRelease[key.period] ?? key.release, key.release)
    }

    static func load(_ conn: PostgresConnection, seriesIDs: [Int64], logger: Logger) async throws -> StoredFigures {
        var result = StoredFigures()
        guard !seriesIDs.isEmpty else { return result }
        let rows = try await PostgresStore.rows(
            conn,
            """
            SELECT series_id, first_month, last_month, release, quantity_t, value_usd, status, source_id
            FROM observation WHERE series_id = ANY(\(seriesIDs))
            """, logger: logger)
        for row in rows {
            let key = FigureKey(
                series: try row.get("series_id"), first: try row.get("first_month", as: Int.self),
                last: try row.get("last_month", as: Int.self), release: try row.get("release", as: Int.self))
            result.add(
                key,
                StoredFigure(
                    quantity: try row.get("quantity_t"), value: try row.get("value_usd"), status: try row.get("status"),
                    sourceID: try row.get("source_id")))
        }
        return result
    }
}
