import Foundation
import MonaziteCore
import Testing

@testable import MonaziteStore

/// The SQLite migrations are rendered from `SchemaDescription` now; they must build the schema
/// the hand-written SQL built (`sqlite-schema-v5.txt`, taken from it), on a fresh store and on a
/// store made by the old code at v2 (`store-at-v2.sqlite`), whose figures survive the v5 rebuild.
@Suite struct SchemaMigrationTests {
    static func fixture(_ name: String) throws -> URL {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return url
    }

    static func golden() throws -> [String] {
        try String(contentsOf: try fixture("sqlite-schema-v5.txt"), encoding: .utf8).split(separator: "\n").map(String.init)
    }

    /// Objects of migrations after v5 (first written as a description): compared apart (v6 simulation
    /// jobs, v8 price quotes). v7 adds
    /// two columns to access_token, which SQLite appends to the table's CREATE statement.
    static let v7Columns = " , scope TEXT NOT NULL DEFAULT 'write' CHECK (scope IN ('read', 'write', 'admin')), expires_at TEXT"
    static func upToV5(_ objects: [String]) -> [String] {
        objects.filter { !$0.contains("simulation_job") && !$0.contains("price_quote") }.map { $0.replacingOccurrences(of: v7Columns, with: "") }
    }

    @Test func aFreshStoreHasTheSchemaTheHandWrittenMigrationsMade() throws {
        let store = try SQLiteStore(path: TestStore.emptyPath())
        let objects = try store.pool.read(StoreSchema.objects)
        #expect(Self.upToV5(objects) == (try Self.golden()))
        #expect(objects.contains { $0.hasPrefix("table simulation_job") })
        #expect(objects.contains { $0.hasPrefix("table access_token") && $0.contains(Self.v7Columns) })
        #expect(objects.contains { $0.hasPrefix("table price_quote") && $0.contains("UNIQUE (date, product, basis, publisher, url)") })
    }

    @Test func aStoreMadeAtV2MigratesToTheSameSchemaKeepingItsFigures() async throws {
        let path = TestStore.emptyPath()
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: try Self.fixture("store-at-v2.sqlite"), to: URL(fileURLWithPath: path))
        let store = try SQLiteStore(path: path)
        let objects = try await store.pool.read(StoreSchema.objects)
        #expect(Self.upToV5(objects) == (try Self.golden()))
        let applied = try await store.pool.read { db in try StoreSchema.migrator().appliedIdentifiers(db) }
        #expect(applied.sorted() == ["v1", "v2-access-tokens", "v3-policy", "v4-alerts", "v5-commodity-levels", "v6-simulation-jobs", "v7-token-scopes", "v8-price-quotes"])
        let key = SeriesKey(reporter: .china, partner: .world, flow: .export, commodity: try #require(HSCode("8505.11")))
        let figures = try await (store as any TradeStore).observations(for: key, asOf: nil)
        #expect(figures.map(\.quantityTonnes) == [3188])
        // The rebuilt series table keeps its id (7): a later release lands on the same series as a revision.
        #expect(try await (store as any TradeStore).seriesList().map(\.key) == [key])
    }
}
