import MonaziteCore
import Testing

@testable import MonaziteSimulation

@Suite struct MonteCarloRunnerTests {
    static let scenario = TestNetworks.random(seed: 3)

    @Test func sameSeedGivesTheSameResultForAnyNumberOfWorkers() async throws {
        let compiled = try CompiledScenario(Self.scenario)
        let one = await MonteCarloRunner.run(compiled, runs: 37, seed: 42, workers: 1, recordDaily: true)
        let three = await MonteCarloRunner.run(compiled, runs: 37, seed: 42, workers: 3, recordDaily: true)
        let again = await MonteCarloRunner.run(compiled, runs: 37, seed: 42, workers: 2, recordDaily: true)
        #expect(one.cumulativeShortfallTonnes == three.cumulativeShortfallTonnes)
        #expect(one.firstStockOutDay == three.firstStockOutDay)
        #expect(one.recoveryDay == three.recoveryDay)
        #expect(one.daily == three.daily)
        #expect(one.drawnValues == again.drawnValues)
        #expect(one.cumulativeShortfallTonnes.map(\.bitPattern) == again.cumulativeShortfallTonnes.map(\.bitPattern))
    }

    /// The server's job path (one chunk on a thread of its own) gives the bits of the task path.
    @Test func onTheCurrentThreadGivesTheSameBitsAsTheTaskPath() async throws {
        let compiled = try CompiledScenario(Self.scenario)
        let tasks = await MonteCarloRunner.run(compiled, runs: 37, seed: 42, workers: 3, recordDaily: true)
        let here = MonteCarloRunner.runOnCurrentThread(compiled, runs: 37, seed: 42, recordDaily: true)
        #expect(here.runs == 37 && here.cumulativeShortfallTonnes.count == tasks.cumulativeShortfallTonnes.count)
        #expect(here.cumulativeShortfallTonnes.map(\.bitPattern) == tasks.cumulativeShortfallTonnes.map(\.bitPattern))
        #expect(here.firstStockOutDay == tasks.firstStockOutDay)
        #expect(here.recoveryDay == tasks.recoveryDay)
        #expect(here.drawnValues == tasks.drawnValues)
        #expect(here.daily == tasks.daily)
    }

    @Test(arguments: 0..<12)
    func laneGroupsEqualTheOneDrawStepBitForBit(seed: Int) async throws {
        let compiled = try CompiledScenario(TestNetworks.random(seed: UInt64(100 + seed)))
        // 11 draws leave spare lanes in groups of 4 and 8; daily series are compared too.
        let one = await MonteCarloRunner.run(compiled, runs: 11, seed: UInt64(seed), workers: 2, recordDaily: true, laneWidth: .one)
        for width in [MonteCarloRunner.LaneWidth.four, .eight] {
            let lanes = await MonteCarloRunner.run(compiled, runs: 11, seed: UInt64(seed), workers: 2, recordDaily: true, laneWidth: width)
            #expect(one.cumulativeShortfallTonnes.map(\.bitPattern) == lanes.cumulativeShortfallTonnes.map(\.bitPattern))
            #expect(one.firstStockOutDay == lanes.firstStockOutDay)
            #expect(one.recoveryDay == lanes.recoveryDay)
            #expect(one.drawnValues == lanes.drawnValues)
            #expect(one.daily.map { $0.map(\.bitPattern) } == lanes.daily.map { $0.map(\.bitPattern) })
        }
        // The daily series must not change the outcome.
        let summaryOnly = await MonteCarloRunner.run(compiled, runs: 11, seed: UInt64(seed), workers: 1)
        #expect(summaryOnly.cumulativeShortfallTonnes == one.cumulativeShortfallTonnes)
    }

    @Test func differentSeedsDrawDifferentInputs() async throws {
        let compiled = try CompiledScenario(Self.scenario)
        let a = await MonteCarloRunner.run(compiled, runs: 8, seed: 1)
        let b = await MonteCarloRunner.run(compiled, runs: 8, seed: 2)
        #expect(a.drawnValues != b.drawnValues)
    }

    @Test func drawnValuesStayInsideTheirDistributions() async throws {
        let compiled = try CompiledScenario(Self.scenario)
        let result = await MonteCarloRunner.run(compiled, runs: 200, seed: 5)
        let u = result.uncertainNames.count
        for d in 0..<result.runs {
            for (k, parameter) in Self.scenario.uncertain.enumerated() {
                #expect(parameter.distribution.bounds.contains(result.drawnValues[d * u + k]))
            }
        }
    }

    @Test func percentilesInterpolateLinearly() {
        #expect(Percentile.of(sorted: [1, 2, 3, 4, 5], 0.5) == 3)
        #expect(Percentile.of(sorted: [0, 10], 0.05) == 0.5)
        #expect(Percentile.of(sorted: [7], 0.95) == 7)
        #expect(Percentile.of(sorted: [], 0.5) == nil)
    }

    @Test func summaryCountsStockOutsByDay() async throws {
        let scenario = SimulationScenario(
            name: "cut", network: TestNetworks.chain(demand: 1, inventoryDays: 10), horizonDays: 100,
            shocks: [Shock(id: "cut", startDay: 0, endDay: 100, kind: .outage(nodes: ["CHN.mining"], lostShare: 1))],
            uncertain: [UncertainParameter(target: .nodeInventoryDays("USA.evTraction"), distribution: .uniform(min: 0, max: 80))])
        let compiled = try CompiledScenario(scenario)
        let result = await MonteCarloRunner.run(compiled, runs: 400, seed: 11)
        let summary = SimulationSummary(result, scenario: "cut", network: "chain", stockOutByDay: 40)
        let total = try #require(summary.groups.first)
        // Stock-out on day ⌊I⌋ with I ~ U(0, 80): P(day ≤ 40) ≈ 0.5.
        #expect(abs(total.stockOutProbabilityByDay - 0.5) < 0.1)
        #expect(total.stockOutProbability == 1)
        // Several days at once: P(⌊I⌋ ≤ D) ≈ (D + 1) / 80 for I ~ U(0, 80); the day of the single figure agrees exactly.
        let checked = SimulationSummary(result, scenario: "cut", network: "chain", stockOutByDay: 40, checkpointDays: [20, 40, 60])
        let p = try #require(checked.groups.first).stockOutProbabilityByCheckpoint
        #expect(p.count == 3)
        #expect(abs(p[0] - 0.26) < 0.1 && abs(p[2] - 0.76) < 0.1)
        #expect(p[1] == total.stockOutProbabilityByDay)
        #expect(summary.groups.first?.stockOutProbabilityByCheckpoint == [])
    }
}
