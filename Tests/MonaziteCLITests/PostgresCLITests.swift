import ArgumentParser
import Foundation
import MonaziteCore
import MonazitePolicy
import MonaziteStore
import MonaziteStorePostgres
import Testing

@testable import MonaziteCLI

/// The policy and alert commands on a PostgreSQL store (they used to say "SQLite only"). Runs when
/// `MONAZITE_TEST_POSTGRES_URL` names a server; with `MONAZITE_REQUIRE_POSTGRES=1` and no URL it fails.
@Suite struct PostgresCLITests {
    static var baseURL: String? { ProcessInfo.processInfo.environment["MONAZITE_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 } }
    static var enabled: Bool { baseURL != nil || ProcessInfo.processInfo.environment["MONAZITE_REQUIRE_POSTGRES"] == "1" }

    static func run(_ arguments: [String]) async throws {
        var command = try MonaziteCommand.parseAsRoot(arguments)
        if var asyncCommand = command as? any AsyncParsableCommand { try await asyncCommand.run() } else { try command.run() }
    }

    @Test(.enabled(if: enabled, "MONAZITE_TEST_POSTGRES_URL is not set"))
    func eventsLicencesAndAlertsWorkOnPostgres() async throws {
        let base = try #require(Self.baseURL, "MONAZITE_REQUIRE_POSTGRES=1 but MONAZITE_TEST_POSTGRES_URL is not set")
        let schema = "t_cli_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let url = base + (base.contains("?") ? "&" : "?") + "schema=" + schema
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("monazite-pg-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try await Self.run(["init", "--store", url, "--format", "json"])
        let store = try await PostgresStore.connect(url: url)
        do {
            let events = dir.appendingPathComponent("events.yaml")
            try PolicyImportCLITests.synthetic.write(to: events, atomically: true, encoding: .utf8)
            try await Self.run(["events", "import", events.path, "--store", url, "--format", "json"])
            #expect(try await store.policyEvents().map(\.id) == ["synthetic-ok"])
            // Importing it again is refused whole: the timeline read from the store already has it.
            do {
                try await Self.run(["events", "import", events.path, "--store", url])
                Issue.record("a second import was accepted")
            } catch {
                #expect("\(error)".contains("duplicate id 'synthetic-ok': already on the timeline"), "got: \(error)")
            }
            let timeline = try await StoreOptions.parse(["--store", url]).policyTimeline()
            #expect(timeline.events.contains { $0.id == "synthetic-ok" })
            #expect(timeline.notes.last?.hasSuffix(", 1 imported") == true)

            try await Self.run([
                "licences", "add", "--store", url, "--holder", "synthetic holder", "--item", "Dy", "--destination", "USA",
                "--granted", "2025-06-01", "--expires", "2025-08-01", "--kind", "general", "--reference", "SYN-1",
            ])
            try await Self.run(["licences", "--store", url, "--on", "2025-07-21", "--format", "json"])
            #expect(try await store.licences().map(\.reference) == ["SYN-1"])

            let rules = dir.appendingPathComponent("rules.yaml").path
            try AnomaliesAndAlertsCLITests.rules.write(toFile: rules, atomically: true, encoding: .utf8)
            let today = try #require(CalendarDay(parsing: "2025-07-21"))
            let runner = AlertsRunner(rulesPath: rules, storePath: url, today: today, dryRun: false, environment: [:])
            let first = try await runner.run()
            #expect(first.alerts.map(\.key) == ["magnets-world-mom:CHN-WLD-export-850511:2025-06"])
            #expect(first.recorded == 1)
            #expect(try await runner.run().alerts.isEmpty)
            #expect(try await store.firedAlertKeys() == ["magnets-world-mom:CHN-WLD-export-850511:2025-06"])
        } catch {
            try? await store.dropSchemaAndShutdown()
            throw error
        }
        try await store.dropSchemaAndShutdown()
    }
}
