/// A unit of mass as it appears in source files. Monazite stores and computes in tonnes.
public enum MassUnit: String, Sendable, Codable, CaseIterable {
    case tonne = "t"
    case kilogram = "kg"

    /// Accepts `t`, `tonne(s)`, `mt` (metric tons), `kg`, `kilogram(s)`.
    public init?(parsing text: String) {
        switch text.trimmingWhitespace().lowercased() {
        case "t", "tonne", "tonnes", "mt", "metric ton", "metric tons": self = .tonne
        case "kg", "kilogram", "kilograms": self = .kilogram
        default: return nil
        }
    }

    /// Tonnes in one of this unit.
    public var tonnes: Double {
        switch self {
        case .tonne: 1
        case .kilogram: 0.001
        }
    }
}
