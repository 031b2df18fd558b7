/// Which rare-earth elements an act (or an event, a rule) names.
public enum ElementScope: Sendable, Hashable, Codable {
    /// The act is not about rare-earth elements as such (gallium, graphite, tariffs).
    case none
    /// Every rare earth (a rule on all Chinese-origin rare-earth material or technology).
    case all
    /// Only these elements.
    case some(Set<RareEarthElement>)

    public func contains(_ element: RareEarthElement) -> Bool {
        switch self {
        case .none: false
        case .all: true
        case .some(let set): set.contains(element)
        }
    }

    /// The elements, in atomic-number order (all seventeen for `.all`).
    public var elements: [RareEarthElement] {
        switch self {
        case .none: []
        case .all: RareEarthElement.allCases.sorted()
        case .some(let set): set.sorted()
        }
    }

    /// JSON: `"all"`, or a list of symbols (empty for none).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let text = try? c.decode(String.self) {
            guard text == "all" else {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: "elements must be \"all\" or a list of symbols")
            }
            self = .all
            return
        }
        let list = try c.decode([RareEarthElement].self)
        self = list.isEmpty ? .none : .some(Set(list))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .all: try c.encode("all")
        default: try c.encode(elements)
        }
    }
}

/// The physical forms of rare-earth items an act lists; each maps to HS headings
/// (see ``CommodityMapping``).
public enum ItemForm: String, CaseIterable, Sendable, Codable, Hashable, Comparable {
    case oxide, compound, metal, alloy, magnet, target

    public static func < (lhs: ItemForm, rhs: ItemForm) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}

/// The materials an act covers: rare-earth elements (in given forms) and HS codes. One rule
/// decides whether it touches a question by element or commodity, and `controls`, alerts and
/// anomaly attribution all use it, so a magnet question and a question about the elements in
/// magnets find the same measures.
public struct MaterialScope: Sendable, Hashable, Codable {
    public var elements: ElementScope
    /// Forms of the listed elements; empty means every form.
    public var forms: Set<ItemForm>
    /// HS prefixes named by the act (digits: `850511`, `2846`).
    public var hsPrefixes: [String]

    public init(elements: ElementScope = .none, forms: Set<ItemForm> = [], hsPrefixes: [String] = []) {
        self.elements = elements
        self.forms = forms
        self.hsPrefixes = hsPrefixes.map { $0.filter { $0.isASCII && $0.isNumber } }
    }

    /// True when the act is about rare-earth materials at all (not gallium, graphite or a tariff).
    public var isRareEarthSpecific: Bool {
        if case .none = elements, hsPrefixes.isEmpty { return false }
        return true
    }

    /// Why the act touches `query`, or nil when it does not. The rule:
    ///
    /// - **Element E.** The act lists E (or all rare earths); or it names no element and one of
    ///   its HS codes carries E (a question about Dy finds a measure on HS 8505.11).
    /// - **Commodity C** (HS prefixes). The act names a code overlapping C; or it lists an element
    ///   that C carries, in a form that falls under C, where an act listing no form covers every
    ///   form (so HS 8505.11 finds the measures on "all rare earths", as Nd does).
    /// - Both: the commodity is judged for E only.
    public func reasons(for query: MaterialQuery) -> [String]? {
        var reasons: [String] = []
        var queried: [RareEarthElement]? = nil
        if let wanted = query.elements {
            var hits: [RareEarthElement] = []
            for e in wanted.sorted() {
                if elements.contains(e) {
                    switch elements {
                    case .all: reasons.append("covers all rare earths, \(e.name) included")
                    default: reasons.append("\(e.name) (\(e.symbol)) listed")
                    }
                    hits.append(e)
                } else if case .none = elements,
                    let hit = hsPrefixes.first(where: { CommodityMapping.elements(carriedBy: $0).contains(e) })
                {
                    reasons.append("HS \(CommodityMapping.display(hit)) named in the measure carries \(e.name)")
                    hits.append(e)
                }
            }
            guard !hits.isEmpty else { return nil }
            queried = hits
        }
        if let codes = query.hsPrefixes {
            var hits: [String] = []
            for prefix in hsPrefixes where codes.contains(where: { CommodityMapping.overlaps($0, prefix) }) {
                hits.append("HS \(CommodityMapping.display(prefix)) named in the measure")
            }
            let carried = Set(codes.flatMap { CommodityMapping.elements(carriedBy: $0) })
            let candidates = (queried ?? elements.elements).filter { elements.contains($0) && carried.contains($0) }
            if forms.isEmpty {
                if !candidates.isEmpty {
                    let shown = candidates.count > 4 ? "rare earths" : candidates.map(\.symbol).joined(separator: "/")
                    hits.append("no form named: covers \(shown) in every form, including HS \(codes.map(CommodityMapping.display).joined(separator: ", "))")
                }
            } else {
                var seen = Set<String>()
                for entry in candidates.flatMap({ CommodityMapping.codes(element: $0, forms: forms.sorted()) })
                where codes.contains(where: { CommodityMapping.overlaps($0, entry.hsPrefix) }) && seen.insert(entry.hsPrefix).inserted {
                    hits.append("\(entry.form.rawValue) forms listed: \(entry.label)")
                }
            }
            guard !hits.isEmpty else { return nil }
            reasons += hits
        } else if let queried, !forms.isEmpty {
            let codes = queried.flatMap { CommodityMapping.codes(element: $0, forms: forms.sorted()) }.map(\.hsPrefix)
            var seen = Set<String>()
            let shown = codes.filter { seen.insert($0).inserted }.map(CommodityMapping.display)
            if !shown.isEmpty { reasons.append("its forms reach HS " + shown.joined(separator: ", ")) }
        }
        return reasons
    }

    public enum CodingKeys: String, CodingKey {
        case elements, forms
        case hsPrefixes = "hs_prefixes"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(elements, forKey: .elements)
        try c.encode(forms.sorted(), forKey: .forms)
        try c.encode(hsPrefixes, forKey: .hsPrefixes)
    }
}

/// A question by element and/or commodity; nil on an axis means no filter there.
public struct MaterialQuery: Sendable, Hashable {
    public var elements: Set<RareEarthElement>?
    /// HS prefixes (digits) of the commodity asked about.
    public var hsPrefixes: [String]?

    public init(elements: Set<RareEarthElement>? = nil, hsPrefixes: [String]? = nil) {
        self.elements = elements
        self.hsPrefixes = hsPrefixes
    }

    /// An element and/or a commodity code; a customs aggregate brings its HS lines and, when it
    /// is about named elements (dysprosium exports), those elements.
    public init(element: RareEarthElement?, commodity: HSCode?) {
        var elements = element.map { Set([$0]) }
        if let aggregate = commodity?.aggregate, !aggregate.elements.isEmpty {
            elements = (elements ?? Set(aggregate.elements)).intersection(aggregate.elements)
        }
        self.init(elements: elements, hsPrefixes: commodity?.hsPrefixes)
    }

    public var isEmpty: Bool { elements == nil && hsPrefixes == nil }
}
