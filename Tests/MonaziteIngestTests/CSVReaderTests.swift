import Foundation
import MonaziteCore
import MonaziteIngest
import Testing

@Suite struct CSVReaderTests {
    @Test(arguments: [("3188", 3188.0), ("1238.47", 1238.47), ("-5.25", -5.25), ("1,234.5", 1234.5), ("1.2e3", 1200.0), (" 7 ", 7.0), ("0.005", 0.005)])
    func parsesDecimals(_ text: String, _ value: Double) {
        let bytes = Array(text.utf8)
        #expect(bytes.withUnsafeBufferPointer { DecimalParser.parse($0) } == value)
    }

    @Test(arguments: ["", "x", "12x", "1,23", "--1", "1e", "."])
    func rejectsNonNumbers(_ text: String) {
        let bytes = Array(text.utf8)
        #expect(bytes.withUnsafeBufferPointer { DecimalParser.parse($0) } == nil)
    }

    @Test func readsQuotedFieldsThousandsAndNationalCodes() throws {
        let url = try #require(Bundle.module.url(forResource: "quoted", withExtension: "csv", subdirectory: "Fixtures"))
        let data = try Data(contentsOf: url)
        var seen: [Observation] = []
        try data.withUnsafeBytes { raw in
            try ObservationCSVFormat.read(bytes: raw.bindMemory(to: UInt8.self), file: "quoted.csv") { o, _ in
                seen.append(o)
                return nil
            }
        }
        let o = try #require(seen.first)
        #expect(o.quantityTonnes == 1.2345)
        #expect(o.provenance.source == "GAC, \"monthly\"")
        #expect(o.key.commodity.description == "8505.11")
        #expect(o.nationalCode == "8505111000")
    }
}
