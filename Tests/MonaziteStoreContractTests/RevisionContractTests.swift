import Foundation
import MonaziteDataset
import MonaziteStore
import Testing

/// Every backend's revision moves with each committed import, and only then: a server compares
/// it to know that another process wrote.
@Suite struct RevisionContractTests {
    @Test(arguments: Backend.available)
    func revisionMovesWithEveryCommittedImportOnly(_ backend: Backend) async throws {
        try await ContractStore.with(backend) { store in
            let empty = try await store.revision()
            _ = try await BundledDataset.install(into: store)
            let loaded = try await store.revision()
            #expect(loaded > empty)
            // Loading the same files again commits nothing, so the revision stays.
            _ = try await BundledDataset.install(into: store)
            #expect(try await store.revision() == loaded)
            try await Files.importObservations("release-1.csv", into: store)
            #expect(try await store.revision() > loaded)
        }
    }
}
