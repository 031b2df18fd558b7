import MonaziteCore
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

/// One cell of a report: what a terminal shows (`6,357`, `+157.4%`, `n/a`) and what CSV carries
/// (`6357`, `157.41`, empty). CSV is for machines: raw numbers, no separators, no `%`, no `n/a`.
public struct Cell: Sendable, Hashable {
    public var display: String
    public var raw: String

    public init(display: String, raw: String) {
        self.display = display
        self.raw = raw
    }

    public static func text(_ s: String) -> Cell { Cell(display: s, raw: s) }
    public static func text(_ s: String?) -> Cell { Cell(display: s ?? "", raw: s ?? "") }
    /// Tonnes: `1,238.47` shown, `1238.47` written.
    public static func tonnes(_ v: Double?, decimals: Int = 2) -> Cell {
        Cell(display: Format.tonnes(v, decimals: decimals), raw: Format.raw(v))
    }
    /// A change in percent: `+157.4%` shown, `157.411` written.
    public static func pct(_ v: Double?, decimals: Int = 1) -> Cell { Cell(display: Format.pct(v, decimals: decimals), raw: Format.raw(v, places: 1000)) }
    /// A published change, shown only when there is one.
    public static func published(_ v: Double?) -> Cell { Cell(display: v.map { Format.pct($0) } ?? "", raw: Format.raw(v)) }
    /// A share 0…1: `11.1%` shown, `0.110731` written.
    public static func share(_ v: Double?) -> Cell { Cell(display: v.map { Format.share($0) } ?? "", raw: Format.raw(v)) }
    public static func int(_ v: Int?) -> Cell { Cell(display: v.map(String.init) ?? "", raw: v.map(String.init) ?? "") }
    public static func number(_ v: Double?, decimals: Int) -> Cell {
        Cell(display: v.map { String(format: "%.\(decimals)f", $0) } ?? "n/a", raw: Format.raw(v))
    }
}

/// A column of a report: its key (snake_case, the same as the JSON key), and the label a terminal
/// shows. `csvOnly` columns (url, release, notes) are written to CSV and left out of the table.
public struct Column: Sendable, Hashable, ExpressibleByStringLiteral {
    public var key: String
    public var label: String
    public var csvOnly: Bool

    public init(_ key: String, _ label: String? = nil, csvOnly: Bool = false) {
        self.key = key
        self.label = label ?? key
        self.csvOnly = csvOnly
    }

    public init(stringLiteral value: String) { self.init(value) }
}

/// An answer ready to print as a table, CSV or JSON: every query of the service renders its typed
/// answer into one, so the CLI, the API and the dashboard give the same figures, notes and sources.
/// The JSON form is the typed answer itself, encoded once (``JSONOutput``).
public struct Report: Sendable {
    public var title: String?
    public var columns: [Column]
    public var rows: [[Cell]]
    public var notes: [String]
    /// The JSON form: the typed answer, encoded.
    public var encoded: Data

    /// A report whose JSON form is a typed answer.
    public init(title: String?, columns: [Column], rows: [[Cell]], answer: some Encodable, notes: [String] = []) {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.notes = notes
        self.encoded = JSONOutput.data(answer)
    }

    /// A report of text cells (for answers that are words, such as measures and their status).
    public init(title: String?, columns: [String], rows: [[String]], answer: some Encodable, notes: [String] = []) {
        self.init(title: title, columns: columns.map { Column($0) }, rows: rows.map { $0.map(Cell.text) }, answer: answer, notes: notes)
    }

    /// The JSON form as bytes (sorted keys; pretty unless asked otherwise).
    public func jsonData(pretty: Bool = true) -> Data {
        guard !pretty else { return encoded }
        guard let object = try? JSONSerialization.jsonObject(with: encoded, options: [.fragmentsAllowed]),
            let compact = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed])
        else { return encoded }
        return compact
    }

    public func render(_ format: ReportFormat) -> String {
        switch format {
        case .table: return renderText()
        case .csv: return csv()
        case .json: return String(decoding: encoded, as: UTF8.self) + "\n"
        }
    }

    /// RFC 4180 CSV: a header of the column keys, raw cells, every column (the csv-only ones too).
    public func csv() -> String {
        let header = columns.map(\.key)
        let lines = [header] + rows.map { row in row.map(\.raw) }
        return lines.map { $0.map(Self.csvField).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    private func renderText() -> String {
        let shown = columns.indices.filter { !columns[$0].csvOnly }
        var widths = shown.map { columns[$0].label.count }
        for row in rows {
            for (j, i) in shown.enumerated() where i < row.count { widths[j] = max(widths[j], row[i].display.count) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { j, c in
                let pad = String(repeating: " ", count: max(0, widths[j] - c.count))
                // Numbers right-aligned, text left-aligned.
                return Self.looksNumeric(c) ? pad + c : c + pad
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        var out: [String] = []
        if let title { out.append(title) }
        out.append(line(shown.map { columns[$0].label }))
        out.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        out += rows.map { row in line(shown.map { $0 < row.count ? row[$0].display : "" }) }
        if !notes.isEmpty {
            out.append("")
            out += notes.map { "  " + $0 }
        }
        return out.joined(separator: "\n") + "\n"
    }

    public static func looksNumeric(_ s: String) -> Bool {
        guard let f = s.first else { return false }
        let starts = f.isNumber || ((f == "-" || f == "+" || f == "~") && s.count > 1 && s.dropFirst().first?.isNumber == true)
        // A name that starts with a digit ("10X magnet facility") is text: it holds a word of 3+ letters.
        return starts && !hasWord(s)
    }

    static func hasWord(_ s: String) -> Bool {
        var run = 0
        for c in s {
            run = c.isLetter ? run + 1 : 0
            if run >= 3 { return true }
        }
        return false
    }

    /// RFC 4180 quoting, after neutralising a cell a spreadsheet would run as a formula.
    public static func csvField(_ raw: String) -> String {
        let s = SpreadsheetSafety.neutralised(raw)
        let needsQuotes = s.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard needsQuotes else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
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

    /// A number for CSV: plain digits, no separators, rounded to `places`, empty when absent.
    public static func raw(_ v: Double?, places: Double = 1e6) -> String {
        guard let v, v.isFinite else { return "" }
        let r = (v * places).rounded() / places
        if r == r.rounded(), abs(r) < 1e15 { return String(Int(r)) }
        var text = String(format: "%.6f", r)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

}
