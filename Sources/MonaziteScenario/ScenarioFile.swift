public import MonaziteCore
public import MonaziteSimulation

/// A scenario read from a YAML scenario file, with its network.
///
/// Format (documented in `docs/simulation.md`): `name`, `network` (a bundled network's name or a
/// path relative to the file), `horizonDays`, optional `startDate`, `runs`, `seed`,
/// `stockOutByDay`, `shocks`, `uncertain` and `probes`.
public struct ScenarioFile: Sendable {
    public var scenario: SimulationScenario
    public var probes: [FlowProbe]
    public var networkFile: NetworkFile
    public var description: String
    /// Calendar date of day 0, if the file gives one (labels only).
    public var startDate: String?
    public var file: String
    /// The months the posterior was fitted to (`calibration.sampleMonths: 2025-04..2025-06`), if calibrated.
    public var calibrationSample: (first: String, last: String)?
    /// The YAML text the scenario was read from.
    public var text: String

    static let shockKeys: Set<String> = [
        "id", "kind", "startDay", "endDay", "durationDays", "note", "exporter", "elementGroup", "stage", "destinations",
        "approvedShare", "approvalDelayDays", "nodes", "lostShare", "factor", "tonnesPerDay", "exemptShare", "refusedOrders",
        "schedule", "startDate",
    ]

    /// Parses and validates scenario YAML.
    ///
    /// - Parameter loadNetwork: resolves the `network` value (and the line it is on) to a network file.
    /// - Throws: ``ScenarioFileError`` at the offending line.
    public init(
        yaml: String, file: String, loadNetwork: (String, YAMLLocation) throws(ScenarioFileError) -> NetworkFile
    ) throws(ScenarioFileError) {
        self.file = file
        text = yaml
        let root = try YAMLField.parse(yaml, file: file)
        _ = try root.mapping(allowed: [
            "format", "name", "description", "network", "startDate", "horizonDays", "runs", "seed", "stockOutByDay",
            "shocks", "uncertain", "probes", "posterior", "calibration",
        ])
        if let format = try root.optional("format"), try format.string() != "monazite-scenario/1" {
            throw format.error("unsupported format '\(try format.string())' (expected monazite-scenario/1)")
        }
        let name = try root.required("name").string()
        description = try root.optional("description")?.string() ?? ""
        startDate = try root.optional("startDate")?.string()
        var day0: CalendarDate?
        if let field = try root.optional("startDate") {
            guard let date = CalendarDate(try field.string()) else { throw field.error("startDate must be YYYY-MM-DD") }
            day0 = date
        }
        /// A count of days at `field`: a whole number from `least` to the longest horizon, since the
        /// engine turns every one into a day index or sizes a buffer by it.
        func days(_ field: YAMLField, _ key: String, least: Int = 0) throws(ScenarioFileError) -> Int {
            let v = try field.int()
            guard v >= least, v <= SimulationScenario.maximumDays else {
                throw field.error("\(key) must be \(least)…\(SimulationScenario.maximumDays) (got \(v))")
            }
            return v
        }
        /// `fromDay` / `startDay`, or `fromDate` / `startDate` counted from the scenario's startDate.
        func day(_ item: YAMLField, dayKey: String, dateKey: String) throws(ScenarioFileError) -> Int? {
            switch (try item.optional(dayKey), try item.optional(dateKey)) {
            case (let d?, nil):
                return try days(d, dayKey)
            case (nil, let d?):
                guard let day0 else { throw d.error("\(dateKey) needs the scenario's startDate") }
                guard let date = CalendarDate(try d.string()) else { throw d.error("\(dateKey) must be YYYY-MM-DD") }
                let v = day0.days(to: date)
                guard v >= 0 else { throw d.error("\(dateKey) is before the scenario's startDate") }
                guard v <= SimulationScenario.maximumDays else {
                    throw d.error("\(dateKey) is \(v) days after the scenario's startDate, beyond \(SimulationScenario.maximumDays)")
                }
                return v
            case (nil, nil): return nil
            default: throw item.error("give \(dayKey) or \(dateKey), not both")
            }
        }
        let networkField = try root.required("network")
        networkFile = try loadNetwork(try networkFile_name(networkField), YAMLLocation(file: file, line: networkField.line))
        let network = networkFile.network
        let horizon = try days(try root.required("horizonDays"), "horizonDays", least: 1)
        let runs = try root.optional("runs").map { field throws(ScenarioFileError) -> Int in
            let v = try field.int()
            guard v >= 1 else { throw field.error("runs must be ≥ 1") }
            return v
        } ?? 1000
        let seed = try root.optional("seed").map { field throws(ScenarioFileError) -> UInt64 in
            let v = try field.int()
            guard v >= 0 else { throw field.error("seed must be ≥ 0") }
            return UInt64(v)
        } ?? 1
        let byDay = try root.optional("stockOutByDay").map { f throws(ScenarioFileError) in try days(f, "stockOutByDay") } ?? 90

        let ids = network.nodes.map(\.id)
        func nodes(_ field: YAMLField) throws(ScenarioFileError) -> [String] {
            var out: [String] = []
            for pattern in try field.texts() {
                let matches = ids.filter { Self.matches($0, pattern: pattern) }
                if matches.isEmpty { throw field.error("unknown node '\(pattern)'") }
                out += matches
            }
            return out
        }
        func share(_ field: YAMLField, _ what: String) throws(ScenarioFileError) -> Double {
            let v = try field.double()
            guard (0...1).contains(v) else { throw field.error("\(what) = \(v) is outside 0…1") }
            return v
        }

        var shocks: [Shock] = []
        var shockKinds: [String: String] = [:]
        if let list = try root.optional("shocks") {
            for (k, item) in try list.sequence().enumerated() {
                _ = try item.mapping(allowed: Self.shockKeys)
                let id = try item.optional("id")?.string() ?? "shock\(k + 1)"
                if shockKinds[id] != nil { throw item.error("duplicate shock id '\(id)'") }
                guard let start = try day(item, dayKey: "startDay", dateKey: "startDate") else {
                    throw item.error("a shock needs startDay or startDate")
                }
                let end: Int
                switch (try item.optional("endDay"), try item.optional("durationDays")) {
                case (let e?, nil):
                    end = try days(e, "endDay")
                    guard end >= start else { throw e.error("endDay must not be before startDay") }
                case (nil, let d?):
                    end = start + (try days(d, "durationDays"))
                case (nil, nil): end = horizon
                default: throw item.error("give endDay or durationDays, not both")
                }
                let kindField = try item.required("kind")
                let kindName = try kindField.string()
                let kind: ShockKind
                var exempt = 0.0, queues = false
                var schedule: [LicenceStep] = []
                if kindName != "licensing" {
                    for key in ["exemptShare", "refusedOrders", "schedule"] where try item.optional(key) != nil {
                        throw item.error("\(key) applies to licensing shocks only")
                    }
                }
                switch kindName {
                case "licensing":
                    let exporterField = try item.required("exporter")
                    guard let exporter = CountryCode(try exporterField.string()) else {
                        throw exporterField.error("unknown country code '\(try exporterField.string())'")
                    }
                    var group: RareEarthElement.Group?
                    if let g = try item.optional("elementGroup"), try g.string() != "any" {
                        guard let parsed = RareEarthElement.Group(rawValue: try g.string()) else {
                            throw g.error("unknown element group '\(try g.string())' (light, heavy, any)")
                        }
                        group = parsed
                    }
                    var stage: SupplyStage?
                    if let s = try item.optional("stage"), try s.string() != "any" {
                        guard let parsed = SupplyStage(parsing: try s.string()) else {
                            throw s.error("unknown stage '\(try s.string())'")
                        }
                        stage = parsed
                    }
                    let destinations = try Self.countries(try item.optional("destinations"))
                    let approved = try share(try item.required("approvedShare"), "approvedShare")
                    let delay = try item.optional("approvalDelayDays").map { f throws(ScenarioFileError) in try days(f, "approvalDelayDays") } ?? 0
                    kind = .licensing(
                        LicensingScope(exporter: exporter, elementGroup: group, stage: stage, destinations: destinations),
                        approvedShare: approved, approvalDelayDays: delay)
                    if let f = try item.optional("exemptShare") { exempt = try share(f, "exemptShare") }
                    if let f = try item.optional("refusedOrders") {
                        switch try f.string() {
                        case "queue": queues = true
                        case "lost": queues = false
                        default: throw f.error("refusedOrders must be queue or lost")
                        }
                    }
                    if let list = try item.optional("schedule") {
                        for (n, stepItem) in try list.sequence().enumerated() {
                            _ = try stepItem.mapping(allowed: [
                                "id", "fromDay", "fromDate", "destinations", "buyers", "approvedShare", "approvalDelayDays", "note",
                            ])
                            let stepID = try stepItem.optional("id")?.string() ?? "step\(n + 1)"
                            if schedule.contains(where: { $0.id == stepID }) { throw stepItem.error("duplicate step id '\(stepID)'") }
                            guard let from = try day(stepItem, dayKey: "fromDay", dateKey: "fromDate") else {
                                throw stepItem.error("a schedule step needs fromDay or fromDate")
                            }
                            let stepDelay = try stepItem.optional("approvalDelayDays").map { f throws(ScenarioFileError) in try days(f, "approvalDelayDays") } ?? delay
                            let buyers = try stepItem.optional("buyers").map { f throws(ScenarioFileError) in try nodes(f) }
                            schedule.append(LicenceStep(
                                id: stepID, startDay: from, destinations: try Self.countries(try stepItem.optional("destinations")),
                                buyers: buyers, approvedShare: try share(try stepItem.required("approvedShare"), "approvedShare"),
                                approvalDelayDays: stepDelay))
                        }
                    }
                case "outage":
                    kind = .outage(nodes: try nodes(try item.required("nodes")), lostShare: try share(try item.required("lostShare"), "lostShare"))
                case "demandChange":
                    let f = try item.required("factor")
                    let factor = try f.double()
                    guard factor >= 0 else { throw f.error("factor must not be negative") }
                    kind = .demandChange(nodes: try nodes(try item.required("nodes")), factor: factor)
                case "stockRelease":
                    let f = try item.required("tonnesPerDay")
                    let tonnes = try f.double()
                    guard tonnes >= 0 else { throw f.error("tonnesPerDay must not be negative") }
                    kind = .stockRelease(nodes: try nodes(try item.required("nodes")), tonnesPerDay: tonnes)
                default:
                    throw kindField.error("unknown shock kind '\(kindName)' (licensing, outage, demandChange, stockRelease)")
                }
                shockKinds[id] = kindName
                shocks.append(Shock(
                    id: id, startDay: start, endDay: end, kind: kind, exemptShare: exempt, queuesRefusedOrders: queues,
                    schedule: schedule))
                for step in schedule { shockKinds[id + "." + step.id] = "licenceStep" }
            }
        }

        var uncertain: [UncertainParameter] = []
        if let list = try root.optional("uncertain") {
            for item in try list.sequence() {
                _ = try item.mapping(allowed: ["parameter", "distribution", "value", "min", "max", "mode", "mean", "sd", "note"])
                let parameterField = try item.required("parameter")
                let name = try parameterField.string()
                guard let target = UncertainParameter.Target(name: name) else {
                    throw parameterField.error("unknown parameter '\(name)' (shock.ID.durationDays|approvedShare|approvalDelayDays|magnitude|exemptShare|startDay, inventoryDaysFactor, node.ID.inventoryDays, substitutionLimitShare, substitutionRampDays)")
                }
                switch target {
                case .shockDurationDays(let id), .shockApprovedShare(let id), .shockApprovalDelayDays(let id), .shockMagnitude(let id),
                     .shockExemptShare(let id), .shockStartDay(let id):
                    if shockKinds[id] == nil { throw parameterField.error("unknown shock '\(id)'") }
                case .nodeInventoryDays(let id):
                    if !ids.contains(id) { throw parameterField.error("unknown node '\(id)'") }
                default: break
                }
                let distributionField = try item.required("distribution")
                func number(_ key: String) throws(ScenarioFileError) -> Double { try item.required(key).double() }
                let distribution: Distribution
                switch try distributionField.string() {
                case "fixed": distribution = .fixed(try number("value"))
                case "uniform": distribution = .uniform(min: try number("min"), max: try number("max"))
                case "triangular": distribution = .triangular(min: try number("min"), mode: try number("mode"), max: try number("max"))
                case "normal":
                    distribution = .truncatedNormal(
                        mean: try number("mean"), standardDeviation: try number("sd"), min: try number("min"), max: try number("max"))
                default:
                    throw distributionField.error("unknown distribution '\(try distributionField.string())' (fixed, uniform, triangular, normal)")
                }
                if let problem = distribution.problem { throw distributionField.error("bad \(try distributionField.string()) distribution for \(name): \(problem)") }
                let parameter = UncertainParameter(target: target, distribution: distribution)
                uncertain.append(parameter)
                // Range checks the engine also makes, reported here with a line.
                let scenarioSoFar = SimulationScenario(name: name, network: network, horizonDays: horizon, shocks: shocks, uncertain: [parameter])
                do { _ = try CompiledScenario(scenarioSoFar) } catch { throw distributionField.error(error.description) }
            }
        }

        var probes: [FlowProbe] = []
        if let list = try root.optional("probes") {
            for item in try list.sequence() {
                _ = try item.mapping(allowed: ["name", "exporter", "stage", "destinations"])
                let exporterField = try item.required("exporter")
                guard let exporter = CountryCode(try exporterField.string()) else {
                    throw exporterField.error("unknown country code '\(try exporterField.string())'")
                }
                var stage: SupplyStage?
                if let s = try item.optional("stage") {
                    guard let parsed = SupplyStage(parsing: try s.string()) else { throw s.error("unknown stage '\(try s.string())'") }
                    stage = parsed
                }
                probes.append(FlowProbe(
                    name: try item.required("name").string(),
                    scope: LicensingScope(exporter: exporter, stage: stage, destinations: try Self.countries(try item.optional("destinations")))))
            }
        }
        self.probes = probes
        var posterior: JointSample?
        if let field = try root.optional("posterior") {
            _ = try field.mapping(allowed: ["parameters", "rows", "note"])
            let namesField = try field.required("parameters")
            var targets: [UncertainParameter.Target] = []
            for text in try namesField.texts() {
                guard let target = UncertainParameter.Target(name: text) else { throw namesField.error("unknown parameter '\(text)'") }
                targets.append(target)
            }
            var rows: [[Double]] = []
            for row in try field.required("rows").sequence() {
                var values: [Double] = []
                for v in try row.sequence() { values.append(try v.double()) }
                guard values.count == targets.count else { throw row.error("a posterior row needs \(targets.count) values") }
                rows.append(values)
            }
            guard !rows.isEmpty else { throw field.error("posterior has no rows") }
            posterior = JointSample(parameters: targets, rows: rows)
        }
        if let field = try root.optional("calibration") {
            _ = try field.mapping(allowed: [
                "method", "distance", "sampleMonths", "observations", "tolerances", "acceptanceRates", "simulations", "particles",
                "generations", "seed", "command", "note",
            ])
            if let months = try field.optional("sampleMonths") {
                let parts = try months.string().split(separator: ".", omittingEmptySubsequences: true).map(String.init)
                guard parts.count == 2 else { throw months.error("sampleMonths must be YYYY-MM..YYYY-MM") }
                calibrationSample = (parts[0], parts[1])
            }
        }
        scenario = SimulationScenario(
            name: name, network: network, horizonDays: horizon, shocks: shocks, uncertain: uncertain, defaultRuns: runs,
            defaultSeed: seed, stockOutByDay: byDay, posterior: posterior)
        do {
            _ = try CompiledScenario(scenario, probes: probes)
        } catch {
            throw ScenarioFileError(file: file, line: 1, reason: error.description)
        }
    }

    /// `all` (or absent) → nil; otherwise country codes.
    static func countries(_ field: YAMLField?) throws(ScenarioFileError) -> [CountryCode]? {
        guard let field else { return nil }
        let texts = try field.texts()
        if texts == ["all"] { return nil }
        var out: [CountryCode] = []
        for text in texts {
            guard let code = CountryCode(text) else { throw field.error("unknown country code '\(text)'") }
            out.append(code)
        }
        return out
    }

    /// `*` matches one whole dot-separated part: `USA.*`, `*.evTraction`.
    static func matches(_ id: String, pattern: String) -> Bool {
        if !pattern.contains("*") { return id == pattern }
        let a = id.split(separator: ".", omittingEmptySubsequences: false)
        let b = pattern.split(separator: ".", omittingEmptySubsequences: false)
        guard a.count == b.count else { return false }
        return zip(a, b).allSatisfy { $1 == "*" || $0 == $1 }
    }
}

private func networkFile_name(_ field: YAMLField) throws(ScenarioFileError) -> String { try field.string() }

/// A file and line, for errors about a value that points elsewhere.
public struct YAMLLocation: Sendable {
    public var file: String
    public var line: Int
}
