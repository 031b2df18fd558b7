import GRDB

extension SQLiteStore: JobStore {
    public func enqueueJob(_ job: SimulationJobRecord, maximumActive: Int) throws -> Bool {
        try write { db in
            let active = try Int.fetchOne(db, sql: "SELECT count(*) FROM simulation_job WHERE state IN ('queued', 'running')") ?? 0
            guard active < maximumActive else { return (false, commit: false) }
            try db.execute(
                sql: """
                    INSERT INTO simulation_job (id, scenario, request, runs, seed, state, submitted_at)
                    VALUES (?, ?, ?, ?, ?, 'queued', ?)
                    """, arguments: [job.id, job.scenario, job.request, job.runs, job.seed, job.submittedAt])
            return (true, commit: true)
        }
    }

    public func claimJob(worker: String, now: String, staleBefore: String) throws -> SimulationJobRecord? {
        // One write transaction at a time in SQLite: the read and the update cannot interleave
        // with another claim, from this process or another.
        try write { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT * FROM simulation_job
                        WHERE state = 'queued' OR (state = 'running' AND started_at <= ?)
                        ORDER BY submitted_at, id LIMIT 1
                        """, arguments: [staleBefore])
            else { return (nil, commit: false) }
            var job = Self.job(row)
            try db.execute(
                sql: "UPDATE simulation_job SET state = 'running', started_at = ?, worker = ? WHERE id = ?", arguments: [now, worker, job.id])
            job.state = "running"
            job.startedAt = now
            job.worker = worker
            return (job, commit: true)
        }
    }

    public func finishJob(id: String, state: String, result: String?, error: String?, now: String) throws {
        _ = try write { db in
            try db.execute(
                sql: "UPDATE simulation_job SET state = ?, result = ?, error = ?, finished_at = ? WHERE id = ?",
                arguments: [state, result, error, now, id])
            return ((), commit: true)
        }
    }

    public func simulationJob(id: String) throws -> SimulationJobRecord? {
        try pool.read { db in try Row.fetchOne(db, sql: "SELECT * FROM simulation_job WHERE id = ?", arguments: [id]).map(Self.job) }
    }

    public func simulationJobs(limit: Int) throws -> [SimulationJobRecord] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM simulation_job ORDER BY submitted_at DESC, id DESC LIMIT ?", arguments: [limit]).map(Self.job)
        }
    }

    static func job(_ row: Row) -> SimulationJobRecord {
        SimulationJobRecord(
            id: row["id"], scenario: row["scenario"], request: row["request"], runs: row["runs"], seed: row["seed"], state: row["state"],
            submittedAt: row["submitted_at"], startedAt: row["started_at"], finishedAt: row["finished_at"], worker: row["worker"],
            result: row["result"], error: row["error"])
    }
}
