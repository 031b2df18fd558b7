public import MonaziteCore
public import MonaziteStore
import PostgresNIO

/// Reads, answering as `SQLiteStore` answers. Text is ordered byte by byte (`COLLATE "C"`) and
/// missing values sort first, as in SQLite, whatever the database's locale.
extension PostgresStore {
    /// For each period, the latest release on or before `asOf` (all releases when nil).
    public func observations(for key: SeriesKey, asOf: CalendarDay? = nil) async throws -> [Observation] {
        try await read { conn in
            guard let seriesID = try await Self.seriesID(conn, key, logger: logger) else { return [] }
            return Self.latest(try await Self.fetchObservations(conn, key: key, seriesID: seriesID, asOf: asOf, logger: logger))
        }
    }

    /// Every release of one series and period, oldest first: the revision history.
    public func releases(for key: SeriesKey, period: Period) async throws -> [Observation] {
        try await read { conn in
            guard let seriesID = try await Self.seriesID(conn, key, logger: logger) else { return [] }
            return try await Self.fetchObservations(conn, key: key, seriesID: seriesID, asOf: nil, period: period, logger: logger)
        }
    }

    public func partnerObservations(
        reporter: CountryCode, flow: TradeFlow, commodity: HSCode, asOf: CalendarDay? = nil, within: ClosedRange<Month>? = nil
    ) async throws -> [CountryCode: [Observation]] {
        try await read { conn in
            let rows = try await Self.rows(
                conn,
                "SELECT id, partner FROM series WHERE reporter = \(reporter.alpha3) AND flow = \(flow.rawValue) AND commodity = \(commodity.code)",
                logger: logger)
            var result: [CountryCode: [Observation]] = [:]
            for row in rows {
                guard let partner = CountryCode(try row.get("partner", as: String.self)) else { continue }
                let key = SeriesKey(reporter: reporter, partner: partner, flow: flow, commodity: commodity)
                result[partner] = Self.latest(
                    try await Self.fetchObservations(conn, key: key, seriesID: try row.get("id"), asOf: asOf, within: within, logger: logger))
            }
            return result
        }
    }

    public func seriesList() async throws -> [(key: SeriesKey, first: Month, last: Month, count: Int)] {
        typealias List = [(key: SeriesKey, first: Month, last: Month, count: Int)]
        let (revision, kept, rows) = try await read { conn -> (Int64, List?, [PostgresRandomAccessRow]) in
            let revision = try await Self.revision(conn, logger: logger)
            if let kept = seriesListMemo.value(at: revision) { return (revision, kept, []) }
            return (revision, nil, try await Self.rows(
                conn,
                """
                SELECT s.reporter, s.partner, s.flow, s.commodity, min(o.first_month) AS first, max(o.last_month) AS last,
                    count(*) AS n
                FROM series s JOIN observation o ON o.series_id = s.id GROUP BY s.id
                ORDER BY s.reporter COLLATE "C", s.commodity COLLATE "C", s.partner COLLATE "C"
                """, logger: logger))
        }
        if let kept { return kept }
        let list: [(key: SeriesKey, first: Month, last: Month, count: Int)] = try rows.compactMap { row in
            guard let r = CountryCode(try row.get("reporter", as: String.self)),
                let p = CountryCode(try row.get("partner", as: String.self)),
                let f = TradeFlow(rawValue: try row.get("flow", as: String.self)),
                let c = HSCode(try row.get("commodity", as: String.self)),
                let first = StoreEncoding.month(try row.get("first", as: Int.self)),
                let last = StoreEncoding.month(try row.get("last", as: Int.self))
            else { return nil }
            return (SeriesKey(reporter: r, partner: p, flow: f, commodity: c), first, last, try row.get("n", as: Int.self))
        }
        seriesListMemo.keep(list, at: revision)
        return list
    }

    /// Every series' freshness inputs in two reads: the series, then one narrow row per figure.
    public func freshnessInputs() async throws -> [SeriesKey: [FreshnessInput]] {
        typealias Inputs = [SeriesKey: [FreshnessInput]]
        let (revision, kept, series, figures) = try await read {
            conn -> (Int64, Inputs?, [PostgresRandomAccessRow], [PostgresRandomAccessRow]) in
            let revision = try await Self.revision(conn, logger: logger)
            if let kept = freshnessMemo.value(at: revision) { return (revision, kept, [], []) }
            return (
                revision, nil,
                try await Self.rows(conn, "SELECT id, reporter, partner, flow, commodity FROM series", logger: logger),
                try await Self.rows(
                    conn,
                    """
                    SELECT series_id, first_month, last_month, release, status = 'reported' AS reported,
                        quantity_t IS NOT NULL OR value_usd IS NOT NULL AS has_figure
                    FROM observation
                    """, logger: logger)
            )
        }
        if let kept { return kept }
        var keys: [Int64: SeriesKey] = [:]
        for row in series {
            guard let r = CountryCode(try row.get("reporter", as: String.self)),
                let p = CountryCode(try row.get("partner", as: String.self)),
                let f = TradeFlow(rawValue: try row.get("flow", as: String.self)),
                let c = HSCode(try row.get("commodity", as: String.self))
            else { continue }
            keys[try row.get("id", as: Int64.self)] = SeriesKey(reporter: r, partner: p, flow: f, commodity: c)
        }
        var result = FreshnessCollector()
        for row in figures {
            guard let key = keys[try row.get("series_id", as: Int64.self)],
                let period = StoreEncoding.period(first: try row.get("first_month", as: Int.self), last: try row.get("last_month", as: Int.self))
            else { continue }
            result.add(
                key,
                FreshnessInput(
                    period: period, release: StoreEncoding.release(try row.get("release", as: Int.self)),
                    isReported: try row.get("reported", as: Bool.self), hasFigure: try row.get("has_figure", as: Bool.self)))
        }
        freshnessMemo.keep(result.inputs, at: revision)
        return result.inputs
    }

    static func seriesID(_ conn: PostgresConnection, _ k: SeriesKey, logger: Logger) async throws -> Int64? {
        let rows = try await Self.rows(
            conn,
            """
            SELECT id FROM series WHERE reporter = \(k.reporter.alpha3) AND partner = \(k.partner.alpha3)
            AND flow = \(k.flow.rawValue) AND commodity = \(k.commodity.code)
            """, logger: logger)
        return try rows.first?.get("id", as: Int64.self)
    }

    static func fetchObservations(
        _ conn: PostgresConnection, key: SeriesKey, seriesID: Int64, asOf: CalendarDay?, period: Period? = nil,
        within: ClosedRange<Month>? = nil, logger: Logger
    ) async throws -> [Observation] {
        var sql = """
            SELECT o.*, s.name AS source_name, s.url AS source_url FROM observation o
            JOIN source s ON s.id = o.source_id WHERE o.series_id = $1
            """
        var binds = PostgresBindings()
        binds.append(seriesID)
        if let asOf {
            // Released by then; a figure without a release date, for a period over by then.
            binds.append(StoreEncoding.release(asOf))
            sql += " AND o.release <= $\(binds.count)"
            binds.append(asOf.year * 100 + asOf.month)
            sql += " AND (o.release > 0 OR o.last_month < $\(binds.count))"
        }
        if let period {
            binds.append(StoreEncoding.month(period.first))
            sql += " AND o.first_month = $\(binds.count)"
            binds.append(StoreEncoding.month(period.last))
            sql += " AND o.last_month = $\(binds.count)"
        }
        if let within {
            // Every figure touching the window (as the SQLite store: see there).
            binds.append(StoreEncoding.month(within.upperBound))
            sql += " AND o.first_month <= $\(binds.count)"
            binds.append(StoreEncoding.month(within.lowerBound))
            sql += " AND o.last_month >= $\(binds.count)"
        }
        sql += " ORDER BY o.last_month, o.first_month, o.release"
        return try await Self.rows(conn, PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger).compactMap { row in
            guard let p = StoreEncoding.period(first: try row.get("first_month"), last: try row.get("last_month")),
                let status = DataStatus(rawValue: try row.get("status"))
            else { return nil }
            let url: String = try row.get("source_url")
            return Observation(
                key: key, period: p, quantityTonnes: try row.get("quantity_t"), valueUSD: try row.get("value_usd"), status: status,
                provenance: Provenance(
                    source: try row.get("source_name"), url: url.isEmpty ? nil : url,
                    release: StoreEncoding.release(try row.get("release", as: Int.self))),
                reportedMoMPct: try row.get("reported_mom_pct"), reportedYoYPct: try row.get("reported_yoy_pct"),
                nationalCode: try row.get("national_code"), note: try row.get("note"),
                derivedFrom: StoreEncoding.derivation(try row.get("derived_from")))
        }
    }

    /// Keeps the last release of each period (input ordered by release within a period).
    static func latest(_ observations: [Observation]) -> [Observation] {
        var byPeriod: [Period: Observation] = [:]
        for o in observations { byPeriod[o.period] = o }
        return byPeriod.values.sorted { $0.period < $1.period }
    }

    public func salientStatistics(country: CountryCode, edition: String? = nil) async throws -> [SalientStatistic] {
        var sql = """
            SELECT t.*, s.name AS source_name, s.url AS source_url FROM salient_statistic t
            JOIN source s ON s.id = t.source_id WHERE t.country = $1
            """
        var binds = PostgresBindings()
        binds.append(country.alpha3)
        if let edition {
            binds.append(edition)
            sql += " AND t.edition = $2"
        }
        sql += " ORDER BY t.edition COLLATE \"C\", t.id, t.year"
        let query = PostgresQuery(unsafeSQL: sql, binds: binds)
        let rows = try await read { conn in try await Self.rows(conn, query, logger: logger) }
        return try rows.map { row in
            let sub: String = try row.get("subsection")
            let url: String = try row.get("source_url")
            return SalientStatistic(
                edition: try row.get("edition"), country: country, commodityName: try row.get("commodity_name"),
                section: try row.get("section"), subsection: sub.isEmpty ? nil : sub, item: try row.get("item"),
                unit: try row.get("unit"), footnote: try row.get("footnote"), year: try row.get("year"),
                isEstimated: try row.get("is_estimated", as: Int.self) != 0, text: try row.get("text"), value: try row.get("value"),
                provenance: Provenance(source: try row.get("source_name"), url: url.isEmpty ? nil : url))
        }
    }

    public func salientEditions(country: CountryCode) async throws -> [String] {
        let rows = try await read { conn in
            try await Self.rows(
                conn,
                """
                SELECT DISTINCT edition COLLATE "C" AS edition FROM salient_statistic WHERE country = \(country.alpha3)
                ORDER BY 1
                """, logger: logger)
        }
        return try rows.map { try $0.get("edition") }
    }

    public func indicators(measure: Indicator.Measure, stage: SupplyStage? = nil) async throws -> [Indicator] {
        var sql = """
            SELECT i.*, s.name AS source_name, s.url AS source_url FROM indicator i
            JOIN source s ON s.id = i.source_id WHERE i.measure = $1
            """
        var binds = PostgresBindings()
        binds.append(measure.rawValue)
        if let stage {
            binds.append(stage.rawValue)
            sql += " AND i.stage = $2"
        }
        sql += " ORDER BY i.stage COLLATE \"C\", i.scope COLLATE \"C\", i.last_month, i.value DESC NULLS LAST, i.id"
        let query = PostgresQuery(unsafeSQL: sql, binds: binds)
        let rows = try await read { conn in try await Self.rows(conn, query, logger: logger) }
        return try rows.compactMap { row in
            guard let country = CountryCode(try row.get("country", as: String.self)),
                let period = StoreEncoding.period(first: try row.get("first_month"), last: try row.get("last_month")),
                let status = DataStatus(rawValue: try row.get("status"))
            else { return nil }
            let url: String = try row.get("source_url")
            let importer: String = try row.get("importer")
            return Indicator(
                measure: measure, country: country, importer: CountryCode(importer),
                stage: SupplyStage(rawValue: try row.get("stage")), scope: try row.get("scope"), period: period,
                value: try row.get("value"), text: try row.get("text"), unit: try row.get("unit"), status: status,
                dataset: try row.get("dataset"), edition: try row.get("edition"),
                provenance: Provenance(source: try row.get("source_name"), url: url.isEmpty ? nil : url), note: try row.get("note"))
        }
    }

    public func sourceSummaries() async throws -> [SourceSummary] {
        try await read { conn in
            let revision = try await Self.revision(conn, logger: logger)
            if let kept = sourceSummariesMemo.value(at: revision) { return kept }
            let rows = try await Self.rows(
                conn,
                """
                SELECT s.id, s.name, s.url,
                  (SELECT count(*) FROM observation o WHERE o.source_id = s.id) AS obs,
                  (SELECT count(*) FROM salient_statistic t WHERE t.source_id = s.id) AS sal,
                  (SELECT count(*) FROM indicator i WHERE i.source_id = s.id) AS ind,
                  (SELECT count(*) FROM observation o WHERE o.source_id = s.id AND o.status != 'reported')
                    + (SELECT count(*) FROM indicator i WHERE i.source_id = s.id AND i.status != 'reported') AS weak,
                  (SELECT min(first_month) FROM observation o WHERE o.source_id = s.id) AS first,
                  (SELECT max(last_month) FROM observation o WHERE o.source_id = s.id) AS last,
                  ARRAY(SELECT DISTINCT release FROM observation o WHERE o.source_id = s.id AND release > 0 ORDER BY release)
                    AS releases
                FROM source s ORDER BY s.name COLLATE "C", s.url COLLATE "C"
                """, logger: logger)
            let summaries = try rows.map { row in
                let url: String = try row.get("url")
                let first: Int? = try row.get("first")
                let last: Int? = try row.get("last")
                let releases = try row.get("releases", as: [Int32].self).compactMap { StoreEncoding.release(Int($0)) }
                return SourceSummary(
                    source: try row.get("name"), url: url.isEmpty ? nil : url, observations: try row.get("obs"),
                    salientStatistics: try row.get("sal"), indicators: try row.get("ind"), derivedOrEstimated: try row.get("weak"),
                    firstPeriod: first.flatMap(StoreEncoding.month)?.description,
                    lastPeriod: last.flatMap(StoreEncoding.month)?.description, releases: releases)
            }
            sourceSummariesMemo.keep(summaries, at: revision)
            return summaries
        }
    }

    /// The latest import batch id (see ``TradeStore/revision()``).
    public func revision() async throws -> Int64 {
        try await read { conn in try await Self.revision(conn, logger: logger) }
    }

    /// The revision as this transaction's snapshot sees it (read beside what it labels).
    static func revision(_ conn: PostgresConnection, logger: Logger) async throws -> Int64 {
        let rows = try await Self.rows(conn, "SELECT coalesce(max(id), 0)::BIGINT AS r FROM import_batch", logger: logger)
        return try rows.first?.get("r", as: Int64.self) ?? 0
    }

    public func counts() async throws -> (observations: Int, salient: Int, indicators: Int, batches: Int) {
        let rows = try await read { conn in
            try await Self.rows(
                conn,
                """
                SELECT (SELECT count(*) FROM observation) AS o, (SELECT count(*) FROM salient_statistic) AS s,
                    (SELECT count(*) FROM indicator) AS i, (SELECT count(*) FROM import_batch) AS b
                """, logger: logger)
        }
        guard let row = rows.first else { return (0, 0, 0, 0) }
        return (try row.get("o"), try row.get("s"), try row.get("i"), try row.get("b"))
    }

    /// A digest of every stored figure, equal to `SQLiteStore.contentDigest()` for the same
    /// content (see `ContentDigest`).
    public func contentDigest() async throws -> String {
        try await read { conn in
            var lines: [String] = []
            for (table, columns, order) in ContentDigest.tables {
                let sql = "SELECT \(columns.joined(separator: ", ")) FROM \(table) ORDER BY \(order)"
                for row in try await conn.collectIfOpen(PostgresQuery(unsafeSQL: sql), logger: logger) {
                    let values = try row.map { cell in try Self.digestValue(cell) }
                    lines.append(ContentDigest.line(table: table, columns: columns, values: values))
                }
            }
            return lines.joined(separator: "\n")
        }
    }

    static func digestValue(_ cell: PostgresCell) throws -> ContentDigest.Value {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2, .int4, .int8: return .integer(try cell.decode(Int64.self))
        case .float4, .float8: return .real(try cell.decode(Double.self))
        default: return .text(try cell.decode(String.self))
        }
    }
}
