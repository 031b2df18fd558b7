import ArgumentParser
import Foundation
import MonaziteScenario
import MonaziteSimulation
import MonaziteService

/// `monazite simulate calibrate SCENARIO`: fits the scenario's uncertain inputs to China's observed
/// monthly magnet exports by ABC-SMC and writes the posterior as a scenario file.
struct SimulateCalibrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Fit a scenario's uncertain inputs to observed monthly exports (ABC-SMC); write the posterior as a scenario.",
        discussion: """
            Observed: China's exports of HS 8505.11 magnets in the bundled customs file, reported figures only, \
            world and every destination the scenario has a magnet probe for, in the months --from..--to. \
            The result is reproducible from --seed whatever --workers is.
            """)

    @Argument(help: "Scenario file, or a bundled scenario's name; its uncertain inputs are the priors.")
    var scenario: String

    @Option(help: "First calibration month (YYYY-MM).")
    var from: String = "2025-04"

    @Option(help: "Last calibration month (YYYY-MM).")
    var to: String = "2025-06"

    @Option(help: "Particles per generation.")
    var particles: Int = 400

    @Option(help: "Generations after the prior.")
    var generations: Int = 5

    @Option(help: "Seed of the calibration (default: the scenario's seed).")
    var seed: UInt64?

    @Option(help: "Parallel workers (default: one per core). Results do not depend on it.")
    var workers: Int?

    @Option(help: "File to write (default: NAME-calibrated.yaml in the current directory).")
    var output: String?

    func validate() throws {
        if particles < 20 { throw ValidationError("--particles must be at least 20") }
        if generations < 0 || generations > 30 { throw ValidationError("--generations must be 0…30") }
        if CalendarDate(from + "-01") == nil || CalendarDate(to + "-01") == nil { throw ValidationError("--from and --to are YYYY-MM") }
    }

    func run() async throws {
        let file = try ScenarioLibrary.loadScenario(scenario)
        guard let start = file.startDate.flatMap(CalendarDate.init) else {
            throw SimulateFileError(path: file.file, reason: "calibration needs the scenario's startDate")
        }
        let probeIndex = SimulateObserved.probeIndex(file.probes)
        guard !probeIndex.isEmpty else { throw SimulateFileError(path: file.file, reason: "no probe of China's magnet exports to calibrate against") }
        let first = try month(from), last = try month(to)
        let sample = try SimulateObserved.magnetExports().filter {
            $0.status == .reported && $0.observation.firstDay >= first && $0.observation.lastDay <= last.adding(days: 31)
                && $0.observation.lastDay.monthLabel <= last.monthLabel && probeIndex[$0.observation.destination] != nil
        }.map { figure in
            var o = figure.observation
            o.inSample = true
            return o
        }
        let problem = try CalibrationProblem(
            scenario: file.scenario, probes: file.probes, startDate: start, observations: sample, probeIndex: probeIndex)
        let settings = ABCSMCSettings(particles: particles, generations: generations, seed: seed ?? file.scenario.defaultSeed)
        let started = Date()
        let result = await ABCSMC.run(problem, settings: settings, workers: workers)
        let rows = result.resample(particles, seed: settings.seed)
        let name = file.scenario.name.hasSuffix("-calibration")
            ? String(file.scenario.name.dropLast("-calibration".count)) + "-calibrated" : file.scenario.name + "-calibrated"
        let observed = problem.observations.map { "\($0.period) \($0.destination) \(Int($0.observedTonnes.rounded())) t" }
        let command = "monazite simulate calibrate \(scenario) --from \(from) --to \(to) --particles \(particles) --generations \(generations) --seed \(settings.seed)"
        let text = try CalibratedScenarioWriter.yaml(
            original: file, name: name, result: result, rows: rows,
            metadata: .init(command: command, sampleFirst: from, sampleLast: to, observations: observed, settings: settings))
        let path = output ?? "\(name).yaml"
        do {
            // --output is where the user asked; the default is named from the scenario file's `name`,
            // so it must stay one file name in the current directory (a name like ../x is refused).
            if output != nil { try OutputFile.write(Data(text.utf8), to: path) } else { try OutputFile.write(Data(text.utf8), named: path, in: ".") }
        } catch { throw SimulateFileError(path: error.path, reason: error.reason) }
        var out = "ABC-SMC on \(observed.joined(separator: ", "))\n"
        out += "generations \(result.tolerances.count - 1), simulations \(result.simulations), \(String(format: "%.1f", Date().timeIntervalSince(started))) s\n"
        out += "tolerance by generation: " + result.tolerances.map { $0.isFinite ? String(format: "%.3f", $0) : "∞" }.joined(separator: " → ") + "\n"
        out += "parameter                                      prior                          posterior P5      P50      P95\n"
        for (column, k) in result.fitted.enumerated() {
            let values = rows.map { $0[column] }.sorted()
            let p = [0.05, 0.5, 0.95].map { Percentile.of(sorted: values, $0) ?? 0 }
            let prior = file.scenario.uncertain[k].distribution.description
            out += result.names[k].padding(toLength: 47, withPad: " ", startingAt: 0)
                + prior.padding(toLength: 31, withPad: " ", startingAt: 0)
                + p.map { String(format: "%8.3f", $0) }.joined(separator: " ") + "\n"
        }
        out += "wrote \(path)\n"
        print(out, terminator: "")
    }

    func month(_ text: String) throws -> CalendarDate {
        guard let date = CalendarDate(text + "-01") else { throw ValidationError("\(text) is not YYYY-MM") }
        return date
    }
}
