import Foundation
import MonaziteCore
import GRDB

/// The embedded store: one SQLite file in WAL mode, written through GRDB.
///
/// Every import is one transaction: it is saved whole or not at all. A figure is never
/// overwritten: a later release of the same series and period is stored beside the earlier
/// one, and reads pick the latest release on or before an as-of date.
public final class SQLiteStore: Sendable {
    let pool: DatabasePool
    public let path: String
    /// The series list and the freshness inputs, each a pass over every figure, kept per revision.
    let seriesListMemo = RevisionMemo<[(key: SeriesKey, first: Month, last: Month, count: Int)]>()
    let freshnessMemo = RevisionMemo<[SeriesKey: [FreshnessInput]]>()
    let sourceSummariesMemo = RevisionMemo<[SourceSummary]>()

    /// Opens the store at `path`, creating it and migrating its schema as needed.
    public init(path: String) throws(StoreError) {
        self.path = path
        do {
            let dir = (path as NSString).deletingLastPathComponent
            if !dir.isEmpty { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
            var config = Configuration()
            config.foreignKeysEnabled = true
            config.prepareDatabase { db in
                // 16 KiB pages for a store created now (an existing file keeps its own): a
                // million-row import writes a quarter of the WAL frames and B-tree pages of 4 KiB
                // ones, and range reads of a series touch fewer pages.
                try db.execute(sql: "PRAGMA page_size = 16384")
            }
            pool = try DatabasePool(path: path, configuration: config)
            // FULL: the write-ahead log is synced at every commit, so a write reported done (an
            // import, a token, a job's result) survives a power loss or a kernel panic. GRDB
            // leaves the writer at NORMAL, which syncs only at checkpoints and could lose the
            // last commits (never half of one). The cost is one fsync per commit. Set after the
            // pool opens: GRDB sets NORMAL after `prepareDatabase`.
            try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
            try StoreSchema.migrator().migrate(pool)
        } catch let error as DatabaseError {
            if let known = Self.storageError(error, path: path) { throw known }
            throw .cannotOpen(path: path, reason: error.message ?? "not a SQLite database")
        } catch {
            throw .cannotOpen(path: path, reason: "\(error)")
        }
    }

    /// The store's own error for a refusal of the file system under the database: a full disk,
    /// or a read-only file, directory or filesystem. Nil for anything else.
    ///
    /// SQLite says SQLITE_READONLY when the file cannot be written, but only "unable to open
    /// database file" when the directory cannot be (WAL mode creates `-wal` and `-shm` beside
    /// the file), so a failure to open is checked against the file system too (`access(2)`
    /// sees read-only mounts and immutable files, for root as well).
    static func storageError(_ error: DatabaseError, path: String) -> StoreError? {
        switch error.resultCode {
        case .SQLITE_FULL: return .diskFull(path: path)
        case .SQLITE_READONLY: return .readOnly(path: path)
        case .SQLITE_CANTOPEN, .SQLITE_IOERR, .SQLITE_PERM:
            let dir = (path as NSString).deletingLastPathComponent
            let fileRefused = FileManager.default.fileExists(atPath: path) && access(path, W_OK) != 0
            let dirRefused = access(dir.isEmpty ? "." : dir, W_OK) != 0
            return fileRefused || dirRefused ? .readOnly(path: path) : nil
        default: return nil
        }
    }

    /// `error` as ``storageError(_:path:)`` names it, else unchanged. After a full disk the
    /// write-ahead log, grown by the rolled-back transaction, is truncated to give the space back.
    func storageError(_ error: any Error) -> any Error {
        guard let db = error as? DatabaseError, let known = Self.storageError(db, path: path) else { return error }
        if case .diskFull = known {
            _ = try? pool.writeWithoutTransaction { try $0.checkpoint(.truncate) }
        }
        return known
    }

    /// Runs `body` in one write transaction and commits only if it returns true.
    ///
    /// `settings`: connection settings for the transaction's time, each a statement and the one
    /// that undoes it, applied before it begins and undone (in reverse order) after it ends,
    /// committed or not: SQLite takes some of them (`temp_store`, `foreign_keys`) only outside
    /// a transaction.
    func write<T>(settings: [(set: String, reset: String)] = [], _ body: (Database) throws -> (T, commit: Bool)) throws -> T {
        var result: T?
        do {
            try pool.writeWithoutTransaction { db in
                var applied: [String] = []
                defer { for reset in applied.reversed() { try? db.execute(sql: reset) } }
                for setting in settings {
                    try db.execute(sql: setting.set)
                    applied.append(setting.reset)
                }
                try db.inTransaction(.immediate) {
                    let (value, commit) = try body(db)
                    result = value
                    return commit ? .commit : .rollback
                }
            }
        } catch {
            throw storageError(error)
        }
        guard let result else { throw StoreError.fault("transaction produced no result") }
        return result
    }

    static func now() -> String {
        let f = ISO8601DateFormatter()
        return f.string(from: Date())
    }
}

/// Looks up or creates ids of sources and series within one transaction.
struct IDCache {
    var sources: [Provenance.SourceKey: Int64] = [:]
    var series: [SeriesKey: Int64] = [:]
    /// Series created by this transaction: their figures cannot be revisions.
    var created: Set<Int64> = []

    mutating func sourceID(_ p: Provenance, _ db: Database) throws -> Int64 {
        let key = p.sourceKey
        if let id = sources[key] { return id }
        let url = p.url ?? ""
        let id: Int64
        if let existing = try Int64.fetchOne(db, sql: "SELECT id FROM source WHERE name = ? AND url = ?", arguments: [p.source, url]) {
            id = existing
        } else {
            try db.execute(sql: "INSERT INTO source (name, url) VALUES (?, ?)", arguments: [p.source, url])
            id = db.lastInsertedRowID
        }
        sources[key] = id
        return id
    }

    mutating func seriesID(_ k: SeriesKey, _ db: Database, create: Bool = true) throws -> Int64? {
        if let id = series[k] { return id }
        let args: StatementArguments = [k.reporter.alpha3, k.partner.alpha3, k.flow.rawValue, k.commodity.code]
        // Cached statements: a bulk import creates thousands of series.
        let select = try db.cachedStatement(sql: "SELECT id FROM series WHERE reporter = ? AND partner = ? AND flow = ? AND commodity = ?")
        if let existing = try Int64.fetchOne(select, arguments: args) {
            series[k] = existing
            return existing
        }
        guard create else { return nil }
        try db.cachedStatement(sql: "INSERT INTO series (reporter, partner, flow, commodity) VALUES (?, ?, ?, ?)").execute(arguments: args)
        series[k] = db.lastInsertedRowID
        created.insert(db.lastInsertedRowID)
        return db.lastInsertedRowID
    }
}

extension Provenance {
    struct SourceKey: Hashable {
        let name: String
        let url: String
    }
    var sourceKey: SourceKey { SourceKey(name: source, url: url ?? "") }
}

extension SQLiteStore: TradeStore {
    public var location: String { path }
}
