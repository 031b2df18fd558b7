public import MonaziteCore
public import MonaziteIngest
public import MonaziteStore
import PostgresNIO

extension PostgresStore {
    /// Imports observations read by `read`, all or nothing, with the rules of
    /// `SQLiteStore.importObservations`: rows equal to stored figures change nothing, a different
    /// figure for the same series, period and release is a conflict reported at its line, a
    /// later release is a revision stored beside the earlier one.
    ///
    /// The rows are read first (a bad file never reaches the server), then compared with what is
    /// stored and written in one transaction, the new figures with one `COPY … FROM STDIN`.
    public func importObservations(
        file: String, format: String, read: (ObservationSink) throws(ImportFailure) -> Int
    ) async throws -> ImportReport {
        var buffered: [(observation: Observation, line: Int)] = []
        let sink: ObservationSink = { o, line in
            buffered.append((o, line))
            return nil
        }
        _ = try read(sink)
        let rows = buffered
        let importedAt = Self.now()
        return try await write { conn in
            var report = ImportReport(file: file, format: format)
            var ids = try await PostgresIDs.load(conn, logger: logger)
            var seriesIDs: [Int64] = []
            var sourceIDs: [Int64] = []
            seriesIDs.reserveCapacity(rows.count)
            sourceIDs.reserveCapacity(rows.count)
            for row in rows {
                seriesIDs.append(ids.seriesID(row.observation.key))
                sourceIDs.append(ids.sourceID(row.observation.provenance))
            }
            var stored = try await StoredFigures.load(conn, seriesIDs: ids.existingSeriesIDs(in: seriesIDs), logger: logger)
            var newRows: [Int] = []
            for (i, row) in rows.enumerated() {
                let o = row.observation
                let key = FigureKey(
                    series: seriesIDs[i], first: StoreEncoding.month(o.period.first), last: StoreEncoding.month(o.period.last),
                    release: StoreEncoding.release(o.provenance.release))
                report.rowsRead += 1
                if let existing = stored.figures[key] {
                    if existing.matches(o, sourceID: sourceIDs[i]) {
                        report.unchanged += 1
                        continue
                    }
                    var issues = IssueCollector(file: file)
                    issues.add(line: row.line, column: 1, Self.conflictReason(o, stored: existing))
                    throw ImportFailure(issues: issues.issues, conflict: true)
                }
                report.inserted += 1
                if !ids.created.contains(seriesIDs[i]), let earliest = stored.earliestRelease[key.period], earliest < key.release {
                    report.revisions += 1
                }
                stored.add(key, StoredFigure(o, sourceID: sourceIDs[i]))
                newRows.append(i)
            }
            guard report.inserted > 0 else { return (report, false) }
            try await ids.insertNew(conn, logger: logger)
            let batchID = try await Self.insertBatch(conn, file: file, format: format, at: importedAt, rowCount: report.inserted, logger: logger)
            let firstID = try await Self.nextID(conn, table: "observation", logger: logger)
            try await Self.copyObservations(
                conn, rows: newRows.map { rows[$0].observation }, seriesIDs: newRows.map { seriesIDs[$0] },
                sourceIDs: newRows.map { sourceIDs[$0] }, firstID: firstID, batchID: batchID, logger: logger)
            report.batchID = batchID
            return (report, true)
        }
    }

    /// The columns of an observation as `COPY` sends them, in this order.
    static let observationColumns = [
        "id", "series_id", "first_month", "last_month", "release", "quantity_t", "value_usd", "status", "source_id", "batch_id",
        "reported_mom_pct", "reported_yoy_pct", "national_code", "note", "derived_from",
    ]

    /// Writes new figures with `COPY observation FROM STDIN` (text format), in buffers of about
    /// 1 MiB: one statement for the whole file, checked by the server against every constraint as
    /// an `INSERT` is. Inside the import's transaction, so a refusal rolls everything back.
    static func copyObservations(
        _ conn: PostgresConnection, rows: [Observation], seriesIDs: [Int64], sourceIDs: [Int64], firstID: Int64, batchID: Int64,
        logger: Logger
    ) async throws {
        guard !rows.isEmpty else { return }
        try await conn.copyFrom(table: "observation", columns: observationColumns, logger: logger) { writer in
            var out = CopyTextBuffer()
            for (i, o) in rows.enumerated() {
                out.int(firstID + Int64(i))
                out.int(seriesIDs[i])
                out.int(StoreEncoding.month(o.period.first))
                out.int(StoreEncoding.month(o.period.last))
                out.int(StoreEncoding.release(o.provenance.release))
                try out.double(o.quantityTonnes)
                try out.double(o.valueUSD)
                out.text(o.status.rawValue)
                out.int(sourceIDs[i])
                out.int(batchID)
                try out.double(o.reportedMoMPct)
                try out.double(o.reportedYoYPct)
                out.text(o.nationalCode)
                out.text(o.note)
                out.text(Derivation.text(o.derivedFrom))
                out.endRow()
                if out.isFull { try await writer.write(out.take()) }
            }
            if !out.isEmpty { try await writer.write(out.take()) }
        }
    }

    static func conflictReason(_ o: Observation, stored: StoredFigure) -> String {
        let shown = stored.quantity.map { "\($0) t" } ?? stored.value.map { "USD \($0)" } ?? "?"
        let release = o.provenance.release?.description ?? "no release date"
        return "\(o.key.reporter) \(o.key.flow) \(o.key.commodity) \(o.key.partner) \(o.period) (\(release)) is already stored "
            + "with a different figure (\(shown)); a revision needs a later release date"
    }

    static func insertBatch(
        _ conn: PostgresConnection, file: String, format: String, at: String, rowCount: Int, logger: Logger
    ) async throws -> Int64 {
        let id = try await nextID(conn, table: "import_batch", logger: logger)
        _ = try await conn.query(
            "INSERT INTO import_batch (id, file, format, imported_at, row_count) VALUES (\(id), \(file), \(format), \(at), \(rowCount))",
            logger: logger
        ).collect()
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
            for s in stats {
                let sourceID = ids.sourceID(s.provenance)
                let existing = try await Self.rows(
                    conn,
                    """
                    SELECT text FROM salient_statistic WHERE edition = \(s.edition) AND country = \(s.country.alpha3)
                    AND commodity_name = \(s.commodityName) AND section = \(s.section) AND subsection = \(s.subsection ?? "")
                    AND item = \(s.item) AND year = \(s.year)
                    """, logger: logger)
                let inFile = pending.first { Self.sameCell($0.0, s) }
                if let text = try existing.first.map({ try $0.get("text", as: String.self) }) ?? inFile?.0.text {
                    if text == s.text {
                        report.unchanged += 1
                        continue
                    }
                    throw StoreError.invalidQuery(
                        "\(file): \(s.edition) \(s.item) \(s.year) is already stored as \(text), not \(s.text); editions are revisions, a new edition needs its own name")
                }
                pending.append((s, sourceID))
                report.inserted += 1
            }
            guard report.inserted > 0 else { return (report, false) }
            try await ids.insertNew(conn, logger: logger)
            let batchID = try await Self.insertBatch(conn, file: file, format: "usgs-salient", at: importedAt, rowCount: report.inserted, logger: logger)
            var nextID = try await Self.nextID(conn, table: "salient_statistic", logger: logger)
            for (s, sourceID) in pending {
                _ = try await conn.query(
                    """
                    INSERT INTO salient_statistic (id, edition, country, commodity_name, section, subsection, item, unit,
                        footnote, year, is_estimated, text, value, source_id, batch_id)
                    VALUES (\(nextID), \(s.edition), \(s.country.alpha3), \(s.commodityName), \(s.section), \(s.subsection ?? ""),
                        \(s.item), \(s.unit), \(s.footnote), \(s.year), \(s.isEstimated ? 1 : 0), \(s.text), \(s.value),
                        \(sourceID), \(batchID))
                    """, logger: logger
                ).collect()
                nextID += 1
            }
            report.batchID = batchID
            return (report, true)
        }
    }

    static func sameCell(_ a: SalientStatistic, _ b: SalientStatistic) -> Bool {
        a.edition == b.edition && a.country == b.country && a.commodityName == b.commodityName && a.section == b.section
            && (a.subsection ?? "") == (b.subsection ?? "") && a.item == b.item && a.year == b.year
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
                if inserted.isEmpty {
                    report.unchanged += 1
                } else {
                    report.inserted += 1
                    nextID += 1
                }
            }
            guard report.inserted > 0 else { return (report, false) }
            _ = try await conn.query("UPDATE import_batch SET row_count = \(report.inserted) WHERE id = \(batchID)", logger: logger).collect()
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

/// The part of a stored figure an import compares with.
struct StoredFigure {
    let quantity: Double?
    let value: Double?
    let status: String
    let sourceID: Int64

    init(quantity: Double?, value: Double?, status: String, sourceID: Int64) {
        self.quantity = quantity
        self.value = value
        self.status = status
        self.sourceID = sourceID
    }

    init(_ o: Observation, sourceID: Int64) {
        self.init(quantity: o.quantityTonnes, value: o.valueUSD, status: o.status.rawValue, sourceID: sourceID)
    }

    /// Same figure, status and source, to the tolerance SQLite uses.
    func matches(_ o: Observation, sourceID: Int64) -> Bool {
        Self.same(quantity, o.quantityTonnes) && Self.same(value, o.valueUSD) && status == o.status.rawValue
            && self.sourceID == sourceID
    }

    static func same(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case (let x?, let y?): abs(x - y) <= 1e-9 * max(1, abs(x))
        default: false
        }
    }
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
