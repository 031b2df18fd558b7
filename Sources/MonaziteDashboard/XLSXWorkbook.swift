import Foundation
import MonaziteCore
import ZIPFoundation

/// A minimal Office Open XML workbook (SpreadsheetML): one sheet, a bold frozen header row,
/// numbers as numeric cells and everything else as inline strings. The ZIP container is written
/// by ZIPFoundation; the XML parts are written here.
///
/// Text is treated as the CSV treats it: a cell a spreadsheet would run as a formula is
/// neutralised (``SpreadsheetSafety``), then XML-escaped, with characters XML 1.0 cannot hold
/// (control characters other than tab, LF and CR; U+FFFE, U+FFFF) removed.
enum XLSXWorkbook {
    enum Value: Equatable {
        case text(String)
        /// The number as written in the file: a plain decimal (`-52.856`, `3188`, `1.5e-7`).
        case number(String)
    }

    static let contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    /// The workbook's bytes. Entries carry a fixed date, so the same table gives the same bytes.
    static func data(sheetName: String, header: [String], rows: [[Value]]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        let parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", packageRels),
            ("xl/workbook.xml", workbook(sheetName: sheetName)),
            ("xl/_rels/workbook.xml.rels", workbookRels),
            ("xl/styles.xml", styles),
            ("xl/worksheets/sheet1.xml", sheet(header: header, rows: rows)),
        ]
        for (path, xml) in parts {
            let bytes = Data(xml.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: fixedDate, compressionMethod: .deflate
            ) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw XLSXError.noArchiveData }
        return data
    }

    enum XLSXError: Error { case noArchiveData }

    /// 2025-01-01 00:00 UTC: ZIP entries need a date; a fixed one keeps the bytes repeatable.
    static let fixedDate = Date(timeIntervalSince1970: 1_735_689_600)

    /// A CSV value as a cell: a plain decimal in a numeric column is a number, anything else text.
    static func value(_ csv: String, numeric: Bool) -> Value {
        numeric && isPlainNumber(csv) ? .number(csv) : .text(csv)
    }

    /// `-?digits(.digits)?([eE][+-]?digits)?`: what both the CSV and `xsd:double` read the same way
    /// (no `nan`, `inf`, hex or grouping, which `Double.init` would also accept).
    static func isPlainNumber(_ s: String) -> Bool {
        var bytes = Array(s.utf8)[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        func digits() -> Int {
            var n = 0
            while let b = bytes.first, b >= 0x30 && b <= 0x39 {
                bytes = bytes.dropFirst()
                n += 1
            }
            return n
        }
        guard digits() > 0 else { return false }
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            guard digits() > 0 else { return false }
        }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return bytes.isEmpty && (Double(s)?.isFinite ?? false)
    }

    /// `A`, `B`, … `Z`, `AA`, … for a zero-based column index.
    static func columnName(_ index: Int) -> String {
        var n = index + 1
        var letters: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.append(Character(UnicodeScalar(UInt8(65 + r))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }

    /// Sheet names: at most 31 characters, none of `[]:*?/\`, not empty.
    static func sheetName(_ raw: String) -> String {
        let kept = raw.filter { !"[]:*?/\\'".contains($0) && !$0.isNewline }
        let name = String(kept.prefix(31))
        return name.isEmpty ? "Sheet1" : name
    }

    /// XML-escaped text with the characters XML 1.0 forbids removed.
    static func appendEscaped(_ s: String, to out: inout String) {
        for scalar in s.unicodeScalars {
            switch scalar.value {
            case 0x26: out.append("&amp;")
            case 0x3C: out.append("&lt;")
            case 0x3E: out.append("&gt;")
            case 0x22: out.append("&quot;")
            // CR is kept as a reference: a literal one would be normalised to LF by the reader.
            case 0x0D: out.append("&#13;")
            case 0x09, 0x0A: out.unicodeScalars.append(scalar)
            case 0..<0x20, 0xFFFE, 0xFFFF: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
    }

    static func sheet(header: [String], rows: [[Value]]) -> String {
        var out = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        out.reserveCapacity(96 * (rows.count + 1) * max(1, header.count))
        out.append(#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#)
        out.append(#"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#)
        out.append("<sheetData>")
        let names = (0..<max(header.count, rows.map(\.count).max() ?? 0)).map(columnName)
        func row(_ number: Int, _ cells: [Value], style: Int?) {
            out.append("<row r=\"\(number)\">")
            for (i, cell) in cells.enumerated() {
                let ref = names[i] + String(number)
                let s = style.map { " s=\"\($0)\"" } ?? ""
                switch cell {
                case .number(let v):
                    out.append("<c r=\"\(ref)\"\(s)><v>\(v)</v></c>")
                case .text(let raw):
                    // An empty CSV field is an empty cell: no element at all.
                    if raw.isEmpty { continue }
                    out.append("<c r=\"\(ref)\"\(s) t=\"inlineStr\"><is><t xml:space=\"preserve\">")
                    appendEscaped(SpreadsheetSafety.neutralised(raw), to: &out)
                    out.append("</t></is></c>")
                }
            }
            out.append("</row>")
        }
        row(1, header.map(Value.text), style: 1)
        for (i, cells) in rows.enumerated() { row(i + 2, cells, style: nil) }
        out.append("</sheetData></worksheet>")
        return out
    }

    static func workbook(sheetName: String) -> String {
        var name = ""
        appendEscaped(Self.sheetName(sheetName), to: &name)
        return #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
            + #"<sheets><sheet name=""# + name + #"" sheetId="1" r:id="rId1"/></sheets></workbook>"#
    }

    static let contentTypes = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        + #"<Default Extension="xml" ContentType="application/xml"/>"#
        + #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        + #"<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        + #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        + "</Types>"

    static let packageRels = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#
        + "</Relationships>"

    static let workbookRels = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>"#
        + #"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
        + "</Relationships>"

    /// Style 0: the default; style 1: bold (the header row).
    static let styles = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>"#
        + #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
        + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>"#
        + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        + "</styleSheet>"
}
