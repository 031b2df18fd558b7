import Foundation
import MonaziteCore
import MonaziteIngest
import MonaziteStore
import Testing

/// Whole-store reads kept per revision (`RevisionMemo`): a kept value serves its revision only,
/// and every import moves the revision, so no read after an import sees the list from before it.
@Suite struct RevisionMemoTests {
    @Test func aKeptValueServesItsOwnRevisionOnly() {
        let memo = RevisionMemo<Int>()
        #expect(memo.value(at: 1) == nil)
        memo.keep(10, at: 1)
        #expect(memo.value(at: 1) == 10)
        #expect(memo.value(at: 2) == nil)
        memo.keep(20, at: 2)
        // A slower read of an earlier snapshot does not put its older value back.
        memo.keep(15, at: 1)
        #expect(memo.value(at: 2) == 20)
        #expect(memo.value(at: 1) == nil)
    }

    @Test func theSeriesListFreshnessAndSourcesFollowEveryImport() throws {
        let path = TestStore.emptyPath()
        let store = try SQLiteStore(path: path)
        try BulkImportTests.importComtrade(BulkImportTests.file(count: 200), into: store, bulk: true)
        let before = try store.seriesList()
        let freshBefore = try store.freshnessInputs()
        let sourcesBefore = try store.sourceSummaries()
        #expect(try store.seriesList().map(\.key) == before.map(\.key))  // the kept list

        // A later file: a new partner (a new series) and a new month of a stored series.
        let later = BulkImportTests.file(
            count: 0,
            extra: [BulkImportTests.row(period: "206001", partner: "ZAF"), BulkImportTests.row(period: "206002", reporter: "CHN", partner: "W00", cmd: "280530")])
        try BulkImportTests.importComtrade(later, into: store, bulk: true)
        let after = try store.seriesList()
        #expect(after.count == before.count + 1)
        #expect(after.contains { $0.key.partner.alpha3 == "ZAF" })
        #expect(try store.freshnessInputs() != freshBefore)
        #expect(try store.sourceSummaries() != sourcesBefore)
        #expect(try store.sourceSummaries().map(\.observations).reduce(0, +) == sourcesBefore.map(\.observations).reduce(0, +) + 2)
        // The same as a store opened afresh on the same file computes (nothing kept there).
        let reopened = try SQLiteStore(path: path)
        #expect(try reopened.seriesList().map { "\($0.key) \($0.first) \($0.last) \($0.count)" } == after.map { "\($0.key) \($0.first) \($0.last) \($0.count)" })
        #expect(try reopened.freshnessInputs() == store.freshnessInputs())
        #expect(try reopened.sourceSummaries() == store.sourceSummaries())
    }
}
