/// Plain-text and Markdown forms of a claims report, shared by the CLI and the API.
extension ClaimsReport {
    /// One row per claim: the cells of the table and Markdown forms.
    public var rows: [[String]] {
        claims.map { c in
            let series = [c.reporter, c.flow, c.commodity, c.partner.map { "→ \($0)" }].compactMap { $0 }.joined(separator: " ")
            return [
                String(c.line), c.measure.rawValue, Self.valueText(c.value, c.unit, c.qualifier, signed: c.measure.isChange),
                c.period ?? "?",
                series, c.verdict.rawValue, c.dataValue.map { Self.valueText($0, c.unit, .exact, signed: c.measure.isChange) } ?? "",
                c.difference.map { Self.number($0) } ?? "",
            ]
        }
    }

    public static let columns = ["line", "measure", "claim", "period", "series", "verdict", "data", "diff"]

    /// Aligned columns, then each claim's quoted text, notes and sources.
    public func renderTable() -> String {
        var widths = Self.columns.map(\.count)
        for r in rows { for (i, cell) in r.enumerated() { widths[i] = max(widths[i], cell.count) } }
        func line(_ cells: [String]) -> String {
            var out = ""
            for (i, cell) in cells.enumerated() {
                out += cell + String(repeating: " ", count: i + 1 < cells.count ? widths[i] - cell.count + 2 : 0)
            }
            while out.hasSuffix(" ") { out.removeLast() }
            return out
        }
        var out: [String] = []
        out.append(
            "\(claims.count) claims" + (published.map { "; dates resolved against \($0) (\(publishedFrom ?? ""))" } ?? "; no article date"))
        out.append(line(Self.columns))
        out.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        out += rows.map(line)
        for (i, c) in claims.enumerated() {
            out.append("")
            out.append("[\(i + 1)] line \(c.line): \"\(c.text)\"")
            for n in c.notes { out.append("    " + n) }
            for s in c.sources { out.append("    source: " + Self.citation(s)) }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// A Markdown table and a numbered list of quotes, notes and sources.
    public func renderMarkdown() -> String {
        func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
        var out: [String] = ["# Claims", ""]
        out.append(
            "\(claims.count) claims"
                + (published.map { "; dates resolved against \($0) (\(publishedFrom ?? ""))." } ?? "; no article date."))
        out.append("")
        out.append("| # | " + Self.columns.joined(separator: " | ") + " |")
        out.append("|---|" + Self.columns.map { _ in "---" }.joined(separator: "|") + "|")
        for (i, r) in rows.enumerated() { out.append("| \(i + 1) | " + r.map(cell).joined(separator: " | ") + " |") }
        out.append("")
        for (i, c) in claims.enumerated() {
            out.append("\(i + 1). line \(c.line): “\(c.text)” — **\(c.verdict.rawValue)**")
            for n in c.notes { out.append("    - " + n) }
            for s in c.sources {
                out.append("    - source: " + (s.url.map { "[\(s.source)](\($0))" } ?? s.source) + (s.release.map { ", \($0)" } ?? ""))
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    public static func citation(_ s: ClaimSource) -> String {
        s.source + (s.release.map { ", \($0)" } ?? "") + (s.url.map { " <\($0)>" } ?? "")
    }

    static func valueText(_ v: Double, _ unit: String, _ q: ClaimQualifier, signed: Bool) -> String {
        let prefix: String
        switch q {
        case .exact: prefix = ""
        case .about: prefix = "~"
        case .nearly: prefix = "nearly "
        case .moreThan: prefix = ">"
        case .lessThan: prefix = "<"
        case .upTo: prefix = "≤"
        }
        let sign = signed && v > 0 ? "+" : ""
        return prefix + sign + number(v) + (unit.isEmpty || unit == "count" ? "" : (unit == "%" ? "%" : " " + unit))
    }

    static func number(_ v: Double) -> String {
        let r = (v * 100).rounded() / 100
        var text = r == r.rounded() && abs(r) < 1e15 ? String(Int(r)) : String(r)
        // Thousands separators for readability.
        if let dot = text.firstIndex(of: ".") ?? Optional(text.endIndex) {
            var integer = String(text[..<dot])
            let rest = String(text[dot...])
            let negative = integer.hasPrefix("-")
            if negative { integer.removeFirst() }
            var groups: [String] = []
            while integer.count > 3 {
                groups.insert(String(integer.suffix(3)), at: 0)
                integer.removeLast(3)
            }
            groups.insert(integer, at: 0)
            text = (negative ? "-" : "") + groups.joined(separator: ",") + rest
        }
        return text
    }
}

extension ClaimMeasure {
    /// True for the percent changes (shown with a sign).
    public var isChange: Bool { self == .momPct || self == .yoyPct || self == .ytdYoYPct }
}
