import Foundation
import GRDB
import MonaziteCore
public import MonazitePolicy

extension SQLiteStore: PolicyStore {
    public func importPolicyEvents(_ events: [PolicyEvent], file: String) throws -> Int {
        try write { db in
            let now = SQLiteStore.now()
            for event in events {
                if try Int.fetchOne(db, sql: "SELECT 1 FROM policy_event WHERE id = ?", arguments: [event.id]) != nil {
                    throw StoreError.conflict(PolicyEncoding.duplicateEvent(event.id, file: file))
                }
                let document = try PolicyEncoding.document(event)
                try db.execute(
                    sql: "INSERT INTO policy_event (id, kind, effective, document, file, imported_at) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [event.id, event.kind.rawValue, event.dates.effective.map(PolicyEncoding.day), document, file, now])
            }
            return (events.count, commit: true)
        }
    }

    public func policyEvents() throws -> [PolicyEvent] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, document FROM policy_event ORDER BY effective IS NULL, effective, id").map { row in
                try PolicyEncoding.event(id: row["id"], document: row["document"])
            }
        }
    }

    public func addLicence(_ licence: Licence, file: String) throws -> Licence {
        try write { db in
            let saved = try Self.insert(licence, file: file, now: SQLiteStore.now(), db)
            return (saved, commit: true)
        }
    }

    public func importLicences(_ licences: [Licence], file: String) throws -> Int {
        try write { db in
            let now = SQLiteStore.now()
            for licence in licences { _ = try Self.insert(licence, file: file, now: now, db) }
            return (licences.count, commit: true)
        }
    }

    public func licences() throws -> [Licence] {
        try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, holder, item_kind, item, destination, quantity_kg, granted, expires, kind, reference, note
                    FROM licence ORDER BY expires, holder, reference
                    """
            ).map(Self.licence)
        }
    }

    static func insert(_ licence: Licence, file: String, now: String, _ db: Database) throws -> Licence {
        if let problem = licence.problem {
            throw StoreError.invalidQuery(PolicyEncoding.invalidLicence(licence, problem: problem, file: file))
        }
        if try Int.fetchOne(
            db, sql: "SELECT 1 FROM licence WHERE holder = ? AND reference = ?", arguments: [licence.holder, licence.reference]) != nil
        {
            throw StoreError.conflict(PolicyEncoding.duplicateLicence(licence, file: file))
        }
        let (itemKind, item) = PolicyEncoding.item(licence.item)
        try db.execute(
            sql: """
                INSERT INTO licence (holder, item_kind, item, destination, quantity_kg, granted, expires, kind, reference, note, file, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                licence.holder, itemKind, item, licence.destination.alpha3, licence.quantityKg, dayInt(licence.granted),
                dayInt(licence.expires), licence.kind.rawValue, licence.reference, licence.note, file, now,
            ])
        var saved = licence
        saved.id = db.lastInsertedRowID
        return saved
    }

    static func licence(_ row: Row) throws -> Licence {
        let itemKind: String = row["item_kind"]
        let itemText: String = row["item"]
        let item = PolicyEncoding.item(kind: itemKind, item: itemText)
        guard let item, let destination = CountryCode(row["destination"] as String),
            let granted = day(row["granted"]), let expires = day(row["expires"]),
            let kind = LicenceKind(rawValue: row["kind"])
        else { throw StoreError.fault("stored licence \(row["id"] as Int64) cannot be read") }
        return Licence(
            id: row["id"], holder: row["holder"], item: item, destination: destination, quantityKg: row["quantity_kg"],
            granted: granted, expires: expires, kind: kind, reference: row["reference"], note: row["note"])
    }

    static func dayInt(_ d: CalendarDay) -> Int { PolicyEncoding.day(d) }
    static func day(_ n: Int) -> CalendarDay? { PolicyEncoding.day(n) }
}
