import MonaziteCore
import Testing

@testable import MonaziteSimulation

/// ABC-SMC on data the model itself produced with a known approved share.
@Suite struct CalibrationTests {
    static let start = CalendarDate("2025-04-01") ?? CalendarDate(daysSinceEpoch: 0)

    static func problem(observedShare: Double) throws -> CalibrationProblem {
        let shock = Shock(
            id: "lic", startDay: 0, endDay: 120,
            kind: .licensing(LicensingScope(exporter: .china), approvedShare: observedShare, approvalDelayDays: 0))
        let network = TestNetworks.chain(demand: 10, inventoryDays: 0, leadTimeDays: 2, refillDays: 1e12)
        var scenario = SimulationScenario(name: "fit", network: network, horizonDays: 120, shocks: [shock])
        let probe = FlowProbe(name: "all", scope: LicensingScope(exporter: .china))
        // "Observed": the model's own monthly totals at the true share.
        let truth = try TestNetworks.trace(scenario, probes: [probe]).1.probeTonnes[0]
        let months = [("2025-04", 0..<30), ("2025-05", 30..<61), ("2025-06", 61..<91)]
        let observations = try months.map { period, days in
            try #require(MonthlyObservation(period: period, destination: "WLD", observedTonnes: days.reduce(0) { $0 + truth[$1] }, inSample: true))
        }
        scenario.uncertain = [
            UncertainParameter(target: .shockApprovedShare("lic"), distribution: .uniform(min: 0, max: 1)),
            UncertainParameter(target: .inventoryDaysFactor, distribution: .fixed(1)),
        ]
        return try CalibrationProblem(
            scenario: scenario, probes: [probe], startDate: start, observations: observations, probeIndex: ["WLD": 0])
    }

    @Test func recoversAKnownApprovedShare() async throws {
        let result = await ABCSMC.run(try Self.problem(observedShare: 0.35), settings: ABCSMCSettings(particles: 200, generations: 4, seed: 3))
        #expect(result.fitted == [0])
        #expect(result.tolerances.count == 5)
        #expect(zip(result.tolerances, result.tolerances.dropFirst()).allSatisfy { $0 >= $1 })
        let rows = result.resample(200, seed: 3).map { $0[0] }.sorted()
        let median = try #require(Percentile.of(sorted: rows, 0.5))
        #expect(abs(median - 0.35) < 0.03)
        // The posterior is much narrower than the uniform prior (P5–P95 width 0.9).
        #expect((Percentile.of(sorted: rows, 0.95) ?? 1) - (Percentile.of(sorted: rows, 0.05) ?? 0) < 0.2)
    }

    @Test func sameSeedSameParticlesWhateverTheWorkers() async throws {
        let problem = try Self.problem(observedShare: 0.6)
        let settings = ABCSMCSettings(particles: 60, generations: 2, seed: 11)
        let one = await ABCSMC.run(problem, settings: settings, workers: 1)
        let three = await ABCSMC.run(problem, settings: settings, workers: 3)
        #expect(one.particles == three.particles)
        #expect(one.weights == three.weights)
        var other = settings
        other.seed = 12
        let different = await ABCSMC.run(problem, settings: other, workers: 2)
        #expect(different.particles != one.particles)
    }

    @Test func naiveForecastsUseTheYearBeforeAndTheLastSampleMonth() throws {
        func o(_ p: String, _ t: Double, _ inSample: Bool = false) throws -> MonthlyObservation {
            try #require(MonthlyObservation(period: p, destination: "WLD", observedTonnes: t, inSample: inSample))
        }
        let history = [try o("2025-01", 60), try o("2025-02", 40), try o("2025-06", 3000, true), try o("2024-07", 5278)]
        #expect(NaiveForecast.seasonal(try o("2026-01..02", 1), history: history) == 100)
        #expect(NaiveForecast.seasonal(try o("2025-07", 1), history: history) == 5278)
        #expect(NaiveForecast.seasonal(try o("2025-08", 1), history: history) == nil)
        // June's 100 t a day over July's 31 days.
        #expect(NaiveForecast.persistence(try o("2025-07", 1), history: history) == 3100)
    }
}
