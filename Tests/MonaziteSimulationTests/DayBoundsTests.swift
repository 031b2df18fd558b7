import MonaziteScenario
import MonaziteSimulation
import Testing

/// Day counts beyond what the engine's day arithmetic can hold are refused with a line, not a
/// crash. Found by the `network` fuzz harness on 2026-11-30: a `leadTimeDays` of 10^80 trapped
/// ("Double value cannot be converted to Int") after 791,330 executions.
@Suite struct DayBoundsTests {
    /// The fuzzer's input, as it wrote it (`.build-fuzz/findings/network-crash-caaa541e…`).
    static let fuzzFinding = """
        name: loop
        nodes:
          - {id: CHN.mining, country: CHN, stage: mining, capacityTonnesPerDay: 5}
          - {id: CHN.magnet, country: CHN, stage: magnet, capacityTonnesPerDay: 7}
          - {id: JPN.magnet, country: JPN, stage: magnet, capacityTonnesPerDay: 4}
        edges:
          - {from: CHN.mining, to: CHN.magnet, share: 0.5, leadTimeDays: 1}
          - {from: JPN.magnet, to: CHN.magnet, share: 0.5, leadTimeDays: 777777777777777777777777777777777777777777777777777777777777777777777777777777772}
          - {from: CHN.magnet, to: JPN.magnet, share: 1, leadTimeDays: 1}
        """

    @Test func theFuzzersHugeLeadTimeIsAnErrorAtItsLine() {
        #expect(throws: ScenarioFileError.self) { try NetworkFile(yaml: Self.fuzzFinding, file: "n.yaml") }
        do {
            _ = try NetworkFile(yaml: Self.fuzzFinding, file: "n.yaml")
        } catch {
            #expect(error.line == 8, "\(error)")
            #expect(error.reason.contains("from 0 to 100000"), "\(error)")
        }
    }

    @Test(arguments: [
        ("leadTimeDays: 3", "leadTimeDays: 100001", "from 0 to 100000"),
        ("inventoryDays: {value: 5, assumption: true}", "inventoryDays: {value: 5, assumption: true}\n    substitutionDelayDays: 1e300", "beyond 100000 days"),
    ])
    func hugeDaysInANetworkAreRefused(original: String, replacement: String, reason: String) {
        let text = ScenarioFileTests.network.replacingOccurrences(of: original, with: replacement)
        #expect(text != ScenarioFileTests.network)
        do {
            _ = try NetworkFile(yaml: text, file: "n.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.reason.contains(reason), "\(error)")
        }
    }

    /// Day counts YAML reads as whole numbers (up to 10^12) but the engine turns into day indexes
    /// and buffers sized by the longest delay, and distribution bounds beyond any Int.
    @Test(arguments: [
        "shocks:\n  - {id: s, kind: outage, nodes: [CHN.magnet], lostShare: 1, startDay: 999999999999, durationDays: 1}\n",
        "shocks:\n  - {id: s, kind: outage, nodes: [CHN.magnet], lostShare: 1, startDay: 1, durationDays: 999999999999}\n",
        "shocks:\n  - {id: s, kind: outage, nodes: [CHN.magnet], lostShare: 1, startDay: 1, endDay: 999999999999}\n",
        "shocks:\n  - {id: s, kind: licensing, exporter: CHN, approvedShare: 0.5, approvalDelayDays: 999999999999, startDay: 1}\n",
        "shocks:\n  - {id: s, kind: licensing, exporter: CHN, approvedShare: 0.5, startDay: 1}\nuncertain:\n  - {parameter: shock.s.approvalDelayDays, distribution: uniform, min: 0, max: 1e300}\n",
        "shocks:\n  - {id: s, kind: outage, nodes: [CHN.magnet], lostShare: 1, startDay: 1}\nuncertain:\n  - {parameter: shock.s.startDay, distribution: uniform, min: 0, max: 1e300}\n",
        "shocks:\n  - {id: s, kind: outage, nodes: [CHN.magnet], lostShare: 1, startDay: 1}\nuncertain:\n  - {parameter: shock.s.durationDays, distribution: fixed, value: 1e19}\n",
        "startDate: 2026-01-01\nshocks:\n  - {id: s, kind: outage, nodes: [CHN.magnet], lostShare: 1, startDate: 9999-12-31}\n",
        "stockOutByDay: 999999999999\n",
    ])
    func hugeDaysInAScenarioAreRefused(_ body: String) {
        do {
            _ = try ScenarioFileTests.loadScenario(ScenarioFileTests.scenario(body))
            Issue.record("expected an error for \(body)")
        } catch {
            #expect(error.reason.contains("100000"), "\(error)")
        }
    }
}
