/// A final-demand sector that consumes permanent magnets.
///
/// The split follows the sectors users ask about; the IEA dataset publishes EV and wind demand,
/// the other sectors are assumption-based shares of its "other uses" (see the bundled network).
public enum EndUseSector: String, CaseIterable, Sendable, Codable, Comparable {
    case evTraction, wind, defense, consumerElectronics, industrialMotors, other

    /// Words a reader expects in a table.
    public var label: String {
        switch self {
        case .evTraction: "EV traction"
        case .wind: "wind"
        case .defense: "defense"
        case .consumerElectronics: "consumer electronics"
        case .industrialMotors: "industrial motors"
        case .other: "other"
        }
    }

    /// Accepts the raw value and a few spellings (`ev`, `electronics`, `motors`).
    public init?(parsing text: String) {
        let key = text.lowercased().filter { $0.isLetter }
        switch key {
        case "evtraction", "ev", "electricvehicles": self = .evTraction
        case "wind": self = .wind
        case "defense", "defence": self = .defense
        case "consumerelectronics", "electronics": self = .consumerElectronics
        case "industrialmotors", "motors": self = .industrialMotors
        case "other": self = .other
        default: return nil
        }
    }

    public static func < (lhs: EndUseSector, rhs: EndUseSector) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}
