/// A Harmonized System code at the six-digit subheading level, the level at which national
/// customs statistics are comparable (`8505.11`).
///
/// National tariff lines (eight or ten digits, such as China's `8505111000` for rare-earth
/// permanent magnets) map to their subheading; ``Commodity/nationalCode`` keeps the original.
public struct HSCode: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    /// Six digits, no dots: `850511`.
    public let digits: String

    /// Accepts `8505.11`, `850511`, `8505.11.10`, `8505111000` (dots and spaces ignored);
    /// nil unless the digits number 6, 8 or 10.
    public init?(_ text: String) {
        let d = text.filter { $0 != "." && $0 != " " }
        guard [6, 8, 10].contains(d.count), d.allSatisfy(\.isASCIIDigit) else { return nil }
        self.digits = String(d.prefix(6))
    }

    /// `8505.11`.
    public var description: String { "\(digits.prefix(4)).\(digits.suffix(2))" }
    /// `8505`.
    public var heading: String { String(digits.prefix(4)) }
    public static func < (lhs: HSCode, rhs: HSCode) -> Bool { lhs.digits < rhs.digits }

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
