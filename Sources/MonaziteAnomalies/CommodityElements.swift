public import MonaziteCore

/// Which rare-earth elements a traded commodity carries, so an element-scoped control can be matched
/// to an HS series.
///
/// Permanent magnets of metal (HS 8505.11) are NdFeB magnets (neodymium, praseodymium, with
/// dysprosium and terbium for heat resistance) and SmCo magnets (samarium); MOFCOM Announcement
/// No. 18 [2025] names "SmCo magnets and magnets containing these elements" among its items.
/// Commodities whose ``Commodity/elements`` list is empty in the core catalogue (metals, compounds,
/// ores) can carry any rare earth and are returned as all seventeen.
public enum CommodityElements {
    public static let magnetElements: Set<RareEarthElement> = [.neodymium, .praseodymium, .dysprosium, .terbium, .samarium]

    /// The elements of `code`; empty when the commodity is not a rare-earth product Monazite knows.
    public static func elements(of code: HSCode) -> Set<RareEarthElement> {
        if code.code == "850511" { return magnetElements }
        guard let entry = Commodity.catalog.first(where: { $0.code == code }) else { return [] }
        if code.code == "850519" { return [] }  // ferrite magnets carry no rare earths
        return entry.elements.isEmpty ? Set(RareEarthElement.allCases) : Set(entry.elements)
    }

    /// A short name for evidence text: "NdFeB/SmCo magnets (8505.11)".
    public static func label(of code: HSCode) -> String {
        if code.code == "850511" { return "NdFeB/SmCo magnets (\(code))" }
        if let entry = Commodity.catalog.first(where: { $0.code == code }) { return "\(entry.name) (\(code))" }
        return "HS \(code)"
    }
}
