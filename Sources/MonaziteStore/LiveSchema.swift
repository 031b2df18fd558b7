/// A store's schema as its database reports it (not as described): tables with their columns,
/// UNIQUE keys, foreign keys and number of CHECK constraints, and the plain indexes. Types are
/// compared by class (`integer`, `real`, `text`), so that SQLite and PostgreSQL can be compared:
/// the contract tests check that both hold the schema ``SchemaDescription`` describes.
public struct LiveSchema: Sendable, Equatable, CustomStringConvertible {
    public struct Column: Sendable, Hashable {
        public let name: String
        /// `integer`, `real` or `text`.
        public let type: String
        /// NOT NULL, or part of the primary key.
        public let notNull: Bool
        public let primaryKey: Bool

        public init(name: String, type: String, notNull: Bool, primaryKey: Bool) {
            self.name = name
            self.type = type
            self.notNull = notNull || primaryKey
            self.primaryKey = primaryKey
        }
    }

    public struct Table: Sendable, Equatable {
        public let name: String
        /// In column order.
        public var columns: [Column] = []
        /// Column lists of the UNIQUE constraints (primary keys excluded).
        public var uniques: Set<[String]> = []
        /// `column -> table`.
        public var foreignKeys: Set<String> = []
        public var checks = 0

        public init(name: String) { self.name = name }
    }

    /// By name.
    public var tables: [Table]
    /// Plain (non-unique) indexes, `name on table (columns)`.
    public var indexes: Set<String>

    public init(tables: [Table], indexes: Set<String>) {
        self.tables = tables.sorted { $0.name < $1.name }
        self.indexes = indexes
    }

    /// A declared type's class.
    public static func typeClass(_ declared: String) -> String {
        let t = declared.lowercased()
        if t.contains("int") { return "integer" }
        if t.contains("real") || t.contains("double") || t.contains("float") { return "real" }
        return "text"
    }

    public var description: String {
        var lines: [String] = []
        for t in tables {
            lines.append("table \(t.name): checks \(t.checks)")
            for c in t.columns { lines.append("  \(c.name) \(c.type)\(c.notNull ? " not null" : "")\(c.primaryKey ? " pk" : "")") }
            for u in t.uniques.sorted(by: { $0.joined(separator: ",") < $1.joined(separator: ",") }) { lines.append("  unique \(u)") }
            for f in t.foreignKeys.sorted() { lines.append("  fk \(f)") }
        }
        lines += indexes.sorted().map { "index \($0)" }
        return lines.joined(separator: "\n")
    }
}
