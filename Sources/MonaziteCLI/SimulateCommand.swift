import ArgumentParser
import Foundation
import MonaziteScenario
import MonaziteService
import MonaziteSimulation

/// `monazite simulate [run] SCENARIO`, `simulate calibrate SCENARIO`, `simulate backtest SCENARIO`.
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Simulate a supply disruption: who runs out of magnets, when, and for how long.",
        discussion: "Without a subcommand, runs the scenario (as `simulate run`). See docs/simulation.md.",
        subcommands: [SimulateRunCommand.self, SimulateCalibrateCommand.self, SimulateBacktestCommand.self],
        defaultSubcommand: SimulateRunCommand.self)
}

/// `monazite simulate SCENARIO`: Monte Carlo runs of the disruption simulator.
struct SimulateRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a scenario's Monte Carlo: who runs out of magnets, when, and for how long.",
        discussion: """
            SCENARIO is a scenario YAML file or the name of a bundled scenario \
            (\(ScenarioLibrary.bundledScenarioNames.joined(separator: ", "))). \
            The format and the model are described in docs/simulation.md.
            """)

    @Argument(help: "Scenario file, or a bundled scenario's name.")
    var scenario: String

    @Option(help: "Monte Carlo draws (default: the scenario's runs).")
    var runs: Int?

    @Option(help: "Seed of the random streams (default: the scenario's seed). Same seed, same result.")
    var seed: UInt64?

    @Option(help: "Override the scenario's horizon in days.")
    var days: Int?

    @Option(
        name: .customLong("by-day"),
        help: "D in P(stock-out by day D), or several days separated by commas (30,60,90) (default: the scenario's stockOutByDay).")
    var byDay: DayList?

    @Option(help: "A country of the network (alpha-3, e.g. USA) whose total and sectors are listed first.")
    var country: String?

    @Option(help: "Parallel workers (default: one per core). Results do not depend on it.")
    var workers: Int?

    @Option(help: "Draws per SIMD lane group: 1, 4 or 8. Speed only: the numbers are the same bits whatever it is.")
    var lanes: SimulateLanes = .four

    @Option(help: "Output format: table, csv or json.")
    var format: OutputFormat = .table

    @Option(help: "Rows to show: sectors, countries, nodes or all.")
    var rows: SimulateRowSelection = .all

    @Option(help: "Write daily series as CSV and an SVG chart into this directory.")
    var out: String?

    @Flag(inversion: .prefixedNo, help: "Progress bar on stderr (default: only when stderr is a terminal).")
    var progress: Bool?

    func validate() throws {
        if let runs, runs < 1 { throw ValidationError("--runs must be at least 1") }
        if let days, days < 1 { throw ValidationError("--days must be at least 1") }
        if let workers, workers < 1 { throw ValidationError("--workers must be at least 1") }
        if let byDay, byDay.days.contains(where: { $0 < 0 }) { throw ValidationError("--by-day must not be negative") }
    }

    func run() async throws {
        var file = try ScenarioLibrary.loadScenario(scenario)
        if let days { file.scenario.horizonDays = days }
        let compiled = try ScenarioLibrary.compile(file)
        if let country {
            let known = SimulateReport.countries(in: file.scenario.network)
            guard known.contains(country.uppercased()) else {
                throw ValidationError(
                    "--country \(country): network \(file.scenario.network.name) has no end-use nodes there; it has \(known.joined(separator: ", "))")
            }
        }
        let runCount = runs ?? file.scenario.defaultRuns
        let seedValue = seed ?? file.scenario.defaultSeed
        let checkpoints = byDay.map { $0.days.count > 1 ? $0.days : [] } ?? []
        let stockOutBy = byDay?.days.max() ?? file.scenario.stockOutByDay
        let showProgress = progress ?? (isatty(STDERR_FILENO) == 1)
        let bar = showProgress ? SimulateProgressBar(total: runCount) : nil
        let started = Date()
        var report: (@Sendable (Int) -> Void)?
        if let bar { report = { bar.advance(by: $0) } }
        let result = await MonteCarloRunner.run(
            compiled, runs: runCount, seed: seedValue, workers: workers, recordDaily: out != nil, laneWidth: lanes.width,
            progress: report)
        bar?.finish()
        let elapsed = Date().timeIntervalSince(started)
        let summary = SimulationSummary(result, scenario: file.scenario.name, network: file.scenario.network.name, stockOutByDay: stockOutBy,
            checkpointDays: checkpoints)
        let output = SimulateReport(
            file: file, summary: summary, result: result, elapsedSeconds: elapsed,
            rows: SimulationRowSelection(rawValue: rows.rawValue) ?? .all, country: country)
        if let out {
            try SimulateFiles.write(report: output, to: out)
        }
        print(output.table.render(format), terminator: "")
    }
}

/// `--lanes 1|4|8`: draws per SIMD lane group of the Monte Carlo.
enum SimulateLanes: Int, ExpressibleByArgument, CaseIterable {
    case one = 1, four = 4, eight = 8

    var width: MonteCarloRunner.LaneWidth {
        switch self {
        case .one: .one
        case .four: .four
        case .eight: .eight
        }
    }
}

/// `--by-day 30,60,90`: one or more days, ascending, without repeats.
struct DayList: ExpressibleByArgument {
    var days: [Int]

    init?(argument: String) {
        var days: [Int] = []
        for part in argument.split(separator: ",", omittingEmptySubsequences: false) {
            guard let day = Int(part.trimmingCharacters(in: .whitespaces)) else { return nil }
            days.append(day)
        }
        guard !days.isEmpty else { return nil }
        self.days = Array(Set(days)).sorted()
    }
}

/// Which groups the summary shows.
enum SimulateRowSelection: String, ExpressibleByArgument, CaseIterable {
    case sectors, countries, nodes, all
}
