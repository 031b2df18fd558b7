import MonaziteService
import ArgumentParser
import Foundation
import MonaziteAnomalies
import MonaziteCore
import MonaziteStore

/// `monazite anomalies`: surges and collapses in a monthly series, with the policy events that fit.
struct AnomaliesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "anomalies",
        abstract: "Surges and collapses in a monthly trade series (robust z-scores of log MoM/YoY, change points), linked to policy events."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var series: SeriesOptions
    @Option(help: "First month (YYYY-MM); default: the first stored month.") var from: String?
    @Option(help: "Last month (YYYY-MM); default: the last stored month.") var to: String?
    @Option(help: "|z| at or above which a log change is anomalous.") var threshold: Double = 3.5
    @Option(name: .customLong("lag-months"), help: "How many months before the anomaly an event may fall and still be linked.")
    var lagMonths: Int = 2
    @Option(help: "Change-point penalty β (default: 2 ln n).") var penalty: Double?

    func validate() throws {
        guard threshold > 0, threshold.isFinite else { throw ValidationError("--threshold must be a positive number") }
        guard (0...24).contains(lagMonths) else { throw ValidationError("--lag-months must be between 0 and 24") }
        if let penalty, !(penalty >= 0 && penalty.isFinite) { throw ValidationError("--penalty must be a non-negative number") }
    }

    func run() async throws {
        let key = try series.key()
        let store = try await global.openStore()
        let start = try from.map { try parsePeriod($0, option: "--from").first }
        let end = try to.map { try parsePeriod($0, option: "--to").last }
        let answer = try await AnomalyQueries.anomalies(
            store: store, key: key, from: start, to: end, asOf: try series.asOfDay(), threshold: threshold, lagMonths: lagMonths,
            penalty: penalty, events: try await PolicyBridge.events(store: store as? any PolicyStore))
        print(answer.report.render(global.format), terminator: "")
    }
}
