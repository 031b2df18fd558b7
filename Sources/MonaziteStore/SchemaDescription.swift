/// The store's schema, described once and rendered to each SQL dialect, so that the SQLite and
/// PostgreSQL stores cannot drift: every migration lists its tables, columns, types, CHECK and
/// UNIQUE invariants, foreign keys and indexes here, and both migrators apply the rendering.
///
/// Translations: an id (`.bigint` primary key) is SQLite's `INTEGER PRIMARY KEY` (the rowid) and
/// PostgreSQL's `BIGINT PRIMARY KEY`; other `.bigint` columns are `INTEGER` / `BIGINT`; `.real` is
/// `REAL` / `DOUBLE PRECISION`; a JSON check is `json_valid(c)` / `(c::jsonb) IS NOT NULL`.
/// Ids are assigned by each store, as SQLite numbers rows (see `docs/postgres.md`).
///
/// The SQLite rendering is, whitespace aside, the SQL of the migrations as first written
/// (`SchemaDescriptionTests` holds it), so stores that applied them keep their meaning.
public enum SchemaDescription {
    public enum Dialect: Sendable, CaseIterable { case sqlite, postgres }

    public enum ColumnType: Sendable, Equatable {
        /// `INTEGER` in both (months, days, years, flags).
        case integer
        /// Ids and counts: `INTEGER` in SQLite (64-bit), `BIGINT` in PostgreSQL.
        case bigint
        /// `REAL` / `DOUBLE PRECISION`.
        case real
        case text
    }

    /// A CHECK expression: the same SQL in both dialects, or one that needs a translation.
    public enum Check: Sendable, Equatable {
        case sql(String)
        /// The column holds valid JSON text.
        case json(column: String)

        public func rendered(_ dialect: Dialect) -> String {
            switch (self, dialect) {
            case (.sql(let text), _): text
            case (.json(let column), .sqlite): "json_valid(\(column))"
            case (.json(let column), .postgres): "(\(column)::jsonb) IS NOT NULL"
            }
        }
    }

    public struct Column: Sendable, Equatable {
        public let name: String
        public let type: ColumnType
        public var primaryKey = false
        public var notNull = false
        /// SQL literal of the default value.
        public var defaultValue: String?
        public var unique = false
        public var check: Check?
        /// The table whose `id` this column refers to.
        public var references: String?

        public func rendered(_ dialect: Dialect) -> String {
            var parts = [name]
            switch (type, dialect) {
            case (.integer, _): parts.append("INTEGER")
            case (.bigint, .sqlite): parts.append("INTEGER")
            case (.bigint, .postgres): parts.append("BIGINT")
            case (.real, .sqlite): parts.append("REAL")
            case (.real, .postgres): parts.append("DOUBLE PRECISION")
            case (.text, _): parts.append("TEXT")
            }
            if primaryKey { parts.append("PRIMARY KEY") }
            if notNull { parts.append("NOT NULL") }
            if let defaultValue { parts.append("DEFAULT \(defaultValue)") }
            if unique { parts.append("UNIQUE") }
            if let check { parts.append("CHECK (\(check.rendered(dialect)))") }
            if let references { parts.append("REFERENCES \(references)(id)") }
            return parts.joined(separator: " ")
        }
    }

    public enum TableConstraint: Sendable, Equatable {
        case unique([String])
        case check(Check)

        func rendered(_ dialect: Dialect) -> String {
            switch self {
            case .unique(let columns): "UNIQUE (\(columns.joined(separator: ", ")))"
            case .check(let check): "CHECK (\(check.rendered(dialect)))"
            }
        }
    }

    public struct Table: Sendable, Equatable {
        public let name: String
        public var columns: [Column]
        public var constraints: [TableConstraint]

        func createSQL(_ dialect: Dialect, as tableName: String? = nil) -> String {
            let lines = columns.map { $0.rendered(dialect) } + constraints.map { $0.rendered(dialect) }
            return "CREATE TABLE \(tableName ?? name) (\n    " + lines.joined(separator: ",\n    ") + "\n)"
        }
    }

    public struct Index: Sendable, Equatable {
        public let name: String
        public let table: String
        public let columns: [String]
        /// The dialects that create it (PostgreSQL only for one it needs and SQLite does not).
        public var dialects: Set<Dialect> = Set(Dialect.allCases)

        func createSQL() -> String { "CREATE INDEX \(name) ON \(table) (\(columns.joined(separator: ", ")))" }
    }

    public enum Step: Sendable, Equatable {
        case createTable(Table)
        case createIndex(Index)
        case addColumn(table: String, Column)
        /// A column's CHECK changes. SQLite cannot alter a CHECK: the table is rebuilt under a
        /// temporary name, its rows copied with their ids, and its indexes made again; PostgreSQL
        /// replaces the constraint (named `<table>_<column>_check`).
        case replaceCheck(table: String, column: String, Check)
    }

    public struct Migration: Sendable {
        /// The name recorded as applied (GRDB's `grdb_migrations`, PostgreSQL's `monazite_migration`).
        public let identifier: String
        public let steps: [Step]
    }

    /// Tables and indexes after every migration, in creation order: what the store holds.
    public struct State: Sendable, Equatable {
        public var tables: [Table] = []
        public var indexes: [Index] = []

        mutating func apply(_ step: Step) throws(SchemaDescriptionError) {
            switch step {
            case .createTable(let table):
                guard !tables.contains(where: { $0.name == table.name }) else { throw .init("table \(table.name) exists") }
                tables.append(table)
            case .createIndex(let index):
                guard tables.contains(where: { $0.name == index.table }) else { throw .init("index \(index.name): no table \(index.table)") }
                indexes.append(index)
            case .addColumn(let name, let column):
                guard let i = tables.firstIndex(where: { $0.name == name }) else { throw .init("no table \(name)") }
                tables[i].columns.append(column)
            case .replaceCheck(let name, let columnName, let check):
                guard let i = tables.firstIndex(where: { $0.name == name }),
                    let c = tables[i].columns.firstIndex(where: { $0.name == columnName })
                else { throw .init("no column \(name).\(columnName)") }
                tables[i].columns[c].check = check
            }
        }
    }

    /// The SQL statements of each migration in `dialect`, in order.
    public static func rendered(_ dialect: Dialect) throws(SchemaDescriptionError) -> [(identifier: String, statements: [String])] {
        var state = State()
        var out: [(identifier: String, statements: [String])] = []
        for migration in migrations {
            var statements: [String] = []
            for step in migration.steps {
                switch step {
                case .createTable(let table):
                    statements.append(table.createSQL(dialect))
                case .createIndex(let index):
                    if index.dialects.contains(dialect) { statements.append(index.createSQL()) }
                case .addColumn(let table, let column):
                    statements.append("ALTER TABLE \(table) ADD COLUMN \(column.rendered(dialect))")
                case .replaceCheck(let table, let column, let check):
                    switch dialect {
                    case .postgres:
                        statements.append("ALTER TABLE \(table) DROP CONSTRAINT \(table)_\(column)_check")
                        statements.append("ALTER TABLE \(table) ADD CONSTRAINT \(table)_\(column)_check CHECK (\(check.rendered(dialect)))")
                    case .sqlite:
                        var after = state
                        try after.apply(step)
                        guard let rebuilt = after.tables.first(where: { $0.name == table }) else { throw .init("no table \(table)") }
                        let temporary = table + "_" + migration.identifier.prefix { $0 != "-" }
                        let names = rebuilt.columns.map(\.name).joined(separator: ", ")
                        statements.append(rebuilt.createSQL(dialect, as: temporary))
                        statements.append("INSERT INTO \(temporary) (\(names)) SELECT \(names) FROM \(table)")
                        statements.append("DROP TABLE \(table)")
                        statements.append("ALTER TABLE \(temporary) RENAME TO \(table)")
                        for index in state.indexes where index.table == table && index.dialects.contains(dialect) {
                            statements.append(index.createSQL())
                        }
                    }
                }
                try state.apply(step)
            }
            out.append((migration.identifier, statements))
        }
        return out
    }

    /// The schema after every migration.
    public static func final() throws(SchemaDescriptionError) -> State {
        var state = State()
        for migration in migrations { for step in migration.steps { try state.apply(step) } }
        return state
    }
}

public struct SchemaDescriptionError: Error, Sendable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = "schema description: " + description }
}
