import MonaziteCore
public import MonazitePolicy
public import MonaziteStore
import PostgresNIO

/// Imported policy events and licences, as `SQLiteStore` keeps them (migration "v3-policy"): an
/// event whole as JSON beside its id, kind and effective day; days as `YYYYMMDD` integers. Every
/// import is one transaction: a duplicate id or reference, or a value the schema refuses, leaves
/// the store unchanged.
extension PostgresStore: PolicyStore {
    public func importPolicyEvents(_ events: [PolicyEvent], file: String) async throws -> Int {
        let now = Self.now()
        let documents = try events.map(PolicyEncoding.document)
        return try await write { conn in
            for (event, document) in zip(events, documents) {
                // Checked per row, after the earlier rows of this file are inserted: a file naming
                // an id twice is refused as SQLite refuses it.
                if !(try await Self.rows(conn, "SELECT 1 FROM policy_event WHERE id = \(event.id)", logger: logger)).isEmpty {
                    throw StoreError.conflict(PolicyEncoding.duplicateEvent(event.id, file: file))
                }
                _ = try await conn.collectIfOpen(
                    """
                    INSERT INTO policy_event (id, kind, effective, document, file, imported_at)
                    VALUES (\(event.id), \(event.kind.rawValue), \(event.dates.effective.map(PolicyEncoding.day)), \(document), \(file), \(now))
                    """, logger: logger
                )
            }
            return (events.count, commit: true)
        }
    }

    public func policyEvents() async throws -> [PolicyEvent] {
        let rows = try await read { conn in
            try await Self.rows(
                conn, "SELECT id, document FROM policy_event ORDER BY effective IS NULL, effective, id COLLATE \"C\"", logger: logger)
        }
        return try rows.map { row in try PolicyEncoding.event(id: try row.get("id"), document: try row.get("document")) }
    }

    public func addLicence(_ licence: Licence, file: String) async throws -> Licence {
        let now = Self.now()
        return try await write { conn in (try await Self.insert(licence, file: file, now: now, conn, logger: logger), commit: true) }
    }

    public func importLicences(_ licences: [Licence], file: String) async throws -> Int {
        let now = Self.now()
        return try await write { conn in
            for licence in licences { _ = try await Self.insert(licence, file: file, now: now, conn, logger: logger) }
            return (licences.count, commit: true)
        }
    }

    public func licences() async throws -> [Licence] {
        let rows = try await read { conn in
            try await Self.rows(
                conn,
                """
                SELECT id, holder, item_kind, item, destination, quantity_kg, granted, expires, kind, reference, note
                FROM licence ORDER BY expires, holder COLLATE "C", reference COLLATE "C"
                """, logger: logger)
        }
        return try rows.map(Self.licence)
    }

    static func insert(_ licence: Licence, file: String, now: String, _ conn: PostgresConnection, logger: Logger) async throws -> Licence {
        if let problem = licence.problem {
            throw StoreError.invalidQuery(PolicyEncoding.invalidLicence(licence, problem: problem, file: file))
        }
        if !(try await rows(
            conn, "SELECT 1 FROM licence WHERE holder = \(licence.holder) AND reference = \(licence.reference)", logger: logger)).isEmpty
        {
            throw StoreError.conflict(PolicyEncoding.duplicateLicence(licence, file: file))
        }
        let (itemKind, item) = PolicyEncoding.item(licence.item)
        let id = try await nextID(conn, table: "licence", logger: logger)
        _ = try await conn.collectIfOpen(
            """
            INSERT INTO licence (id, holder, item_kind, item, destination, quantity_kg, granted, expires, kind, reference, note, file, created_at)
            VALUES (\(id), \(licence.holder), \(itemKind), \(item), \(licence.destination.alpha3), \(licence.quantityKg),
                \(PolicyEncoding.day(licence.granted)), \(PolicyEncoding.day(licence.expires)), \(licence.kind.rawValue),
                \(licence.reference), \(licence.note), \(file), \(now))
            """, logger: logger
        )
        var saved = licence
        saved.id = id
        return saved
    }

    static func licence(_ row: PostgresRandomAccessRow) throws -> Licence {
        let id: Int64 = try row.get("id")
        guard let item = PolicyEncoding.item(kind: try row.get("item_kind"), item: try row.get("item")),
            let destination = CountryCode(try row.get("destination", as: String.self)),
            let granted = PolicyEncoding.day(try row.get("granted", as: Int.self)),
            let expires = PolicyEncoding.day(try row.get("expires", as: Int.self)),
            let kind = LicenceKind(rawValue: try row.get("kind", as: String.self))
        else { throw StoreError.fault("stored licence \(id) cannot be read") }
        return Licence(
            id: id, holder: try row.get("holder"), item: item, destination: destination, quantityKg: try row.get("quantity_kg"),
            granted: granted, expires: expires, kind: kind, reference: try row.get("reference"), note: try row.get("note"))
    }
}
