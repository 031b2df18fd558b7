import MonaziteCore
import Testing

@testable import MonaziteSimulation

/// Analytic cases with known answers.
@Suite struct DrawSimulatorTests {
    @Test(arguments: [(inventory: 20.0, start: 30), (inventory: 0.0, start: 10), (inventory: 45.0, start: 5), (inventory: 7.0, start: 100)])
    func stockOutComesInventoryDaysAfterTheCut(inventory: Double, start: Int) throws {
        let scenario = SimulationScenario(
            name: "cut", network: TestNetworks.chain(demand: 4, inventoryDays: inventory), horizonDays: 200,
            shocks: [Shock(id: "cut", startDay: start, endDay: 200, kind: .outage(nodes: ["CHN.mining"], lostShare: 1))])
        let (compiled, trace) = try TestNetworks.trace(scenario)
        let node = try #require(compiled.groups.firstIndex { $0.kind == .node("USA.evTraction") })
        #expect(trace.firstStockOutDay[node] == start + Int(inventory))
        #expect(trace.recoveryDay[node] == 200)
        let expectedUnmet = 4 * Double(200 - start - Int(inventory))
        #expect(abs(trace.cumulativeShortfallTonnes[node] - expectedUnmet) < 1e-9)
    }

    @Test func leadTimeAddsToTheTimeToStockOut() throws {
        let scenario = SimulationScenario(
            name: "cut", network: TestNetworks.chain(demand: 2, inventoryDays: 10, leadTimeDays: 15), horizonDays: 120,
            shocks: [Shock(id: "cut", startDay: 20, endDay: 60, kind: .outage(nodes: ["CHN.mining"], lostShare: 1))])
        let (compiled, trace) = try TestNetworks.trace(scenario)
        let node = try #require(compiled.groups.firstIndex { $0.kind == .node("USA.evTraction") })
        // Shipments stop on day 20 and arrive 15 days later; 10 days of stock then last to day 45.
        #expect(trace.firstStockOutDay[node] == 45)
        // Shipments resume on day 60 with the whole refill gap ordered at once; they land on day 75.
        #expect(trace.recoveryDay[node] == 75)
    }

    @Test func halfApprovalHalvesTheFlowAfterTheDelay() throws {
        let demand = 8.0, lead = 5, delay = 10, start = 20
        let scenario = SimulationScenario(
            name: "licence",
            network: TestNetworks.chain(demand: demand, inventoryDays: 0, leadTimeDays: lead, refillDays: 1e12),
            horizonDays: 80,
            shocks: [Shock(id: "lic", startDay: start, endDay: 80, kind: .licensing(
                LicensingScope(exporter: .china), approvedShare: 0.5, approvalDelayDays: delay))])
        let probe = FlowProbe(name: "CHN→USA", scope: LicensingScope(exporter: .china, destinations: [.unitedStates]))
        let (compiled, trace) = try TestNetworks.trace(scenario, probes: [probe])
        let shortfall = trace.dailyShortfallTonnes[0]
        let shipped = trace.probeTonnes[0]
        for t in 0..<compiled.horizonDays {
            // Exports count when they clear approval: nothing clears during the first `delay` days.
            let expectedExports = t < start ? demand : (t < start + delay ? 0 : demand / 2)
            #expect(abs(shipped[t] - expectedExports) < 1e-5, "exports on day \(t)")
            let expectedShortfall: Double
            if t < start + lead { expectedShortfall = 0 }
            else if t < start + lead + delay { expectedShortfall = demand }
            else { expectedShortfall = demand / 2 }
            #expect(abs(shortfall[t] - expectedShortfall) < 1e-5, "shortfall on day \(t)")
        }
    }

    @Test(arguments: [0.0, 1.0])
    func substitutionMovesOrdersToASupplierWithSpareCapacity(limit: Double) throws {
        var network = TestNetworks.chain(demand: 10, inventoryDays: 5, substitutionLimit: limit)
        network.nodes.append(NetworkNode(
            id: "AUS.mining", country: CountryCode("AUS") ?? .world, role: .production(.mining), capacityTonnesPerDay: 20))
        network.edges.append(NetworkEdge(supplier: "AUS.mining", buyer: "USA.evTraction", baselineShare: 0, leadTimeDays: 0))
        let scenario = SimulationScenario(
            name: "sub", network: network, horizonDays: 100,
            shocks: [Shock(id: "cut", startDay: 10, endDay: 100, kind: .outage(nodes: ["CHN.mining"], lostShare: 1))])
        let (compiled, trace) = try TestNetworks.trace(scenario)
        let node = try #require(compiled.groups.firstIndex { $0.kind == .node("USA.evTraction") })
        if limit == 0 {
            #expect(trace.firstStockOutDay[node] == 15)
        } else {
            // Short from day 10; after the 2-day delay the share ramps 0.2 a day: day 13 gets 20% of
            // the order from the spare Australian mine, enough with 20 t left in stock.
            #expect(trace.firstStockOutDay[node] == -1)
        }
    }
}
