import GRDB

extension SQLiteStore {
    /// The schema as SQLite holds it (see ``LiveSchema``).
    public func liveSchema() throws -> LiveSchema {
        try pool.read { db in
            var tables: [LiveSchema.Table] = []
            var indexes: Set<String> = []
            let names = try Row.fetchAll(
                db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'")
            for row in names {
                let name: String = row["name"]
                var table = LiveSchema.Table(name: name)
                let sql: String = row["sql"] ?? ""
                table.checks = sql.components(separatedBy: "CHECK (").count - 1
                for c in try Row.fetchAll(db, sql: "SELECT name, type, \"notnull\", pk FROM pragma_table_info(?) ORDER BY cid", arguments: [name]) {
                    table.columns.append(
                        LiveSchema.Column(
                            name: c["name"], type: LiveSchema.typeClass(c["type"]), notNull: (c["notnull"] as Int) != 0,
                            primaryKey: (c["pk"] as Int) != 0))
                }
                for i in try Row.fetchAll(db, sql: "SELECT name, origin FROM pragma_index_list(?)", arguments: [name]) {
                    let index: String = i["name"]
                    let columns = try String.fetchAll(db, sql: "SELECT name FROM pragma_index_info(?) ORDER BY seqno", arguments: [index])
                    switch i["origin"] as String {
                    case "u": table.uniques.insert(columns)
                    case "c": indexes.insert("\(index) on \(name) (\(columns.joined(separator: ", ")))")
                    default: break
                    }
                }
                for f in try Row.fetchAll(db, sql: "SELECT \"from\", \"table\" FROM pragma_foreign_key_list(?)", arguments: [name]) {
                    table.foreignKeys.insert("\(f["from"] as String) -> \(f["table"] as String)")
                }
                tables.append(table)
            }
            return LiveSchema(tables: tables, indexes: indexes)
        }
    }
}
