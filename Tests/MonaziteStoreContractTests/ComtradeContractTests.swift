import Foundation
import MonaziteCore
import MonaziteIngest
import MonaziteStore
import Testing

/// Comtrade files through each backend's bulk path (rows handed over in batches of plain
/// numbers, as `monazite import --format comtrade` does): the import rules of ``ImportPlanner``
/// hold there too, and both backends report and store the same.
@Suite struct ComtradeContractTests {
    static let header = "period,reporterISO,partnerISO,flowCode,cmdCode,netWgt,primaryValue,partner2ISO,customsCode,motCode"

    /// `months` months × 3 partners × 2 commodities of one reporter's exports, figures from `base`.
    static func file(months: Int, base: Int = 1000, extra: [String] = []) -> Data {
        var lines = [header]
        for m in 0..<months {
            let period = String(format: "%04d%02d", 2020 + m / 12, m % 12 + 1)
            for (p, partner) in ["USA", "JPN", "DEU"].enumerated() {
                for (c, code) in ["850511", "280530"].enumerated() {
                    let kg = base + m * 10 + p * 3 + c
                    lines.append("\(period),CHN,\(partner),X,\(code),\(kg),\(kg * 7).5,W00,C00,0")
                }
            }
        }
        return Data((lines + extra).joined(separator: "\n").appending("\n").utf8)
    }

    static func importComtrade(_ data: Data, into store: any TradeStore, release: CalendarDay? = nil) async throws -> ImportReport {
        try await FileImporter.run(
            store: store, data: data, name: "ct.csv", format: .comtrade, options: FileImporter.Options(release: release)
        ).report
    }

    /// What one backend answers along the way, to compare the backends.
    struct Outcome: Equatable {
        var reports: [ImportReport] = []
        var conflict = ""
    }

    static func run(_ backend: Backend) async throws -> (Outcome, String) {
        try await ContractStore.with(backend) { store in
            var outcome = Outcome()
            // A quoted number takes the row-at-a-time code inside the bulk path.
            let first = try await importComtrade(Self.file(months: 12, extra: ["202401,CHN,KOR,X,850511,\"1,234.5\",99,W00,C00,0"]), into: store)
            #expect(first.inserted == 73 && first.revisions == 0 && first.unchanged == 0, "\(backend)")
            outcome.reports.append(first)

            // The same file again: nothing new, no batch, the store unchanged.
            let digest = try await store.contentDigest()
            let again = try await importComtrade(Self.file(months: 12), into: store)
            #expect(again.inserted == 0 && again.unchanged == 72 && again.batchID == nil, "\(backend)")
            #expect(try await store.contentDigest() == digest)
            outcome.reports.append(again)

            // A later release (other figures) of months 7 to 12, and months 13 to 18: 36 revisions
            // beside the stored figures, 36 new figures of stored series.
            let later = try await importComtrade(
                Self.file(months: 18, base: 5000).dropFirstMonths(6, of: 18), into: store, release: CalendarDay(year: 2026, month: 5, day: 1))
            #expect(later.inserted == 72 && later.revisions == 36, "\(backend)")
            outcome.reports.append(later)

            // Another figure under the first release: refused at its line, nothing stored.
            let before = try await store.contentDigest()
            let changed = Data((Self.header + "\n202001,CHN,USA,X,850511,1001,7000.5,W00,C00,0\n").utf8)
            do {
                _ = try await importComtrade(changed, into: store)
                Issue.record("\(backend): a different figure under the same release was accepted")
            } catch let failure as ImportFailure {
                #expect(failure.conflict, "\(backend)")
                outcome.conflict = failure.issues.map(\.description).joined(separator: "\n")
                #expect(
                    outcome.conflict
                        == "ct.csv:2:1: CHN export 8505.11 USA 2020-01 (no release date) is already stored with a different figure "
                        + "(1.0 t); a revision needs a later release date", "\(backend)")
            }
            #expect(try await store.contentDigest() == before)
            return (outcome, try await store.contentDigest())
        }
    }

    @Test(arguments: Backend.available)
    func bulkPathKeepsTheImportRules(_ backend: Backend) async throws {
        _ = try await Self.run(backend)
    }

    @Test(.enabled(if: CrossBackendTests.postgresOrSkip, Comment(rawValue: PostgresTestServer.skipMessage)))
    func bothBackendsReportAndStoreTheSame() async throws {
        let (a, digestA) = try await Self.run(.sqlite)
        let (b, digestB) = try await Self.run(.postgres)
        #expect(a.reports.map { [$0.rowsRead, $0.inserted, $0.revisions, $0.unchanged] } == b.reports.map { [$0.rowsRead, $0.inserted, $0.revisions, $0.unchanged] })
        #expect(a.conflict == b.conflict)
        #expect(digestA == digestB)
    }
}

extension Data {
    /// The file without the rows of its first `months` months (of `total`, 6 rows each).
    fileprivate func dropFirstMonths(_ months: Int, of total: Int) -> Data {
        var lines = String(decoding: self, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
        lines.removeSubrange(1..<(1 + months * 6))
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }
}
