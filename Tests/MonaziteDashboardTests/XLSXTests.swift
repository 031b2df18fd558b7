import Foundation
import MonaziteCore
import MonaziteDashboard
import MonaziteStore
import Testing
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("XLSX downloads")
struct XLSXTests {
    static let xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    @Test("Every table of every page downloads as XLSX with the CSV's cells, figures as numbers")
    func everyTableMatchesItsCSV() async throws {
        let store = try await DashboardFixture.bundledStore()
        let d = DashboardFixture.dashboard(store)
        let pages: [(String, [String: String], [String])] = [
            ("/", [:], ["headline", "destinations", "recent"]),
            ("/trade/8505.11/CHN", ["from": "2024-01", "to": "2025-12"], ["series", "partners", "concentration"]),
            ("/dependence", [:], ["reliance", "concentration"]), ("/policy", [:], ["timeline"]), ("/sources", [:], ["sources", "series"]),
            ("/trade", [:], ["series-list"]), ("/prices", [:], ["spreads", "stress", "contract"]), ("/projects", [:], ["projects", "magnet-outlook", "stages"]),
        ]
        var numbersSeen = 0
        for (path, query, tables) in pages {
            let html = await d.respond(path: path, query: query).text
            for t in tables {
                #expect(html.contains("format=xlsx&amp;table=\(t)\" download>as XLSX</a>"), "\(path) links \(t) as XLSX")
                let csv = await d.respond(path: path, query: query.merging(["format": "csv", "table": t]) { $1 })
                let xlsx = await d.respond(path: path, query: query.merging(["format": "xlsx", "table": t]) { $1 })
                #expect(xlsx.status == 200, "\(path) \(t)")
                #expect(xlsx.contentType == Self.xlsxType)
                #expect(xlsx.suggestedFilename?.hasSuffix("-\(t).xlsx") == true)
                let sheet = try XLSXRead.sheet(Data(xlsx.body))
                let records = CSVParse.records(csv.text)
                #expect(records.count >= 1)
                #expect(sheet.rows.count == records.count, "\(path) \(t): rows")
                for (r, record) in records.enumerated() where r < sheet.rows.count {
                    #expect(sheet.text(row: r, width: record.count) == record, "\(path) \(t) row \(r + 1)")
                }
                // The header row is text; every number cell holds a plain decimal of a numeric column.
                #expect(sheet.rows.first?.allSatisfy { $0.number == false } == true)
                for row in sheet.rows.dropFirst() {
                    for cell in row where cell.number {
                        #expect(Double(cell.value) != nil, "\(path) \(t) \(cell.reference): \(cell.value)")
                        numbersSeen += 1
                    }
                }
            }
        }
        #expect(numbersSeen > 100)
    }

    @Test("Figures are numeric cells, periods and HS codes stay text")
    func numbersAndText() async throws {
        let store = try await DashboardFixture.bundledStore()
        let r = await DashboardFixture.dashboard(store).respond(
            path: "/trade/8505.11/CHN", query: ["from": "2025-05", "to": "2025-06", "format": "xlsx", "table": "series"])
        let sheet = try XLSXRead.sheet(Data(r.body))
        let header = sheet.text(row: 0, width: sheet.rows[0].count)
        let q = try #require(header.firstIndex(of: "quantity_t"))
        let june = try #require(sheet.rows.first { $0.first?.value == "2025-06" })
        #expect(june.first?.number == false)
        let quantity = try #require(june.first { $0.reference == XLSXRead.column(q) + $0.reference.filter(\.isNumber) })
        #expect(quantity.number)
        #expect(quantity.value == "3188")
        // The sheet's bytes hold no formula element at all.
        #expect(!sheet.xml.contains("<f>") && !sheet.xml.contains("<f "))
    }

    @Test("A cell a spreadsheet would run as a formula stays text, neutralised as in the CSV")
    func formulaInjection() async throws {
        let store = try await DashboardFixture.bundledStore()
        let titles = [
            "=HYPERLINK(\"https://evil.example\",\"click\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)", "\t=1+1",
        ]
        let timeline = titles.enumerated().map { i, title in
            TimelineEntry(id: "synthetic-f\(i)", kind: "tariff", title: title, status: "in force", destinations: "all", verified: true)
        }
        let d = DashboardFixture.dashboard(store, timeline: timeline)
        let xlsx = await d.respond(path: "/policy.xlsx", query: [:])
        let csv = await d.respond(path: "/policy.csv", query: [:])
        #expect(xlsx.status == 200)
        #expect(xlsx.suggestedFilename == "monazite-policy-timeline.xlsx")
        let sheet = try XLSXRead.sheet(Data(xlsx.body))
        let firstColumn = sheet.rows.dropFirst().map { $0.first }
        #expect(firstColumn.map { $0?.value } == titles.map { "'" + $0 })
        #expect(firstColumn.allSatisfy { $0?.number == false && $0?.inline == true })
        #expect(!sheet.xml.contains("<f>") && !sheet.xml.contains("<f "))
        let records = CSVParse.records(csv.text)
        #expect(records.dropFirst().map { $0[0] } == titles.map { "'" + $0 })
    }

    @Test("XML specials are escaped and characters XML cannot hold are removed")
    func xmlEscaping() async throws {
        let store = try await DashboardFixture.bundledStore()
        let hostile = TimelineEntry(
            id: "synthetic-x", kind: "tariff", title: "a <b> & \"c\" 'd'\u{01}\u{1B}e\u{FFFE} ]]> f\nline two", status: "in force",
            destinations: "all", verified: true)
        let r = await DashboardFixture.dashboard(store, timeline: [hostile]).respond(path: "/policy", query: ["format": "xlsx"])
        let sheet = try XLSXRead.sheet(Data(r.body))
        #expect(sheet.rows.count == 2)
        #expect(sheet.rows[1].first?.value == "a <b> & \"c\" 'd'e ]]> f\nline two")
    }

    @Test("A .xlsx path gives the first table; the package holds the parts Excel needs")
    func suffixAndParts() async throws {
        let store = try await DashboardFixture.bundledStore()
        let d = DashboardFixture.dashboard(store)
        let a = await d.respond(path: "/trade/8505.11/CHN.xlsx", query: [:])
        let b = await d.respond(path: "/trade/8505.11/CHN", query: ["format": "xlsx"])
        #expect(a.status == 200)
        #expect(a.body == b.body, "the same table gives the same bytes")
        #expect(a.suggestedFilename == "monazite-trade-8505-11-chn-series.xlsx")
        let home = await d.respond(path: "/index.xlsx", query: [:])
        #expect(home.contentType == Self.xlsxType)
        #expect(try XLSXRead.sheet(Data(home.body)).rows.first?.first?.value == "figure")

        let archive = try Archive(data: Data(a.body), accessMode: .read)
        let paths = Set(archive.map(\.path))
        #expect(paths == ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml"])
        let types = try XLSXRead.entry(archive, "[Content_Types].xml")
        #expect(types.contains("PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\""))
        #expect(try XLSXRead.entry(archive, "xl/workbook.xml").contains("<sheet name=\"series\" sheetId=\"1\" r:id=\"rId1\"/>"))
        // Every part is well-formed XML.
        for path in paths { #expect(XMLParser(data: Data(try XLSXRead.entry(archive, path).utf8)).parse(), "\(path)") }

        let bad = await d.respond(path: "/trade/8505.11/CHN", query: ["format": "xls"])
        #expect(bad.status == 400)
        #expect(bad.text.contains("is not html, csv or xlsx"))
        let unknown = await d.respond(path: "/policy", query: ["format": "xlsx", "table": "nope"])
        #expect(unknown.status == 400)
    }
}

/// Reads the first sheet of an XLSX back: ZIPFoundation for the package, XMLParser for the XML.
enum XLSXRead {
    struct Cell {
        var reference: String
        var value: String
        /// No `t` attribute: a number.
        var number: Bool
        var inline: Bool
    }

    struct Sheet {
        var rows: [[Cell]]
        var xml: String

        /// A row's values as CSV fields: empty cells (left out of the XML) are empty strings.
        func text(row: Int, width: Int) -> [String] {
            var out = Array(repeating: "", count: width)
            for cell in rows[row] {
                let letters = cell.reference.filter(\.isLetter)
                var index = 0
                for l in letters.unicodeScalars { index = index * 26 + Int(l.value - 64) }
                if index - 1 < width { out[index - 1] = cell.value } else { out.append(cell.value) }
            }
            return out
        }
    }

    struct Missing: Error { var path: String }

    static func column(_ index: Int) -> String {
        var n = index + 1
        var s = ""
        while n > 0 {
            s = String(UnicodeScalar(UInt8(65 + (n - 1) % 26))) + s
            n = (n - 1) / 26
        }
        return s
    }

    static func entry(_ archive: Archive, _ path: String) throws -> String {
        guard let entry = archive[path] else { throw Missing(path: path) }
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }

    static func sheet(_ data: Data) throws -> Sheet {
        let archive = try Archive(data: data, accessMode: .read)
        let xml = try entry(archive, "xl/worksheets/sheet1.xml")
        let parser = XMLParser(data: Data(xml.utf8))
        let reader = SheetReader()
        parser.delegate = reader
        guard parser.parse() else { throw parser.parserError ?? Missing(path: "xl/worksheets/sheet1.xml") }
        return Sheet(rows: reader.rows, xml: xml)
    }

    final class SheetReader: NSObject, XMLParserDelegate {
        var rows: [[Cell]] = []
        var cell: Cell?
        var inText = false

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            switch name {
            case "row": rows.append([])
            case "c":
                cell = Cell(reference: attributes["r"] ?? "", value: "", number: attributes["t"] == nil, inline: attributes["t"] == "inlineStr")
            case "v", "t": inText = true
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText { cell?.value += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "c":
                if let cell, !rows.isEmpty { rows[rows.count - 1].append(cell) }
                cell = nil
            case "v", "t": inText = false
            default: break
            }
        }
    }
}
