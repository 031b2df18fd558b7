import MonaziteStore
import NIOCore
import PostgresNIO

extension PostgresStore {
    /// `COPY table (columns) FROM STDIN` on `conn`, inside ``untilClosed(_:_:)``: `produce` makes
    /// the text buffers (off the connection's event loop) and hands each to `send`.
    ///
    /// PostgresNIO 1.33 stops the process (a precondition, "Copy mode is only supported for
    /// extended queries") when a COPY buffer, or the COPY's end (`CopyDone`, `CopyFail`), reaches
    /// a connection whose state machine has closed while its channel handler is still in the
    /// pipeline: from the moment the channel goes inactive until the job its close queues on the
    /// event loop runs (jobs already queued, a resumed write say, run before it).
    /// A look at `isClosed` from another thread cannot close that window (the write hops to the
    /// loop after the look). So every buffer and the end are handed over on the connection's own
    /// event loop, in the same turn as a look that the channel is still active; and when it is
    /// not, the COPY fails only after the channel has let go of its handlers (its close future),
    /// when PostgresNIO answers the `CopyFail` it then sends with an error instead of stopping.
    ///
    /// The hops matter: `write` and `stillOpen` are nonisolated, so each starts on the preferred
    /// executor (the loop) and PostgresNIO's own calls, which do not hop, follow in that job.
    ///
    /// Left open (RELIABILITY.md, "Not yet shown"): a close PostgresNIO starts itself while a COPY
    /// runs (the pool shut down under a leased connection; over TLS, a write cancelled while it
    /// waits for the server to read, the TLS handler keeping the channel active while it says
    /// goodbye); and a server error while a write waits for the server to read, which PostgresNIO
    /// answers by dropping the write's promise.
    static func copy(
        _ conn: PostgresConnection, table: String, columns: [String], logger: Logger,
        produce: @escaping @Sendable (_ send: @Sendable (ByteBuffer) async throws -> Void) async throws -> Void
    ) async throws {
        let loop = EventLoopTaskExecutor(conn.eventLoop)
        try await untilClosed(conn) {
            try await withTaskExecutorPreference(loop) {
                try await conn.copyFrom(table: table, columns: columns, logger: logger) { writer in
                    do {
                        // Making the buffers is the long part: not on the loop, where other connections wait.
                        try await withTaskExecutorPreference(globalConcurrentExecutor) {
                            try await produce { buffer in
                                try await withTaskExecutorPreference(loop) { try await write(buffer, to: writer, on: conn) }
                            }
                        }
                    } catch {
                        // PostgresNIO sends `CopyFail` when this throws, in this turn (a buffer that
                        // failed because the server ended the connection left it closed, handlers in place).
                        try await stillOpen(conn, else: error)
                        throw error
                    }
                    // PostgresNIO sends `CopyDone` when this returns, in this turn.
                    try await stillOpen(conn)
                }
            }
        }
    }

    /// One buffer, on the connection's event loop, in the same turn as the look that it is open.
    private static func write(_ buffer: ByteBuffer, to writer: PostgresCopyFromWriter, on conn: PostgresConnection) async throws {
        try await stillOpen(conn)
        try await writer.write(buffer)
    }

    /// On the connection's event loop: returns when the channel is active. When it is not, waits
    /// for its close future (the handlers removed, so PostgresNIO fails whatever comes next on
    /// this connection instead of stopping) and throws `failure` (the server's own reason, when
    /// it gave one before closing), or the store being unreachable.
    static func stillOpen(_ conn: PostgresConnection, else failure: (any Error)? = nil) async throws {
        conn.eventLoop.preconditionInEventLoop()  // the guarantee rests on it: checked in release builds too
        guard conn.isClosed else { return }
        try? await conn.closeFuture.get()
        throw failure ?? StoreError.unavailable("PostgreSQL is unreachable: \(closedConnection)")
    }
}

/// Runs jobs on one NIO event loop, in order (a Swift task executor for `withTaskExecutorPreference`):
/// code run under it sees the loop's channels as the loop's own handlers do, between their events.
final class EventLoopTaskExecutor: TaskExecutor {
    let loop: any EventLoop

    init(_ loop: any EventLoop) { self.loop = loop }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
