import ArgumentParser
import MonaziteCore
import MonaziteService

/// `monazite reliance`: USGS net import reliance per year, computed beside published.
struct RelianceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reliance", abstract: "Net import reliance per year from the USGS salient statistics, computed beside the published figure.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Country (alpha-3).") var country = "USA"
    @Option(help: "Edition, e.g. \"MCS 2025\" (default: every stored edition, side by side).") var edition: String?

    func run() async throws {
        let c = try QueryParsing.country(country, name: "--country")
        let store = try await global.openStore()
        let answer = try await DependenceQueries.reliance(store: store, country: c, edition: edition)
        print(answer.report.render(global.format), terminator: "")
    }
}
