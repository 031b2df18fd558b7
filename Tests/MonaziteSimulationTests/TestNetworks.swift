import MonaziteCore
import MonaziteSimulation

/// Small networks for analytic and property tests.
enum TestNetworks {
    /// A Chinese mine selling to one US end-use node: the simplest chain.
    static func chain(
        demand: Double, inventoryDays: Double, leadTimeDays: Int = 0, refillDays: Double = 1, capacity: Double = 100,
        substitutionLimit: Double = 0
    ) -> SupplyNetwork {
        SupplyNetwork(
            name: "chain",
            nodes: [
                NetworkNode(id: "CHN.mining", country: .china, role: .production(.mining), capacityTonnesPerDay: capacity),
                NetworkNode(
                    id: "USA.evTraction", country: .unitedStates, role: .endUse(.evTraction), demandTonnesPerDay: demand,
                    inventoryDays: inventoryDays, refillDays: refillDays, substitutionLimitShare: substitutionLimit,
                    substitutionDelayDays: 2, substitutionRampDays: 5),
            ],
            edges: [NetworkEdge(supplier: "CHN.mining", buyer: "USA.evTraction", baselineShare: 1, leadTimeDays: leadTimeDays)])
    }

    static func trace(_ scenario: SimulationScenario, probes: [FlowProbe] = []) throws -> (CompiledScenario, RunTrace) {
        let compiled = try CompiledScenario(scenario, probes: probes)
        let simulator = DrawSimulator(compiled)
        simulator.prepare(seed: 0, drawIndex: 0, sample: false)
        return (compiled, simulator.trace())
    }

    /// A random layered network: 1–3 countries per stage, 1–4 end-use nodes, random shares,
    /// capacities, yields, lead times, inventories and shocks. Deterministic for a seed.
    static func random(seed: UInt64) -> SimulationScenario {
        var rng = SplitMix64(seed: seed, drawIndex: 7)
        func uniform(_ a: Double, _ b: Double) -> Double { a + (b - a) * rng.nextUnit() }
        func int(_ a: Int, _ b: Int) -> Int { a + Int(rng.next() % UInt64(b - a + 1)) }
        let countries = [CountryCode.china, .unitedStates, CountryCode("JPN") ?? .world, CountryCode("AUS") ?? .world]
        var nodes: [NetworkNode] = []
        var edges: [NetworkEdge] = []
        var previous: [String] = []
        for stage in SupplyStage.allCases {
            var layer: [String] = []
            for c in 0..<int(1, 3) {
                let id = "\(countries[c].alpha3).\(stage.rawValue)"
                nodes.append(NetworkNode(
                    id: id, country: countries[c], role: .production(stage), capacityTonnesPerDay: uniform(1, 30),
                    yieldTonnesPerTonne: uniform(0.5, 3), inventoryDays: uniform(0, 60), refillDays: uniform(1, 40),
                    substitutionLimitShare: uniform(0, 1), substitutionDelayDays: int(0, 10), substitutionRampDays: uniform(1, 30)))
                layer.append(id)
            }
            if !previous.isEmpty {
                for buyer in layer { edges += randomEdges(from: previous, to: buyer, &rng) }
            }
            previous = layer
        }
        for k in 0..<int(1, 4) {
            let country = countries[int(0, 3)]
            let sector = EndUseSector.allCases[k]
            let id = "\(country.alpha3).\(sector.rawValue)"
            nodes.append(NetworkNode(
                id: id, country: country, role: .endUse(sector), demandTonnesPerDay: uniform(0.1, 5),
                inventoryDays: uniform(0, 90), refillDays: uniform(1, 30), substitutionLimitShare: uniform(0, 1),
                substitutionDelayDays: int(0, 5), substitutionRampDays: uniform(1, 20)))
            edges += randomEdges(from: previous, to: id, &rng)
        }
        let start = int(0, 50)
        let shocks = [
            Shock(id: "lic", startDay: start, endDay: start + int(0, 100), kind: .licensing(
                LicensingScope(exporter: .china), approvedShare: uniform(0, 1), approvalDelayDays: int(0, 30))),
            Shock(id: "out", startDay: int(0, 80), endDay: int(80, 150), kind: .outage(nodes: [nodes[int(0, nodes.count - 1)].id].filter { !$0.contains(".evTraction") && !$0.contains(".wind") && !$0.contains(".defense") && !$0.contains(".consumerElectronics") }, lostShare: uniform(0, 1))),
            Shock(id: "dem", startDay: int(0, 80), endDay: int(80, 150), kind: .demandChange(nodes: [nodes[nodes.count - 1].id], factor: uniform(0, 2))),
            Shock(id: "rel", startDay: int(0, 80), endDay: int(80, 150), kind: .stockRelease(nodes: [nodes[nodes.count - 1].id], tonnesPerDay: uniform(0, 2))),
        ]
        return SimulationScenario(
            name: "random \(seed)", network: SupplyNetwork(name: "random", nodes: nodes, edges: edges), horizonDays: 180,
            shocks: shocks,
            uncertain: [
                UncertainParameter(target: .shockApprovedShare("lic"), distribution: .uniform(min: 0, max: 1)),
                UncertainParameter(target: .inventoryDaysFactor, distribution: .triangular(min: 0.5, mode: 1, max: 1.5)),
                UncertainParameter(target: .shockApprovalDelayDays("lic"), distribution: .truncatedNormal(mean: 20, standardDeviation: 10, min: 0, max: 45)),
            ])
    }

    static func randomEdges(from suppliers: [String], to buyer: String, _ rng: inout SplitMix64) -> [NetworkEdge] {
        let weights = suppliers.map { _ in 0.05 + rng.nextUnit() }
        let total = weights.reduce(0, +)
        var shares = weights.map { $0 / total }
        shares[shares.count - 1] = 1 - shares.dropLast().reduce(0, +)
        return zip(suppliers, shares).map { supplier, share in
            NetworkEdge(supplier: supplier, buyer: buyer, baselineShare: share, leadTimeDays: Int(rng.next() % 40))
        }
    }
}
