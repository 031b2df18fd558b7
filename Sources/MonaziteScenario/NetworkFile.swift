public import MonaziteCore
public import MonaziteSimulation

/// A network read from a YAML network file, with where every parameter came from.
///
/// The format is documented in `docs/simulation.md`. Each numeric parameter is either
/// `{value: x, source: ID, note: …}` (derived from a cited source listed under `sources`) or
/// `{value: x, assumption: true, note: …}`; a bare number is accepted and counted as an assumption.
public struct NetworkFile: Sendable {
    public var network: SupplyNetwork
    public var description: String
    public var sources: [DataSource]
    public var provenance: [ParameterProvenance]
    public var file: String
    /// Line of each node and edge, for messages about them.
    var nodeLines: [String: Int]
    var edgeLines: [String: Int]

    /// Parameters marked as assumptions (including bare numbers).
    public var assumptions: [ParameterProvenance] { provenance.filter(\.isAssumption) }

    static let nodeKeys: Set<String> = Set(NodeParameter.allCases.map(\.rawValue)).union(["id", "country", "stage", "sector", "note"])
    /// Capacities and demands belong to one node; the rest may be given once under `defaults`.
    static let defaultKeys: Set<String> = Set(NodeParameter.allCases.map(\.rawValue)).subtracting(["capacityTonnesPerDay", "demandTonnesPerDay"])

    /// A node's numeric parameter: its value when neither the node nor `defaults` gives one, and
    /// its range, which holds for a value under `defaults` as for a node's own.
    enum NodeParameter: String, CaseIterable {
        case capacityTonnesPerDay, yieldTonnesPerTonne, demandTonnesPerDay, inventoryDays, refillDays
        case substitutionLimitShare, substitutionDelayDays, substitutionRampDays

        var fallback: Double {
            switch self {
            case .yieldTonnesPerTonne, .substitutionRampDays: 1
            case .refillDays: 30
            case .capacityTonnesPerDay, .demandTonnesPerDay, .inventoryDays, .substitutionLimitShare, .substitutionDelayDays: 0
            }
        }

        var least: Double {
            switch self {
            case .yieldTonnesPerTonne: 1e-9
            case .refillDays, .substitutionRampDays: 1
            case .capacityTonnesPerDay, .demandTonnesPerDay, .inventoryDays, .substitutionLimitShare, .substitutionDelayDays: 0
            }
        }

        /// The greatest value, if any: a share is at most 1; the delay becomes a day index.
        var greatest: Double? {
            switch self {
            case .substitutionLimitShare: 1
            case .substitutionDelayDays: Double(SimulationScenario.maximumDays)
            default: nil
            }
        }

        /// Refuses `value` outside the range, at `field`, naming this parameter of `subject`.
        func check(_ value: Double, of subject: String, at field: YAMLField) throws(ScenarioFileError) {
            let key = rawValue
            if value < least {
                throw field.error(least == 0 ? "\(key) of '\(subject)' must not be negative (got \(value))" : "\(key) of '\(subject)' must be ≥ \(least) (got \(value))")
            }
            if let greatest, value > greatest {
                throw field.error(self == .substitutionLimitShare ? "\(key) of '\(subject)' = \(value) is outside 0…1" : "\(key) of '\(subject)' = \(value) is beyond \(SimulationScenario.maximumDays) days")
            }
        }
    }

    /// Parses and validates network YAML. `file` is the name used in messages.
    ///
    /// - Throws: ``ScenarioFileError`` at the offending line: unknown keys, nodes or sources,
    ///   shares outside 0…1, negative capacities or days, shares not summing to 1, cycles.
    public init(yaml: String, file: String) throws(ScenarioFileError) {
        self.file = file
        let root = try YAMLField.parse(yaml, file: file)
        _ = try root.mapping(allowed: ["format", "name", "description", "sources", "defaults", "nodes", "edges"])
        if let format = try root.optional("format"), try format.string() != "monazite-network/1" {
            throw format.error("unsupported format '\(try format.string())' (expected monazite-network/1)")
        }
        let name = try root.required("name").string()
        description = try root.optional("description")?.string() ?? ""

        var sources: [DataSource] = []
        if let list = try root.optional("sources") {
            for item in try list.sequence() {
                _ = try item.mapping(allowed: ["id", "title", "url", "licence"])
                sources.append(DataSource(
                    id: try item.required("id").string(), title: try item.required("title").string(),
                    url: try item.optional("url")?.string(), licence: try item.optional("licence")?.string()))
            }
        }
        self.sources = sources
        let sourceIDs = Set(sources.map(\.id))
        var provenance: [ParameterProvenance] = []

        func quantity(_ field: YAMLField, subject: String, parameter: String) throws(ScenarioFileError) -> Double {
            if case .scalar = field.node {
                let value = try field.double()
                provenance.append(ParameterProvenance(
                    subject: subject, parameter: parameter, value: value, source: nil, isAssumption: true,
                    note: "bare number: counted as an assumption"))
                return value
            }
            _ = try field.mapping(allowed: ["value", "source", "assumption", "note"])
            let value = try field.required("value").double()
            let source = try field.optional("source")
            let assumption = try field.optional("assumption")?.bool() ?? false
            if let source, !sourceIDs.contains(try source.string()) {
                throw source.error("unknown source '\(try source.string())' (add it under sources)")
            }
            if source == nil && !assumption {
                throw field.error("\(field.path): give a source or mark it 'assumption: true'")
            }
            provenance.append(ParameterProvenance(
                subject: subject, parameter: parameter, value: value, source: try source?.string(), isAssumption: assumption,
                note: try field.optional("note")?.string()))
            return value
        }

        var defaults: [String: Double] = [:]
        if let section = try root.optional("defaults") {
            for (key, value) in try section.mapping(allowed: Self.defaultKeys) {
                let number = try quantity(value, subject: "defaults", parameter: key)
                try NodeParameter(rawValue: key)?.check(number, of: "defaults", at: value)
                defaults[key] = number
            }
        }

        var nodes: [NetworkNode] = []
        var nodeLines: [String: Int] = [:]
        for item in try root.required("nodes").sequence() {
            _ = try item.mapping(allowed: Self.nodeKeys)
            let idField = try item.required("id")
            let id = try idField.string()
            if nodeLines[id] != nil { throw idField.error("duplicate node '\(id)'") }
            nodeLines[id] = item.line
            let countryField = try item.required("country")
            guard let country = CountryCode(try countryField.string()) else {
                throw countryField.error("unknown country code '\(try countryField.string())'")
            }
            let role: NodeRole
            switch (try item.optional("stage"), try item.optional("sector")) {
            case (let stage?, nil):
                guard let parsed = SupplyStage(parsing: try stage.string()) else {
                    throw stage.error("unknown stage '\(try stage.string())' (mining, separation, metal, magnet)")
                }
                role = .production(parsed)
            case (nil, let sector?):
                guard let parsed = EndUseSector(parsing: try sector.string()) else {
                    let known = EndUseSector.allCases.map(\.rawValue).joined(separator: ", ")
                    throw sector.error("unknown sector '\(try sector.string())' (\(known))")
                }
                role = .endUse(parsed)
            default:
                throw item.error("node '\(id)' needs exactly one of 'stage' or 'sector'")
            }
            func value(_ parameter: NodeParameter) throws(ScenarioFileError) -> Double {
                guard let field = try item.optional(parameter.rawValue) else { return defaults[parameter.rawValue] ?? parameter.fallback }
                let number = try quantity(field, subject: id, parameter: parameter.rawValue)
                try parameter.check(number, of: id, at: field)
                return number
            }
            let capacity = try value(.capacityTonnesPerDay)
            let yield = try value(.yieldTonnesPerTonne)
            let demand = try value(.demandTonnesPerDay)
            let inventory = try value(.inventoryDays)
            let refill = try value(.refillDays)
            let limit = try value(.substitutionLimitShare)
            let delay = try value(.substitutionDelayDays)
            let ramp = try value(.substitutionRampDays)
            if case .production = role, try item.optional("demandTonnesPerDay") != nil {
                throw item.error("production node '\(id)' cannot have demandTonnesPerDay")
            }
            nodes.append(NetworkNode(
                id: id, country: country, role: role, capacityTonnesPerDay: capacity, yieldTonnesPerTonne: yield,
                demandTonnesPerDay: demand, inventoryDays: inventory, refillDays: refill, substitutionLimitShare: limit,
                substitutionDelayDays: Int(delay.rounded()), substitutionRampDays: ramp))
        }

        var edges: [NetworkEdge] = []
        var edgeLines: [String: Int] = [:]
        for item in try root.required("edges").sequence() {
            _ = try item.mapping(allowed: ["from", "to", "share", "leadTimeDays", "elements", "note"])
            let fromField = try item.required("from"), toField = try item.required("to")
            let from = try fromField.string(), to = try toField.string()
            guard nodeLines[from] != nil else { throw fromField.error("unknown node '\(from)'") }
            guard nodeLines[to] != nil else { throw toField.error("unknown node '\(to)'") }
            let subject = "\(from) → \(to)"
            if edgeLines[subject] != nil { throw item.error("duplicate edge \(subject)") }
            edgeLines[subject] = item.line
            let shareField = try item.required("share")
            let share = try quantity(shareField, subject: subject, parameter: "share")
            guard (0...1).contains(share) else { throw shareField.error("share of edge \(subject) = \(share) is outside 0…1") }
            let leadField = try item.required("leadTimeDays")
            let lead = try quantity(leadField, subject: subject, parameter: "leadTimeDays")
            guard lead >= 0, lead == lead.rounded(), lead <= Double(SimulationScenario.maximumDays) else {
                throw leadField.error("leadTimeDays of edge \(subject) must be a whole number of days from 0 to \(SimulationScenario.maximumDays)")
            }
            var groups: Set<RareEarthElement.Group> = [.light, .heavy]
            if let elements = try item.optional("elements") {
                groups = []
                for text in try elements.texts() {
                    guard let group = RareEarthElement.Group(rawValue: text.lowercased()) else {
                        throw elements.error("unknown element group '\(text)' (light, heavy)")
                    }
                    groups.insert(group)
                }
            }
            edges.append(NetworkEdge(supplier: from, buyer: to, baselineShare: share, leadTimeDays: Int(lead), elementGroups: groups))
        }
        network = SupplyNetwork(name: name, nodes: nodes, edges: edges)
        self.provenance = provenance
        self.nodeLines = nodeLines
        self.edgeLines = edgeLines
        do {
            _ = try CompiledNetwork(network)
        } catch {
            throw locate(error)
        }
    }

    /// Maps an engine error to the line of the node or edge it names.
    func locate(_ error: SimulationError) -> ScenarioFileError {
        let line: Int
        switch error {
        case .duplicateNode(let id), .buyerWithoutSupplier(let id), .sharesDoNotSumToOne(let id, _):
            line = nodeLines[id] ?? 0
        case .unknownNode(let id, _):
            line = nodeLines[id] ?? 0
        case .duplicateEdge(let s, let b), .edgeAgainstChain(let s, let b):
            line = edgeLines["\(s) → \(b)"] ?? 0
        case .cycle(let ids):
            line = ids.count > 1 ? edgeLines["\(ids[0]) → \(ids[1])"] ?? 0 : 0
        default:
            line = 0
        }
        return ScenarioFileError(file: file, line: line, reason: error.description)
    }
}
