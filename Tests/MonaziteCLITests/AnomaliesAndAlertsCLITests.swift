import ArgumentParser
import Foundation
import MonaziteAlerts
import MonaziteAnomalies
import MonaziteCore
import MonaziteDataset
import MonaziteStore
import MonaziteService
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
        let text = AlertsRunner.text(try await run(dryRun: false), dryRun: false)
        #expect(text.hasPrefix("no new alerts for 2025-07-21\n"))
        // The check names the latest month the store holds for each watched series.
        #expect(text.contains("watched CHN export 8505.11 to WLD: latest month 2025-06 (released 2025-07-20)"))
    }

    @Test func rules_path_comes_from_the_option_then_the_environment() {
        #expect(AlertsRunner.configuredRulesPath(option: "a.yaml", environment: ["MONAZITE_ALERTS": "b.yaml"]) == "a.yaml")
        #expect(AlertsRunner.configuredRulesPath(option: nil, environment: ["MONAZITE_ALERTS": "b.yaml"]) == "b.yaml")
        #expect(AlertsRunner.configuredRulesPath(option: nil, environment: [:]) == nil)
    }

    @Test func anomalies_of_the_bundled_series_weigh_season_and_derived_months() async throws {
        let store = try SQLiteStore(path: try await Self.bundledStorePath())
        let events = try await PolicyBridge.events(store: store)
        let key = SeriesKey(reporter: .china, partner: .world, flow: .export, commodity: try #require(HSCode("8505.11")))
        let answer = try await AnomalyQueries.anomalies(store: store, key: key, events: events)
        let february = try #require(answer.anomalies.first { $0.month == "2025-02" })
        // February 2025 is a derived month in the Lunar New Year season: neither tungsten nor any
        // other control is put forward as its cause, and both caveats are shown.
        #expect(february.events.isEmpty)
        #expect(february.context.contains { $0.contains("derived from 2025-H1:level") })
        #expect(february.context.contains { $0.contains("Lunar New Year fell on 2025-01-29") })
        let april = try #require(answer.anomalies.first { $0.month == "2025-04" })
        #expect(april.events.first?.id == "mofcom-2025-18")
        #expect(!april.events.contains { $0.id == "mofcom-2025-10" })
        // No instrument twice, and no tightening behind a surge.
        for a in answer.anomalies {
            #expect(Set(a.events.map(\.instrument)).count == a.events.count)
            #expect(a.events.allSatisfy { $0.direction == (a.direction == "surge" ? "easing" : "tightening") })
        }
        // A window that cuts off the base months keeps them: June 2025 is still scored against 2024.
        let window = try await AnomalyQueries.anomalies(
            store: store, key: key, from: Month(year: 2025, month: 5), to: Month(year: 2025, month: 6), events: events)
        #expect(window.anomalies.map(\.month) == ["2025-05", "2025-06"])
        #expect(window.anomalies.first?.signals.contains { $0.method == "yoy" } == true)
        // The JSON is the typed answer, every key present.
        let object = try #require(try JSONSerialization.jsonObject(with: JSONOutput.data(answer)) as? [String: Any])
        #expect(object["events_considered"] as? Int == events.count)
        #expect((object["anomalies"] as? [[String: Any]])?.first?.keys.contains("quantity_t") == true)
    }

    @Test(arguments: [["anomalies", "--threshold", "0"], ["anomalies", "--lag-months", "99"], ["anomalies", "--penalty", "-1"]])
    func bad_anomaly_arguments_are_refused(_ arguments: [String]) {
        #expect(throws: (any Error).self) {
            var command = try MonaziteCommand.parseAsRoot(arguments)
            try command.validate()
        }
    }
}
