import Foundation
import MonaziteStore
import MonaziteStorePostgres
import Testing

/// The simulation job queue on every backend: bounded, claimed once, finished with a result, and
/// shared by a second connection (a second server on the same store).
@Suite struct JobContractTests {
    static func job(_ id: String, at second: Int) -> SimulationJobRecord {
        SimulationJobRecord(
            id: id, scenario: "synthetic", request: #"{"scenario":"april-2025-heavy-licensing"}"#, runs: 4, seed: 1,
            submittedAt: String(format: "2026-11-30T00:00:%02dZ", second))
    }

    @Test(arguments: Backend.available)
    func theQueueIsBoundedClaimedOnceAndFinished(_ backend: Backend) async throws {
        try await ContractStore.with(backend) { store in
            #expect(try await store.enqueueJob(Self.job("a", at: 1), maximumActive: 2))
            #expect(try await store.enqueueJob(Self.job("b", at: 2), maximumActive: 2))
            #expect(try await store.enqueueJob(Self.job("c", at: 3), maximumActive: 2) == false, "two already active")
            // Two workers at once take different jobs, oldest first.
            async let first = store.claimJob(worker: "w1", now: "2026-11-30T00:01:00Z", staleBefore: "2026-11-29T00:00:00Z")
            async let second = store.claimJob(worker: "w2", now: "2026-11-30T00:01:00Z", staleBefore: "2026-11-29T00:00:00Z")
            let claimed = [try await first, try await second].compactMap { $0?.id }
            #expect(Set(claimed) == ["a", "b"])
            #expect(try await store.claimJob(worker: "w3", now: "2026-11-30T00:01:00Z", staleBefore: "2026-11-29T00:00:00Z") == nil)
            try await store.finishJob(id: "a", state: "succeeded", result: #"{"runs":4}"#, error: nil, now: "2026-11-30T00:02:00Z")
            let a = try #require(try await store.simulationJob(id: "a"))
            #expect(a.state == "succeeded" && a.result == #"{"runs":4}"# && a.finishedAt == "2026-11-30T00:02:00Z")
            // A claim older than the stale limit is taken again (its worker stopped).
            let retaken = try await store.claimJob(worker: "w4", now: "2026-11-30T01:00:00Z", staleBefore: "2026-11-30T00:30:00Z")
            #expect(retaken?.id == "b" && retaken?.worker == "w4")
            #expect(try await store.simulationJobs(limit: 10).map(\.id) == ["b", "a"])
        }
    }

    @Test func aSecondServerOnTheSamePostgresDatabaseSharesTheQueue() async throws {
        guard let base = PostgresTestServer.url else {
            if PostgresTestServer.required { Issue.record("MONAZITE_REQUIRE_POSTGRES=1 but MONAZITE_TEST_POSTGRES_URL is not set") }
            return
        }
        let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let url = base + (base.contains("?") ? "&" : "?") + "schema=" + schema
        let serverA = try await PostgresStore.connect(url: url)
        let serverB = try await PostgresStore.connect(url: url)
        do {
            #expect(try await serverA.enqueueJob(Self.job("shared", at: 5), maximumActive: 2))
            // Server B sees the job A queued, and its worker takes it; A's worker then finds none.
            #expect(try await serverB.simulationJob(id: "shared")?.state == "queued")
            let taken = try await serverB.claimJob(worker: "B", now: "2026-11-30T00:01:00Z", staleBefore: "2026-11-29T00:00:00Z")
            #expect(taken?.id == "shared")
            #expect(try await serverA.claimJob(worker: "A", now: "2026-11-30T00:01:00Z", staleBefore: "2026-11-29T00:00:00Z") == nil)
            // An import through A moves the revision B reads, so B's caches empty at once.
            let before = try await serverB.revision()
            try await Files.importObservations("release-1.csv", into: serverA)
            #expect(try await serverB.revision() > before)
        } catch {
            Issue.record("\(error)")
        }
        await serverB.shutdown()
        try await serverA.dropSchemaAndShutdown()
    }
}
