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
/// server with `kill -9`; here the server ends the connection itself).
@Suite struct ClosedConnectionTests {
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
