/// Direction of a trade observation, from the reporter's side.
public enum TradeFlow: String, CaseIterable, Sendable, Codable, CustomStringConvertible {
    case export = "export"
    case `import` = "import"
    case reExport = "re-export"
    case reImport = "re-import"

    public var description: String { rawValue }

    /// Accepts `export`, `import`, `re-export`, `re-import` and the UN Comtrade flow codes
    /// `X`, `M`, `RX`, `RM`.
    public init?(parsing text: String) {
        switch text {
        case "export", "X": self = .export
            return
        case "M", "import": self = .import
            return
        default: break
        }
        switch text.trimmingWhitespace().lowercased() {
        case "export", "x": self = .export
        case "import", "m": self = .import
        case "re-export", "reexport", "rx": self = .reExport
        case "re-import", "reimport", "rm": self = .reImport
        default: return nil
        }
    }
}
