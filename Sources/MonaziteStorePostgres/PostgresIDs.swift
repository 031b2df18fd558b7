import MonaziteCore
import MonaziteStore
import PostgresNIO

/// Ids of sources and series within one write transaction: the stored ones are read once, new
/// ones are numbered after the largest in order of first use (as SQLite numbers them), and
/// written by ``insertNew(_:logger:)`` before the figures that refer to them.
struct PostgresIDs {
    private var sources: [SourceKey: Int64] = [:]
    private var series: [SeriesKey: Int64] = [:]
    private var nextSource: Int64 = 1
    private var nextSeries: Int64 = 1
    private var newSources: [(id: Int64, key: SourceKey)] = []
    private var newSeries: [(id: Int64, key: SeriesKey)] = []
    /// Series created by this transaction: their figures cannot be revisions.
    private(set) var created: Set<Int64> = []

    struct SourceKey: Hashable {
        let name: String
        let url: String
    }

    static func load(_ conn: PostgresConnection, logger: Logger) async throws -> PostgresIDs {
        var ids = PostgresIDs()
        for row in try await PostgresStore.rows(conn, "SELECT id, name, url FROM source", logger: logger) {
            let id: Int64 = try row.get("id")
            ids.sources[SourceKey(name: try row.get("name"), url: try row.get("url"))] = id
            ids.nextSource = max(ids.nextSource, id + 1)
        }
        for row in try await PostgresStore.rows(conn, "SELECT id, reporter, partner, flow, commodity FROM series", logger: logger) {
            let id: Int64 = try row.get("id")
            ids.nextSeries = max(ids.nextSeries, id + 1)
            guard let reporter = CountryCode(try row.get("reporter", as: String.self)),
                let partner = CountryCode(try row.get("partner", as: String.self)),
                let flow = TradeFlow(rawValue: try row.get("flow", as: String.self)),
                let commodity = HSCode(try row.get("commodity", as: String.self))
            else { continue }
            ids.series[SeriesKey(reporter: reporter, partner: partner, flow: flow, commodity: commodity)] = id
        }
        return ids
    }

    mutating func sourceID(_ p: Provenance) -> Int64 {
        let key = SourceKey(name: p.source, url: p.url ?? "")
        if let id = sources[key] { return id }
        let id = nextSource
        nextSource += 1
        sources[key] = id
        newSources.append((id, key))
        return id
    }

    mutating func seriesID(_ k: SeriesKey) -> Int64 {
        if let id = series[k] { return id }
        let id = nextSeries
        nextSeries += 1
        series[k] = id
        newSeries.append((id, k))
        created.insert(id)
        return id
    }

    /// The distinct ids among `ids` that were stored before this transaction.
    func existingSeriesIDs(in ids: [Int64]) -> [Int64] {
        Array(Set(ids).subtracting(created)).sorted()
    }

    /// Writes the sources and series numbered since `load`.
    mutating func insertNew(_ conn: PostgresConnection, logger: Logger) async throws {
        for chunk in stride(from: 0, to: newSources.count, by: 1000) {
            let part = newSources[chunk..<min(chunk + 1000, newSources.count)]
            var binds = PostgresBindings()
            var tuples: [String] = []
            for s in part {
                tuples.append("($\(binds.count + 1),$\(binds.count + 2),$\(binds.count + 3))")
                binds.append(s.id)
                binds.append(s.key.name)
                binds.append(s.key.url)
            }
            let sql = "INSERT INTO source (id, name, url) VALUES " + tuples.joined(separator: ",")
            _ = try await conn.collectIfOpen(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger)
        }
        // Series can be many (a first Comtrade import creates one per reporter, partner, flow
        // and code): one COPY, not a statement per thousand.
        if !newSeries.isEmpty {
            let series = newSeries
            try await PostgresStore.copy(conn, table: "series", columns: ["id", "reporter", "partner", "flow", "commodity"], logger: logger) {
                send in
                var out = CopyTextBuffer()
                for s in series {
                    out.int(s.id)
                    out.text(s.key.reporter.alpha3)
                    out.text(s.key.partner.alpha3)
                    out.text(s.key.flow.rawValue)
                    out.text(s.key.commodity.code)
                    out.endRow()
                    if out.isFull { try await send(out.take()) }
                }
                if !out.isEmpty { try await send(out.take()) }
            }
        }
        newSources = []
        newSeries = []
    }
}
