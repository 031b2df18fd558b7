import MonaziteCore
import Testing

@testable import MonaziteSimulation

/// Exempt shares, queued refused orders and dated licence steps, on a one-edge chain where the
/// flows can be worked out by hand (refill so slow that only use is ordered).
@Suite struct LicenceTermsTests {
    static let demand = 10.0, lead = 3, delay = 8, start = 10, end = 40

    static func licence(exempt: Double = 0, queue: Bool = false, schedule: [LicenceStep] = []) -> Shock {
        Shock(
            id: "lic", startDay: start, endDay: end,
            kind: .licensing(LicensingScope(exporter: .china), approvedShare: 0.25, approvalDelayDays: delay),
            exemptShare: exempt, queuesRefusedOrders: queue, schedule: schedule)
    }

    static func exports(_ shock: Shock, network: SupplyNetwork? = nil) throws -> (CompiledScenario, RunTrace) {
        let scenario = SimulationScenario(
            name: "terms", network: network ?? TestNetworks.chain(demand: demand, inventoryDays: 0, leadTimeDays: lead, refillDays: 1e12, capacity: 1000),
            horizonDays: 80, shocks: [shock])
        return try TestNetworks.trace(scenario, probes: [FlowProbe(name: "CHN→USA", scope: LicensingScope(exporter: .china))])
    }

    @Test func exemptOrdersClearAtOnceAndTheRestAfterTheDelay() throws {
        let (_, trace) = try Self.exports(Self.licence(exempt: 0.4))
        let shipped = trace.probeTonnes[0]
        // Passed: 0.4 exempt + 0.6 × 0.25 licensed = 0.55 of the order.
        for t in Self.start..<(Self.start + Self.delay) { #expect(abs(shipped[t] - 4) < 1e-9, "day \(t)") }
        for t in (Self.start + Self.delay)..<Self.end { #expect(abs(shipped[t] - 5.5) < 1e-9, "day \(t)") }
    }

    @Test func refusedOrdersThatQueueAreShippedWhenTheLicenceEnds() throws {
        let (_, lost) = try Self.exports(Self.licence())
        let (_, queued) = try Self.exports(Self.licence(queue: true))
        let afterLost = lost.probeTonnes[0][Self.end...].reduce(0, +)
        let afterQueued = queued.probeTonnes[0][Self.end...].reduce(0, +)
        // Without a queue, flows return to the baseline once the last delayed shipments have
        // cleared; with one, the backlog comes on top.
        #expect(abs(lost.probeTonnes[0][Self.end + Self.delay] - Self.demand) < 1e-9)
        #expect(afterQueued > afterLost + 100)
        #expect((queued.probeTonnes[0].max() ?? 0) > Self.demand * 1.5)
        // Nothing is lost: over the horizon the queued case ships every tonne demanded, the other does not.
        #expect(abs(queued.probeTonnes[0].reduce(0, +) - Self.demand * 80) < 1e-3)  // daily series are Float
        #expect(lost.probeTonnes[0].reduce(0, +) < Self.demand * 80 - 100)
    }

    @Test func aDatedStepForNamedBuyersOverridesTheTermsFromItsDay() throws {
        var network = TestNetworks.chain(demand: Self.demand, inventoryDays: 0, leadTimeDays: Self.lead, refillDays: 1e12)
        network.nodes.append(NetworkNode(
            id: "USA.wind", country: .unitedStates, role: .endUse(.wind), demandTonnesPerDay: Self.demand, inventoryDays: 0,
            refillDays: 1e12))
        network.edges.append(NetworkEdge(supplier: "CHN.mining", buyer: "USA.wind", baselineShare: 1, leadTimeDays: Self.lead))
        let step = LicenceStep(id: "ev", startDay: 20, buyers: ["USA.evTraction"], approvedShare: 1, approvalDelayDays: 0)
        let scenario = SimulationScenario(name: "step", network: network, horizonDays: 80, shocks: [Self.licence(schedule: [step])])
        let (compiled, trace) = try TestNetworks.trace(scenario)
        let ev = try #require(compiled.groups.firstIndex { $0.kind == .node("USA.evTraction") })
        let wind = try #require(compiled.groups.firstIndex { $0.kind == .node("USA.wind") })
        // From day 20 the EV maker's orders pass in full and undelayed (arriving after the lead
        // time); the wind buyer keeps a quarter, delayed.
        #expect(trace.recoveryDay[ev] == 20 + Self.lead)
        #expect(trace.recoveryDay[wind] == Self.end + Self.lead)
        #expect(trace.cumulativeShortfallTonnes[ev] < trace.cumulativeShortfallTonnes[wind] - 50)
    }

    @Test func stepsAndQueuesConserveMass() throws {
        var shock = Self.licence(exempt: 0.3, queue: true, schedule: [LicenceStep(id: "s", startDay: 25, approvedShare: 0.6, approvalDelayDays: 2)])
        shock.endDay = 60
        let scenario = SimulationScenario(
            name: "mass", network: TestNetworks.chain(demand: 3, inventoryDays: 20, leadTimeDays: 12, refillDays: 10),
            horizonDays: 200, shocks: [shock],
            uncertain: [
                UncertainParameter(target: .shockApprovedShare("lic.s"), distribution: .uniform(min: 0, max: 1)),
                UncertainParameter(target: .shockExemptShare("lic"), distribution: .uniform(min: 0, max: 1)),
            ])
        MassBalanceTests.check(try CompiledScenario(scenario), draws: 0..<6, seed: 4)
    }
}

@Suite struct CalendarAndMonthsTests {
    @Test(arguments: ["1970-01-01", "2024-02-29", "2025-04-04", "2026-11-10", "2000-12-31"])
    func datesRoundTrip(text: String) throws {
        let date = try #require(CalendarDate(text))
        #expect(CalendarDate(daysSinceEpoch: date.daysSinceEpoch) == date)
        #expect(date.description == text)
    }

    @Test func dayNumbersAndSpans() throws {
        let start = try #require(CalendarDate("2025-04-04"))
        #expect(start.days(to: try #require(CalendarDate("2025-06-02"))) == 59)
        #expect(CalendarDate("2025-02-29") == nil)
        let janFeb = try #require(MonthlyObservation(period: "2026-01..02", destination: "WLD", observedTonnes: 1, inSample: false))
        #expect(janFeb.dayCount == 59)
        #expect(janFeb.period == "2026-01..02")
        let april = try #require(MonthlyObservation(period: "2025-04", destination: "WLD", observedTonnes: 1, inSample: true))
        #expect(april.dayCount == 30)
    }

    @Test func monthlyTotalsAddPreStartDaysAtTheBaselineRate() throws {
        let scenario = SimulationScenario(name: "flat", network: TestNetworks.chain(demand: 2, inventoryDays: 5), horizonDays: 60)
        let compiled = try CompiledScenario(scenario, probes: [FlowProbe(name: "all", scope: LicensingScope(exporter: .china))])
        let flows = MonthlyFlows(compiled: compiled, startDate: try #require(CalendarDate("2025-04-04")))
        let daily = [Float](repeating: 2, count: 60)
        let april = try #require(MonthlyObservation(period: "2025-04", destination: "WLD", observedTonnes: 1, inSample: true))
        let june = try #require(MonthlyObservation(period: "2025-06", destination: "WLD", observedTonnes: 1, inSample: true))
        daily.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            #expect(flows.total(april, probe: 0, daily: base) == 60)  // 3 days before day 0 + 27 simulated, 2 t each
            #expect(flows.total(june, probe: 0, daily: base) == nil)  // ends after the 60-day horizon
        }
    }
}

@Suite struct MonthlyObservationPeriodTests {
    @Test func monthsAndSpansWithinAYearAreReadAndEverythingElseRefused() throws {
        let feb = try #require(MonthlyObservation(period: "2024-02", destination: "WLD", observedTonnes: 1, inSample: true))
        #expect(feb.firstDay.description == "2024-02-01" && feb.lastDay.description == "2024-02-29" && feb.dayCount == 29)
        let span = try #require(MonthlyObservation(period: "2025-01..02", destination: "WLD", observedTonnes: 1, inSample: true))
        #expect(span.lastDay.description == "2025-02-28" && span.period == "2025-01..02")
        for bad in ["", "..", "2025", "2025-Q1", "2025-H1", "2025-11..2026-02", "2025-13", "2025-03..02"] {
            #expect(MonthlyObservation(period: bad, destination: "WLD", observedTonnes: 1, inSample: true) == nil, "\(bad)")
        }
    }
}
