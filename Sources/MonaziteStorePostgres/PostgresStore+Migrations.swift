import MonaziteStore
import PostgresNIO

extension PostgresStore {
    /// Applies the migrations of ``SchemaDescription`` (rendered to PostgreSQL: the same tables,
    /// columns and invariants as SQLite, see `SchemaDescription`) not yet listed in
    /// `monazite_migration`, in one transaction under an advisory lock: a second process starting
    /// at the same time waits, then finds them applied. Leased with a deadline (``openDeadline``):
    /// with the server gone between the probe and here, the pool would otherwise retry for ever.
    func migrate() async throws {
        try await leased(within: Self.openDeadline) { conn in
            try await Self.run(conn, "BEGIN", logger: logger)
            do {
                try await Self.run(
                    conn, "SELECT pg_advisory_xact_lock(hashtext('monazite-migrate:' || coalesce(current_schema(), '')))", logger: logger)
                try await Self.run(
                    conn, "CREATE TABLE IF NOT EXISTS monazite_migration (identifier TEXT PRIMARY KEY, applied_at TEXT NOT NULL)",
                    logger: logger)
                let applied = Set(
                    try await Self.rows(conn, "SELECT identifier FROM monazite_migration", logger: logger).map {
                        try $0.get("identifier", as: String.self)
                    })
                for migration in try SchemaDescription.rendered(.postgres) where !applied.contains(migration.identifier) {
                    for statement in migration.statements {
                        try await Self.run(conn, statement, logger: logger)
                    }
                    _ = try await conn.collectIfOpen(
                        "INSERT INTO monazite_migration (identifier, applied_at) VALUES (\(migration.identifier), \(Self.now()))",
                        logger: logger
                    )
                }
                try await Self.run(conn, "COMMIT", logger: logger)
            } catch {
                try? await Self.run(conn, "ROLLBACK", logger: logger)
                throw error
            }
        }
    }
}
