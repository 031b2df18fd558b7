/// The seventeen rare-earth elements: the fifteen lanthanides, scandium and yttrium.
public enum RareEarthElement: String, CaseIterable, Sendable, Codable, Comparable, CustomStringConvertible {
    case scandium = "Sc", yttrium = "Y", lanthanum = "La", cerium = "Ce", praseodymium = "Pr", neodymium = "Nd"
    case promethium = "Pm", samarium = "Sm", europium = "Eu", gadolinium = "Gd", terbium = "Tb", dysprosium = "Dy"
    case holmium = "Ho", erbium = "Er", thulium = "Tm", ytterbium = "Yb", lutetium = "Lu"

    /// Light or heavy rare earth.
    ///
    /// Light: lanthanum to europium (Z 57–63). Heavy: gadolinium to lutetium (Z 64–71) and
    /// yttrium, as USGS groups them. Scandium is counted heavy here because export-control
    /// lists treat it with the medium/heavy group (MOFCOM Announcement No. 18 [2025]).
    public enum Group: String, Sendable, Codable, CaseIterable { case light, heavy }

    public var symbol: String { rawValue }

    public var atomicNumber: Int {
        switch self {
        case .scandium: 21
        case .yttrium: 39
        case .lanthanum: 57
        case .cerium: 58
        case .praseodymium: 59
        case .neodymium: 60
        case .promethium: 61
        case .samarium: 62
        case .europium: 63
        case .gadolinium: 64
        case .terbium: 65
        case .dysprosium: 66
        case .holmium: 67
        case .erbium: 68
        case .thulium: 69
        case .ytterbium: 70
        case .lutetium: 71
        }
    }

    public var group: Group {
        switch self {
        case .lanthanum, .cerium, .praseodymium, .neodymium, .promethium, .samarium, .europium: .light
        default: .heavy
        }
    }

    /// English name, lower case.
    public var name: String {
        switch self {
        case .scandium: "scandium"
        case .yttrium: "yttrium"
        case .lanthanum: "lanthanum"
        case .cerium: "cerium"
        case .praseodymium: "praseodymium"
        case .neodymium: "neodymium"
        case .promethium: "promethium"
        case .samarium: "samarium"
        case .europium: "europium"
        case .gadolinium: "gadolinium"
        case .terbium: "terbium"
        case .dysprosium: "dysprosium"
        case .holmium: "holmium"
        case .erbium: "erbium"
        case .thulium: "thulium"
        case .ytterbium: "ytterbium"
        case .lutetium: "lutetium"
        }
    }
    public var description: String { rawValue }

    /// The four elements IEA counts as "magnet rare earths": Nd, Pr, Dy, Tb.
    public static let magnetElements: [RareEarthElement] = [.neodymium, .praseodymium, .dysprosium, .terbium]

    /// Accepts the symbol or the English name, in any case.
    public init?(parsing text: String) {
        let t = text.trimmingWhitespace()
        if let e = RareEarthElement.allCases.first(where: { $0.rawValue.lowercased() == t.lowercased() || $0.name == t.lowercased() }) {
            self = e
        } else {
            return nil
        }
    }

    public static func < (lhs: RareEarthElement, rhs: RareEarthElement) -> Bool { lhs.atomicNumber < rhs.atomicNumber }
}
