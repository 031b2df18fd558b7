/// A stage of the rare-earth magnet chain, upstream first (docs/projects.md).
public enum PipelineStage: String, Codable, Sendable, Hashable, CaseIterable, Comparable {
    case mine
    case separation
    case metal = "metal/alloy"
    case magnet
    case recycling

    public var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    public static func < (a: Self, b: Self) -> Bool { a.order < b.order }

    /// The stages a CSV stage text names, from keywords outside parentheses (parentheses qualify:
    /// "recycling (magnet separation …)" is recycling only). Empty when no keyword matches.
    public static func stages(in text: String) -> [PipelineStage] {
        var outside = ""
        var depth = 0
        for c in text {
            if c == "(" { depth += 1 } else if c == ")" { depth = max(0, depth - 1) } else if depth == 0 { outside.append(c) }
        }
        let t = outside.lowercased()
        var found = Set<PipelineStage>()
        if t.contains("mine") || t.contains("concentrat") { found.insert(.mine) }
        if ["separation", "refin", "processing", "cracking", "leaching"].contains(where: t.contains) { found.insert(.separation) }
        if ["metal", "alloy", "smelting", "strip-cast"].contains(where: t.contains) { found.insert(.metal) }
        if t.contains("magnet") { found.insert(.magnet) }
        if t.contains("recycl") { found.insert(.recycling) }
        return found.sorted()
    }
}

/// Monazite's reading of a project's status text, the key of the outlook assumptions.
public enum StatusClass: String, Codable, Sendable, Hashable, CaseIterable {
    case operating, commissioning, construction, planned, stalled
}

/// A capacity as announced, with the unit folded to a comparable key (`t NdFeB`, `t REO`, …).
public struct ProjectCapacity: Codable, Sendable, Hashable {
    /// The figure the outlook uses (the low end of a range; see ``OutlookAssumptions``).
    public var value: Double
    /// The high end when the row gives a range ("2000-5000").
    public var high: Double?
    /// The comparable unit: capacities are only summed within one stage and one unit.
    public var unit: String
    /// The unit as written in the row.
    public var unitText: String
    /// The stage the capacity measures (a row spanning stages states one product's capacity).
    public var stage: PipelineStage

    public init(value: Double, high: Double? = nil, unit: String, unitText: String, stage: PipelineStage) {
        self.value = value
        self.high = high
        self.unit = unit
        self.unitText = unitText
        self.stage = stage
    }

    /// The unit key of a row's unit text. Bare `t/yr` at a magnet stage counts as t NdFeB when the
    /// stage text names NdFeB; an unknown product keeps the text as written.
    public static func unitKey(_ unitText: String, stageText: String, stage: PipelineStage) -> String {
        let u = unitText.lowercased()
        let head = u.split(separator: "(", maxSplits: 1).first.map(String.init) ?? u
        if head.contains("/day") { return head.contains("feed") ? "t/day feedstock" : unitText }
        if head.contains("strip-cast") || head.contains("alloy") { return "t alloy" }
        if head.contains("ndfeb") { return "t NdFeB" }
        if head.contains("ndpr oxide") { return "t NdPr oxide" }
        if head.contains("dy+tb") { return "t Dy+Tb oxide" }
        if head.contains("metal") { return "t RE metal" }
        if head.contains("feed") { return "t feedstock" }
        if head.contains("reo") { return "t REO" }
        if stage == .magnet, stageText.lowercased().contains("ndfeb"), head.filter({ $0 != " " }) == "t/yr" { return "t NdFeB" }
        // Unknown product: the text before any parenthesis, as written.
        let written = unitText.split(separator: "(", maxSplits: 1).first.map(String.init) ?? unitText
        return String(written.reversed().drop { $0 == " " }.reversed())
    }

    /// The stage a capacity measures: from its unit where the row names that stage, else the
    /// row's most downstream stage other than recycling (or recycling when it is the only one).
    public static func stage(unit: String, unitText: String, stages: [PipelineStage]) -> PipelineStage? {
        guard let last = stages.filter({ $0 != .recycling }).last ?? stages.last else { return nil }
        let preferred: PipelineStage?
        switch unit {
        case "t NdFeB": preferred = .magnet
        case "t alloy", "t RE metal": preferred = .metal
        case "t NdPr oxide", "t Dy+Tb oxide": preferred = .separation
        case "t REO": preferred = unitText.lowercased().contains("concentrate") ? .mine : .separation
        case "t/day feedstock": preferred = .mine
        case "t feedstock": preferred = stages.first
        default: preferred = nil
        }
        if let preferred, stages.contains(preferred) { return preferred }
        if unit == "t REO", stages.contains(.mine) { return .mine }
        return last
    }
}

/// One project row: who, where, which stages, what capacity, status and start, and its source.
public struct Project: Codable, Sendable, Hashable {
    public var name: String
    public var company: String
    public var location: String
    public var country: String
    /// The stage text as written, and the stages it names.
    public var stageText: String
    public var stages: [PipelineStage]
    public var product: String
    /// The capacity, when the row states one figure in one unit.
    public var capacity: ProjectCapacity?
    /// Why a stated capacity is not usable as one figure (e.g. several products), when so.
    public var capacityNote: String?
    public var capacityText: String
    public var capacityBasis: String
    public var status: String
    public var statusClass: StatusClass
    public var statusAsOf: String
    /// The year production starts (or started), when stated.
    public var startYear: Int?
    public var startText: String
    public var investmentUSDm: Double?
    public var publicSupport: String
    public var notes: String
    public var source: String
    public var url: String
    public var release: String
    public var via: String
    public var viaURL: String
    /// The CSV line the row was read from (its footnote anchor).
    public var line: Int

    public init(
        name: String, company: String = "", location: String = "", country: String, stageText: String, stages: [PipelineStage],
        product: String = "", capacity: ProjectCapacity?, capacityNote: String? = nil, capacityText: String = "", capacityBasis: String = "",
        status: String = "", statusClass: StatusClass, statusAsOf: String = "", startYear: Int?, startText: String = "",
        investmentUSDm: Double? = nil, publicSupport: String = "", notes: String = "", source: String = "", url: String,
        release: String = "", via: String = "", viaURL: String = "", line: Int = 0
    ) {
        self.name = name
        self.company = company
        self.location = location
        self.country = country
        self.stageText = stageText
        self.stages = stages
        self.product = product
        self.capacity = capacity
        self.capacityNote = capacityNote
        self.capacityText = capacityText
        self.capacityBasis = capacityBasis
        self.status = status
        self.statusClass = statusClass
        self.statusAsOf = statusAsOf
        self.startYear = startYear
        self.startText = startText
        self.investmentUSDm = investmentUSDm
        self.publicSupport = publicSupport
        self.notes = notes
        self.source = source
        self.url = url
        self.release = release
        self.via = via
        self.viaURL = viaURL
        self.line = line
    }
}
