public import MonaziteCore

/// A set of end-use nodes whose shortfall is reported together.
public struct OutputGroup: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// Every end-use node: the network total.
        case total
        /// One sector across importing countries.
        case sector(EndUseSector)
        /// One importing country across sectors.
        case country(CountryCode)
        /// One end-use node.
        case node(String)
    }

    public var kind: Kind
    /// Baseline final demand of the group in tonnes per day (the unit of "days of demand").
    public var baselineDemandTonnesPerDay: Double
    /// Whether daily series are kept for the group when daily recording is on.
    public var recordsDaily: Bool { if case .node = kind { false } else { true } }

    public var description: String {
        switch kind {
        case .total: "total"
        case .sector(let s): "sector:\(s.rawValue)"
        case .country(let c): "country:\(c.alpha3)"
        case .node(let id): "node:\(id)"
        }
    }
}
