import MonaziteCore

/// RFC 4180 CSV: CRLF line ends, a field quoted when it holds a comma, a quote, CR or LF, and
/// quotes inside doubled; a field a spreadsheet would run as a formula is neutralised
/// (``SpreadsheetSafety``).
enum CSVText {
    static func append(field raw: String, to out: inout String) {
        let field = SpreadsheetSafety.neutralised(raw)
        var needsQuotes = false
        for b in field.utf8 where b == 0x2C || b == 0x22 || b == 0x0A || b == 0x0D {
            needsQuotes = true
            break
        }
        guard needsQuotes else {
            out.append(field)
            return
        }
        out.append("\"")
        for scalar in field.unicodeScalars {
            if scalar == "\"" { out.append("\"\"") } else { out.unicodeScalars.append(scalar) }
        }
        out.append("\"")
    }

    static func append(record: [String], to out: inout String) {
        for (i, field) in record.enumerated() {
            if i > 0 { out.append(",") }
            append(field: field, to: &out)
        }
        out.append("\r\n")
    }
}
