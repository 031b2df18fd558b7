import Foundation
import ArgumentParser
import MonazitePipeline
import MonaziteService

/// `monazite projects`: the bundled, cited US and allied rare-earth projects.
struct ProjectsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "projects", abstract: "US and allied rare-earth projects by stage, each row cited (docs/projects.md).")

    @Option(name: .long, help: "Output format: table, csv or json.") var format: OutputFormat = .table
    @Option(help: "Country as written in the file, e.g. US, Australia.") var country: String?
    @Option(help: "Stage: \(PipelineStage.allCases.map(\.rawValue).joined(separator: ", ")).") var stage: String?
    @Option(help: "A project CSV (docs/projects.md) to read instead of the bundled one; rejected whole on any bad cell.") var file: String?

    func run() async throws {
        let answer = try ProjectQueries.projects(country: country, stage: stage, file: try pipelineFile(file))
        print(answer.report.render(format), terminator: "")
    }
}

/// `monazite outlook`: capacity by stage and year, and the year non-China magnets cover a share of US demand.
struct OutlookCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outlook",
        abstract: "Pipeline capacity by stage and year (announced and probability-weighted) and the Monte Carlo year non-China magnet supply covers --share % of US demand, P10/P50/P90 (derived; docs/projects.md).")

    @Option(name: .long, help: "Output format: table, csv or json.") var format: OutputFormat = .table
    @Option(help: "Target share of US NdFeB demand, in percent.") var share: Double = ProjectQueries.defaultSharePct
    @Option(help: "Monte Carlo draws (1–100000).") var draws: Int = ProjectQueries.defaultDraws
    @Option(help: "Random seed; the same seed gives the same answer.") var seed: UInt64 = ProjectQueries.defaultSeed
    @Option(help: "Last year of the outlook.") var horizon: Int = ProjectQueries.defaultHorizon
    @Option(help: "First year (default: the year of the latest status date in the project file).") var from: Int?
    @Option(help: "IEA scenario for world demand: STEPS, APS or NZE.") var scenario: String = "STEPS"
    @Option(help: "An assumptions YAML (data/projects/outlook-assumptions.yaml format) to use instead of the bundled one.") var assumptions: String?
    @Option(help: "A project CSV to read instead of the bundled one.") var file: String?

    func run() async throws {
        let answer = try ProjectQueries.outlook(
            sharePct: share, draws: draws, seed: seed, horizon: horizon, firstYear: from, ieaScenario: scenario, file: try pipelineFile(file),
            assumptionsFile: try pipelineFile(assumptions))
        print(answer.report.render(format), terminator: "")
    }
}

/// Reads `--file` / `--assumptions`, when given.
func pipelineFile(_ path: String?) throws -> PipelineFileInput? {
    guard let path else { return nil }
    do { return PipelineFileInput(name: path, data: try Data(contentsOf: URL(fileURLWithPath: path))) } catch {
        throw CLIError("\(path): cannot read the file (\(error.localizedDescription))")
    }
}
