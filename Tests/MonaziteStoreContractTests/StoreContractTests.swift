import Foundation
import MonaziteCore
import MonaziteDataset
import MonaziteIngest
import MonaziteStore
import Testing

/// The behaviour every backend owes: the same test bodies run against SQLite and PostgreSQL.
@Suite struct StoreContractTests {
    @Test func postgresCasesRunOrAreSkippedVisibly() throws {
        if PostgresTestServer.url == nil && !PostgresTestServer.required {
            try Test.cancel(Comment(rawValue: PostgresTestServer.skipMessage))
        }
        #expect(Backend.available.contains(.postgres))
    }

    @Test(arguments: Backend.available)
    func bundledInstallLoadsEveryFileOnce(_ backend: Backend) async throws {
        try await ContractStore.with(backend) { store in
            let reports = try await BundledDataset.install(into: store)
            #expect(reports.count == BundledDataset.files.count)
            #expect(reports.allSatisfy { $0.inserted > 0 && $0.batchID != nil })
            let counts = try await store.counts()
            #expect(counts.observations == Bundled.observations)
            #expect(counts.salient == Bundled.salient)
            #expect(counts.indicators == Bundled.indicators)
            #expect(counts.batches == BundledDataset.files.count)
            let digest = try await store.contentDigest()
            let again = try await BundledDataset.install(into: store)
            #expect(again.allSatisfy { $0.inserted == 0 && $0.batchID == nil })
            #expect(try await store.contentDigest() == digest)
            #expect(try await store.counts().batches == BundledDataset.files.count)
        }
    }

    @Test(arguments: Backend.available)
    func goldenFiguresOfTheBundledData(_ backend: Backend) async throws {
        try await ContractStore.with(backend) { store in
            _ = try await BundledDataset.install(into: store)
            let world = SeriesTotals(try await store.observations(for: Files.magnetsWorld, asOf: nil))
            let us = SeriesTotals(try await store.observations(for: Files.magnetsUS, asOf: nil))
            let june = TradeSeriesReport.row(for: try #require(Period(parsing: "2025-06")), totals: world)
            #expect(june.quantityTonnes.value == 3188)
            #expect(june.status == .reported)
            #expect(june.momPct.value.map { ($0 * 10).rounded() / 10 } == 157.4)
            let may = TradeSeriesReport.row(for: try #require(Period(parsing: "2025-05")), totals: world)
            #expect(may.quantityTonnes.value.map { ($0 * 100).rounded() / 100 } == 1238.47)
            let firstHalf = try #require(Period(parsing: "2025-H1"))
            let h1 = try #require(try? world.total(over: firstHalf).get())
            #expect(h1.tonnes == 22319)
            let y2025 = try #require(Period(parsing: "2025"))
            let year = try #require(try? world.total(over: y2025).get())
            #expect(year.tonnes == 57392)
            let usJune = TradeSeriesReport.row(for: try #require(Period(parsing: "2025-06")), totals: us)
            #expect(usJune.quantityTonnes.value == 353)
            let partners = try await store.partnerObservations(
                reporter: .china, flow: .export, commodity: try #require(HSCode("8505.11")), asOf: nil)
            #expect(partners[.unitedStates]?.contains { $0.period == june.period && $0.quantityTonnes == 353 } == true)
            let table = NetImportRelianceTable(stats: try await store.salientStatistics(country: .unitedStates, edition: "MCS 2025"))
            let y2024 = try #require(table.years.first { $0.year == 2024 })
            #expect(y2024.published == .percent(80))
            #expect(y2024.agrees == true)
            #expect(try await store.salientEditions(country: .unitedStates) == ["MCS 2025", "MCS 2026"])
        }
    }

    @Test(arguments: Backend.available)
    func laterReleaseIsKeptAndAsOfPicksTheLatestOnOrBefore(_ backend: Backend) async throws {
        try await ContractStore.with(backend) { store in
            try await Files.importObservations("release-1.csv", into: store)
            let report = try await Files.importObservations("release-2.csv", into: store)
            #expect(report.inserted == 1)
            #expect(report.revisions == 1)
            let latest = try await store.observations(for: Files.magnetsWorld, asOf: nil)
            #expect(latest.map(\.quantityTonnes) == [3188])
            #expect(latest.first?.provenance.source == "Revised release (test fixture)")
            let july = try await store.observations(for: Files.magnetsWorld, asOf: CalendarDay(year: 2025, month: 7, day: 31))
            #expect(july.map(\.quantityTonnes) == [3100])
            #expect(try await store.observations(for: Files.magnetsWorld, asOf: CalendarDay(year: 2025, month: 7, day: 1)).isEmpty)
            let history = try await store.releases(for: Files.magnetsWorld, period: try #require(Period(parsing: "2025-06")))
            #expect(history.map(\.provenance.release?.description) == ["2025-07-14", "2025-08-20"])
        }
    }

    /// A figure without a release date counts as released before any dated one, but never before
    /// its period has ended: as of 2025-08-01 nobody could know January–February 2026. A dated
    /// figure counts from its release date.
    @Test(arguments: Backend.available)
    func anUndatedFigureIsNotKnownBeforeItsPeriodEnds(_ backend: Backend) async throws {
        try await ContractStore.with(backend) { store in
            try await Files.importObservations("undated.csv", into: store)
            func periods(asOf day: CalendarDay?) async throws -> [String] {
                try await store.observations(for: Files.magnetsWorld, asOf: day).map(\.period.description)
            }
            #expect(try await periods(asOf: nil) == ["2025-06", "2025-09", "2026-01..2026-02"])
            #expect(try await periods(asOf: CalendarDay(year: 2025, month: 8, day: 1)) == ["2025-06"])
            #expect(try await periods(asOf: CalendarDay(year: 2026, month: 2, day: 28)) == ["2025-06", "2025-09"])
            #expect(try await periods(asOf: CalendarDay(year: 2026, month: 3, day: 1)) == ["2025-06", "2025-09", "2026-01..2026-02"])
            #expect(try await periods(asOf: CalendarDay(year: 2025, month: 6, day: 30)).isEmpty)
            // A dated figure counts from its release date, even one given inside its own month.
            #expect(try await periods(asOf: CalendarDay(year: 2025, month: 9, day: 15)) == ["2025-06", "2025-09"])
            #expect(try await periods(asOf: CalendarDay(year: 2025, month: 9, day: 14)) == ["2025-06"])
            let partners = try await store.partnerObservations(
                reporter: .china, flow: .export, commodity: try #require(HSCode("8505.11")), asOf: CalendarDay(year: 2025, month: 8, day: 1))
            #expect(partners[.world]?.map(\.period.description) == ["2025-06"])
        }
    }

    /// A windowed read gives every figure touching the window: spans inside it, and spans reaching
    /// past either end (which say where a month inside is published), but nothing wholly outside.
    @Test(arguments: Backend.available)
    func aWindowedReadGivesEveryFigureTouchingTheWindow(_ backend: Backend) async throws {
        try await ContractStore.with(backend) { store in
            try await Files.importObservations("undated.csv", into: store)
            func periods(_ from: (Int, Int), _ to: (Int, Int)) async throws -> [String] {
                let window = try #require(Month(year: from.0, month: from.1))...(try #require(Month(year: to.0, month: to.1)))
                let read = try await store.partnerObservations(
                    reporter: .china, flow: .export, commodity: try #require(HSCode("8505.11")), asOf: nil, within: window)
                return read[.world]?.map(\.period.description) ?? []
            }
            #expect(try await periods((2025, 1), (2026, 1)) == ["2025-06", "2025-09", "2026-01..2026-02"])
            #expect(try await periods((2026, 2), (2026, 6)) == ["2026-01..2026-02"])
            #expect(try await periods((2025, 7), (2025, 9)) == ["2025-09"])
            #expect(try await periods((2025, 10), (2025, 12)).isEmpty)
        }
    }

    @Test(arguments: Backend.available)
    func reimportingAnIdenticalFileChangesNothing(_ backend: Backend) async throws {
        try await ContractStore.with(backend) { store in
            try await Files.importObservations("release-1.csv", into: store)
            let before = try await store.contentDigest()
            let again = try await Files.importObservations("release-1.csv", into: store)
            #expect(again.inserted == 0)
            #expect(again.unchanged == 2)
            #expect(again.batchID == nil)
            #expect(try await store.contentDigest() == before)
        }
    }

    @Test(arguments: Backend.available)
    func aDifferentFigureForTheSameReleaseIsAConflict(_ backend: Backend) async throws {
        try await ContractStore.with(backend) { store in
            try await Files.importObservations("release-1.csv", into: store)
            let before = try await store.contentDigest()
            do {
                try await Files.importObservations("conflict.csv", into: store)
                Issue.record("conflict accepted")
            } catch let failure as ImportFailure {
                let first = try #require(failure.issues.first)
                #expect(first.description.hasPrefix("conflict.csv:2:1:"), "got: \(first)")
                #expect(first.description.contains("a revision needs a later release date"))
            }
            #expect(try await store.contentDigest() == before)
        }
    }

    @Test(arguments: Backend.available)
    func aBadFileLeavesTheContentUnchanged(_ backend: Backend) async throws {
        try await ContractStore.with(backend) { store in
            _ = try await BundledDataset.install(into: store)
            let before = try await store.contentDigest()
            for (file, expected) in [("bad-number.csv", "3:32: quantity: \"55x7\" is not a number"),
                                     ("duplicate-key.csv", "4:1: duplicate key: same series, period and release as line 2")] {
                do {
                    try await Files.importObservations(file, into: store)
                    Issue.record("\(file) was accepted")
                } catch let failure as ImportFailure {
                    #expect(failure.issues.first?.description.contains("\(file):\(expected)") == true, "got: \(failure)")
                }
                #expect(try await store.contentDigest() == before)
            }
            #expect(try await store.counts().batches == BundledDataset.files.count)
        }
    }

    @Test(arguments: Backend.available)
    func tokensAreCreatedListedAndRevoked(_ backend: Backend) async throws {
        try await ContractStore.with(backend) { store in
            let hash = String(repeating: "ab", count: 32)  // synthetic secret hash
            let token = try await store.createAccessToken(name: "ci-importer", secretHash: hash.uppercased(), scope: .write, expiresAt: nil)
            #expect(token.name == "ci-importer" && !token.isRevoked)
            #expect(try await store.liveAccessToken(secretHash: hash)?.name == "ci-importer")
            _ = try await store.createAccessToken(name: "analyst", secretHash: String(repeating: "cd", count: 32), scope: .read, expiresAt: "2027-01-31T00:00:00Z")
            #expect(try await store.accessTokens().map(\.name) == ["analyst", "ci-importer"])
            // Scope and expiry come back as stored.
            let analyst = try #require(try await store.liveAccessToken(secretHash: String(repeating: "cd", count: 32)))
            #expect(analyst.scope == .read && analyst.expiresAt == "2027-01-31T00:00:00Z")
            #expect(analyst.isExpired(now: "2027-01-31T00:00:00Z") && !analyst.isExpired(now: "2027-01-30T23:59:59Z"))
            #expect(try await store.liveAccessToken(secretHash: hash)?.scope == .write)
            await #expect(throws: StoreError.self) {
                _ = try await store.createAccessToken(name: "ci-importer", secretHash: String(repeating: "ef", count: 32), scope: .write, expiresAt: nil)
            }
            #expect(try await store.revokeAccessToken(name: "ci-importer"))
            #expect(try await !store.revokeAccessToken(name: "ci-importer"))
            #expect(try await store.liveAccessToken(secretHash: hash) == nil)
            #expect(try await store.accessTokens().first { $0.name == "ci-importer" }?.isRevoked == true)
            // Revoked names are not reused either.
            await #expect(throws: StoreError.self) {
                _ = try await store.createAccessToken(name: "ci-importer", secretHash: String(repeating: "01", count: 32), scope: .admin, expiresAt: nil)
            }
        }
    }
}

/// The bundled dataset's size, as both backends must store it.
enum Bundled {
    /// Customs rows (magnets, the headline category, Dy and Tb) through the latest release bundled.
    static let observations = 101
    /// MCS 2025 (98 cells) and MCS 2026 (108 cells) salient tables.
    static let salient = 206
    /// IEA and share indicators (94) and the two USGS world tables (54 each).
    static let indicators = 202
}

/// Text and numbers that a bulk path must carry exactly: tabs, newlines, backslashes and a
/// literal `\N` in text (which PostgreSQL's COPY text format would otherwise read as NULL or as
/// a column break), small and fractional figures, NULL values.
@Suite struct BulkValueContractTests {
    @Test(arguments: Backend.available)
    func textAndFiguresComeBackExactly(_ backend: Backend) async throws {
        try await ContractStore.with(backend) { store in
            let report = try await Files.importObservations("escapes.csv", into: store)
            #expect(report.inserted == 2)
            let key = SeriesKey(reporter: .china, partner: try #require(CountryCode("DEU")), flow: .export, commodity: try #require(HSCode("8505.11")))
            let back = try await store.observations(for: key, asOf: nil)
            #expect(back.map(\.period.description) == ["2025-05", "2025-06"])
            let june = try #require(back.last)
            #expect(june.note == "tab\there, back\\slash \\N and a\nnew line")
            #expect(june.quantityTonnes == 0.000123456789)
            #expect(june.valueUSD == 12345678.25)
            #expect(june.reportedMoMPct == -12.5)
            #expect(june.provenance.source == "Escapes \\N (test fixture)")
            let may = try #require(back.first)
            #expect(may.quantityTonnes == 0.00001 && may.valueUSD == nil && may.note == nil && may.reportedMoMPct == nil)
        }
    }
}
