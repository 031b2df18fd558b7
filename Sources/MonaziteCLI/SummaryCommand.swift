import ArgumentParser
import MonaziteCore
import MonaziteService

/// `monazite summary [PERIOD]`: the headline figures of a month, as a trade newsletter leads with
/// them; without a month, of the latest one stored, with how current the series is today.
struct SummaryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary", abstract: "Headline figures of a month: total, changes, year to date, destinations; ours beside the published.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The month (YYYY-MM; also --period); without it, the latest month with a world figure.") var periodArgument: String?
    @Option(name: .customLong("period"), help: "The month (YYYY-MM), as for `partners`.") var periodOption: String?

    func validate() throws {
        guard periodArgument == nil || periodOption == nil else { throw ValidationError("give the month once: `summary 2025-06` or `summary --period 2025-06`") }
    }

    var period: String? { periodArgument ?? periodOption }
    @Option(help: "Reporting country (alpha-3).") var reporter = "CHN"
    @Option(help: "HS code.") var commodity = "8505.11"
    @Option(help: "export or import.") var flow = "export"
    @Option(name: .customLong("as-of"), help: "Releases on or before this date (YYYY-MM-DD).") var asOf: String?

    func run() async throws {
        let p = try period.map { try parsePeriod($0, option: "PERIOD") }
        let options = try SeriesOptions.parse(["--reporter", reporter, "--commodity", commodity, "--flow", flow] + (asOf.map { ["--as-of", $0] } ?? []))
        let key = try options.key()
        let asOfDay = try options.asOfDay()
        let store = try await global.openStore()
        let report =
            if let p {
                try await TradeQueries.summary(
                    store: store, reporter: key.reporter, flow: key.flow, commodity: key.commodity, period: p, asOf: asOfDay)
            } else {
                try await TradeQueries.latestSummary(store: store, reporter: key.reporter, flow: key.flow, commodity: key.commodity, asOf: asOfDay)
            }
        print(report.report.render(global.format), terminator: "")
    }
}
