import GRDB
import MonaziteCore

extension SQLiteStore: AlertStateStore {
    public func firedAlertKeys() throws -> Set<String> {
        try pool.read { db in Set(try String.fetchAll(db, sql: "SELECT dedupe_key FROM fired_alert")) }
    }

    public func recordFiredAlerts(_ alerts: [FiredAlert]) throws -> Int {
        try write { db in
            let now = SQLiteStore.now()
            var inserted = 0
            for a in alerts {
                try db.execute(
                    sql: """
                        INSERT INTO fired_alert (dedupe_key, rule_id, kind, severity, message, url, evaluated_for, fired_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING
                        """,
                    arguments: [a.key, a.ruleID, a.kind, a.severity, a.message, a.url, Self.dayNumber(a.evaluatedFor), now])
                inserted += db.changesCount
            }
            return (inserted, commit: true)
        }
    }

    public func firedAlerts(limit: Int) throws -> [FiredAlert] {
        try pool.read { db in
            try Row.fetchAll(
                db,
                sql:
                    "SELECT dedupe_key, rule_id, kind, severity, message, url, evaluated_for, fired_at FROM fired_alert ORDER BY id DESC LIMIT ?",
                arguments: [max(0, limit)]
            ).compactMap { row -> FiredAlert? in
                let encoded: Int = row["evaluated_for"]
                guard let day = CalendarDay(year: encoded / 10000, month: encoded / 100 % 100, day: encoded % 100) else { return nil }
                return FiredAlert(
                    key: row["dedupe_key"], ruleID: row["rule_id"], kind: row["kind"], severity: row["severity"], message: row["message"],
                    url: row["url"], evaluatedFor: day, firedAt: row["fired_at"])
            }
        }
    }

    static func dayNumber(_ day: CalendarDay) -> Int { day.year * 10000 + day.month * 100 + day.day }
}
