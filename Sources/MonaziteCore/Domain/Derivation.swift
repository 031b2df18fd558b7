/// What a derived figure was computed from: published figures of the same series, each named by
/// its period and measure. Written in files as `2025-06:yoy_pct; 2025-06:level` (the
/// `derived_from` column of the observation CSV).
///
/// A YoY base back-calculated from a published YoY change (2024-06 = 3,188 / (1 − 0.381)) can only
/// reproduce that change: interfaces that set our change beside the published one say so.
public enum Derivation {
    public enum Measure: String, Sendable, Hashable, Codable, CaseIterable {
        case level
        case momPct = "mom_pct"
        case yoyPct = "yoy_pct"
    }

    public struct Input: Sendable, Hashable, CustomStringConvertible {
        public var period: Period
        public var measure: Measure
        public init(period: Period, measure: Measure) {
            self.period = period
            self.measure = measure
        }
        public var description: String { "\(period):\(measure.rawValue)" }
    }

    /// Parses `2025-06:yoy_pct; 2025-H1:level`; the first bad part when it does not parse.
    public static func parse(_ text: String) -> Result<[Input], ParseError> {
        var out: [Input] = []
        for part in text.split(separator: ";") {
            let item = String(part).trimmingWhitespace()
            guard !item.isEmpty else { continue }
            let pieces = item.split(separator: ":", maxSplits: 1).map { String($0).trimmingWhitespace() }
            guard pieces.count == 2, let period = Period(parsing: pieces[0]), let measure = Measure(rawValue: pieces[1]) else {
                return .failure(ParseError(part: item))
            }
            out.append(Input(period: period, measure: measure))
        }
        return .success(out)
    }

    /// Written back as the file form; nil for none.
    public static func text(_ inputs: [Input]) -> String? {
        inputs.isEmpty ? nil : inputs.map(\.description).joined(separator: "; ")
    }

    public struct ParseError: Error, Sendable {
        public let part: String
        public var reason: String {
            "\"\(part)\" is not PERIOD:MEASURE (MEASURE one of level, mom_pct, yoy_pct), e.g. 2025-06:yoy_pct"
        }
    }
}
