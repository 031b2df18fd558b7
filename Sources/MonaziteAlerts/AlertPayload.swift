public import Foundation
public import MonaziteCore

/// The JSON document of a batch of alerts: the webhook body and the `--format json` output.
///
/// `{"alerts": [...], "day": "YYYY-MM-DD", "source": "monazite"}` with sorted keys, so the same
/// alerts always give the same bytes (and the same signature).
public struct AlertPayload: Sendable, Codable, Hashable {
    public var source: String
    public var day: CalendarDay
    public var alerts: [Alert]

    public init(day: CalendarDay, alerts: [Alert]) {
        self.source = "monazite"
        self.day = day
        self.alerts = alerts
    }

    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}

extension Alert {
    /// One terminal line plus indented evidence.
    public var text: String {
        var lines = ["[\(severity.rawValue)] \(message)"]
        lines += evidence.map { "    \($0)" }
        if let url { lines.append("    <\(url)>") }
        lines.append("    key: \(key)")
        return lines.joined(separator: "\n")
    }
}
