import Foundation
import MonaziteIngest
import MonazitePriceFile
import MonazitePrices
import MonaziteStore
import Testing

/// Imported price quotes: the same bodies against SQLite and PostgreSQL (synthetic quotes).
@Suite struct PriceContractTests {
    static let header = "date,product,purity,market_basis,low,high,currency,unit,vat_included,publisher,source_title,url,via,via_url,release,note\n"

    static func csv(_ rows: String...) -> Data { Data((header + rows.joined(separator: "\n") + "\n").utf8) }

    static let first = "2026-10-15,NdPr oxide,,China domestic,560000,565000,CNY,CNY/t,yes,synthetic publisher,synthetic,https://example.org/p/1,,,2026-10-15,synthetic"
    static let second = "2026-10-15,Dy oxide,,FOB China,230,240,USD,USD/kg,no,synthetic publisher,synthetic,https://example.org/p/1,,,2026-10-15,synthetic"
    static let firstChanged = "2026-10-15,NdPr oxide,,China domestic,570000,575000,CNY,CNY/t,yes,synthetic publisher,synthetic,https://example.org/p/1,,,2026-10-15,synthetic"

    @Test(arguments: Backend.available)
    func quotesImportThroughTheOneImportPathAndReadBack(_ backend: Backend) async throws {
        try await ContractStore.with(backend) { store in
            #expect(FileFormat.sniff(Self.csv(Self.first)) == .prices)
            let (format, report) = try await FileImporter.run(store: store, data: Self.csv(Self.first, Self.second), name: "p.csv", format: nil)
            #expect(format == .prices)
            #expect(report.rowsRead == 2 && report.inserted == 2 && report.unchanged == 0)
            let back = try await store.priceQuotes()
            #expect(back == (try PriceCSVFormat.read(data: Self.csv(Self.first, Self.second), file: "p.csv")).sorted { $0.product < $1.product })
            #expect(back.map(\.product) == ["Dy oxide", "NdPr oxide"])
            #expect(back.first?.basis == .fobChina)
        }
    }

    @Test(arguments: Backend.available)
    func theSameQuoteAgainIsUnchangedAndRecordsNoBatch(_ backend: Backend) async throws {
        try await ContractStore.with(backend) { store in
            _ = try await FileImporter.run(store: store, data: Self.csv(Self.first), name: "a.csv", format: .prices)
            let revision = try await store.revision()
            let (_, again) = try await FileImporter.run(store: store, data: Self.csv(Self.first), name: "b.csv", format: .prices)
            #expect(again.inserted == 0 && again.unchanged == 1)
            #expect(try await store.revision() == revision)
            #expect(try await store.priceQuotes().count == 1)
        }
    }

    @Test(arguments: Backend.available)
    func otherFiguresUnderAStoredIdentityRefuseTheWholeFile(_ backend: Backend) async throws {
        try await ContractStore.with(backend) { store in
            _ = try await FileImporter.run(store: store, data: Self.csv(Self.first), name: "a.csv", format: .prices)
            let revision = try await store.revision()
            do {
                _ = try await FileImporter.run(store: store, data: Self.csv(Self.second, Self.firstChanged), name: "b.csv", format: .prices)
                Issue.record("a changed quote was accepted")
            } catch let error as StoreError {
                guard case .conflict(let message) = error else { Issue.record("not a conflict: \(error)"); return }
                #expect(message.hasPrefix("b.csv: the price quote 2026-10-15 NdPr oxide (China domestic) by synthetic publisher"))
                #expect(message.hasSuffix("nothing was imported"))
            }
            // All or nothing: the Dy quote before the conflicting row is not kept either.
            #expect(try await store.priceQuotes().map(\.product) == ["NdPr oxide"])
            #expect(try await store.revision() == revision)
        }
    }

    @Test(arguments: Backend.available)
    func aBadCellRefusesTheFileWithItsPlace(_ backend: Backend) async throws {
        try await ContractStore.with(backend) { store in
            let bad = "2026-10-15,NdPr oxide,,China domestic,abc,565000,CNY,CNY/t,yes,synthetic publisher,synthetic,https://example.org/p/1,,,2026-10-15,"
            await #expect(throws: ImportFailure.self) {
                _ = try await FileImporter.run(store: store, data: Self.csv(Self.first, bad), name: "bad.csv", format: .prices)
            }
            do {
                _ = try await FileImporter.run(store: store, data: Self.csv(Self.first, bad), name: "bad.csv", format: .prices)
            } catch let failure as ImportFailure {
                #expect(failure.description.contains("bad.csv:3:"))
            }
            #expect(try await store.priceQuotes().isEmpty)
        }
    }
}
