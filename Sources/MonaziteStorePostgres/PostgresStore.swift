import Foundation
import MonaziteCore
import MonaziteIngest
public import MonaziteStore
import PostgresNIO
import Synchronization

/// The server store: the same content, rules and answers as `SQLiteStore`, kept in PostgreSQL.
///
/// Every import is one transaction, saved whole or not at all; writes are serialised by an
/// advisory lock per schema, as SQLite serialises its writers. A figure is never overwritten: a
/// later release is stored beside the earlier one and reads pick the latest on or before an
/// as-of date. See `docs/postgres.md`.
///
/// Open with ``connect(url:)`` and close with ``shutdown()``.
public final class PostgresStore: Sendable {
    let client: PostgresClient
    private let runTask: Task<Void, Never>
    /// The URL connected to (its password is never printed: see ``location``).
    public let url: PostgresURL
    let logger: Logger
    /// The series list and the freshness inputs, each a pass over every figure, kept per revision.
    let seriesListMemo = RevisionMemo<[(key: SeriesKey, first: Month, last: Month, count: Int)]>()
    let freshnessMemo = RevisionMemo<[SeriesKey: [FreshnessInput]]>()
    let sourceSummariesMemo = RevisionMemo<[SourceSummary]>()

    private init(url: PostgresURL) {
        var config = PostgresClient.Configuration(
            host: url.host, port: url.port, username: url.user, password: url.password, database: url.database,
            tls: url.tls == .require ? .require(.makeClientConfiguration()) : .disable)
        if let schema = url.schema {
            config.options.additionalStartupParameters = [("search_path", schema)]
        }
        config.options.maximumConnections = 4
        config.options.connectTimeout = .seconds(10)
        var logger = Logger(label: "monazite.postgres")
        // Failures reach the caller as errors; the pool's own notices would only clutter stderr.
        logger.logLevel = .error
        let client = PostgresClient(configuration: config, backgroundLogger: logger)
        self.client = client
        self.url = url
        self.logger = logger
        self.runTask = Task { await client.run() }
    }

    /// Connects to the database at `url` (`postgres://user:password@host:port/db`, see
    /// ``PostgresURL``) and brings its schema up to date.
    public static func connect(url text: String) async throws -> PostgresStore {
        let url: PostgresURL
        do { url = try PostgresURL(parsing: text) } catch { throw StoreError.cannotOpen(path: PostgresURLError.hidePassword(text), reason: error.reason) }
        return try await connect(url: url)
    }

    public static func connect(url given: PostgresURL) async throws -> PostgresStore {
        // A URL without a password takes it from $PGPASSWORD or ~/.pgpass, never the command line.
        let url = given.resolvingPassword()
        var clock = PhaseTimer("connect")
        try await probe(url)
        clock.mark("probe connection")
        let store = PostgresStore(url: url)
        do {
            if let schema = url.schema {
                // Plain identifier (checked by PostgresURL): safe to splice.
                try await store.leased(within: openDeadline) { conn in
                    try await Self.run(conn, "CREATE SCHEMA IF NOT EXISTS \(schema)", logger: store.logger)
                }
            }
            clock.mark("pool, create schema")
            try await store.migrate()
            clock.mark("migrations checked")
        } catch {
            await store.shutdown()
            throw StoreError.cannotOpen(path: url.redacted, reason: Self.reason(error))
        }
        return store
    }

    /// One plain connection first: the pool reports a refused login or an unreachable server only
    /// as a tripped circuit breaker, a single connection says what went wrong.
    private static func probe(_ url: PostgresURL) async throws {
        let config = PostgresConnection.Configuration(
            host: url.host, port: url.port, username: url.user, password: url.password, database: url.database,
            tls: url.tls == .require ? .require(try .init(configuration: .makeClientConfiguration())) : .disable)
        var logger = Logger(label: "monazite.postgres.probe")
        logger.logLevel = .error
        do {
            let connection = try await PostgresConnection.connect(configuration: config, id: 0, logger: logger)
            try? await connection.close()
        } catch {
            throw StoreError.cannotOpen(path: url.redacted, reason: reason(error))
        }
    }

    /// Closes every connection. The store cannot be used afterwards.
    public func shutdown() async {
        runTask.cancel()
        await runTask.value
    }

    /// Drops the schema named by the URL's `schema` parameter, with everything in it, then shuts
    /// down. For throwaway schemas (the contract tests make one per test).
    public func dropSchemaAndShutdown() async throws {
        guard let schema = url.schema else {
            await shutdown()
            throw StoreError.invalidQuery("refusing to drop a schema: the URL names none")
        }
        do {
            _ = try await client.query(PostgresQuery(unsafeSQL: "DROP SCHEMA IF EXISTS \(schema) CASCADE"), logger: logger).collect()
        } catch {
            await shutdown()
            throw StoreError.invalidQuery("cannot drop schema \(schema): \(Self.reason(error))")
        }
        await shutdown()
    }

    // MARK: - Transactions

    /// Runs `body` in one transaction holding the schema's write lock; commits only if it says so.
    func write<T: Sendable>(_ body: (PostgresConnection) async throws -> (T, commit: Bool)) async throws -> T {
        try await leased { conn in
            try await Self.run(conn, "BEGIN", logger: logger)
            var commitSent = false
            do {
                try await Self.run(conn, "SELECT pg_advisory_xact_lock(hashtext('monazite-write:' || current_schema()))", logger: logger)
                let (value, commit) = try await body(conn)
                commitSent = commit
                try await Self.run(conn, commit ? "COMMIT" : "ROLLBACK", logger: logger)
                return value
            } catch {
                try? await Self.run(conn, "ROLLBACK", logger: logger)
                throw Self.writeError(error, commitSent: commitSent)
            }
        }
    }

    /// The error of a write. When the connection was lost after `COMMIT` was sent, nobody knows
    /// whether the server committed (it may have, and died before it answered: 1 round in 150 of
    /// `crash-test.sh pgserver`), so the message says so instead of "unreachable" alone.
    static func writeError(_ error: any Error, commitSent: Bool) -> any Error {
        let known = storeError(error)
        guard commitSent, case StoreError.unavailable(let reason)? = known as? StoreError else { return known }
        return StoreError.unavailable(
            reason + "; the connection was lost after the commit was sent, so this write may have been saved: "
                + "look before writing it again (an import of the same file again changes nothing if it was)")
    }

    /// Runs `body` on one connection, in a read-only transaction so it sees one snapshot.
    func read<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await leased { conn in
            try await Self.run(conn, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: logger)
            do {
                let value = try await body(conn)
                try await Self.run(conn, "COMMIT", logger: logger)
                return value
            } catch {
                try? await Self.run(conn, "ROLLBACK", logger: logger)
                throw Self.storeError(error)
            }
        }
    }

    /// How long a request waits for a connection from the pool before it fails as unavailable.
    static let leaseDeadline: Duration = .milliseconds(1500)

    /// How long opening the store (schema, migrations) waits for a connection: longer than a
    /// request's deadline, since the pool's first connections are being made then and a loaded
    /// machine takes seconds (the test suite, with dozens of stores opening at once, missed
    /// 1.5 s), yet finite, so that a server that died after the probe fails the command.
    static let openDeadline: Duration = .seconds(15)

    /// Runs `body` on a pooled connection, or fails with ``StoreError/unavailable(_:)`` when none is
    /// had within ``leaseDeadline``: with PostgreSQL down the pool would otherwise keep a request
    /// waiting while it retries its connections, and the client would hang instead of getting a
    /// 503 it can retry. Once a connection is had, `body` runs to its end however long it takes.
    func leased<T: Sendable>(
        within deadline: Duration = leaseDeadline, _ body: (PostgresConnection) async throws -> T
    ) async throws -> T {
        try await withoutActuallyEscaping(body) { escapable in
            // The group awaits both children before it returns, so the closure never outlives this call.
            nonisolated(unsafe) let body = escapable
            let lease = LeaseState()
            return try await withThrowingTaskGroup(of: T?.self) { group in
                group.addTask {
                    try await self.client.withConnection { conn in
                        guard lease.acquire() else { throw StoreError.unavailable("PostgreSQL gave no connection in time") }
                        return try await body(conn)
                    }
                }
                group.addTask {
                    try await Task.sleep(for: deadline)
                    if lease.expire() {
                        let seconds = Double(deadline.components.seconds) + Double(deadline.components.attoseconds) / 1e18
                        throw StoreError.unavailable(
                            "PostgreSQL gave no connection within \(String(format: "%g", seconds)) s (down, or every connection busy)")
                    }
                    return nil
                }
                while let next = try await group.next() {
                    if let value = next {
                        group.cancelAll()
                        return value
                    }
                }
                throw StoreError.unavailable("PostgreSQL gave no connection")
            }
        }
    }

    /// Fails at once when `conn` is closed (the server died or went away). PostgresNIO 1.33 sends
    /// a query or a `COPY` on a closed connection into the void, where it never completes: an
    /// import whose server died hung for ever at its next statement (its ROLLBACK, say) instead of
    /// reporting the failure (`scripts/crash-test.sh pgserver`). Every statement goes through
    /// ``PostgresConnection/collectIfOpen(_:logger:)``, ``untilClosed(_:_:)`` or this check.
    static func checkOpen(_ conn: PostgresConnection) throws {
        if conn.isClosed { throw StoreError.unavailable("PostgreSQL is unreachable: \(closedConnection)") }
    }

    static let closedConnection = "the server closed the connection"

    /// How often a statement in flight looks whether its connection closed under it.
    static let closeWatchInterval: Duration = .milliseconds(100)

    /// Runs `work` (statements on `conn`) to its end, or fails as the store being unreachable as
    /// soon as `conn` is seen closed while it runs (looked at every ``closeWatchInterval``).
    /// The check before a statement (``checkOpen(_:)``) leaves a window: a statement sent in the
    /// instant the server dies is never answered by PostgresNIO 1.33, and an import whose server
    /// was killed waited for ever (`crash-test.sh pgserver`, 1 round in 30). Once the connection
    /// is closed the work gets one more interval to answer, so that the server's own last words
    /// (a disk-full PANIC, say) are what the caller hears when they came. Work abandoned so is
    /// left to end, or not, on its own task, holding only what it captured (for a `COPY`, the
    /// import's rows) and the dead connection. Cancelling the caller cancels the work; the watch
    /// keeps looking until there is an answer.
    static func untilClosed<T: Sendable>(_ conn: PostgresConnection, _ work: @escaping @Sendable () async throws -> T) async throws -> T {
        try checkOpen(conn)
        let answer = OnceAnswer<T>()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
                answer.set(continuation)
                answer.setWorker(Task {
                    do { answer.resume(with: .success(try await work())) } catch { answer.resume(with: .failure(error)) }
                })
                answer.setWatch(Task {
                    while !Task.isCancelled {
                        try? await Task.sleep(for: closeWatchInterval)
                        if conn.isClosed {
                            try? await Task.sleep(for: closeWatchInterval)  // the work's own answer first, if it comes
                            answer.resume(with: .failure(StoreError.unavailable("PostgreSQL is unreachable: \(closedConnection)")), cancellingTheWork: true)
                            return
                        }
                    }
                })
            }
        } onCancel: {
            answer.cancelWorker()
        }
    }

    static func run(_ conn: PostgresConnection, _ sql: String, logger: Logger) async throws {
        _ = try await conn.collectIfOpen(PostgresQuery(unsafeSQL: sql), logger: logger)
    }

    /// Every row of a query, each readable by column name.
    static func rows(_ conn: PostgresConnection, _ query: PostgresQuery, logger: Logger) async throws -> [PostgresRandomAccessRow] {
        try await conn.collectIfOpen(query, logger: logger).map { $0.makeRandomAccess() }
    }

    static func now() -> String { ISO8601DateFormatter().string(from: Date()) }

    // MARK: - Errors

    /// Store errors pass through; database errors become `StoreError` with the server's reason
    /// (a unique violation is a conflict), never with connection details.
    static func storeError(_ error: any Error) -> any Error {
        if error is StoreError || error is ImportFailure { return error }
        if let e = error as? PSQLError, e.serverInfo?[.sqlState] == "23505" { return StoreError.conflict(reason(error)) }
        // Class 53, insufficient resources: a full disk is the same answer as SQLite's (507, nothing
        // saved); no memory or no free connection slot is a store that cannot serve now (503).
        if let e = error as? PSQLError, let state = e.serverInfo?[.sqlState], state.hasPrefix("53") {
            return state == "53100"
                ? StoreError.diskFull(path: "the PostgreSQL server", reason: reason(error))
                : StoreError.unavailable("PostgreSQL cannot serve now: \(reason(error))")
        }
        // The server going or coming back (57P01 shutting down or the backend terminated, 57P02
        // crash shutdown, 57P03 not yet accepting connections, 57P05 idle session timeout): as in
        // an outage (503, try again), not a refusal of the request. Not the rest of class 57
        // (57014 a cancelled statement, 57P04 the database dropped).
        if let e = error as? PSQLError, let state = e.serverInfo?[.sqlState], ["57P01", "57P02", "57P03", "57P05"].contains(state) {
            return StoreError.unavailable("PostgreSQL is unreachable: \(reason(error))")
        }
        // What the COPY path throws when the server died or went away mid-import.
        if let e = error as? PostgresError, case .connectionClosed = e {
            return StoreError.unavailable("PostgreSQL is unreachable: \(reason(error))")
        }
        if let e = error as? PSQLError {
            // A server-side refusal is the store's fault; no server answer means it is unreachable.
            return e.serverInfo == nil
                ? StoreError.unavailable("PostgreSQL is unreachable: \(reason(error))")
                : StoreError.fault("PostgreSQL refused: \(reason(error))")
        }
        return error
    }

    static func reason(_ error: any Error) -> String {
        if let e = error as? StoreError { return e.description }
        if let e = error as? PostgresError, case .connectionClosed = e { return closedConnection }
        guard let e = error as? PSQLError else { return "\(error)" }
        if e.code == .serverClosedConnection && e.serverInfo == nil { return closedConnection }
        if e.code == .sslUnsupported {
            return "the server refused TLS (the URL says sslmode=require, the server offers no TLS); enable ssl on the server, or use sslmode=disable on a trusted network only"
        }
        if let message = e.serverInfo?[.message] {
            let detail = e.serverInfo?[.detail].map { " (\($0))" } ?? ""
            return message + detail
        }
        if let underlying = e.underlying {
            // A closed connection can carry the error that closed it (its own text is generic).
            if underlying is PSQLError || underlying is PostgresError { return reason(underlying) }
            if let io = underlying as? IOError { return "cannot connect (\(io.description))" }
            if "\(type(of: underlying))".contains("SSL") || "\(type(of: underlying))".contains("TLS") {
                return "the TLS handshake failed (\(underlying)); check the server's certificate and sslmode"
            }
            return "\(underlying)"
        }
        return "\(e.code)"
    }
}

extension PostgresStore: TradeStore {
    /// The URL without its password.
    public var location: String { url.redacted }
}

extension PostgresRandomAccessRow {
    /// The cell of `column` decoded as `T`; a type mismatch is a store error naming the column.
    func get<T: PostgresDecodable>(_ column: String, as type: T.Type = T.self) throws -> T {
        do {
            return try self[column].decode(T.self)
        } catch {
            throw StoreError.fault("column \(column): cannot read as \(T.self)")
        }
    }
}

/// Whether a request got its connection before its deadline: exactly one of `acquire` and
/// `expire` wins, so a connection had late is handed back untouched and a body once started is
/// never abandoned by the timer.
final class LeaseState: Sendable {
    private let state = Mutex<Int>(0)  // 0 waiting, 1 acquired, 2 expired

    /// True when the connection came first.
    func acquire() -> Bool { state.withLock { s in if s == 0 { s = 1 }; return s == 1 } }
    /// True when the deadline came first.
    func expire() -> Bool { state.withLock { s in if s == 0 { s = 2 }; return s == 2 } }
}

/// The answer of ``PostgresStore/untilClosed(_:_:)``: the first of the work and the close watch
/// to answer resumes the caller, exactly once; the watch ends with the answer. The continuation
/// is set before either task exists (the continuation's body runs at once).
final class OnceAnswer<T: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<T, any Error>?
        var answered = false
        var cancelled = false
        var worker: Task<Void, Never>?
        var watch: Task<Void, Never>?
    }
    private let state = Mutex(State())

    func set(_ continuation: CheckedContinuation<T, any Error>) {
        state.withLock { $0.continuation = continuation }
    }

    func setWorker(_ worker: Task<Void, Never>) {
        let cancelNow = state.withLock { s -> Bool in
            s.worker = worker
            return s.cancelled
        }
        if cancelNow { worker.cancel() }
    }

    func setWatch(_ watch: Task<Void, Never>) {
        let answered = state.withLock { s -> Bool in
            if !s.answered { s.watch = watch }
            return s.answered
        }
        if answered { watch.cancel() }
    }

    /// The answer, if none was given yet; then the watch ends and, when the watch gave up on the
    /// work, the work is cancelled (after the answer, so that its cancellation error is not it).
    func resume(with result: Result<T, any Error>, cancellingTheWork: Bool = false) {
        let (continuation, watch, worker) = state.withLock { s -> (CheckedContinuation<T, any Error>?, Task<Void, Never>?, Task<Void, Never>?) in
            guard !s.answered else { return (nil, nil, nil) }
            s.answered = true
            defer { s.continuation = nil; s.watch = nil; s.worker = nil }
            return (s.continuation, s.watch, cancellingTheWork ? s.worker : nil)
        }
        watch?.cancel()
        continuation?.resume(with: result)
        worker?.cancel()
    }

    /// Cancels the work (the caller was cancelled); the watch looks on until there is an answer.
    func cancelWorker() {
        state.withLock { s -> Task<Void, Never>? in
            s.cancelled = true
            return s.worker
        }?.cancel()
    }
}

extension PostgresConnection {
    /// Every row of `query`, but a store error at once on a closed connection
    /// (see ``PostgresStore/checkOpen(_:)``), or as soon as the connection closes while the
    /// query runs (see ``PostgresStore/untilClosed(_:_:)``).
    func collectIfOpen(_ query: PostgresQuery, logger: Logger) async throws -> [PostgresRow] {
        try await PostgresStore.untilClosed(self) { try await self.query(query, logger: logger).collect() }
    }
}
