import Foundation
import MonaziteCore
import MonaziteIngest
import MonaziteStore
import Testing

@Suite struct RevisionTests {
    @Test func laterReleaseIsKeptBesideTheEarlierOne() throws {
        let store = try SQLiteStore(path: TestStore.emptyPath())
        try TestStore.importFile(try TestStore.resource("Fixtures", "release-1.csv"), into: store)
        let report = try TestStore.importFile(try TestStore.resource("Fixtures", "release-2.csv"), into: store)
        #expect(report.inserted == 1)
        #expect(report.revisions == 1)
        let june = try #require(Period(parsing: "2025-06"))

        let latest = try store.observations(for: TestStore.magnetsWorld)
        #expect(latest.map(\.quantityTonnes) == [3188])
        #expect(latest.first?.provenance.source == "Revised release (test fixture)")

        let asOf = try store.observations(for: TestStore.magnetsWorld, asOf: CalendarDay(year: 2025, month: 7, day: 31))
        #expect(asOf.map(\.quantityTonnes) == [3100])

        let before = try store.observations(for: TestStore.magnetsWorld, asOf: CalendarDay(year: 2025, month: 7, day: 1))
        #expect(before.isEmpty)

        let history = try store.releases(for: TestStore.magnetsWorld, period: june)
        #expect(history.map(\.provenance.release?.description) == ["2025-07-14", "2025-08-20"])
    }

    @Test func reimportingAnIdenticalFileChangesNothing() throws {
        let store = try SQLiteStore(path: TestStore.emptyPath())
        let url = try TestStore.resource("Fixtures", "release-1.csv")
        try TestStore.importFile(url, into: store)
        let before = try store.contentDigest()
        let again = try TestStore.importFile(url, into: store)
        #expect(again.inserted == 0)
        #expect(again.unchanged == 2)
        #expect(again.batchID == nil)
        #expect(try store.contentDigest() == before)
    }

    @Test func aDifferentFigureForTheSameReleaseIsAConflict() throws {
        let store = try SQLiteStore(path: TestStore.emptyPath())
        try TestStore.importFile(try TestStore.resource("Fixtures", "release-1.csv"), into: store)
        let before = try store.contentDigest()
        do {
            try TestStore.importFile(try TestStore.resource("Fixtures", "conflict.csv"), into: store)
            Issue.record("conflict accepted")
        } catch let failure as ImportFailure {
            #expect(failure.issues.first?.description.contains("conflict.csv:2:1:") == true)
            #expect(failure.issues.first?.description.contains("a revision needs a later release date") == true)
        }
        #expect(try store.contentDigest() == before)
    }

    @Test func bundledDatasetLoadsOnceAndCarriesItsSources() async throws {
        let store = try await TestStore.bundled()
        let digest = try store.contentDigest()
        let reports = try await MonaziteDatasetReload.install(store)
        #expect(reports.allSatisfy { $0.inserted == 0 })
        #expect(try store.contentDigest() == digest)
        for s in try store.sourceSummaries() {
            #expect(!s.source.isEmpty)
        }
        let world = try store.observations(for: TestStore.magnetsWorld)
        #expect(world.allSatisfy { $0.status == .reported || $0.note != nil }, "every derived figure says how it was derived")
        #expect(world.filter { $0.provenance.url == nil }.allSatisfy { $0.status == .derived })
    }
}

import MonaziteDataset

enum MonaziteDatasetReload {
    static func install(_ store: SQLiteStore) async throws -> [ImportReport] { try await BundledDataset.install(into: store) }
}
