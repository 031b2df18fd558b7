/// Cells that a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+cmd`, `@SUM(…)`) are
/// written with a leading apostrophe, so Excel, LibreOffice and Sheets show them as text. Numbers
/// are left alone (a negative change stays `-52.856`). Every CSV Monazite writes goes through this.
public enum SpreadsheetSafety {
    static let triggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    public static func neutralised(_ cell: String) -> String {
        guard let first = cell.first, triggers.contains(first) else { return cell }
        if Double(cell) != nil { return cell }
        return "'" + cell
    }
}
