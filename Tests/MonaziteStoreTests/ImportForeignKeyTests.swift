import Foundation
import GRDB
import MonaziteCore
import MonaziteIngest
@testable import MonaziteStore
import Testing

/// An import runs without SQLite's per-row foreign-key checks and checks each distinct parent
/// once before it commits (`ObservationInserter.verifyParents`). These tests make the inserter
/// bind a series id that does not exist, which no file can do, and expect the import refused,
/// the store unchanged and the connection's foreign keys on again.
@Suite struct ImportForeignKeyTests {
    static let missing: Int64 = 987_654

    /// A store with a small Comtrade import in it.
    static func store() throws -> SQLiteStore {
        let store = try SQLiteStore(path: TestStore.emptyPath())
        try BulkImportTests.importComtrade(BulkImportTests.file(count: 200), into: store, bulk: true)
        return store
    }

    static func key() throws -> SeriesKey {
        SeriesKey(reporter: .china, partner: .world, flow: .export, commodity: try #require(HSCode("850511")))
    }

    /// The writer connection's `PRAGMA foreign_keys`.
    static func foreignKeysOn(_ store: SQLiteStore) throws -> Bool {
        try store.pool.writeWithoutTransaction { try Bool.fetchOne($0, sql: "PRAGMA foreign_keys") } == true
    }

    /// Runs an import whose read closure gets the inserter and the row sink.
    static func importWith(
        _ store: SQLiteStore, _ body: @escaping (ObservationInserter, ObservationSink) throws -> Void
    ) throws -> ImportReport {
        try store.importObservations(file: "fk.csv", format: "observations") { sink throws(ImportFailure) in
            guard let inserter = BulkImport.store as? ObservationInserter else {
                throw ImportFailure(issues: [ImportIssue(file: "fk.csv", line: 1, column: 1, reason: "no inserter")])
            }
            do { try body(inserter, sink) } catch {
                throw ImportFailure(issues: [ImportIssue(file: "fk.csv", line: 1, column: 1, reason: "\(error)")])
            }
            return 1
        }
    }

    static func expectForeignKeyFailure(_ run: () throws -> ImportReport) {
        do {
            let report = try run()
            Issue.record("the import was accepted: \(report)")
        } catch let StoreError.fault(reason) {
            #expect(reason.contains("FOREIGN KEY constraint failed"), "\(reason)")
            #expect(reason.contains("series \(missing)"), "\(reason)")
        } catch {
            Issue.record("unexpected error: \(error)")
        }
    }

    @Test func aRowNamingAMissingSeriesIsRefusedOnTheRowByRowPath() throws {
        let store = try Self.store()
        let before = try store.contentDigest()
        let period = try #require(Period(parsing: "2030-01"))
        let key = try Self.key()
        Self.expectForeignKeyFailure {
            try Self.importWith(store) { inserter, sink in
                inserter.ids.series[key] = Self.missing
                let o = Observation(key: key, period: period, quantityTonnes: 5, provenance: Provenance(source: "synthetic test"))
                if let reason = sink(o, 2) { throw StoreError.invalidQuery(reason) }
            }
        }
        #expect(try store.contentDigest() == before)
        #expect(try store.observations(for: key).allSatisfy { $0.period != period })
        #expect(try Self.foreignKeysOn(store))
    }

    @Test func aRowNamingAMissingSeriesIsRefusedOnTheMultiRowPath() throws {
        let store = try Self.store()
        let before = try store.contentDigest()
        let key = try Self.key()
        Self.expectForeignKeyFailure {
            try Self.importWith(store) { inserter, _ in
                // A series this import "created": its rows go in multi-row statements.
                inserter.ids.series[key] = Self.missing
                inserter.ids.created.insert(Self.missing)
                inserter.begin(provenance: Provenance(source: "synthetic test"), status: .reported)
                // 300 months from 2030-01: two full statements of 128 rows and 44 single rows.
                var rows: [BulkRow] = []
                for i in 0..<300 {
                    let month: Int = 203001 + (i / 12) * 100 + i % 12
                    rows.append(BulkRow(series: 0, firstMonth: Int32(month), lastMonth: Int32(month), line: Int32(i + 2), tonnes: 1, valueUSD: nil))
                }
                let issue = rows.withUnsafeBufferPointer { inserter.store(newSeries: [key], rows: $0) }
                if let issue { throw StoreError.invalidQuery("line \(issue.line): \(issue.reason)") }
            }
        }
        #expect(try store.contentDigest() == before)
        #expect(try Self.foreignKeysOn(store))
    }

    @Test func foreignKeysAreOnAgainAfterAnImport() throws {
        let store = try Self.store()
        #expect(try Self.foreignKeysOn(store))
        // The connection refuses an orphan row outside imports, as before.
        #expect(throws: DatabaseError.self) {
            try store.pool.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO observation (series_id, first_month, last_month, quantity_t, status, source_id, batch_id)
                        VALUES (?, 203001, 203001, 1, 'reported', 1, 1)
                        """, arguments: [Self.missing])
            }
        }
    }
}
