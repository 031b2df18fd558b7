import Foundation
import GRDB
@testable import MonaziteStore
import Testing

/// A commit the store reports is on disk: the SQLite store's writer connection (the one that
/// commits) runs with `synchronous = FULL`, under which SQLite syncs the write-ahead log at each
/// commit (GRDB's default for a pool, NORMAL, could drop the last commits in a power loss).
@Suite struct DurabilityTests {
    @Test func theWriterSyncsTheLogAtEachCommit() throws {
        let store = try SQLiteStore(path: TestStore.emptyPath())
        let full = 2  // PRAGMA synchronous: 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA
        #expect(try store.pool.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA synchronous") } == full)
        #expect(try store.pool.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
    }

    @Test func aStoreOpenedAgainKeepsTheSetting() throws {
        let path = TestStore.emptyPath()
        _ = try SQLiteStore(path: path)
        let reopened = try SQLiteStore(path: path)
        #expect(try reopened.pool.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA synchronous") } == 2)
    }
}
