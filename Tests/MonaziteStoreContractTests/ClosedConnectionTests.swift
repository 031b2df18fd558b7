import Foundation
import MonaziteStore
@testable import MonaziteStorePostgres
import PostgresNIO
import Synchronization
import Testing

/// A PostgreSQL server that dies under a write (issue 15): the next statement on the closed
/// connection fails at once, as the store being unreachable. It used to hang for ever:
/// PostgresNIO 1.33 never completes a query sent on a closed connection, so an import whose
/// server was killed never ended (found by `scripts/crash-test.sh pgserver`, which kills the
/// server with `kill -9`; here the server ends the connection itself). One test at a time: the
/// COPY rounds load the server, and the others measure how soon an answer comes.
@Suite(.serialized) struct ClosedConnectionTests {
    /// A connection lost once COMMIT was sent leaves the outcome unknown, and the error says so;
    /// before the commit, or with an answer from the server, the error is what it was.
    @Test func aWriteLostAfterItsCommitWasSentSaysItMayHaveBeenSaved() {
        let lost = StoreError.unavailable("PostgreSQL is unreachable: the server closed the connection")
        let afterCommit = "\(PostgresStore.writeError(lost, commitSent: true))"
        #expect(afterCommit.contains("the server closed the connection"))
        #expect(afterCommit.contains("may have been saved"))
        #expect("\(PostgresStore.writeError(lost, commitSent: false))" == "\(lost)")
        let refused = StoreError.fault("PostgreSQL refused: could not serialize access")
        #expect("\(PostgresStore.writeError(refused, commitSent: true))" == "\(refused)")
    }

    @Test func aStatementAfterTheServerClosedTheConnectionFailsAtOnce() async throws {
        guard let url = PostgresTestServer.url else {
            if PostgresTestServer.required { Issue.record("MONAZITE_REQUIRE_POSTGRES=1 but MONAZITE_TEST_POSTGRES_URL is not set") }
            return
        }
        let store = try await PostgresStore.connect(url: url)
        // Raced against 20 s on tasks of their own: a hang is a failure here, not a test run that
        // never ends (a hung query cannot be cancelled).
        let once = Once()
        let failure: (any Error)?? = await withCheckedContinuation { answer in
            Task {
                do {
                    try await store.write { conn in
                        // The server ends this very connection, as when its backend process dies.
                        _ = try? await PostgresStore.run(conn, "SELECT pg_terminate_backend(pg_backend_pid())", logger: store.logger)
                        while !conn.isClosed { try await Task.sleep(for: .milliseconds(10)) }
                        try await PostgresStore.run(conn, "SELECT 1", logger: store.logger)
                        return ((), commit: false)
                    }
                    if await once.claim() { answer.resume(returning: .some(nil)) }
                } catch {
                    if await once.claim() { answer.resume(returning: .some(error)) }
                }
            }
            Task {
                try? await Task.sleep(for: .seconds(20))
                if await once.claim() { answer.resume(returning: nil) }
            }
        }
        guard let failure else {
            Issue.record("the statement on the closed connection was still waiting after 20 s")
            return
        }
        await store.shutdown()
        guard let error = failure as? StoreError, case .unavailable(let reason) = error else {
            Issue.record("expected the store to be unavailable, got \(String(describing: failure))")
            return
        }
        #expect(reason == "PostgreSQL is unreachable: the server closed the connection")
    }

    /// A statement already sent when the connection closes, and never answered (what PostgresNIO
    /// 1.33 does with a statement sent in the instant the server dies: `crash-test.sh pgserver`
    /// once waited 60 s), fails as unreachable within moments of the close, not never.
    @Test func aStatementInFlightWhenTheConnectionClosesFailsWithinMoments() async throws {
        guard let (result, waited) = try await Self.hangingStatementThenClose(cancellingTheCallerFirst: false) else { return }
        guard case .failure(let failure) = result, let error = failure as? StoreError, case .unavailable(let reason) = error else {
            Issue.record("expected the store to be unavailable, got \(result)")
            return
        }
        #expect(reason == "PostgreSQL is unreachable: the server closed the connection")
        #expect(waited < .seconds(2), "answered \(waited) after the close")
    }

    /// A caller cancelled while its statement runs (as `/health` cancels a slow count) is not left
    /// waiting when the connection then closes: cancelling stops the work, not the watch. (It
    /// hears of its cancellation or of the close, whichever its lease reports first.)
    @Test func aCancelledCallerIsNotLeftWaitingWhenTheConnectionCloses() async throws {
        guard let (result, waited) = try await Self.hangingStatementThenClose(cancellingTheCallerFirst: true) else { return }
        guard case .failure(let failure) = result,
            failure is CancellationError || { if case .unavailable? = failure as? StoreError { true } else { false } }()
        else {
            Issue.record("expected a cancellation or the store unavailable, got \(result)")
            return
        }
        #expect(waited < .seconds(2), "answered \(waited) after the close")
    }

    /// Runs a statement that never answers, even when cancelled (as the lost statement did), on a
    /// pooled connection; once it runs, cancels the caller when asked (then waits 0.2 s), and closes
    /// the connection. The caller's result and how long after the close it came; nil without a
    /// test server.
    static func hangingStatementThenClose(cancellingTheCallerFirst cancel: Bool) async throws -> (Result<Int, any Error>, Duration)? {
        guard let url = PostgresTestServer.url else {
            if PostgresTestServer.required { Issue.record("MONAZITE_REQUIRE_POSTGRES=1 but MONAZITE_TEST_POSTGRES_URL is not set") }
            return nil
        }
        let store = try await PostgresStore.connect(url: url)
        let hang = Hang()
        let leasedConnection = Mutex<PostgresConnection?>(nil)
        let caller = Task {
            try await store.leased { conn in
                leasedConnection.withLock { $0 = conn }
                return try await PostgresStore.untilClosed(conn) { await hang.wait(); return 1 }
            }
        }
        // Until the statement runs (a loaded machine may take a while to lease a connection).
        var conn: PostgresConnection?
        for _ in 0..<1000 where conn == nil {
            try await Task.sleep(for: .milliseconds(10))
            if hang.isWaitedOn { conn = leasedConnection.withLock { $0 } }
        }
        let running = try #require(conn, "the statement never started")
        if cancel {
            caller.cancel()
            try await Task.sleep(for: .milliseconds(200))
        }
        let closed = ContinuousClock.now
        try await running.close()
        // Raced against 10 s on tasks of their own: a caller left waiting fails here, not never.
        let once = Once()
        let answered: Result<Int, any Error>?? = await withCheckedContinuation { answer in
            Task { let r = await caller.result; if await once.claim() { answer.resume(returning: .some(r)) } }
            Task {
                try? await Task.sleep(for: .seconds(10))
                if await once.claim() { answer.resume(returning: nil) }
            }
        }
        let waited = ContinuousClock.now - closed
        hang.release()
        await store.shutdown()
        guard let answered, let result = answered else {
            Issue.record("the caller was still waiting 10 s after its connection closed")
            return nil
        }
        return (result, waited)
    }

    /// The work's own answer and its own error pass through the close watch unchanged.
    @Test func aStatementAnsweredBeforeAnyCloseGivesItsOwnAnswer() async throws {
        guard let url = PostgresTestServer.url else {
            if PostgresTestServer.required { Issue.record("MONAZITE_REQUIRE_POSTGRES=1 but MONAZITE_TEST_POSTGRES_URL is not set") }
            return
        }
        let store = try await PostgresStore.connect(url: url)
        let answers = try await store.leased { conn in
            let rows = try await PostgresStore.rows(conn, "SELECT 41 + 1 AS n", logger: store.logger)
            let late = try await PostgresStore.untilClosed(conn) {
                try await Task.sleep(for: .milliseconds(250))  // outlives two looks of the watch
                return 7
            }
            return [try rows[0].get("n", as: Int.self), late]
        }
        #expect(answers == [42, 7])
        // The server's refusal, as PostgresNIO gave it (`write` and `read` map it to a store error).
        await #expect(throws: PSQLError.self) {
            try await store.leased { conn in try await PostgresStore.run(conn, "SELECT no_such_column", logger: store.logger) }
        }
        await store.shutdown()
    }

    /// A `COPY` whose connection the server ends while buffers stream (as when the server dies
    /// mid-import) fails as the store being unreachable, every time; PostgresNIO 1.33 used to stop
    /// the process (SIGILL, "Copy mode is only supported for extended queries") when a buffer or
    /// the COPY's end met the connection in the turn between its close and its handlers' removal
    /// (`crash-test.sh pgserver`, 1 round in 50). Even rounds stream until the close; odd rounds
    /// send a few buffers, wait until the kill is sent and end the COPY a moment later, so that
    /// the close meets the COPY's end. A stop here ends the whole test run.
    @Test func aCopyWhoseConnectionTheServerEndsFailsAndNeverStopsTheProcess() async throws {
        guard let url = PostgresTestServer.url else {
            if PostgresTestServer.required { Issue.record("MONAZITE_REQUIRE_POSTGRES=1 but MONAZITE_TEST_POSTGRES_URL is not set") }
            return
        }
        let store = try await PostgresStore.connect(url: url)
        let killer = try await PostgresStore.connect(url: url)  // a pool of its own, whose connections live
        var outcomes: [String: Int] = [:]
        for round in 0..<60 {
            let pid = BackendPID()
            let parity = round % 2 == 0 ? "streaming" : "ending"
            let buffers = round % 2 == 0 ? Int.max : 3 + round % 5
            let copying = Task {
                var attempt = 1
                while true {
                    do {
                        return try await Self.copyUntilClosed(store, buffers: buffers, pid: pid)
                    } catch where pid.value == nil && attempt < 50 {
                        attempt += 1  // a connection an earlier round's close left in the pool, found dead
                        try await Task.sleep(for: .milliseconds(10))
                    }
                }
            }
            var backend: Int?
            for _ in 0..<500 where backend == nil {
                try await Task.sleep(for: .milliseconds(2))
                backend = pid.value
            }
            guard let victim = backend else {
                let result = await copying.result
                Issue.record("round \(round): the COPY never started: \(result)")
                break
            }
            try await Task.sleep(for: .microseconds(Int.random(in: 0...3000)))
            try await killer.leased { conn in
                try await PostgresStore.run(conn, "SELECT pg_terminate_backend(\(victim))", logger: killer.logger)
            }
            pid.killSent = true
            switch await copying.result {
            case .success: outcomes["\(parity): finished before the close", default: 0] += 1
            case .failure(let error):
                // Either the server's own word (57P01, "terminating connection due to administrator
                // command") or the closed connection: both the store being unreachable (503).
                let mapped = PostgresStore.storeError(error)
                guard let e = mapped as? StoreError, case .unavailable = e else {
                    Issue.record("round \(round): \(String(reflecting: error))")
                    continue
                }
                let terminated = (error as? PSQLError)?.serverInfo?[PSQLError.ServerInfo.Field.sqlState] == "57P01"
                outcomes["\(parity): " + (terminated ? "terminated by the server (57P01)" : "connection closed"), default: 0] += 1
            }
        }
        await store.shutdown()
        await killer.shutdown()
        print("COPY rounds: \(outcomes.sorted { $0.key < $1.key })")
        #expect(outcomes["streaming: finished before the close", default: 0] == 0, "a COPY that never ends cannot finish")
        let endingFailed = outcomes.filter { $0.key.hasPrefix("ending: ") && !$0.key.hasSuffix("finished before the close") }.values.reduce(0, +)
        #expect(endingFailed > 0, "no COPY's end met the close: \(outcomes)")
    }

    /// Streams `buffers` buffers of 200 rows (or until it fails) into a temporary table with
    /// ``PostgresStore/copy(_:table:columns:logger:produce:)``, after putting its backend's pid in `pid`.
    static func copyUntilClosed(_ store: PostgresStore, buffers: Int, pid: BackendPID) async throws {
        try await store.leased { conn in
            let rows = try await PostgresStore.rows(conn, "SELECT pg_backend_pid() AS pid", logger: store.logger)
            try await PostgresStore.run(conn, "CREATE TEMP TABLE IF NOT EXISTS copy_probe (n int, t text)", logger: store.logger)
            pid.value = try? rows[0].get("pid", as: Int.self)
            try await PostgresStore.copy(conn, table: "copy_probe", columns: ["n", "t"], logger: store.logger) { send in
                var sent = 0
                while sent < buffers {
                    var out = CopyTextBuffer(capacity: 8192)
                    for n in 0..<200 {
                        out.int(n)
                        out.text("row \(n) of buffer \(sent)")
                        out.endRow()
                    }
                    try await send(out.take())
                    sent += 1
                }
                // An ending round: the COPY's end (`CopyDone`) a moment after the kill is sent.
                for _ in 0..<4000 where !pid.killSent { try await Task.sleep(for: .microseconds(500)) }
                try await Task.sleep(for: .microseconds(Int.random(in: 0...1500)))
            }
        }
    }

    /// What the `COPY` path throws when the connection closed under it is the same answer.
    @Test func aConnectionClosedUnderACopyIsTheStoreBeingUnreachable() {
        let mapped = PostgresStore.storeError(PostgresError.connectionClosed)
        guard let error = mapped as? StoreError, case .unavailable(let reason) = error else {
            Issue.record("expected unavailable, got \(mapped)")
            return
        }
        #expect(reason == "PostgreSQL is unreachable: the server closed the connection")
    }
}

/// A backend's process id, once known, and whether the kill was sent to it.
final class BackendPID: Sendable {
    private let stored = Mutex<(pid: Int?, killSent: Bool)>((nil, false))
    var value: Int? {
        get { stored.withLock { $0.pid } }
        set { stored.withLock { $0.pid = newValue } }
    }
    var killSent: Bool {
        get { stored.withLock { $0.killSent } }
        set { stored.withLock { $0.killSent = newValue } }
    }
}

/// The first of two racing tasks to claim it answers.
private actor Once {
    private var claimed = false
    func claim() -> Bool {
        defer { claimed = true }
        return !claimed
    }
}

/// Work that does not end until released, whether or not its task is cancelled.
private final class Hang: Sendable {
    private let waiting = Mutex<(released: Bool, continuations: [CheckedContinuation<Void, Never>])>((false, []))
    /// Whether some work is waiting in it (has started).
    var isWaitedOn: Bool { waiting.withLock { !$0.continuations.isEmpty } }
    func wait() async {
        await withCheckedContinuation { c in
            let now = waiting.withLock { w -> Bool in
                if w.released { return true }
                w.continuations.append(c)
                return false
            }
            if now { c.resume() }
        }
    }
    func release() {
        for c in waiting.withLock({ w -> [CheckedContinuation<Void, Never>] in w.released = true; defer { w.continuations = [] }; return w.continuations }) {
            c.resume()
        }
    }
}
