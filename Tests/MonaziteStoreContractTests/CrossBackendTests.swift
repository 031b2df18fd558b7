import Foundation
import MonaziteCore
import MonaziteDataset
import MonaziteStore
import Testing

/// The two backends side by side: the same imports give the same digest and the same answers.
@Suite struct CrossBackendTests {
    static var postgresOrSkip: Bool { PostgresTestServer.url != nil || PostgresTestServer.required }

    @Test(.enabled(if: postgresOrSkip, Comment(rawValue: PostgresTestServer.skipMessage)))
    func sameImportsGiveTheSameDigestAndAnswers() async throws {
        try await ContractStore.with(.sqlite) { sqlite in
            try await ContractStore.with(.postgres) { pg in
                for store in [sqlite, pg] {
                    _ = try await BundledDataset.install(into: store)
                    try await Files.importObservations("release-1.csv", into: store)
                    try await Files.importObservations("release-2.csv", into: store)
                }
                #expect(try await sqlite.contentDigest() == pg.contentDigest())
                #expect(try await sqlite.sourceSummaries() == pg.sourceSummaries())
                let a = try await sqlite.seriesList(), b = try await pg.seriesList()
                #expect(a.map(\.key) == b.map(\.key) && a.map(\.first) == b.map(\.first) && a.map(\.count) == b.map(\.count))
                #expect(try await sqlite.observations(for: Files.magnetsWorld, asOf: nil) == pg.observations(for: Files.magnetsWorld, asOf: nil))
                // The narrow freshness read gives, per series, what the whole observations give.
                let inputs = try await sqlite.freshnessInputs()
                #expect(inputs.count == a.count)
                #expect(try await pg.freshnessInputs() == inputs)
                for key in a.map(\.key) {
                    let whole = try await sqlite.observations(for: key, asOf: nil)
                    #expect(whole.map(FreshnessInput.init) == inputs[key], "\(key)")
                    #expect(SeriesFreshness(observations: whole, on: CalendarDay(year: 2026, month: 11, day: 30)!)
                        == SeriesFreshness(inputs: inputs[key] ?? [], on: CalendarDay(year: 2026, month: 11, day: 30)!))
                }
                let magnets = try #require(HSCode("8505.11"))
                #expect(
                    try await sqlite.partnerObservations(reporter: .china, flow: .export, commodity: magnets, asOf: nil)
                        == pg.partnerObservations(reporter: .china, flow: .export, commodity: magnets, asOf: nil))
                for measure in [Indicator.Measure.production, .reserves, .stageShare, .importSourceShare] {
                    #expect(try await sqlite.indicators(measure: measure, stage: nil) == pg.indicators(measure: measure, stage: nil))
                }
                #expect(
                    try await sqlite.salientStatistics(country: .unitedStates, edition: nil)
                        == pg.salientStatistics(country: .unitedStates, edition: nil))
            }
        }
    }
}
