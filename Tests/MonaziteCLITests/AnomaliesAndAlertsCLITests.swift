import ArgumentParser
import Foundation
import MonaziteAlerts
import MonaziteAnomalies
import MonaziteCore
import MonaziteDataset
import MonaziteStore
import Testing

@testable import MonaziteCLI

@Suite struct AnomaliesAndAlertsCLITests {
    static func bundledStorePath() async throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("monazite-cli-\(UUID().uuidString)")
        let path = dir.appendingPathComponent("store.sqlite").path
        let store: any TradeStore = try SQLiteStore(path: path)
        _ = try await BundledDataset.install(into: store)
        return path
    }

    static let rules = """
        rules:
          - id: magnets-world-mom
            type: series_change
            series: {reporter: CHN, partner: WLD, flow: export, commodity: "8505.11"}
            measure: mom
            threshold_pct: 100
        """

    @Test func alerts_fire_once_and_dry_run_repeats_them() async throws {
        let storePath = try await Self.bundledStorePath()
        let rulesPath = (storePath as NSString).deletingLastPathComponent + "/rules.yaml"
        try Self.rules.write(toFile: rulesPath, atomically: true, encoding: .utf8)
        let today = try #require(CalendarDay(parsing: "2025-07-21"))
        func run(dryRun: Bool) async throws -> AlertsRunner.Outcome {
            try await AlertsRunner(rulesPath: rulesPath, storePath: storePath, today: today, dryRun: dryRun, environment: [:]).run()
        }
        let first = try await run(dryRun: false)
        // As of 2025-07-21 the latest world figure is June 2025 (3,188 t against 1,238.47 t in May).
        #expect(first.alerts.map(\.key) == ["magnets-world-mom:CHN-WLD-export-850511:2025-06"])
        #expect(first.recorded == 1)
        #expect(try await run(dryRun: false).alerts.isEmpty)
        #expect(try await run(dryRun: true).alerts.count == 1)
        #expect(AlertsRunner.text(try await run(dryRun: false), dryRun: false) == "no new alerts for 2025-07-21\n")
    }

    @Test func rules_path_comes_from_the_option_then_the_environment() {
        #expect(AlertsRunner.configuredRulesPath(option: "a.yaml", environment: ["MONAZITE_ALERTS": "b.yaml"]) == "a.yaml")
        #expect(AlertsRunner.configuredRulesPath(option: nil, environment: ["MONAZITE_ALERTS": "b.yaml"]) == "b.yaml")
        #expect(AlertsRunner.configuredRulesPath(option: nil, environment: [:]) == nil)
    }

    @Test func anomaly_json_carries_signals_and_candidates() throws {
        // Synthetic series and event.
        let months = (0..<24).map { Month(index: 2024 * 12 + $0) }
        let series = MonthlySeries(months.enumerated().map { i, m in (m, i == 15 ? 10.0 : 100.0 + Double(i % 3)) })
        let report = AnomalyDetector().detect(series)
        let event = EventCandidate(
            id: "synthetic", title: "synthetic control", instrument: "synthetic instrument",
            day: try #require(CalendarDay(parsing: "2025-04-02")),
            direction: .tightening, source: "synthetic")
        let key = SeriesKey(reporter: .china, partner: .world, flow: .export, commodity: try #require(HSCode("8505.11")))
        let attributed = EventAttributor().attribute(
            report.anomalies, scope: SeriesScope(commodity: key.commodity, partner: key.partner), events: [event])
        let view = AnomalyReportView(
            key: key, from: months[0], to: months[23], report: report, attributed: attributed, eventCount: 1, lagMonths: 2)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(view.table.render(.json).utf8)) as? [String: Any])
        let anomalies = try #require(object["anomalies"] as? [[String: Any]])
        let april = try #require(anomalies.first { $0["month"] as? String == "2025-04" })
        #expect(april["direction"] as? String == "collapse")
        let candidates = try #require(april["candidates"] as? [[String: Any]])
        #expect(candidates.first?["id"] as? String == "synthetic")
        #expect((candidates.first?["evidence"] as? String)?.hasPrefix("effective 2025-04-02") == true)
        #expect(object["events_considered"] as? Int == 1)
    }

    @Test(arguments: [["anomalies", "--threshold", "0"], ["anomalies", "--lag-months", "99"], ["anomalies", "--penalty", "-1"]])
    func bad_anomaly_arguments_are_refused(_ arguments: [String]) {
        #expect(throws: (any Error).self) {
            var command = try MonaziteCommand.parseAsRoot(arguments)
            try command.validate()
        }
    }
}
