public import MonaziteCore
import GRDB

extension SQLiteStore {
    /// The figures of one series: for each period, the latest release on or before `asOf`
    /// (all releases when `asOf` is nil). Figures without a release date count as released
    /// before any dated one, yet never before their period has ended (a month's figure is not
    /// known as of a day in that month or before it).
    public func observations(for key: SeriesKey, asOf: CalendarDay? = nil) throws -> [Observation] {
        try pool.read { db in
            var ids = IDCache()
            guard let seriesID = try ids.seriesID(key, db, create: false) else { return [] }
            return try Self.latest(Self.fetchObservations(db, key: key, seriesID: seriesID, asOf: asOf))
        }
    }

    /// Every release of one series and period, oldest first: the revision history.
    public func releases(for key: SeriesKey, period: Period) throws -> [Observation] {
        try pool.read { db in
            var ids = IDCache()
            guard let seriesID = try ids.seriesID(key, db, create: false) else { return [] }
            return try Self.fetchObservations(db, key: key, seriesID: seriesID, asOf: nil, period: period)
        }
    }

    /// Every partner series of a reporter, flow and commodity, each reduced to its latest releases.
    public func partnerObservations(
        reporter: CountryCode, flow: TradeFlow, commodity: HSCode, asOf: CalendarDay? = nil, within: ClosedRange<Month>? = nil
    ) throws -> [CountryCode: [Observation]] {
        try pool.read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT id, partner FROM series WHERE reporter = ? AND flow = ? AND commodity = ?",
                arguments: [reporter.alpha3, flow.rawValue, commodity.code])
            var result: [CountryCode: [Observation]] = [:]
            for row in rows {
                let partnerCode: String = row["partner"]
                guard let partner = CountryCode(partnerCode) else { continue }
                let key = SeriesKey(reporter: reporter, partner: partner, flow: flow, commodity: commodity)
                result[partner] = try Self.latest(Self.fetchObservations(db, key: key, seriesID: row["id"], asOf: asOf, within: within))
            }
            return result
        }
    }

    /// The series the store holds, with their period coverage.
    public func seriesList() throws -> [(key: SeriesKey, first: Month, last: Month, count: Int)] {
        try pool.read { db in
            let revision = try Self.revision(db)
            if let kept = seriesListMemo.value(at: revision) { return kept }
            let list: [(key: SeriesKey, first: Month, last: Month, count: Int)] = try Row.fetchAll(
                db,
                sql: """
                    SELECT s.reporter, s.partner, s.flow, s.commodity, min(o.first_month) AS first, max(o.last_month) AS last,
                        count(*) AS n
                    FROM series s JOIN observation o ON o.series_id = s.id GROUP BY s.id ORDER BY s.reporter, s.commodity, s.partner
                    """
            ).compactMap { row in
                guard let r = CountryCode(row["reporter"]), let p = CountryCode(row["partner"]),
                    let f = TradeFlow(rawValue: row["flow"]), let c = HSCode(row["commodity"] as String),
                    let first = StoreEncoding.month(row["first"]), let last = StoreEncoding.month(row["last"])
                else { return nil }
                return (SeriesKey(reporter: r, partner: p, flow: f, commodity: c), first, last, row["n"])
            }
            seriesListMemo.keep(list, at: revision)
            return list
        }
    }

    /// Every series' freshness inputs in two reads: the series, then one narrow row per figure.
    public func freshnessInputs() throws -> [SeriesKey: [FreshnessInput]] {
        try pool.read { db in
            let revision = try Self.revision(db)
            if let kept = freshnessMemo.value(at: revision) { return kept }
            var keys: [Int64: SeriesKey] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, reporter, partner, flow, commodity FROM series") {
                guard let r = CountryCode(row["reporter"]), let p = CountryCode(row["partner"]),
                    let f = TradeFlow(rawValue: row["flow"]), let c = HSCode(row["commodity"] as String)
                else { continue }
                keys[row["id"]] = SeriesKey(reporter: r, partner: p, flow: f, commodity: c)
            }
            var result = FreshnessCollector()
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT series_id, first_month, last_month, release, status = 'reported',
                        quantity_t IS NOT NULL OR value_usd IS NOT NULL
                    FROM observation
                    """)
            while let row = try rows.next() {
                guard let key = keys[row[0]], let period = StoreEncoding.period(first: row[1], last: row[2]) else { continue }
                result.add(
                    key, FreshnessInput(period: period, release: StoreEncoding.release(row[3] as Int), isReported: row[4], hasFigure: row[5]))
            }
            freshnessMemo.keep(result.inputs, at: revision)
            return result.inputs
        }
    }

    static func fetchObservations(
        _ db: Database, key: SeriesKey, seriesID: Int64, asOf: CalendarDay?, period: Period? = nil, within: ClosedRange<Month>? = nil
    ) throws -> [Observation] {
        // Named columns read by position: GRDB's look-up by name folds case for every cell.
        var sql = """
            SELECT o.first_month, o.last_month, o.status, o.quantity_t, o.value_usd, s.name, s.url, o.release,
                o.reported_mom_pct, o.reported_yoy_pct, o.national_code, o.note, o.derived_from
            FROM observation o JOIN source s ON s.id = o.source_id WHERE o.series_id = ?
            """
        var args: StatementArguments = [seriesID]
        if let asOf {
            // Released by then; a figure without a release date, for a period over by then.
            sql += " AND o.release <= ? AND (o.release > 0 OR o.last_month < ?)"
            args += [StoreEncoding.release(asOf), asOf.year * 100 + asOf.month]
        }
        if let period {
            sql += " AND o.first_month = ? AND o.last_month = ?"
            args += [StoreEncoding.month(period.first), StoreEncoding.month(period.last)]
        }
        if let within {
            // Every figure touching the window: a span reaching past it cannot total a period inside,
            // but names the span a month inside is held in (SeriesTotals' reasons).
            sql += " AND o.first_month <= ? AND o.last_month >= ?"
            args += [StoreEncoding.month(within.upperBound), StoreEncoding.month(within.lowerBound)]
        }
        sql += " ORDER BY o.last_month, o.first_month, o.release"
        return try Row.fetchAll(db, sql: sql, arguments: args).compactMap { row in
            guard let p = StoreEncoding.period(first: row[0], last: row[1]), let status = DataStatus(rawValue: row[2]) else { return nil }
            let url: String = row[6]
            return Observation(
                key: key, period: p, quantityTonnes: row[3], valueUSD: row[4], status: status,
                provenance: Provenance(source: row[5], url: url.isEmpty ? nil : url, release: StoreEncoding.release(row[7] as Int)),
                reportedMoMPct: row[8], reportedYoYPct: row[9], nationalCode: row[10], note: row[11],
                derivedFrom: StoreEncoding.derivation(row[12]))
        }
    }

    /// Keeps the last release of each period (input ordered by release within a period).
    static func latest(_ observations: [Observation]) -> [Observation] {
        var byPeriod: [Period: Observation] = [:]
        for o in observations { byPeriod[o.period] = o }
        return byPeriod.values.sorted { $0.period < $1.period }
    }

    /// Salient statistics of one country; of one edition, or of every edition when nil.
    public func salientStatistics(country: CountryCode, edition: String? = nil) throws -> [SalientStatistic] {
        try pool.read { db in
            var sql = """
                SELECT t.*, s.name AS source_name, s.url AS source_url FROM salient_statistic t
                JOIN source s ON s.id = t.source_id WHERE t.country = ?
                """
            var args: StatementArguments = [country.alpha3]
            if let edition {
                sql += " AND t.edition = ?"
                args += [edition]
            }
            sql += " ORDER BY t.edition, t.id, t.year"
            return try Row.fetchAll(db, sql: sql, arguments: args).map { row in
                let sub: String = row["subsection"]
                let url: String = row["source_url"]
                return SalientStatistic(
                    edition: row["edition"], country: country, commodityName: row["commodity_name"], section: row["section"],
                    subsection: sub.isEmpty ? nil : sub, item: row["item"], unit: row["unit"], footnote: row["footnote"],
                    year: row["year"], isEstimated: row["is_estimated"], text: row["text"], value: row["value"],
                    provenance: Provenance(source: row["source_name"], url: url.isEmpty ? nil : url))
            }
        }
    }

    /// Editions of salient statistics held for a country, newest name last.
    public func salientEditions(country: CountryCode) throws -> [String] {
        try pool.read { db in
            try String.fetchAll(
                db, sql: "SELECT DISTINCT edition FROM salient_statistic WHERE country = ? ORDER BY edition",
                arguments: [country.alpha3])
        }
    }

    /// Indicators of one measure, optionally of one stage.
    public func indicators(measure: Indicator.Measure, stage: SupplyStage? = nil) throws -> [Indicator] {
        try pool.read { db in
            var sql = """
                SELECT i.*, s.name AS source_name, s.url AS source_url FROM indicator i
                JOIN source s ON s.id = i.source_id WHERE i.measure = ?
                """
            var args: StatementArguments = [measure.rawValue]
            if let stage {
                sql += " AND i.stage = ?"
                args += [stage.rawValue]
            }
            sql += " ORDER BY i.stage, i.scope, i.last_month, i.value DESC, i.id"
            return try Row.fetchAll(db, sql: sql, arguments: args).compactMap { row in
                guard let country = CountryCode(row["country"]),
                    let period = StoreEncoding.period(first: row["first_month"], last: row["last_month"]),
                    let status = DataStatus(rawValue: row["status"])
                else { return nil }
                let url: String = row["source_url"]
                let importer: String = row["importer"]
                return Indicator(
                    measure: measure, country: country, importer: CountryCode(importer), stage: SupplyStage(rawValue: row["stage"]),
                    scope: row["scope"], period: period, value: row["value"], text: row["text"], unit: row["unit"], status: status,
                    dataset: row["dataset"], edition: row["edition"],
                    provenance: Provenance(source: row["source_name"], url: url.isEmpty ? nil : url), note: row["note"])
            }
        }
    }

    public func sourceSummaries() throws -> [SourceSummary] {
        // One grouped pass per table (SQLite keeps no index on source_id, to keep imports fast):
        // a subquery per source would scan the figures once per source. Kept per revision.
        try pool.read { db in
            let revision = try Self.revision(db)
            if let kept = sourceSummariesMemo.value(at: revision) { return kept }
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT s.id, s.name, s.url, coalesce(o.n, 0) AS obs, coalesce(t.n, 0) AS sal, coalesce(i.n, 0) AS ind,
                      coalesce(o.weak, 0) + coalesce(i.weak, 0) AS weak, o.first, o.last
                    FROM source s
                    LEFT JOIN (
                      SELECT source_id, count(*) AS n, sum(CASE WHEN status != 'reported' THEN 1 ELSE 0 END) AS weak,
                        min(first_month) AS first, max(last_month) AS last
                      FROM observation GROUP BY source_id) o ON o.source_id = s.id
                    LEFT JOIN (SELECT source_id, count(*) AS n FROM salient_statistic GROUP BY source_id) t ON t.source_id = s.id
                    LEFT JOIN (
                      SELECT source_id, count(*) AS n, sum(CASE WHEN status != 'reported' THEN 1 ELSE 0 END) AS weak
                      FROM indicator GROUP BY source_id) i ON i.source_id = s.id
                    ORDER BY s.name, s.url
                    """)
            var releases: [Int64: [CalendarDay]] = [:]
            let pairs = try Row.fetchCursor(
                db, sql: "SELECT DISTINCT source_id, release FROM observation WHERE release > 0 ORDER BY source_id, release")
            while let pair = try pairs.next() {
                if let day = StoreEncoding.release(pair[1] as Int) { releases[pair[0], default: []].append(day) }
            }
            let summaries = rows.map { row in
                let url: String = row["url"]
                let first: Int? = row["first"]
                let last: Int? = row["last"]
                return SourceSummary(
                    source: row["name"], url: url.isEmpty ? nil : url, observations: row["obs"], salientStatistics: row["sal"],
                    indicators: row["ind"], derivedOrEstimated: row["weak"],
                    firstPeriod: first.flatMap(StoreEncoding.month)?.description,
                    lastPeriod: last.flatMap(StoreEncoding.month)?.description, releases: releases[row["id"]] ?? [])
            }
            sourceSummariesMemo.keep(summaries, at: revision)
            return summaries
        }
    }

    /// Counts of rows per table, for status lines and tests.
    /// The latest import batch id: every committed import adds one (see ``TradeStore/revision()``).
    /// Read through a fresh statement, so a commit by another connection or process is seen.
    public func revision() throws -> Int64 {
        try pool.read { db in try Self.revision(db) }
    }

    /// The revision as `db`'s snapshot sees it (read in the same transaction as what it labels).
    static func revision(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM import_batch") ?? 0
    }

    public func counts() throws -> (observations: Int, salient: Int, indicators: Int, batches: Int) {
        try pool.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT count(*) FROM observation") ?? 0,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM salient_statistic") ?? 0,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM indicator") ?? 0,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM import_batch") ?? 0
            )
        }
    }

    /// A digest of every stored figure, to prove a failed import left the content unchanged
    /// (see ``ContentDigest`` for what it covers).
    public func contentDigest() throws -> String {
        try pool.read { db in
            var lines: [String] = []
            // Row.description prints values as ContentDigest.Value does, so every backend agrees.
            for (table, columns, order) in ContentDigest.tables {
                let sql = "SELECT \(columns.joined(separator: ", ")) FROM \(table) ORDER BY \(order)"
                for row in try Row.fetchAll(db, sql: sql) {
                    lines.append(table + ":" + row.description)
                }
            }
            return lines.joined(separator: "\n")
        }
    }
}
