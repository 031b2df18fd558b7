public import MonaziteCore
public import MonazitePolicy

/// The licence file format, `monazite-licences/1` (YAML; see `docs/policy.md`):
///
/// ```yaml
/// format: monazite-licences/1
/// licences:
///   - holder: Example Magnets Ltd
///     item: Dy            # an element, or an HS code such as 8505.11
///     destination: USA
///     quantity_kg: 500    # optional
///     granted: 2025-06-02
///     expires: 2025-12-01 # last valid day
///     kind: general       # or single_shipment
///     reference: LIC-001
///     note: optional text
/// ```
///
/// All-or-nothing: the first problem throws ``PolicyFileError`` at its line and column.
public enum LicenceFile {
    public static let format = "monazite-licences/1"
    static let keys: Set<String> = ["holder", "item", "destination", "quantity_kg", "granted", "expires", "kind", "reference", "note"]

    public static func parse(yaml: String, file: String) throws(PolicyFileError) -> [Licence] {
        let root = try PolicyYAMLNode.parse(yaml, file: file)
        try root.mapping(allowed: ["format", "licences"])
        if let format = try root.optional("format"), try format.string() != Self.format {
            throw format.error("unsupported format '\(try format.string())' (expected \(Self.format))")
        }
        var out: [Licence] = []
        var seen: [String: Int] = [:]
        for item in try root.required("licences").sequence() {
            try item.mapping(allowed: keys)
            let holder = try item.required("holder").nonEmptyString()
            let itemNode = try item.required("item")
            guard let what = LicenceItem(parsing: try itemNode.string()) else {
                throw itemNode.error("unknown item '\(try itemNode.string())' (an element such as Dy, or an HS code such as 8505.11)")
            }
            let destNode = try item.required("destination")
            guard let destination = CountryCode(try destNode.string()), destination.isCountry else {
                throw destNode.error("unknown destination '\(try destNode.string())' (an ISO 3166-1 alpha-3 code such as USA)")
            }
            var quantity: Double?
            if let q = try item.optional("quantity_kg") {
                let v = try q.double()
                guard v >= 0 else { throw q.error("quantity_kg must be ≥ 0") }
                quantity = v
            }
            func day(_ key: String) throws(PolicyFileError) -> (CalendarDay, PolicyYAMLNode) {
                let node = try item.required(key)
                guard let d = CalendarDay(parsing: try node.string()) else {
                    throw node.error("\(key) '\(try node.string())' is not a YYYY-MM-DD date")
                }
                return (d, node)
            }
            let granted = try day("granted").0
            let (expires, expiresNode) = try day("expires")
            guard expires >= granted else { throw expiresNode.error("expires \(expires) is before granted \(granted)") }
            let kindNode = try item.required("kind")
            guard let kind = LicenceKind(parsing: try kindNode.string()) else {
                throw kindNode.error("kind must be general or single_shipment")
            }
            let refNode = try item.required("reference")
            let reference = try refNode.nonEmptyString()
            let key = holder + "\u{1F}" + reference
            if let first = seen[key] { throw refNode.error("duplicate reference '\(reference)' for \(holder) (first at line \(first))") }
            seen[key] = refNode.line
            out.append(
                Licence(
                    holder: holder, item: what, destination: destination, quantityKg: quantity, granted: granted, expires: expires,
                    kind: kind, reference: reference, note: try item.optional("note")?.string()))
        }
        return out
    }
}
