import Foundation
import MonaziteIngest
import MonaziteStore
import Testing

/// The corpus of bad files: each is refused with its precise location and reason, and the
/// store's content is byte-for-byte what it was before.
@Suite struct BadFileTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let file: String
        let format: String
        /// `line:column: reason` fragment the first issue must contain.
        let expected: String
        var testDescription: String { file }
    }

    static let cases: [Case] = [
        Case(file: "unknown-column.csv", format: "observations", expected: "1:69: unknown column \"colour\""),
        Case(file: "missing-source-column.csv", format: "observations", expected: "1:1: missing required column \"source\""),
        Case(file: "bad-number.csv", format: "observations", expected: "3:32: quantity: \"55x7\" is not a number"),
        Case(file: "unknown-country.csv", format: "observations", expected: "2:9: reporter: unknown country code \"XXX\""),
        Case(file: "unknown-unit.csv", format: "observations", expected: "2:37: unit: \"lb\" is not a unit of mass"),
        Case(file: "bad-period.csv", format: "observations", expected: "2:1: period: \"2025-13\" is not a period"),
        Case(file: "duplicate-key.csv", format: "observations", expected: "4:1: duplicate key: same series, period and release as line 2"),
        Case(file: "latin1.csv", format: "observations", expected: "2:39: source: text is not valid UTF-8"),
        Case(file: "utf16.csv", format: "observations", expected: "1:1: file is UTF-16 encoded"),
        Case(file: "wrong-field-count.csv", format: "observations", expected: "2:1: expected 9 fields as in the header, found 8"),
        Case(file: "unclosed-quote.csv", format: "observations", expected: "2:39: quoted field is never closed"),
        Case(file: "bad-flow.csv", format: "observations", expected: "2:17: flow: \"sideways\" is not export"),
        Case(file: "bad-commodity.csv", format: "observations", expected: "2:24: commodity: \"85.051\" is not an HS code"),
        Case(file: "negative-quantity.csv", format: "observations", expected: "2:32: quantity: -3188.0 is negative"),
        Case(file: "bad-release-date.csv", format: "observations", expected: "2:43: release: \"2025-02-30\" is not a date"),
        Case(file: "bad-status.csv", format: "observations", expected: "2:43: status: \"guessed\" is not reported, derived or estimate"),
        Case(file: "empty-source.csv", format: "observations", expected: "2:39: source is empty"),
        Case(file: "empty.csv", format: "observations", expected: "1:1: file is empty"),
        Case(file: "quantity-without-unit.csv", format: "observations", expected: "2:37: unit is empty"),
        Case(file: "header-only.csv", format: "observations", expected: "2:1: no data rows after the header"),
        Case(file: "comtrade-bad-flow.csv", format: "comtrade", expected: "3:16: flowCode: \"Q\" is not X, M, RX or RM"),
        Case(file: "usgs-bad-cell.csv", format: "usgs-salient", expected: "2:43: 2024: \"about 1300\" is neither a number"),
    ]

    @Test(arguments: cases)
    func refusedWithLocationAndStoreUnchanged(_ c: Case) async throws {
        let store = try await TestStore.bundled()
        let before = try store.contentDigest()
        let url = try TestStore.resource("BadFiles", c.file)
        do {
            try TestStore.importFile(url, into: store, format: c.format)
            Issue.record("\(c.file) was accepted")
        } catch let failure as ImportFailure {
            let first = try #require(failure.issues.first)
            #expect(first.description.hasPrefix("\(c.file):"), "issue names the file: \(first)")
            #expect(first.description.contains(c.expected), "got: \(first)")
        }
        #expect(try store.contentDigest() == before)
    }

    @Test func corpusHasAtLeastFifteenDistinctFaults() {
        #expect(Set(Self.cases.map(\.expected)).count >= 15)
    }

    @Test func allProblemsOfAFileAreListed() throws {
        let store = try SQLiteStore(path: TestStore.emptyPath())
        let url = try TestStore.resource("BadFiles", "duplicate-key.csv")
        let before = try store.contentDigest()
        #expect(throws: ImportFailure.self) { try TestStore.importFile(url, into: store) }
        // Line 2 and 3 were valid, but the file failed as a whole: nothing was saved.
        #expect(try store.counts().observations == 0)
        #expect(try store.contentDigest() == before)
    }
}
