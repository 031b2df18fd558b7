import MonaziteCore
import Testing

@testable import MonaziteSimulation

/// Conservation and non-negativity, checked every day, on fixed and random networks.
@Suite struct MassBalanceTests {
    static func check(_ compiled: CompiledScenario, draws: Range<Int>, seed: UInt64) {
        let simulator = DrawSimulator(compiled)
        for d in draws {
            simulator.prepare(seed: seed, drawIndex: d)
            let trace = simulator.trace()
            for day in trace.massBalance {
                let scale = max(1, day.stocksBeforeTonnes + day.producedTonnes + day.releasedTonnes)
                #expect(abs(day.residualTonnes) <= 1e-9 * scale, "draw \(d) day \(day.day): residual \(day.residualTonnes)")
                #expect(day.minimumInventoryTonnes >= 0, "draw \(d) day \(day.day)")
            }
            for value in trace.cumulativeShortfallTonnes { #expect(value >= 0) }
        }
    }

    @Test(arguments: 0..<40)
    func randomNetworksConserveMassAndKeepStocksNonNegative(seed: Int) throws {
        let scenario = TestNetworks.random(seed: UInt64(seed))
        let compiled = try CompiledScenario(scenario)
        Self.check(compiled, draws: 0..<3, seed: UInt64(seed))
    }

    @Test func chainWithLicensingConservesMass() throws {
        let scenario = SimulationScenario(
            name: "licence", network: TestNetworks.chain(demand: 3, inventoryDays: 30, leadTimeDays: 12), horizonDays: 365,
            shocks: [
                Shock(id: "lic", startDay: 10, endDay: 200, kind: .licensing(LicensingScope(exporter: .china), approvedShare: 0.3, approvalDelayDays: 20)),
                Shock(id: "rel", startDay: 50, endDay: 60, kind: .stockRelease(nodes: ["USA.evTraction"], tonnesPerDay: 1)),
            ],
            uncertain: [UncertainParameter(target: .shockDurationDays("lic"), distribution: .uniform(min: 30, max: 300))])
        Self.check(try CompiledScenario(scenario), draws: 0..<5, seed: 9)
    }
}
