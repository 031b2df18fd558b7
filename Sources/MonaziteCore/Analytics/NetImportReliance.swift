/// USGS net import reliance and the forms in which USGS publishes it.
///
/// NIR = (imports − exports ± adjustments for stock changes) / apparent consumption, where
/// apparent consumption = production + imports − exports ± stock changes. When the table
/// gives apparent consumption and production, this is the same as
/// `(apparent consumption − production) / apparent consumption`.
public enum NetImportReliance {
    /// How USGS prints a reliance figure in the Mineral Commodity Summaries.
    public enum Published: Hashable, Sendable, CustomStringConvertible {
        /// A rounded percent: `80`.
        case percent(Double)
        /// A lower bound: `>95`.
        case greaterThan(Double)
        /// An upper bound: `<25`.
        case lessThan(Double)
        /// `E`: net exporter.
        case netExporter

        /// Parses `80`, `>95`, `<25`, `E`; nil for `NA`, `W` and anything else.
        public init?(parsing text: String) {
            let t = text.trimmingWhitespace()
            if t.uppercased() == "E" {
                self = .netExporter
            } else if t.hasPrefix(">"), let v = Double(String(t.dropFirst()).trimmingWhitespace()) {
                self = .greaterThan(v)
            } else if t.hasPrefix("<"), let v = Double(String(t.dropFirst()).trimmingWhitespace()) {
                self = .lessThan(v)
            } else if let v = Double(t) {
                self = .percent(v)
            } else {
                return nil
            }
        }

        public var description: String {
            switch self {
            case .percent(let v): Self.format(v)
            case .greaterThan(let v): ">" + Self.format(v)
            case .lessThan(let v): "<" + Self.format(v)
            case .netExporter: "E"
            }
        }

        private static func format(_ v: Double) -> String {
            v == v.rounded() ? String(Int(v)) : String(v)
        }
    }

    /// The reliance in percent from its components, or why it cannot be computed.
    public static func percent(
        production: Double?, imports: Double?, exports: Double?, stockChange: Double = 0, apparentConsumption: Double?
    ) -> Computed {
        if let imports, let exports {
            let net = imports - exports + stockChange
            let consumption = apparentConsumption ?? ((production ?? .nan) + net)
            guard consumption.isFinite else { return .unavailable("no production or apparent consumption") }
            guard consumption > 0 else { return .unavailable("apparent consumption is not positive") }
            return .checked(net / consumption * 100, otherwise: "not finite")
        }
        guard let consumption = apparentConsumption, let production else {
            return .unavailable("needs imports and exports, or apparent consumption and production")
        }
        guard consumption > 0 else { return .unavailable("apparent consumption is not positive") }
        return .checked((consumption - production) / consumption * 100, otherwise: "not finite")
    }

    /// The USGS form of a computed reliance: `E` for a net exporter (negative reliance),
    /// `100` when there is no domestic production, `>95` above 95, otherwise the rounded percent.
    public static func published(percent: Double, production: Double?) -> Published {
        if percent < 0 { return .netExporter }
        if production == 0 && percent > 0 { return .percent(100) }
        if percent > 95 { return .greaterThan(95) }
        return .percent(percent.rounded())
    }

    /// True when a computed reliance agrees with the published form to its rounding.
    public static func agrees(computedPercent p: Double, production: Double?, with published: Published) -> Bool {
        switch published {
        case .netExporter: return p < 0
        case .greaterThan(let bound): return p > bound
        case .lessThan(let bound): return p < bound
        case .percent(let v): return abs(p - v) <= 0.5 || (v == 100 && production == 0)
        }
    }
}
