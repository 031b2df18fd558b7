public import Foundation

/// How a report is written out.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// Aligned columns for a terminal, with notes under the table.
    case table
    /// RFC 4180 CSV with a header row.
    case csv
    /// JSON with sorted keys; numbers that are not available are `null` with a reason in `notes`.
    case json
}

/// A result ready to print as a table, CSV or JSON: what every query of the service returns,
/// so that the CLI and the HTTP API give the same figures, notes and sources.
public struct Report: @unchecked Sendable {
    // @unchecked: `json` holds only JSONSerialization values (strings, numbers, NSNull, arrays,
    // dictionaries), built once and never mutated after the report is returned.
    public var title: String?
    public var columns: [String]
    public var rows: [[String]]
    /// JSON objects, one per row (the JSON form is richer than the text columns).
    public var json: Any
    public var notes: [String] = []
    /// The JSON form of a typed answer, already encoded (``JSONOutput``); `json` is then unused.
    public var encoded: Data?

    public init(title: String?, columns: [String], rows: [[String]], json: Any, notes: [String] = []) {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.json = json
        self.notes = notes
    }

    /// A report whose JSON form is a typed answer.
    public init(title: String?, columns: [String], rows: [[String]], answer: some Encodable, notes: [String] = []) {
        self.init(title: title, columns: columns, rows: rows, json: NSNull(), notes: notes)
        self.encoded = JSONOutput.data(answer)
    }

    /// The JSON form as bytes (sorted keys; pretty when asked).
    public func jsonData(pretty: Bool = true) -> Data {
        if let encoded { return encoded }
        var options: JSONSerialization.WritingOptions = [.sortedKeys, .withoutEscapingSlashes]
        if pretty { options.insert(.prettyPrinted) }
        return (try? JSONSerialization.data(withJSONObject: json, options: options)) ?? Data("null".utf8)
    }

    public func render(_ format: ReportFormat) -> String {
        switch format {
        case .table: return renderText()
        case .csv: return ([columns] + rows).map { $0.map(Self.csvField).joined(separator: ",") }.joined(separator: "\n") + "\n"
        case .json:
            return String(decoding: jsonData(), as: UTF8.self) + "\n"
        }
    }

    private func renderText() -> String {
        var widths = columns.map(\.count)
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in
                let pad = String(repeating: " ", count: max(0, widths[i] - c.count))
                // Numbers right-aligned, text left-aligned.
                return Self.looksNumeric(c) ? pad + c : c + pad
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        var out: [String] = []
        if let title { out.append(title) }
        out.append(line(columns))
        out.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        out += rows.map(line)
        if !notes.isEmpty {
            out.append("")
            out += notes.map { "  " + $0 }
        }
        return out.joined(separator: "\n") + "\n"
    }

    public static func looksNumeric(_ s: String) -> Bool {
        guard let f = s.first else { return false }
        return f.isNumber || ((f == "-" || f == "+" || f == "~") && s.count > 1 && s.dropFirst().first?.isNumber == true)
    }

    public static func csvField(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}

extension String {
    public func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}

/// Number formatting for the terminal and for JSON.
public enum Format {
    /// `3,188` or `1,238.47` (up to `decimals`, trailing zeros dropped).
    public static func tonnes(_ v: Double?, decimals: Int = 2) -> String {
        guard let v, v.isFinite else { return "n/a" }
        // Written by hand: a NumberFormatter per call costs more than the rest of an API answer.
        let fixed = String(format: "%.\(max(0, decimals))f", abs(v))
        var integer = Substring(fixed)
        var fraction = Substring("")
        if let dot = fixed.firstIndex(of: ".") {
            integer = fixed[..<dot]
            fraction = fixed[fixed.index(after: dot)...]
            while fraction.last == "0" { fraction.removeLast() }
        }
        var grouped = ""
        for (i, c) in integer.enumerated() {
            if i > 0 && (integer.count - i) % 3 == 0 { grouped.append(",") }
            grouped.append(c)
        }
        let negative = v < 0 && (grouped != "0" || !fraction.isEmpty)
        return (negative ? "-" : "") + grouped + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// `+157.4%`, `-38.1%`, or `n/a`.
    public static func pct(_ v: Double?, decimals: Int = 1) -> String {
        guard let v else { return "n/a" }
        let s = String(format: "%.\(decimals)f", v)
        return (v >= 0 && !s.hasPrefix("-") ? "+" : "") + s + "%"
    }

    /// `11.1%`: a share, never signed.
    public static func share(_ v: Double?) -> String {
        guard let v else { return "n/a" }
        return String(format: "%.1f%%", v * 100)
    }

    /// Rounds for JSON so that output is stable and readable.
    public static func json(_ v: Double?, places: Double = 1e6) -> Any {
        guard let v, v.isFinite else { return NSNull() }
        return (v * places).rounded() / places
    }
}
