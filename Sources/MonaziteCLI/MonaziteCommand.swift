public import ArgumentParser

/// The `monazite` command: the root of every subcommand.
@available(macOS 10.15, macCatalyst 13, iOS 13, tvOS 13, watchOS 6, *)
public struct MonaziteCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "monazite",
        abstract: "Rare-earth supply-chain intelligence: trade, dependence, policy and disruption, every figure sourced.",
        version: "0.1.0",
        subcommands: [
            InitCommand.self,
            ImportCommand.self,
            TradeCommand.self,
            PartnersCommand.self,
            SummaryCommand.self,
            BriefingCommand.self,
            RelianceCommand.self,
            SourcesCommand.self,
            SeriesCommand.self,
            SimulateCommand.self,
            ServeCommand.self,
            WorkerCommand.self,
            TokensCommand.self,
            ControlsCommand.self,
            EventsCommand.self,
            LicencesCommand.self,
            AnomaliesCommand.self,
            AlertsCommand.self,
            ClaimsCommand.self,
            PricesCommand.self,
            ProjectsCommand.self,
            OutlookCommand.self,
            SpreadsCommand.self,
            ContractCommand.self,
        ]
    )

    public init() {}
}

@available(macOS 10.15, macCatalyst 13, iOS 13, tvOS 13, watchOS 6, *)
extension MonaziteCommand {
    /// The asynchronous entry point (the executable's `main.swift` calls this).
    public static func runAsync() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
