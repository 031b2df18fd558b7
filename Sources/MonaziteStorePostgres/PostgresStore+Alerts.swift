import MonaziteCore
public import MonaziteStore
import PostgresNIO

/// Fired alerts, as `SQLiteStore` keeps them (migration "v4-alerts"): one row per dedupe key,
/// recorded once; a batch is one transaction, so a row the schema refuses rolls back the others.
extension PostgresStore: AlertStateStore {
    public func firedAlertKeys() async throws -> Set<String> {
        let rows = try await read { conn in try await Self.rows(conn, "SELECT dedupe_key FROM fired_alert", logger: logger) }
        return Set(try rows.map { try $0.get("dedupe_key", as: String.self) })
    }

    public func recordFiredAlerts(_ alerts: [FiredAlert]) async throws -> Int {
        let now = Self.now()
        return try await write { conn in
            var inserted = 0
            for a in alerts {
                // Numbered after the largest id (under the write lock), as SQLite numbers rows.
                let rows = try await Self.rows(
                    conn,
                    """
                    INSERT INTO fired_alert (id, dedupe_key, rule_id, kind, severity, message, url, evaluated_for, fired_at)
                    VALUES ((SELECT coalesce(max(id), 0) + 1 FROM fired_alert), \(a.key), \(a.ruleID), \(a.kind), \(a.severity),
                        \(a.message), \(a.url), \(PolicyEncoding.day(a.evaluatedFor)), \(now))
                    ON CONFLICT (dedupe_key) DO NOTHING RETURNING id
                    """, logger: logger)
                inserted += rows.count
            }
            return (inserted, commit: true)
        }
    }

    public func firedAlerts(limit: Int) async throws -> [FiredAlert] {
        let rows = try await read { conn in
            try await Self.rows(
                conn,
                """
                SELECT dedupe_key, rule_id, kind, severity, message, url, evaluated_for, fired_at
                FROM fired_alert ORDER BY id DESC LIMIT \(max(0, limit))
                """, logger: logger)
        }
        return try rows.compactMap { row -> FiredAlert? in
            guard let day = PolicyEncoding.day(try row.get("evaluated_for", as: Int.self)) else { return nil }
            return FiredAlert(
                key: try row.get("dedupe_key"), ruleID: try row.get("rule_id"), kind: try row.get("kind"),
                severity: try row.get("severity"), message: try row.get("message"), url: try row.get("url"), evaluatedFor: day,
                firedAt: try row.get("fired_at"))
        }
    }
}
