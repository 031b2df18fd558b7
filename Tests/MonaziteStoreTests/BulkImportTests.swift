import Foundation
import MonaziteCore
import MonaziteIngest
import MonaziteStore
import Testing

/// The Comtrade bulk path (`BulkImport`, `CSVReader.nextKept`, multi-row inserts) against the
/// row-at-a-time path: the same stored content, reports and problems, on files that mix the
/// plain case with everything that falls back to the row-at-a-time code.
@Suite struct BulkImportTests {
    static let columns = [
        "typeCode", "freqCode", "refPeriodId", "refYear", "refMonth", "period", "reporterCode", "reporterISO",
        "reporterDesc", "flowCode", "flowDesc", "partnerCode", "partnerISO", "partnerDesc", "partner2Code",
        "partner2ISO", "partner2Desc", "classificationCode", "classificationSearchCode", "isOriginalClassification",
        "cmdCode", "cmdDesc", "aggrLevel", "isLeaf", "customsCode", "customsDesc", "mosCode", "motCode", "motDesc",
        "qtyUnitCode", "qtyUnitAbbr", "qty", "isQtyEstimated", "altQtyUnitCode", "altQtyUnitAbbr", "altQty",
        "isAltQtyEstimated", "netWgt", "isNetWgtEstimated", "grossWgt", "isGrossWgtEstimated", "cifvalue", "fobvalue",
        "primaryValue", "legacyEstimationFlag", "isReported", "isAggregate",
    ]

    /// One 47-column row; `netWgt`, `qty`, `primaryValue`, `period` and the codes as given (text as written).
    static func row(
        period: String = "202401", reporter: String = "CHN", partner: String = "USA", flow: String = "X",
        cmd: String = "850511", netWgt: String = "1000", qty: String = "1000", qtyUnit: String = "kg",
        value: String = "12345.5", partner2: String = "W00", customs: String = "C00", mot: String = "0"
    ) -> String {
        [
            "C", "M", "\(period)01", String(period.prefix(4)), "1", period, "156", reporter, "\"Some, name\"", flow, "Export",
            "842", partner, "USA", "0", partner2, "World", "H6", "HS", "True", cmd,
            "\"Permanent magnets, of metal; \"\"synthetic\"\"\"", "6", "True", customs, "TOTAL CPC", "0", mot, "TOTAL MOT",
            "8", qtyUnit, qty, "False", "-1", "N/A", "0", "False", netWgt, "False", netWgt, "False", "", value, value, "0",
            "True", "False",
        ].joined(separator: ",")
    }

    /// A generated file: `count` plain rows over many series and months, plus the rows given.
    static func file(count: Int, extra: [String] = [], crlf: Bool = false) -> Data {
        let reporters = ["CHN", "USA", "JPN", "DEU", "KOR"]
        let partners = ["W00", "USA", "JPN", "DEU", "VNM", "IND", "MYS"]
        let commodities = ["280530", "284610", "850511", "850519"]
        var lines = [columns.joined(separator: ",")]
        var n = 0
        outer: for year in 2000...2059 {
            for month in 1...12 {
                for r in reporters {
                    for p in partners where p != r {
                        for c in commodities {
                            for f in ["X", "M"] {
                                if n == count { break outer }
                                let period = "\(year)\(month < 10 ? "0" : "")\(month)"
                                lines.append(row(period: period, reporter: r, partner: p, flow: f, cmd: c, netWgt: "\(n % 9973 + 1)", value: "\(n).25"))
                                n += 1
                            }
                        }
                    }
                }
            }
        }
        lines += extra
        return Data((lines.joined(separator: crlf ? "\r\n" : "\n") + "\n").utf8)
    }

    /// Imports Comtrade `data` as `monazite import` does, through the bulk path or (`bulk: false`) row by row.
    @discardableResult
    static func importComtrade(
        _ data: Data, name: String = "ct.csv", into store: SQLiteStore, bulk: Bool, release: CalendarDay? = nil
    ) throws -> (report: ImportReport, skipped: Int) {
        var skipped = 0
        let provenance = Provenance(source: "UN Comtrade", url: "https://comtradeplus.un.org/", release: release)
        let report = try data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            return try store.importObservations(file: name, format: "comtrade") { sink throws(ImportFailure) in
                let result: Result<ComtradeCSVFormat.Summary, ImportFailure> =
                    bulk
                    ? Result { () throws(ImportFailure) in try ComtradeCSVFormat.read(bytes: bytes, file: name, provenance: provenance, sink: sink) }
                    : BulkImport.$store.withValue(nil) {
                        Result { () throws(ImportFailure) in try ComtradeCSVFormat.read(bytes: bytes, file: name, provenance: provenance, sink: sink) }
                    }
                let summary = try result.get()
                skipped = summary.skippedBreakdowns
                return summary.rows
            }
        }
        return (report, skipped)
    }

    /// Rows that take the row-at-a-time code inside the bulk path, or are skipped.
    static let mixed = [
        row(period: "2024", cmd: "280530"),  // a year
        row(period: "202402", netWgt: "\"1,234.5\""),  // quoted thousands
        row(period: "202403", netWgt: "", qty: "2", qtyUnit: "t"),  // quantity in tonnes
        row(period: "202404", value: ""),  // no value
        row(period: "202405", partner: "ZAF"),  // a country first seen here
        row(period: "202406", cmd: "2846"),  // a heading
        row(period: "202407", partner2: "USA"),  // a breakdown: skipped
        row(period: "202408", mot: "1000"),  // a breakdown: skipped
        row(period: "202409", netWgt: " 77 "),  // spaces
        row(period: "202410", flow: "RX"),  // a re-export
    ]

    /// The bulk path reads files from 4 MiB on in two parts at once; `twoPartsFrom: 0` makes it
    /// read these small files that way too.
    @Test(arguments: [ComtradeCSVFormat.twoPartsFrom, 0])
    func bulkAndRowByRowStoreTheSameContent(twoPartsFrom: Int) throws {
        try ComtradeCSVFormat.$twoPartsFrom.withValue(twoPartsFrom) { try Self.bulkAndRowByRowStoreTheSameContent() }
    }

    static func bulkAndRowByRowStoreTheSameContent() throws {
        let data = Self.file(count: 6000, extra: Self.mixed)
        let bulk = try SQLiteStore(path: TestStore.emptyPath())
        let rowByRow = try SQLiteStore(path: TestStore.emptyPath())
        let a = try Self.importComtrade(data, into: bulk, bulk: true)
        let b = try Self.importComtrade(data, into: rowByRow, bulk: false)
        #expect(a.report == b.report)
        #expect(a.skipped == 2 && b.skipped == 2)
        #expect(a.report.inserted == 6008)
        #expect(try bulk.contentDigest() == rowByRow.contentDigest())

        // A later release of part of it: revisions counted, new rows of stored series, the same either way.
        let later = Self.file(count: 3000, extra: [Self.row(period: "206001", partner: "ZAF")])
        let day = CalendarDay(year: 2026, month: 5, day: 1)
        let a2 = try Self.importComtrade(later, into: bulk, bulk: true, release: day)
        let b2 = try Self.importComtrade(later, into: rowByRow, bulk: false, release: day)
        #expect(a2.report == b2.report)
        #expect(a2.report.revisions == 3000)
        #expect(a2.report.inserted == 3001)
        #expect(try bulk.contentDigest() == rowByRow.contentDigest())

        // The same file again: nothing new, nothing stored.
        let before = try bulk.contentDigest()
        let again = try Self.importComtrade(later, into: bulk, bulk: true, release: day)
        #expect(again.report.inserted == 0 && again.report.unchanged == 3001 && again.report.batchID == nil)
        #expect(try bulk.contentDigest() == before)
    }

    @Test func aConflictWithAStoredFigureIsFoundOnTheBulkPath() throws {
        let store = try SQLiteStore(path: TestStore.emptyPath())
        try Self.importComtrade(Self.file(count: 100), into: store, bulk: true)
        let before = try store.contentDigest()
        // Line 2 of this file is the first row of the first file with another quantity.
        let changed = Self.file(count: 0, extra: [Self.row(period: "200001", reporter: "CHN", partner: "W00", cmd: "280530", netWgt: "5")])
        #expect(throws: ImportFailure.self) { try Self.importComtrade(changed, into: store, bulk: true) }
        do {
            try Self.importComtrade(changed, into: store, bulk: true)
        } catch let failure as ImportFailure {
            #expect(failure.issues.first?.description.hasPrefix("ct.csv:2:1: ") == true, "\(failure)")
            #expect(failure.issues.first?.description.contains("is already stored with a different figure") == true)
            #expect(failure.issues.first?.description.contains("a revision needs a later release date") == true)
        }
        #expect(try store.contentDigest() == before)
    }

    /// Read in two parts, a conflict in the second part is reported at its line in the file.
    @Test func aConflictInTheSecondPartIsReportedAtItsLine() throws {
        let store = try SQLiteStore(path: TestStore.emptyPath())
        try Self.importComtrade(Self.file(count: 100), into: store, bulk: true)
        let before = try store.contentDigest()
        // 2,000 rows of new months, then (line 2,002) the first stored row with another quantity.
        let partners = ["IND", "VNM", "MYS", "JPN", "DEU", "KOR", "FRA", "ITA", "GBR", "THA"]
        let new = (0..<2000).map { i in
            Self.row(period: "\(2030 + i / 240)\(String(format: "%02d", i / 20 % 12 + 1))", partner: partners[i % 10], flow: i / 10 % 2 == 0 ? "X" : "M")
        }
        let changed = Self.file(count: 0, extra: new + [Self.row(period: "200001", reporter: "CHN", partner: "W00", cmd: "280530", netWgt: "5")])
        do {
            try ComtradeCSVFormat.$twoPartsFrom.withValue(0) { try Self.importComtrade(changed, into: store, bulk: true) }
            Issue.record("the conflict was accepted")
        } catch let failure as ImportFailure {
            #expect(failure.issues.first?.description.hasPrefix("ct.csv:2002:1: ") == true, "\(failure)")
            #expect(failure.conflict)
        }
        #expect(try store.contentDigest() == before)
    }

    /// A split that falls inside a quoted field (line ends inside quotes) is not trusted: the
    /// file is read in one part, and stores what the row-by-row path stores.
    @Test func aSplitInsideAQuotedFieldFallsBackToOnePart() throws {
        let text = String(decoding: Self.file(count: 3000), as: UTF8.self)
            .replacingOccurrences(of: "\"Some, name\"", with: "\"Some" + String(repeating: "\nname", count: 450) + "\"")
        let data = Data(text.utf8)
        // Where the two-part read splits (the first line feed after the middle of the rows) is inside quotes.
        let bytes = [UInt8](data)
        let headerEnd = (bytes.firstIndex(of: 0x0A) ?? 0) + 1
        let split = bytes[(headerEnd + (bytes.count - headerEnd) / 2)...].firstIndex(of: 0x0A) ?? 0
        #expect(bytes[..<split].count(where: { $0 == 0x22 }) % 2 == 1, "\(bytes.count) \(headerEnd) \(split) \(String(decoding: bytes[(split - 30)..<(split + 10)], as: UTF8.self))")
        let twoParts = try SQLiteStore(path: TestStore.emptyPath())
        let rowByRow = try SQLiteStore(path: TestStore.emptyPath())
        let a = try ComtradeCSVFormat.$twoPartsFrom.withValue(0) { try Self.importComtrade(data, into: twoParts, bulk: true) }
        let b = try Self.importComtrade(data, into: rowByRow, bulk: false)
        #expect(a.report == b.report && a.report.inserted == 3000)
        #expect(try twoParts.contentDigest() == rowByRow.contentDigest())
    }

    /// Bad rows deep in a large file: located exactly, the same on both paths, nothing stored.
    @Test(arguments: [
        ("bad-number", Self.row(period: "206001", netWgt: "12x"), "ct.csv:50002:"),
        ("bad-country", Self.row(period: "206001", partner: "XXX"), "ct.csv:50002:"),
        ("duplicate", Self.row(period: "200001", reporter: "CHN", partner: "W00", cmd: "280530"), "ct.csv:50002:1: duplicate key"),
        ("fields", "C,M,1,2", "ct.csv:50002:1: expected 47 fields as in the header, found 4"),
        ("quote", Self.row(period: "206001") + ",\"oops", "ct.csv:50003:37: unexpected character after a closing quote"),
    ])
    func aBadRowDeepInALargeFileLeavesTheStoreUnchanged(_ name: String, _ bad: String, _ expected: String) async throws {
        let store = try await TestStore.bundled()
        let before = try store.contentDigest()
        let data = Self.file(count: 50_000, extra: [bad, Self.row(period: "206002")], crlf: name == "fields")
        var messages: [[String]] = []
        for bulk in [true, false] {
            do {
                try Self.importComtrade(data, into: store, bulk: bulk)
                Issue.record("\(name) was accepted")
            } catch let failure as ImportFailure {
                messages.append(failure.issues.map(\.description))
                #expect(failure.issues.first?.description.hasPrefix(expected) == true, "\(failure.issues.first?.description ?? "")")
            }
            #expect(try store.contentDigest() == before)
        }
        #expect(messages.count == 2 && messages[0] == messages[1])
    }
}
