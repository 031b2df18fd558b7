import ArgumentParser
import MonaziteCore
import MonaziteService

/// `monazite partners`: who the partners are, their shares and ranks, and concentration.
struct PartnersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partners", abstract: "Partner shares and ranks for a period, with HHI, CR1/CR3 and N-1 residual.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Reporting country (alpha-3).") var reporter = "CHN"
    @Option(help: "HS code.") var commodity = "8505.11"
    @Option(help: "export or import.") var flow = "export"
    @Argument(help: "Period: YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY (also --period).") var periodArgument: String?
    @Option(name: .customLong("period"), help: "Period: YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY.") var periodOption: String?

    func validate() throws {
        guard (periodArgument == nil) != (periodOption == nil) else { throw ValidationError("give the period once: `partners 2025-09` or `partners --period 2025-09`") }
    }

    var period: String { periodArgument ?? periodOption ?? "" }
    @Option(name: .customLong("as-of"), help: "Releases on or before this date (YYYY-MM-DD).") var asOf: String?

    func run() async throws {
        let options = try SeriesOptions.parse(["--reporter", reporter, "--commodity", commodity, "--flow", flow] + (asOf.map { ["--as-of", $0] } ?? []))
        let key = try options.key()
        let p = try parsePeriod(period, option: "--period")
        let asOfDay = try options.asOfDay()
        let store = try await global.openStore()
        let report = try await TradeQueries.partners(
            store: store, reporter: key.reporter, flow: key.flow, commodity: key.commodity, period: p, asOf: asOfDay)
        print(report.report.render(global.format), terminator: "")
    }
}
