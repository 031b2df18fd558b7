import ArgumentParser
import MonaziteService

/// `monazite sources`: what the store holds, by source.
struct SourcesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sources", abstract: "What the store holds, by source, with URLs and release dates.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let store = try await global.openStore()
        print(try await DependenceQueries.sources(store: store).render(global.format), terminator: "")
    }
}
