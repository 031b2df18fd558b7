import MonaziteStore
import Testing

/// The one line a user reads when the disk under the store is full: where, and what to do.
@Suite struct StoreErrorTextTests {
    @Test func aFullDiskUnderASQLiteStoreNamesTheFile() {
        #expect("\(StoreError.diskFull(path: "/srv/monazite/store.sqlite"))"
            == "the disk holding the store at /srv/monazite/store.sqlite is full: nothing was saved and the store holds what it held before; free some space and try again")
    }

    /// PostgreSQL's own words (which file it could not write) go in brackets after the server.
    @Test func aFullDiskAtThePostgreSQLServerGivesTheServersReason() {
        let error = StoreError.diskFull(
            path: "the PostgreSQL server", reason: "could not write to file \"pg_wal/xlogtemp.1\": No space left on device")
        #expect("\(error)"
            == "the disk of the PostgreSQL server is full (could not write to file \"pg_wal/xlogtemp.1\": No space left on device): nothing was saved and the store holds what it held before; free some space there and try again")
    }
}
