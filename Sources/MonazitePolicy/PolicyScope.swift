public import MonaziteCore

/// Where an act applies.
public enum DestinationScope: Sendable, Hashable, Codable {
    /// Every destination (less ``PolicyScope/excludedDestinations``).
    case all
    /// Only these destinations.
    case only(Set<CountryCode>)

    public func contains(_ country: CountryCode) -> Bool {
        switch self {
        case .all: true
        case .only(let set): set.contains(country)
        }
    }

    /// JSON: `"all"`, or a list of ISO alpha-3 codes.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let text = try? c.decode(String.self) {
            guard text == "all" else {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: "destinations must be \"all\" or a list of codes")
            }
            self = .all
            return
        }
        self = .only(Set(try c.decode([CountryCode].self)))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .all: try c.encode("all")
        case .only(let set): try c.encode(set.sorted())
        }
    }
}

/// What an act covers: elements and their forms, HS and control codes, destinations, end uses.
public struct PolicyScope: Sendable, Hashable, Codable {
    public var elements: ElementScope
    /// Forms of the listed elements that the act covers (oxides, metals, magnets…).
    public var forms: Set<ItemForm>
    /// HS code prefixes the act names or that its items fall under, digits only (`850511`, `2846`).
    public var hsPrefixes: [String]
    /// Export-control classification codes (`1C902`).
    public var controlCodes: [String]
    /// The items in the act's own words (as curated), for display.
    public var items: String
    public var destinations: DestinationScope
    public var excludedDestinations: Set<CountryCode>
    /// End-use or end-user limits in words (military end users, advanced chips), if any.
    public var endUse: String?

    public init(
        elements: ElementScope = .none, forms: Set<ItemForm> = [], hsPrefixes: [String] = [], controlCodes: [String] = [],
        items: String = "", destinations: DestinationScope = .all, excludedDestinations: Set<CountryCode> = [], endUse: String? = nil
    ) {
        self.elements = elements
        self.forms = forms
        self.hsPrefixes = hsPrefixes
        self.controlCodes = controlCodes
        self.items = items
        self.destinations = destinations
        self.excludedDestinations = excludedDestinations
        self.endUse = endUse
    }

    /// The materials the act covers, for the one scope rule every capability uses
    /// (``MaterialScope/reasons(for:)``).
    public var material: MaterialScope { MaterialScope(elements: elements, forms: forms, hsPrefixes: hsPrefixes) }

    /// True when the act applies to exports to `country`.
    public func covers(destination country: CountryCode) -> Bool {
        destinations.contains(country) && !excludedDestinations.contains(country)
    }

    enum CodingKeys: String, CodingKey {
        case elements, forms, items, destinations
        case hsPrefixes = "hs_prefixes"
        case controlCodes = "control_codes"
        case excludedDestinations = "excluded_destinations"
        case endUse = "end_use"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        elements = try c.decodeIfPresent(ElementScope.self, forKey: .elements) ?? .none
        forms = Set(try c.decodeIfPresent([ItemForm].self, forKey: .forms) ?? [])
        hsPrefixes = try c.decodeIfPresent([String].self, forKey: .hsPrefixes) ?? []
        controlCodes = try c.decodeIfPresent([String].self, forKey: .controlCodes) ?? []
        items = try c.decodeIfPresent(String.self, forKey: .items) ?? ""
        destinations = try c.decodeIfPresent(DestinationScope.self, forKey: .destinations) ?? .all
        excludedDestinations = Set(try c.decodeIfPresent([CountryCode].self, forKey: .excludedDestinations) ?? [])
        endUse = try c.decodeIfPresent(String.self, forKey: .endUse)
    }

    /// Sets become sorted lists so that the JSON is stable.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(elements, forKey: .elements)
        try c.encode(forms.sorted(), forKey: .forms)
        try c.encode(hsPrefixes, forKey: .hsPrefixes)
        try c.encode(controlCodes, forKey: .controlCodes)
        try c.encode(items, forKey: .items)
        try c.encode(destinations, forKey: .destinations)
        try c.encode(excludedDestinations.sorted(), forKey: .excludedDestinations)
        try c.encode(endUse, forKey: .endUse)
    }
}
