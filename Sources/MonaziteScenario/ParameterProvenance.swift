/// Where one network parameter comes from: a cited source, or an assumption.
public struct ParameterProvenance: Sendable, Hashable, Codable {
    /// Node id, `from → to` for an edge, or `defaults`.
    public var subject: String
    public var parameter: String
    public var value: Double
    /// Identifier of an entry in the file's `sources`, if the value is derived from data.
    public var source: String?
    public var isAssumption: Bool
    public var note: String?
}

/// A cited source listed in a network file.
public struct DataSource: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    public var url: String?
    public var licence: String?
}
