import Foundation
import MonaziteService
import MonaziteStore
import Testing

@testable import MonaziteCLI

/// `monazite import prices.csv` then `monazite prices`: the imported quote is listed beside the
/// bundled ones, and the note says where it came from.
@Suite struct PriceImportCLITests {
    @Test func anImportedQuoteIsListedWithTheBundledOnes() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("monazite-prices-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("s.sqlite").path
        let store = try SQLiteStore(path: path)
        let csv = """
            date,product,purity,market_basis,low,high,currency,unit,vat_included,publisher,source_title,url,via,via_url,release,note
            2026-11-20,NdPr oxide,,China domestic,600000,610000,CNY,CNY/t,yes,synthetic check,synthetic,https://example.org/x,,,2026-11-20,test

            """
        _ = try await FileImporter.run(store: store, data: Data(csv.utf8), name: "p.csv", format: nil)
        let options = try StoreOptions.parse(["--store", path])
        let stored = try await storedPriceQuotes(options)
        #expect(stored.count == 1)
        let answer = try PriceQueries.prices(product: "NdPr oxide", from: "2026-11", stored: stored)
        #expect(answer.prices.map(\.publisher) == ["synthetic check"])
        #expect(answer.notes.first?.hasSuffix("plus 1 quotes imported into the store (monazite import)") == true)
        let bundledOnly = try PriceQueries.prices(product: "NdPr oxide", from: "2026-11")
        #expect(bundledOnly.prices.isEmpty || !bundledOnly.prices.contains { $0.publisher == "synthetic check" })
    }

    @Test func noStoreAtTheDefaultPlaceMeansNoImportedQuotes() async throws {
        let options = try StoreOptions.parse([])
        setenv("MONAZITE_STORE", "", 1)
        // Only when the default store does not exist; a developer's own store is left alone.
        if case .sqlite(let path) = try StoreLocation(options.storePath), !FileManager.default.fileExists(atPath: path) {
            #expect(try await storedPriceQuotes(options).isEmpty)
        }
    }
}
