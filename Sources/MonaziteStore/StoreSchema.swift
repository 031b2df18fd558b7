import GRDB

/// The SQLite store's migrations: ``SchemaDescription`` rendered to SQLite, one GRDB migration
/// per described migration, under the same identifiers. SQLite enforces the invariants: codes
/// have their length, periods are real months, a figure has a quantity or a value, and one
/// series, period and release hold one figure.
///
/// GRDB runs each migration in a transaction with foreign-key checks deferred to its end, which
/// the table rebuild of "v5-commodity-levels" needs.
enum StoreSchema {
    static func migrator() throws -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in try SchemaDescription.rendered(.sqlite) {
            let sql = migration.statements.joined(separator: ";\n") + ";"
            migrator.registerMigration(migration.identifier) { db in try db.execute(sql: sql) }
        }
        return migrator
    }

    /// The schema objects of an open store (tables and indexes, without SQLite's and GRDB's own),
    /// one line each: `type name table: SQL` with whitespace collapsed. For the test that proves
    /// the rendered migrations give the schema they always gave.
    static func objects(_ db: Database) throws -> [String] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT type, name, tbl_name, sql FROM sqlite_master
                WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%' ORDER BY type, name
                """
        ).map { row in
            let sql: String = row["sql"] ?? ""
            let words = sql.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            let tidy = words.replacingOccurrences(of: "( ", with: "(").replacingOccurrences(of: " )", with: ")")
            return "\(row["type"] as String) \(row["name"] as String) \(row["tbl_name"] as String): \(tidy)"
        }
    }
}
