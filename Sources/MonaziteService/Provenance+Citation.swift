public import MonaziteCore

extension Provenance {
    /// "Source, release <url>": one line that says where a figure comes from.
    public var citation: String {
        var s = source
        if let release { s += ", \(release)" }
        if let url { s += " <\(url)>" }
        return s
    }
}
