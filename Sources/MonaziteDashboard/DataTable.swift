import Foundation

/// A table as the page and its CSV and XLSX downloads show it, so the three always agree.
///
/// Each cell carries the text shown and the CSV value (plain digits, no grouping); a missing
/// figure shows "—" with its reason as a title and a numbered footnote, and is empty in CSV.
struct DataTable {
    struct Column {
        var label: String
        /// Header of the CSV column (snake_case, units in the name).
        var csvName: String
        var numeric: Bool = false
        /// When set, the CSV gets a second column of this name right after, holding each cell's URL.
        var csvURLName: String? = nil
        /// Text that should not be squeezed to one word per line (sources, titles): a minimum width.
        var wide: Bool = false
    }

    struct Cell {
        var text: String
        var csv: String
        var href: String?
        var linkTitle: String?
        var external: Bool = false
        /// The URL written to the CSV column named by ``Column/csvURLName``.
        var csvURL: String = ""
        /// The release date written after the URL (for source cells).
        var csvRelease: String = ""
        /// Why there is no figure; set for missing values.
        var missingReason: String?
        /// A label shown after the figure (`derived`, `estimate`).
        var badge: String?
        var cssClass: String?
        var id: String?
        var data: [(String, String)] = []

        static func text(_ s: String, csv: String? = nil) -> Cell { Cell(text: s, csv: csv ?? s) }

        static func link(_ s: String, href: String?, title: String? = nil, external: Bool = true) -> Cell {
            Cell(text: s, csv: s, href: href, linkTitle: title, external: external)
        }

        static func missing(_ reason: String) -> Cell {
            Cell(text: "—", csv: "", missingReason: reason, cssClass: "missing")
        }

        /// A number with its display and CSV forms.
        static func number(_ display: String, csv: String) -> Cell { Cell(text: display, csv: csv) }
    }

    /// Name used in `?table=` and element ids (`series`, `partners`).
    var name: String
    var caption: String
    var columns: [Column]
    /// The first cell of each row is its header (`<th scope="row">`).
    var rows: [[Cell]] = []
    var notes: [String] = []
    /// Links to the same table as CSV and as XLSX.
    var downloads: TableDownloads

    /// The download's header: each column's CSV name, with its URL and release columns after it.
    var downloadHeader: [String] {
        var header: [String] = []
        for c in columns {
            header.append(c.csvName)
            if let u = c.csvURLName {
                header.append(u)
                header.append(c.csvName == "source" ? "release" : c.csvName + "_release")
            }
        }
        return header
    }

    /// Calls `body` with each row's download fields and whether each field's column is numeric.
    func forEachDownloadRecord(_ body: (_ fields: [String], _ numeric: [Bool]) -> Void) {
        var record: [String] = []
        var numeric: [Bool] = []
        for row in rows {
            record.removeAll(keepingCapacity: true)
            numeric.removeAll(keepingCapacity: true)
            for (i, cell) in row.enumerated() {
                record.append(cell.csv)
                numeric.append(i < columns.count && columns[i].numeric)
                if i < columns.count && columns[i].csvURLName != nil {
                    record.append(cell.csvURL)
                    record.append(cell.csvRelease)
                    numeric.append(false)
                    numeric.append(false)
                }
            }
            body(record, numeric)
        }
    }

    func csv() -> String {
        var out = ""
        out.reserveCapacity(64 * (rows.count + 1) * max(1, columns.count) / 4)
        CSVText.append(record: downloadHeader, to: &out)
        forEachDownloadRecord { record, _ in CSVText.append(record: record, to: &out) }
        return out
    }

    /// The same header and fields as ``csv()`` in a one-sheet workbook: the figures of numeric
    /// columns as numbers, everything else as text (neutralised against formulas as in the CSV).
    func xlsx() throws -> Data {
        var rows: [[XLSXWorkbook.Value]] = []
        rows.reserveCapacity(self.rows.count)
        forEachDownloadRecord { record, numeric in
            rows.append(zip(record, numeric).map { XLSXWorkbook.value($0, numeric: $1) })
        }
        return try XLSXWorkbook.data(sheetName: name, header: downloadHeader, rows: rows)
    }

    func render(into w: inout HTMLWriter) {
        var footnotes: [String] = []
        var footnoteIndex: [String: Int] = [:]
        w.raw("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-labelledby=\"cap-")
        w.text(name)
        w.raw("\"><table id=\"t-")
        w.text(name)
        w.raw("\"><caption id=\"cap-")
        w.text(name)
        w.raw("\">")
        w.text(caption)
        w.raw("</caption><thead><tr>")
        for c in columns {
            w.raw(c.numeric ? "<th scope=\"col\" class=\"num\">" : c.wide ? "<th scope=\"col\" class=\"wide\">" : "<th scope=\"col\">")
            w.text(c.label)
            w.raw("</th>")
        }
        w.raw("</tr></thead><tbody>")
        for row in rows {
            w.raw("<tr>")
            for (i, cell) in row.enumerated() {
                let tag = i == 0 ? "th" : "td"
                w.raw("<")
                w.raw(tag)
                if i == 0 { w.raw(" scope=\"row\"") }
                var classes = cell.cssClass ?? ""
                if i < columns.count && columns[i].numeric { classes += classes.isEmpty ? "num" : " num" }
                if i < columns.count && columns[i].wide { classes += classes.isEmpty ? "wide" : " wide" }
                if !classes.isEmpty { w.attribute("class", classes) }
                if let id = cell.id { w.attribute("id", id) }
                for (k, v) in cell.data { w.attribute("data-" + k, v) }
                w.raw(">")
                if let reason = cell.missingReason {
                    let n: Int
                    if let existing = footnoteIndex[reason] {
                        n = existing
                    } else {
                        footnotes.append(reason)
                        n = footnotes.count
                        footnoteIndex[reason] = n
                    }
                    w.raw("<span")
                    w.attribute("title", reason)
                    w.raw(">—</span><sup><a href=\"#fn-")
                    w.text(name)
                    w.raw("-\(n)\" aria-label=\"note \(n)\">\(n)</a></sup>")
                } else if let href = cell.href {
                    w.link(href, cell.text, title: cell.linkTitle, external: cell.external)
                } else {
                    w.text(cell.text)
                }
                if let badge = cell.badge {
                    w.raw(" <span class=\"badge\">")
                    w.text(badge)
                    w.raw("</span>")
                }
                w.raw("</")
                w.raw(tag)
                w.raw(">")
            }
            w.raw("</tr>")
        }
        w.raw("</tbody></table></div>")
        if downloads.posted.isEmpty {
            w.raw("<p class=\"table-actions\"><a")
            w.attribute("href", downloads.csv)
            w.raw(" download>Download this table as CSV</a> · <a")
            w.attribute("href", downloads.xlsx)
            w.raw(" download>as XLSX</a></p>")
        } else {
            // One form, its fields once, a button per format (`formaction`).
            w.raw("<form method=\"post\" class=\"table-actions\"")
            w.attribute("action", downloads.csv)
            w.attribute("aria-label", "Download " + caption)
            w.raw(">")
            w.hiddenInputs(downloads.posted)
            w.raw("<button type=\"submit\">Download this table as CSV</button> · <button type=\"submit\"")
            w.attribute("formaction", downloads.xlsx)
            w.raw(">as XLSX</button></form>")
        }
        if !footnotes.isEmpty {
            w.raw("<ol class=\"notes\">")
            for (i, f) in footnotes.enumerated() {
                w.raw("<li id=\"fn-")
                w.text(name)
                w.raw("-\(i + 1)\">Missing: ")
                w.text(f)
                w.raw("</li>")
            }
            w.raw("</ol>")
        }
        if !notes.isEmpty {
            w.raw("<ul class=\"notes\">")
            for n in notes {
                w.raw("<li>")
                w.text(n)
                w.raw("</li>")
            }
            w.raw("</ul>")
        }
    }
}
