import ArgumentParser
import MonaziteCore
import MonaziteService

/// `monazite trade`: a trade series with MoM, YoY, YTD and rolling sums.
struct TradeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trade", abstract: "A monthly (or quarterly, half-year, annual) trade series with its changes, every figure sourced.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var series: SeriesOptions
    @Option(help: "First period (YYYY-MM); default: the first stored month.") var from: String?
    @Option(help: "Last period (YYYY-MM); default: the last stored month.") var to: String?
    @Option(help: "month, quarter, half or year.") var frequency: Frequency = .month

    enum Frequency: String, ExpressibleByArgument, CaseIterable {
        case month, quarter, half, year
        var kind: Period.Kind { Period.Kind(rawValue: rawValue) ?? .month }
    }

    func run() async throws {
        if series.partner.lowercased() == "all" {
            let probe = try SeriesOptions.parse(["--reporter", series.reporter, "--flow", series.flow, "--commodity", series.commodity]).key()
            let store = try await global.openStore()
            let answer = try await TradeQueries.allPartners(
                store: store, reporter: probe.reporter, flow: probe.flow, commodity: probe.commodity,
                from: try from.map { try parsePeriod($0, option: "--from") }, to: try to.map { try parsePeriod($0, option: "--to") },
                frequency: frequency.kind, asOf: try series.asOfDay())
            print(answer.report.render(global.format), terminator: "")
            return
        }
        let key = try series.key()
        let start = try from.map { try parsePeriod($0, option: "--from") }
        let end = try to.map { try parsePeriod($0, option: "--to") }
        let asOf = try series.asOfDay()
        let store = try await global.openStore()
        let report = try await TradeQueries.series(
            store: store, key: key, from: start, to: end, frequency: frequency.kind, asOf: asOf, fromName: "--from", toName: "--to")
        print(report.report.render(global.format), terminator: "")
    }
}
