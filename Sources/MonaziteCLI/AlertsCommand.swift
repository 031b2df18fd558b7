import MonaziteService
import ArgumentParser
import Foundation
import MonaziteAlerts
import MonaziteCore

/// `monazite alerts`: alert rules evaluated against the store.
struct AlertsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts", abstract: "Alert rules (series changes, new controls, deadlines): evaluate and deliver.",
        subcommands: [AlertsCheckCommand.self])
}

/// `monazite alerts check`: evaluates a rules file now and delivers new alerts.
struct AlertsCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Evaluate alert rules; print new alerts, post them to the file's webhooks and remember them so they fire once.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Rules file (YAML). Default: $MONAZITE_ALERTS.") var rules: String?
    @Option(help: "Evaluate as of this day (YYYY-MM-DD). Default: today (UTC).") var today: String?
    @Flag(name: .customLong("dry-run"), help: "Evaluate and print only: no webhooks, nothing marked as fired, earlier alerts shown again.")
    var dryRun = false

    func run() async throws {
        guard let path = AlertsRunner.configuredRulesPath(option: rules) else {
            throw ValidationError("no rules file: pass --rules FILE or set MONAZITE_ALERTS")
        }
        var day = AlertsRunner.utcToday()
        if let today {
            guard let d = CalendarDay(parsing: today) else { throw ValidationError("--today: \"\(today)\" is not a date (YYYY-MM-DD)") }
            day = d
        }
        let runner = AlertsRunner(
            rulesPath: path, storePath: global.storePath, today: day, dryRun: dryRun, environment: ProcessInfo.processInfo.environment)
        let outcome = try await runner.run()
        switch global.format {
        case .json:
            print(String(decoding: try outcome.payload.encoded(), as: UTF8.self))
        case .csv:
            let table = Report(
                title: nil, columns: ["key", "rule", "kind", "severity", "message", "url"],
                rows: outcome.alerts.map { [$0.key, $0.ruleID, $0.kind, $0.severity.rawValue, $0.message, $0.url ?? ""] },
                answer: [String]())
            print(table.render(.csv), terminator: "")
        case .table:
            print(AlertsRunner.text(outcome, dryRun: dryRun), terminator: "")
        }
    }
}
