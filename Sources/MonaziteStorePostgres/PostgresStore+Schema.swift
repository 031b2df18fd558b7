public import MonaziteStore
import PostgresNIO

extension PostgresStore {
    /// The schema as PostgreSQL holds it in the store's schema (see ``LiveSchema``), without the
    /// migration list `monazite_migration`.
    public func liveSchema() async throws -> LiveSchema {
        try await read { conn in
            var tables: [String: LiveSchema.Table] = [:]
            let columns = try await Self.rows(
                conn,
                """
                SELECT table_name::text AS t, column_name::text AS c, data_type::text AS type, is_nullable::text AS nullable
                FROM information_schema.columns WHERE table_schema = current_schema() AND table_name <> 'monazite_migration'
                ORDER BY table_name, ordinal_position
                """, logger: logger)
            var primary: Set<String> = []
            let constraints = try await Self.rows(
                conn,
                """
                SELECT conrelid::regclass::text AS t, contype::text AS kind, confrelid::regclass::text AS ref,
                    array(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(n, o)
                          JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.o) AS cols
                FROM pg_constraint con WHERE con.connamespace = current_schema()::regnamespace
                    AND con.conrelid::regclass::text <> 'monazite_migration'
                """, logger: logger)
            for row in constraints {
                let t: String = try row.get("t")
                let cols: [String] = try row.get("cols")
                switch try row.get("kind", as: String.self) {
                case "p": for c in cols { primary.insert("\(t).\(c)") }
                default: break
                }
            }
            for row in columns {
                let t: String = try row.get("t")
                let c: String = try row.get("c")
                tables[t, default: LiveSchema.Table(name: t)].columns.append(
                    LiveSchema.Column(
                        name: c, type: LiveSchema.typeClass(try row.get("type")), notNull: try row.get("nullable", as: String.self) == "NO",
                        primaryKey: primary.contains("\(t).\(c)")))
            }
            for row in constraints {
                let t: String = try row.get("t")
                let cols: [String] = try row.get("cols")
                switch try row.get("kind", as: String.self) {
                case "u": tables[t]?.uniques.insert(cols)
                case "c": tables[t]?.checks += 1
                case "f": for c in cols { tables[t]?.foreignKeys.insert("\(c) -> \(try row.get("ref", as: String.self))") }
                default: break
                }
            }
            let indexRows = try await Self.rows(
                conn,
                """
                SELECT ic.relname::text AS name, tc.relname::text AS t,
                    array(SELECT a.attname::text FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(n, o)
                          JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n ORDER BY k.o) AS cols
                FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class tc ON tc.oid = i.indrelid
                WHERE tc.relnamespace = current_schema()::regnamespace AND NOT i.indisunique AND NOT i.indisprimary
                """, logger: logger)
            var indexes: Set<String> = []
            for row in indexRows {
                let cols: [String] = try row.get("cols")
                indexes.insert("\(try row.get("name", as: String.self)) on \(try row.get("t", as: String.self)) (\(cols.joined(separator: ", ")))")
            }
            return LiveSchema(tables: Array(tables.values), indexes: indexes)
        }
    }
}
