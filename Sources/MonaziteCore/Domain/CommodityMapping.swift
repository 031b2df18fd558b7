
/// Which HS codes carry which rare-earth items: the bridge between an element-scoped control
/// ("dysprosium oxides, metals, magnets") and a question by customs code, and back.
///
/// Data, not inference, with the HS 2022 nomenclature (World Customs Organization) as source:
/// - heading 28.05, subheading **2805.30** "Rare-earth metals, scandium and yttrium, whether or not
///   intermixed or interalloyed": the metals and their inter-alloys;
/// - heading 28.46 "Compounds, inorganic or organic, of rare-earth metals, of yttrium or of
///   scandium or of mixtures of these metals": **2846.10** cerium compounds, **2846.90** other
///   (oxides such as Dy₂O₃ are compounds for HS purposes and fall here);
/// - heading 85.05, subheading **8505.11** "Permanent magnets … of metal": sintered and bonded
///   NdFeB and SmCo magnets (China's national line 8505.11.10.00 is "rare-earth permanent magnets").
///
/// Sputtering targets have no rare-earth-specific heading (they are classified by material and
/// shape), so `.target` maps to no code.
public enum CommodityMapping {
    /// A code that an item form of an element falls under, and why.
    public struct Entry: Sendable, Hashable {
        /// Digits only, a prefix of six-digit subheadings (`2846`, `850511`).
        public let hsPrefix: String
        public let form: ItemForm
        public let label: String
    }

    /// Elements that permanent magnets of HS 8505.11 carry: Nd, Pr, Dy, Tb in NdFeB (the four
    /// "magnet rare earths" IEA counts) and Sm in SmCo. Gd, Ho and others appear in some grades
    /// only; a question about them does not reach 8505.11 measures unless the measure names the
    /// element itself.
    public static let magnetElements: Set<RareEarthElement> = [.neodymium, .praseodymium, .dysprosium, .terbium, .samarium]

    /// The HS codes an item form of `element` falls under.
    public static func codes(form: ItemForm, element: RareEarthElement) -> [Entry] {
        switch form {
        case .oxide, .compound:
            // 2846.10 is cerium compounds only; every other element's compounds are 2846.90.
            return element == .cerium
                ? [Entry(hsPrefix: "284610", form: form, label: "HS 2846.10 cerium compounds")]
                : [Entry(hsPrefix: "284690", form: form, label: "HS 2846.90 other rare-earth compounds")]
        case .metal, .alloy:
            return [Entry(hsPrefix: "280530", form: form, label: "HS 2805.30 rare-earth metals and inter-alloys")]
        case .magnet:
            return magnetElements.contains(element)
                ? [Entry(hsPrefix: "850511", form: form, label: "HS 8505.11 permanent magnets of metal")] : []
        case .target:
            return []
        }
    }

    /// Every code of every form of `element`.
    public static func codes(element: RareEarthElement, forms: some Sequence<ItemForm> = ItemForm.allCases) -> [Entry] {
        forms.flatMap { codes(form: $0, element: element) }
    }

    /// The elements a code can carry: for a question by HS code about an element-scoped measure.
    public static func elements(carriedBy hsPrefix: String) -> Set<RareEarthElement> {
        Set(RareEarthElement.allCases.filter { e in codes(element: e).contains { overlaps($0.hsPrefix, hsPrefix) } })
    }

    /// True when one code prefix contains the other (`2846` and `284690`, `850511` and `8505`).
    public static func overlaps(_ a: String, _ b: String) -> Bool {
        a.hasPrefix(b) || b.hasPrefix(a)
    }

    /// Digits of a user's code: `8505.11` → `850511`, `2846` → `2846`; nil unless 2–10 digits.
    public static func normalise(_ text: String) -> String? {
        let digits = text.filter { $0 != "." && $0 != " " }
        guard (2...10).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return digits
    }

    /// `850511` → `8505.11`; other lengths as given.
    public static func display(_ prefix: String) -> String {
        prefix.count >= 6 ? "\(prefix.prefix(4)).\(prefix.dropFirst(4))" : prefix
    }
}
