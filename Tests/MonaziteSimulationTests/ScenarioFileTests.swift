import MonaziteCore
import MonaziteScenario
import Testing

@testable import MonaziteSimulation

/// The YAML formats: bundled files load, and each kind of mistake is reported at its line.
@Suite struct ScenarioFileTests {
    static let network = """
        format: monazite-network/1
        name: tiny
        sources:
          - id: src
            title: A source
        nodes:
          - id: CHN.mining
            country: CHN
            stage: mining
            capacityTonnesPerDay: {value: 10, source: src}
          - id: CHN.magnet
            country: CHN
            stage: magnet
            capacityTonnesPerDay: 10
            inventoryDays: {value: 5, assumption: true}
          - id: USA.wind
            country: USA
            sector: wind
            demandTonnesPerDay: 1
        edges:
          - from: CHN.mining
            to: CHN.magnet
            share: 1
            leadTimeDays: 0
          - from: CHN.magnet
            to: USA.wind
            share: 1
            leadTimeDays: 3
        """

    static func scenario(_ body: String) -> String {
        "format: monazite-scenario/1\nname: test\nnetwork: tiny\nhorizonDays: 50\n" + body
    }

    static func loadScenario(_ text: String) throws(ScenarioFileError) -> ScenarioFile {
        try ScenarioFile(yaml: text, file: "s.yaml") { _, _ throws(ScenarioFileError) in
            try NetworkFile(yaml: network, file: "n.yaml")
        }
    }

    @Test func tinyNetworkLoadsWithProvenance() throws {
        let file = try NetworkFile(yaml: Self.network, file: "n.yaml")
        #expect(file.network.nodes.count == 3)
        let assumed = Set(file.assumptions.map { "\($0.subject).\($0.parameter)" })
        #expect(assumed.contains("CHN.magnet.capacityTonnesPerDay"))
        #expect(assumed.contains("CHN.magnet.inventoryDays"))
        #expect(!assumed.contains("CHN.mining.capacityTonnesPerDay"))
    }

    @Test(arguments: [
        ("share: 1\n    leadTimeDays: 3", "share: 1.5\n    leadTimeDays: 3", 27, "outside 0…1"),
        ("capacityTonnesPerDay: {value: 10, source: src}", "capacityTonnesPerDay: {value: -10, source: src}", 10, "must not be negative"),
        ("  - from: CHN.magnet\n    to: USA.wind", "  - from: CHN.magnetx\n    to: USA.wind", 25, "unknown node 'CHN.magnetx'"),
        ("source: src}", "source: nope}", 10, "unknown source 'nope'"),
        ("    sector: wind", "    sector: windmills", 18, "unknown sector"),
        ("capacityTonnesPerDay: {value: 10, source: src}", "capacityTonnesPerDay: {value: 10}", 10, "give a source or mark it 'assumption: true'"),
        ("  - id: USA.wind", "  - id: USA.wind\n    colour: red", 17, "unknown key 'colour'"),
    ])
    func networkMistakesAreReportedAtTheirLine(original: String, replacement: String, line: Int, reason: String) {
        let text = Self.network.replacingOccurrences(of: original, with: replacement)
        #expect(text != Self.network)
        do {
            _ = try NetworkFile(yaml: text, file: "n.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.file == "n.yaml")
            #expect(error.line == line, "\(error)")
            #expect(error.reason.contains(reason), "\(error)")
            // file:line:column, the same located error as every YAML format.
            #expect(error.description.hasPrefix("n.yaml:\(line):"))
            #expect(error.column > 0)
        }
    }

    /// A value under `defaults` reaches every node that does not give its own, so it is held to
    /// the same range as a node's own value (only the delay was checked there before).
    @Test(arguments: [
        ("yieldTonnesPerTonne: 0", "yieldTonnesPerTonne of 'defaults' must be ≥ 1e-09 (got 0.0)"),
        ("inventoryDays: -1", "inventoryDays of 'defaults' must not be negative"),
        ("refillDays: 0.5", "refillDays of 'defaults' must be ≥ 1.0"),
        ("substitutionLimitShare: 5", "substitutionLimitShare of 'defaults' = 5.0 is outside 0…1"),
        ("substitutionDelayDays: 1e300", "substitutionDelayDays of 'defaults' = 1e+300 is beyond 100000 days"),
        ("substitutionRampDays: 0", "substitutionRampDays of 'defaults' must be ≥ 1.0"),
    ])
    func defaultsOutsideTheirRangeAreRefusedAtTheirLine(entry: String, reason: String) {
        let text = Self.network.replacingOccurrences(of: "nodes:", with: "defaults:\n  \(entry)\nnodes:")
        #expect(text != Self.network)
        do {
            _ = try NetworkFile(yaml: text, file: "n.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 7, "\(error)")
            #expect(error.reason.contains(reason), "\(error)")
        }
    }

    @Test func aDefaultWithinItsRangeReachesNodesWithoutTheirOwn() throws {
        let text = Self.network.replacingOccurrences(of: "nodes:", with: "defaults:\n  inventoryDays: 12\n  refillDays: 7\nnodes:")
        let nodes = Dictionary(uniqueKeysWithValues: try NetworkFile(yaml: text, file: "n.yaml").network.nodes.map { ($0.id, $0) })
        #expect(nodes["CHN.mining"]?.inventoryDays == 12)
        #expect(nodes["CHN.magnet"]?.inventoryDays == 5)  // its own value wins
        #expect(nodes["USA.wind"]?.refillDays == 7)
    }

    @Test func cyclesAmongProductionStagesAreRejected() {
        let text = Self.network.replacingOccurrences(of: "    stage: magnet", with: "    stage: mining") + """

              - from: CHN.magnet
                to: CHN.mining
                share: 0
                leadTimeDays: 1
            """
        // Two mines feeding each other: the second edge goes into a mine, which is never allowed.
        #expect(throws: ScenarioFileError.self) { try NetworkFile(yaml: text, file: "n.yaml") }
        let cyclic = """
            name: loop
            nodes:
              - {id: CHN.mining, country: CHN, stage: mining, capacityTonnesPerDay: 5}
              - {id: CHN.magnet, country: CHN, stage: magnet, capacityTonnesPerDay: 5}
              - {id: JPN.magnet, country: JPN, stage: magnet, capacityTonnesPerDay: 5}
            edges:
              - {from: CHN.mining, to: CHN.magnet, share: 0.5, leadTimeDays: 1}
              - {from: JPN.magnet, to: CHN.magnet, share: 0.5, leadTimeDays: 1}
              - {from: CHN.magnet, to: JPN.magnet, share: 1, leadTimeDays: 1}
            """
        do {
            _ = try NetworkFile(yaml: cyclic, file: "loop.yaml")
            Issue.record("expected a cycle error")
        } catch {
            #expect(error.reason.contains("cycle among production stages"), "\(error)")
            #expect(error.line >= 7 && error.line <= 9, "\(error)")
        }
    }

    @Test(arguments: [
        ("shocks:\n  - id: x\n    kind: flood\n    startDay: 0\n", 7, "unknown shock kind 'flood'"),
        ("shocks:\n  - id: x\n    kind: outage\n    startDay: 0\n    nodes: [CHN.nothing]\n    lostShare: 1\n", 9, "unknown node 'CHN.nothing'"),
        ("shocks:\n  - id: x\n    kind: licensing\n    startDay: 0\n    exporter: CHN\n    approvedShare: 1.2\n", 10, "outside 0…1"),
        ("shocks:\n  - id: x\n    kind: outage\n    startDay: 0\n    nodes: CHN.mining\n    lostShare: 1\nuncertain:\n  - parameter: shock.x.durationDays\n    distribution: triangular\n    min: 10\n    mode: 5\n    max: 20\n", 13, "needs min <= mode <= max"),
        ("uncertain:\n  - parameter: inventoryDaysFactor\n    distribution: normal\n    mean: 1\n    sd: -1\n    min: 0\n    max: 2\n", 7, "standard deviation must be > 0"),
        ("uncertain:\n  - parameter: shock.nope.approvedShare\n    distribution: fixed\n    value: 1\n", 6, "unknown shock 'nope'"),
        ("uncertain:\n  - parameter: inventoryDays\n    distribution: fixed\n    value: 1\n", 6, "unknown parameter"),
        ("uncertain:\n  - parameter: substitutionLimitShare\n    distribution: uniform\n    min: 0.5\n    max: 1.5\n", 7, "within 0…1"),
    ])
    func scenarioMistakesAreReportedAtTheirLine(body: String, line: Int, reason: String) {
        do {
            _ = try Self.loadScenario(Self.scenario(body))
            Issue.record("expected an error")
        } catch {
            #expect(error.line == line, "\(error)")
            #expect(error.reason.contains(reason), "\(error)")
        }
    }

    @Test func wildcardsSelectNodes() throws {
        let file = try Self.loadScenario(Self.scenario("shocks:\n  - id: x\n    kind: demandChange\n    startDay: 0\n    nodes: ['*.wind']\n    factor: 2\n"))
        #expect(file.scenario.shocks.first?.kind == .demandChange(nodes: ["USA.wind"], factor: 2))
    }

    @Test(arguments: ScenarioLibrary.bundledScenarioNames)
    func bundledScenariosLoadAndConserveMass(name: String) throws {
        let file = try ScenarioLibrary.loadScenario(name)
        #expect(file.networkFile.sources.contains { $0.id == "iea-cmde" })
        #expect(!file.networkFile.assumptions.isEmpty)
        let compiled = try ScenarioLibrary.compile(file)
        let simulator = DrawSimulator(compiled)
        simulator.prepare(seed: 1, drawIndex: 0)
        let trace = simulator.trace()
        for day in trace.massBalance {
            #expect(abs(day.residualTonnes) <= 1e-9 * max(1, day.stocksBeforeTonnes), "day \(day.day)")
            #expect(day.minimumInventoryTonnes >= 0)
        }
    }

    @Test func scenariosAreBundled() {
        #expect(ScenarioLibrary.bundledScenarioNames == [
            "april-2025-calibrated", "april-2025-calibration", "april-2025-heavy-licensing", "mountain-pass-outage",
            "october-2025-measures-calibrated", "october-2025-measures-in-force", "us-magnet-embargo-6-months",
        ])
        #expect(ScenarioLibrary.bundledNetworkNames == ["baseline-2024"])
    }

    @Test func baselineIsASteadyState() throws {
        let file = try ScenarioLibrary.loadNetwork("baseline-2024")
        let scenario = SimulationScenario(name: "calm", network: file.network, horizonDays: 365)
        let compiled = try CompiledScenario(scenario)
        let simulator = DrawSimulator(compiled)
        simulator.prepare(seed: 0, drawIndex: 0, sample: false)
        let trace = simulator.trace()
        #expect(trace.cumulativeShortfallTonnes.allSatisfy { $0 < 1e-6 })
        // World magnet demand ~188,700 t/yr from the IEA-derived figures.
        let total = try #require(compiled.groups.first)
        #expect(abs(total.baselineDemandTonnesPerDay * 365 - 188_685) < 200)
    }
}

/// The hand-written SVG chart of the `--out` files.
@Suite struct ShortfallBandChartTests {
    @Test func chartHasTitleAxesAndOnePanelPerSector() async throws {
        let file = try ScenarioLibrary.loadScenario("us-magnet-embargo-6-months")
        var scenario = file.scenario
        scenario.horizonDays = 60
        let compiled = try CompiledScenario(scenario, probes: file.probes)
        let result = await MonteCarloRunner.run(compiled, runs: 8, seed: 1, recordDaily: true)
        let bands = try #require(DailyBands(result))
        #expect(bands.series.contains { $0.isProbe })
        let svg = ShortfallBandChart.svg(bands: bands, title: "A & B", subtitle: "sub", sourceNote: "IEA (2025)")
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("<title>A &amp; B</title>"))
        #expect(svg.contains("shortfall, t/day"))
        #expect(svg.contains(">day</text>"))
        #expect(svg.contains("IEA (2025)"))
        let sectors = bands.series.filter { $0.name.hasPrefix("sector:") }.count
        #expect(svg.components(separatedBy: "<polygon").count - 1 == sectors)
        for band in bands.series {
            for t in 0..<bands.horizonDays { #expect(band.p5[t] <= band.p50[t] && band.p50[t] <= band.p95[t]) }
        }
    }
}

/// The file `simulate calibrate` writes.
@Suite struct CalibratedScenarioWriterTests {
    /// `simulate calibrate` on a scenario saved with Windows line ends writes the same file as on
    /// the LF original: its new name in place of the old, every other line kept (CR LF was one
    /// Swift Character, so the whole file was one line and kept its old name).
    @Test func aCalibratedScenarioFromACRLFFileIsTheSameAsFromLF() throws {
        let calibrated = try ScenarioLibrary.loadScenario("april-2025-calibrated")
        let posterior = try #require(calibrated.scenario.posterior)
        let names = posterior.parameters.map(\.description)
        // Two rows of the bundled posterior stand in for a run's final population.
        let rows = Array(posterior.rows.prefix(2))
        let result = ABCSMCResult(
            names: names, fitted: Array(names.indices), particles: rows, weights: [0.5, 0.5], distances: [0.1, 0.2],
            tolerances: [.infinity, 0.3], acceptanceRates: [1, 0.5], simulations: 40)
        let metadata = CalibratedScenarioWriter.Metadata(
            command: "monazite simulate calibrate", sampleFirst: "2025-04", sampleLast: "2025-06", observations: ["world"],
            settings: ABCSMCSettings(particles: 2, generations: 1))
        let lf = try ScenarioLibrary.loadScenario("april-2025-calibration")
        func written(_ text: String) throws -> String {
            let file = try ScenarioFile(yaml: text, file: "s.yaml") { name, location throws(ScenarioFileError) in
                try ScenarioLibrary.loadNetwork(name, referencedAt: location)
            }
            return try CalibratedScenarioWriter.yaml(original: file, name: "fitted-here", result: result, rows: rows, metadata: metadata)
        }
        let expected = try written(lf.text)
        #expect(expected.contains("\nname: fitted-here\n"))
        for end in ["\r\n", "\r"] {
            #expect(try written(lf.text.replacingOccurrences(of: "\n", with: end)) == expected)
        }
    }
}
