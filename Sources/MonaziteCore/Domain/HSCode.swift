/// A traded commodity's code: a Harmonized System chapter (`28`), heading (`2846`) or
/// subheading (`8505.11`), or a named customs aggregate that is not an HS code at all (China's
/// headline category "rare earths", `cn-rare-earths`).
///
/// Each level is its own commodity: a heading's total is the figure published for the heading,
/// never a sum of its subheadings computed behind the user's back. National tariff lines (eight or
/// ten digits, such as China's `8505111000` for rare-earth permanent magnets) map to their
/// subheading; ``Observation/nationalCode`` keeps the original.
public struct HSCode: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    /// The code as stored: 2, 4 or 6 digits without dots (`28`, `2846`, `850511`), or the id of a
    /// customs aggregate (`cn-rare-earths`).
    public let code: String

    /// Accepts `28`, `2846`, `28.46`, `8505.11`, `850511`, `8505.11.10`, `8505111000` (dots and
    /// spaces ignored) and the ids of ``CustomsAggregate``; nil otherwise.
    public init?(_ text: String) {
        let d = text.filter { $0 != "." && $0 != " " }
        if [2, 4, 6, 8, 10].contains(d.count), d.allSatisfy(\.isASCIIDigit) {
            self.code = String(d.prefix(6))
        } else if let aggregate = CustomsAggregate.named(text) {
            self.code = aggregate.id
        } else {
            return nil
        }
    }

    /// The level of the code in the nomenclature.
    public enum Level: String, Sendable, Codable {
        case chapter, heading, subheading, aggregate
    }

    public var level: Level {
        switch code.count {
        case 2 where aggregate == nil: .chapter
        case 4 where aggregate == nil: .heading
        case 6 where aggregate == nil: .subheading
        default: .aggregate
        }
    }

    /// The customs aggregate this code names, nil for HS codes.
    public var aggregate: CustomsAggregate? { CustomsAggregate.named(code) }

    /// HS prefixes (digits) that the commodity covers: itself for an HS code, the listed lines of
    /// an aggregate.
    public var hsPrefixes: [String] { aggregate?.hsPrefixes ?? [code] }

    /// `8505.11` for a subheading, `2846` for a heading, `28` for a chapter, the id of an aggregate.
    public var description: String {
        level == .subheading ? "\(code.prefix(4)).\(code.suffix(2))" : code
    }
    /// `8505` for a subheading or heading; the chapter or aggregate id otherwise.
    public var heading: String { level == .aggregate ? code : String(code.prefix(4)) }
    public static func < (lhs: HSCode, rhs: HSCode) -> Bool { lhs.code < rhs.code }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let c = HSCode(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an HS code: \(text)"))
        }
        self = c
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

/// A commodity group that a customs authority publishes as one figure but that is not an HS
/// code. Kept apart from the HS lines it overlaps: its figure is never mixed with theirs.
public struct CustomsAggregate: Sendable, Hashable {
    /// The id used as the commodity code (`cn-rare-earths`).
    public let id: String
    public let name: String
    /// HS lines (digit prefixes) the aggregate draws on, for scope matching only.
    public let hsPrefixes: [String]
    /// The elements the aggregate is about; empty means any rare earth.
    public let elements: [RareEarthElement]

    public static let all: [CustomsAggregate] = [
        CustomsAggregate(
            id: "cn-rare-earths",
            name: "China customs headline category \"rare earths\" (compounds and metals; not an HS code, not magnets)",
            hsPrefixes: ["280530", "2846"], elements: []),
        CustomsAggregate(
            id: "cn-dysprosium",
            name: "China's exports of dysprosium as compiled from customs data by the trade press (form not stated)",
            hsPrefixes: ["280530", "2846"], elements: [.dysprosium]),
        CustomsAggregate(
            id: "cn-terbium",
            name: "China's exports of terbium as compiled from customs data by the trade press (form not stated)",
            hsPrefixes: ["280530", "2846"], elements: [.terbium]),
    ]

    public static func named(_ text: String) -> CustomsAggregate? {
        let t = text.trimmingWhitespace().lowercased()
        return all.first { $0.id == t }
    }
}

/// The rare-earth commodities Monazite knows by name, and the chain stage each belongs to.
public struct Commodity: Sendable, Hashable {
    public let code: HSCode
    public let name: String
    public let stage: SupplyStage
    /// Which elements the commodity can carry; empty means "any rare earth".
    public let elements: [RareEarthElement]

    public static let catalog: [Commodity] = [
        Commodity(code: HSCode("2530.90")!, name: "Mineral substances n.e.s. (incl. rare-earth ores and concentrates)", stage: .mining, elements: []),
        Commodity(code: HSCode("2805.30")!, name: "Rare-earth metals, scandium and yttrium", stage: .metal, elements: []),
        Commodity(code: HSCode("2846.10")!, name: "Cerium compounds", stage: .separation, elements: [.cerium]),
        Commodity(code: HSCode("2846.90")!, name: "Other rare-earth, yttrium and scandium compounds", stage: .separation, elements: []),
        Commodity(code: HSCode("3606.90")!, name: "Ferrocerium and other pyrophoric alloys", stage: .metal, elements: [.cerium, .lanthanum]),
        Commodity(code: HSCode("8505.11")!, name: "Permanent magnets of metal (incl. NdFeB, SmCo)", stage: .magnet, elements: []),
        Commodity(code: HSCode("8505.19")!, name: "Permanent magnets of other materials (ferrite)", stage: .magnet, elements: []),
    ]

    /// National tariff lines whose meaning is narrower than their HS subheading.
    public static let nationalCodes: [String: String] = [
        "8505111000": "China: rare-earth permanent magnets (within HS 8505.11)",
        "8505119000": "China: other metal permanent magnets (within HS 8505.11)",
    ]

    public static func named(_ code: HSCode) -> Commodity? { catalog.first { $0.code == code } }

    /// The catalog name, else the aggregate's name, else a plain description of the level.
    public static func label(_ code: HSCode) -> String {
        if let c = named(code) { return c.name }
        if let a = code.aggregate { return a.name }
        return "HS \(code.level.rawValue) \(code)"
    }
}

/// Stages of the rare-earth chain, upstream first.
public enum SupplyStage: String, CaseIterable, Sendable, Codable, Comparable {
    case mining, separation, metal, magnet

    public var label: String {
        switch self {
        case .mining: "mining"
        case .separation: "separation/refining"
        case .metal: "metal/alloy"
        case .magnet: "magnet making"
        }
    }

    /// Accepts the raw values and the names used by IEA and USGS (`refining`, `magnets`).
    public init?(parsing text: String) {
        switch text.trimmingWhitespace().lowercased() {
        case "mining", "mine": self = .mining
        case "separation", "refining", "separation/refining", "processing": self = .separation
        case "metal", "metal/alloy", "alloy", "metals": self = .metal
        case "magnet", "magnets", "magnet making": self = .magnet
        default: return nil
        }
    }

    public static func < (lhs: SupplyStage, rhs: SupplyStage) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
