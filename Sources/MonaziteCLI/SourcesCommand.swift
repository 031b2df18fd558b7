import ArgumentParser
import MonaziteCore
import MonaziteService

/// `monazite sources`: what the store holds, by source.
struct SourcesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sources", abstract: "What the store holds, by source, with URLs and release dates.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let store = try await global.openStore()
        print(try await DependenceQueries.sources(store: store).report.render(global.format), terminator: "")
    }
}

/// `monazite series`: every trade series held, its latest month and release, and whether it is
/// behind its usual release rhythm today.
struct SeriesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "series", abstract: "The trade series held: coverage, latest month and release, and whether each is behind its usual rhythm.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "The day to judge freshness on (YYYY-MM-DD; default today, UTC).") var today: String?

    func run() async throws {
        let store = try await global.openStore()
        let day = try today.map { text throws(ServiceError) in try QueryParsing.day(text, name: "--today") } ?? .todayUTC()
        print(try await TradeQueries.seriesList(store: store, today: day).report.render(global.format), terminator: "")
    }
}
