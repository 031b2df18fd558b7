import ArgumentParser
import Foundation
import MonaziteScenario
import MonaziteSimulation

/// `monazite simulate backtest SCENARIO`: the model's monthly exports beside the observed ones,
/// in and out of the calibration sample, with naive baselines.
struct SimulateBacktestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Observed monthly magnet exports beside the model's P5/P50/P95, in and out of the calibration sample.",
        discussion: """
            Months from the scenario's start to the latest month the bundled customs file holds (reported figures). \
            A month is 'in' when it lies in the calibration's sampleMonths (default --sample-to), else 'out'. \
            Seasonal-naive: the same months a year earlier (derived figures allowed, as the source labels them); \
            persistence: the last in-sample month's daily rate.
            """)

    @Argument(help: "Scenario file, or a bundled scenario's name.")
    var scenario: String

    @Option(help: "Monte Carlo draws (default: the scenario's runs).")
    var runs: Int?

    @Option(help: "Seed (default: the scenario's seed).")
    var seed: UInt64?

    @Option(name: .customLong("sample-to"), help: "Last in-sample month when the scenario has no calibration block.")
    var sampleTo: String = "2025-06"

    @Option(help: "Parallel workers (default: one per core).")
    var workers: Int?

    @Option(help: "Output format: table or json.")
    var format: OutputFormat = .table

    func run() async throws {
        var file = try ScenarioLibrary.loadScenario(scenario)
        guard let start = file.startDate.flatMap(CalendarDate.init) else {
            throw SimulateFileError(path: file.file, reason: "a backtest needs the scenario's startDate")
        }
        let probeIndex = SimulateObserved.probeIndex(file.probes)
        let lastIn = file.calibrationSample?.last ?? sampleTo
        let firstIn = file.calibrationSample?.first ?? start.monthLabel
        let figures = try SimulateObserved.magnetExports()
        let history = figures.map { figure in
            var o = figure.observation
            o.inSample = o.lastDay.monthLabel <= lastIn
            return o
        }
        let observations = figures.filter {
            $0.status == .reported && probeIndex[$0.observation.destination] != nil && $0.observation.firstDay.monthLabel >= start.monthLabel
        }.map { figure in
            var o = figure.observation
            o.inSample = o.firstDay.monthLabel >= firstIn && o.lastDay.monthLabel <= lastIn
            return o
        }
        guard let lastDay = observations.map({ start.days(to: $0.lastDay) }).max() else {
            throw SimulateFileError(path: file.file, reason: "no observed month after the start date for the scenario's probes")
        }
        file.scenario.horizonDays = max(file.scenario.horizonDays, lastDay + 1)
        let compiled = try ScenarioLibrary.compile(file)
        let rows = await Backtest.run(
            compiled, startDate: start, observations: observations, probeIndex: probeIndex, history: history,
            runs: runs ?? file.scenario.defaultRuns, seed: seed ?? file.scenario.defaultSeed, workers: workers)
        let scores = BacktestScore.scores(rows)
        switch format {
        case .json:
            struct Output: Encodable {
                var scenario: String
                var months: [BacktestRow]
                var scores: [BacktestScore]
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let data = try encoder.encode(Output(scenario: file.scenario.name, months: rows, scores: scores))
            print(String(decoding: data, as: UTF8.self))
        default:
            print(SimulateBacktestView.table(rows: rows, scores: scores), terminator: "")
        }
    }
}

/// The backtest as text.
enum SimulateBacktestView {
    static func table(rows: [BacktestRow], scores: [BacktestScore]) -> String {
        func t(_ v: Double?) -> String { v.map { String(format: "%.0f", $0) } ?? "—" }
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : String(repeating: " ", count: n - s.count) + s }
        var out = "month       dest  sample  observed       P5      P50      P95  in P5–P95  seasonal-naive  persistence\n"
        for r in rows {
            let inside = r.observed >= r.p5 && r.observed <= r.p95 ? "yes" : "no"
            out += r.month.padding(toLength: 12, withPad: " ", startingAt: 0) + r.destination.padding(toLength: 6, withPad: " ", startingAt: 0)
                + r.sample.padding(toLength: 6, withPad: " ", startingAt: 0)
                + pad(t(r.observed), 10) + pad(t(r.p5), 9) + pad(t(r.p50), 9) + pad(t(r.p95), 9) + pad(inside, 11)
                + pad(t(r.seasonalNaive), 16) + pad(t(r.persistence), 13) + "\n"
        }
        out += "\nout of sample  months  MAPE P50  in P5–P95  seasonal-naive MAPE (months; ours on them)  persistence MAPE\n"
        func pct(_ v: Double?) -> String { v.map { String(format: "%.1f%%", 100 * $0) } ?? "—" }
        for s in scores {
            out += s.destination.padding(toLength: 15, withPad: " ", startingAt: 0) + pad("\(s.months)", 6) + pad(pct(s.modelMAPE), 10)
                + pad(pct(s.coverage), 11)
                + pad("\(pct(s.seasonalNaiveMAPE)) (\(s.seasonalNaiveMonths); \(pct(s.modelMAPEOnSeasonalMonths)))", 44)
                + pad(pct(s.persistenceMAPE), 18) + "\n"
        }
        return out
    }
}
