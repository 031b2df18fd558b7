import Foundation
import MonaziteStore
import MonaziteStorePostgres
import Testing

/// One schema description, two renderings: the databases both backends build hold the same
/// tables, columns, keys and constraints, and the ones the description lists.
@Suite struct SchemaContractTests {
    /// The description's final state as `LiveSchema` would report it, for one dialect.
    static func described(_ dialect: SchemaDescription.Dialect) throws -> LiveSchema {
        let state = try SchemaDescription.final()
        let tables = state.tables.map { t -> LiveSchema.Table in
            var table = LiveSchema.Table(name: t.name)
            for c in t.columns {
                let type =
                    switch c.type {
                    case .integer, .bigint: "integer"
                    case .real: "real"
                    case .text: "text"
                    }
                table.columns.append(LiveSchema.Column(name: c.name, type: type, notNull: c.notNull, primaryKey: c.primaryKey))
                if c.unique { table.uniques.insert([c.name]) }
                if c.check != nil { table.checks += 1 }
                if let r = c.references { table.foreignKeys.insert("\(c.name) -> \(r)") }
            }
            for constraint in t.constraints {
                switch constraint {
                case .unique(let columns): table.uniques.insert(columns)
                case .check: table.checks += 1
                }
            }
            return table
        }
        let indexes = state.indexes.filter { $0.dialects.contains(dialect) }.map { "\($0.name) on \($0.table) (\($0.columns.joined(separator: ", ")))" }
        return LiveSchema(tables: tables, indexes: Set(indexes))
    }

    @Test func sqliteHoldsTheDescribedSchema() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("monazite-schema-\(UUID().uuidString)")
        let live = try SQLiteStore(path: dir.appendingPathComponent("store.sqlite").path).liveSchema()
        let described = try Self.described(.sqlite)
        #expect(live == described, "live:\n\(live)\n\ndescribed:\n\(described)")
    }

    @Test(.enabled(if: CrossBackendTests.postgresOrSkip, Comment(rawValue: PostgresTestServer.skipMessage)))
    func postgresHoldsTheSameTablesColumnsAndConstraintsAsSQLite() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("monazite-schema-\(UUID().uuidString)")
        let sqlite = try SQLiteStore(path: dir.appendingPathComponent("store.sqlite").path).liveSchema()
        let s = try await ContractStore.make(.postgres)
        let pg: LiveSchema
        do {
            pg = try await #require(s.store as? PostgresStore).liveSchema()
            try await s.close()
        } catch {
            try? await s.close()
            throw error
        }
        #expect(pg == (try Self.described(.postgres)), "live:\n\(pg)")
        #expect(pg.tables == sqlite.tables, "PostgreSQL:\n\(pg)\n\nSQLite:\n\(sqlite)")
        // The one difference: an index PostgreSQL needs for reads by source.
        #expect(pg.indexes.subtracting(sqlite.indexes) == ["observation_by_source on observation (source_id)"])
        #expect(sqlite.indexes.isSubset(of: pg.indexes))
    }

    @Test func bothRenderingsHaveTheSameMigrationsInOrder() throws {
        let sqlite = try SchemaDescription.rendered(.sqlite).map(\.identifier)
        let postgres = try SchemaDescription.rendered(.postgres).map(\.identifier)
        #expect(sqlite == ["v1", "v2-access-tokens", "v3-policy", "v4-alerts", "v5-commodity-levels", "v6-simulation-jobs", "v7-token-scopes", "v8-price-quotes"])
        #expect(postgres == sqlite)
    }
}
