public import MonaziteStore
import PostgresNIO

/// The simulation job queue in PostgreSQL (migration "v6-simulation-jobs"): several servers and
/// workers share it; a claim takes the oldest claimable row with `FOR UPDATE SKIP LOCKED`, so two
/// workers never take the same job and neither waits for the other.
extension PostgresStore: JobStore {
    public func enqueueJob(_ job: SimulationJobRecord, maximumActive: Int) async throws -> Bool {
        try await write { conn in
            // Serialises enqueues across servers for the count below (released at commit).
            _ = try await conn.collectIfOpen("SELECT pg_advisory_xact_lock(726373001)", logger: logger)
            let rows = try await Self.rows(
                conn, "SELECT count(*)::BIGINT AS n FROM simulation_job WHERE state IN ('queued', 'running')", logger: logger)
            let active = try rows.first?.get("n", as: Int64.self) ?? 0
            guard active < Int64(maximumActive) else { return (false, commit: false) }
            _ = try await conn.collectIfOpen(
                """
                INSERT INTO simulation_job (id, scenario, request, runs, seed, state, submitted_at)
                VALUES (\(job.id), \(job.scenario), \(job.request), \(job.runs), \(job.seed), 'queued', \(job.submittedAt))
                """, logger: logger
            )
            return (true, commit: true)
        }
    }

    public func claimJob(worker: String, now: String, staleBefore: String) async throws -> SimulationJobRecord? {
        let rows = try await write { conn in
            let rows = try await Self.rows(
                conn,
                """
                UPDATE simulation_job SET state = 'running', started_at = \(now), worker = \(worker)
                WHERE id = (
                    SELECT id FROM simulation_job
                    WHERE state = 'queued' OR (state = 'running' AND started_at <= \(staleBefore))
                    ORDER BY submitted_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING *
                """, logger: logger)
            return (rows, commit: true)
        }
        return try rows.first.map(Self.job)
    }

    public func finishJob(id: String, state: String, result: String?, error: String?, now: String) async throws {
        _ = try await write { conn in
            _ = try await conn.collectIfOpen(
                "UPDATE simulation_job SET state = \(state), result = \(result), error = \(error), finished_at = \(now) WHERE id = \(id)",
                logger: logger
            )
            return ((), commit: true)
        }
    }

    public func simulationJob(id: String) async throws -> SimulationJobRecord? {
        let rows = try await read { conn in try await Self.rows(conn, "SELECT * FROM simulation_job WHERE id = \(id)", logger: logger) }
        return try rows.first.map(Self.job)
    }

    public func simulationJobs(limit: Int) async throws -> [SimulationJobRecord] {
        let rows = try await read { conn in
            try await Self.rows(
                conn, "SELECT * FROM simulation_job ORDER BY submitted_at DESC, id COLLATE \"C\" DESC LIMIT \(limit)", logger: logger)
        }
        return try rows.map(Self.job)
    }

    static func job(_ row: PostgresRandomAccessRow) throws -> SimulationJobRecord {
        SimulationJobRecord(
            id: try row.get("id"), scenario: try row.get("scenario"), request: try row.get("request"), runs: try row.get("runs"),
            seed: try row.get("seed"), state: try row.get("state"), submittedAt: try row.get("submitted_at"), startedAt: try row.get("started_at"),
            finishedAt: try row.get("finished_at"), worker: try row.get("worker"), result: try row.get("result"), error: try row.get("error"))
    }
}
