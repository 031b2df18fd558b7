import Foundation
import MonaziteCore
import MonaziteIngest
import MonaziteStore
import Testing

/// The data as of today: 2026 releases as published, strict numbers, HS levels, USGS editions,
/// and a new release landing as a revision.
@Suite struct DataTodayTests {
    func rounded(_ v: Double?, _ places: Int) -> Double? {
        guard let v else { return nil }
        let f = pow(10, Double(places))
        return (v * f).rounded() / f
    }

    func period(_ s: String) throws -> Period { try #require(Period(parsing: s)) }

    // MARK: Golden figures of the 2026 releases (Reuters, 2026-04-20; TASS, 2026-03-10)

    @Test func march2026MagnetExportsAsPublished() async throws {
        let store = try await TestStore.bundled()
        let world = SeriesTotals(try store.observations(for: TestStore.magnetsWorld))
        let march = TradeSeriesReport.row(for: try period("2026-03"), totals: world)
        #expect(march.quantityTonnes.value == 5238)
        #expect(march.reportedYoYPct == -1.6)
        #expect(march.reportedMoMPct == 10.5)
        // Our YoY uses the 2025-03 base, itself derived (from April's level and published MoM),
        // so it differs from the published −1.6% and the row says the base is derived.
        #expect(march.notes.contains { $0.hasPrefix("yoy_pct: base 2025-03 is derived") })
        // The year-to-date base, 2025-Q1, is built from several derived pieces that share inputs:
        // each input is named once.
        let ytdNote = try #require(march.notes.first { $0.hasPrefix("ytd_yoy_pct: base 2025-Q1 is derived (from ") })
        #expect(ytdNote.components(separatedBy: "2025-04:level").count == 2, "\(ytdNote)")
        let q1 = try #require(world.observations[try period("2026-Q1")])
        #expect(q1.quantityTonnes == 16001)
        #expect(q1.reportedYoYPct == 4.8)
        let us = SeriesTotals(try store.observations(for: TestStore.magnetsUS))
        let usMarch = TradeSeriesReport.row(for: try period("2026-03"), totals: us)
        #expect(usMarch.quantityTonnes.value == 406)
        #expect(usMarch.reportedYoYPct == -30.6)
        // January and February 2026 are published only combined: the months stay missing.
        #expect(TradeSeriesReport.row(for: try period("2026-01"), totals: world).quantityTonnes.value == nil)
        #expect(world.observations[try period("2026-01..02")]?.quantityTonnes == 10763)
    }

    @Test func rareEarthsHeadlineIsItsOwnSeries() async throws {
        let store = try await TestStore.bundled()
        let key = SeriesKey(reporter: .china, partner: .world, flow: .export, commodity: try #require(HSCode("cn-rare-earths")))
        let totals = SeriesTotals(try store.observations(for: key))
        #expect(totals.observations[try period("2025")]?.quantityTonnes == 62580)  // TASS restatement, the latest release
        let releases = try store.releases(for: key, period: try period("2025"))
        #expect(releases.map(\.quantityTonnes) == [62585, 62580])
        #expect(totals.observations[try period("2026-01..02")]?.quantityTonnes == 10460)
        // October 2025: Reuters 4,343.5 t and rawmaterials.net 4,345.5 t share a release date; the
        // wire figure is kept and the other named in its note, never silently dropped.
        let october = try store.releases(for: key, period: try period("2025-10"))
        #expect(october.compactMap(\.quantityTonnes) == [4343.5])
        #expect(october.first?.note?.contains("4345.5") == true)
        // Never mixed with magnets: the magnet series holds no headline figure.
        let magnets = try store.observations(for: TestStore.magnetsWorld)
        #expect(!magnets.contains { $0.quantityTonnes == 62585 })
    }

    @Test func mirrorsAreNamedAsVia() async throws {
        let store = try await TestStore.bundled()
        let junePeriod = try period("2025-06")
        let june = try #require(try store.observations(for: TestStore.magnetsWorld).first { $0.period == junePeriod })
        #expect(june.provenance.source == "Reuters (via Trading Economics news)")
        for s in try store.sourceSummaries() {
            #expect(!s.source.lowercased().hasPrefix("zerohedge"), "\(s.source)")
            #expect(!s.source.lowercased().hasPrefix("samarium.dev"), "\(s.source)")
        }
    }

    // MARK: Strict numbers

    @Test(arguments: [
        ("overflow.csv", "2:32: quantity: \"1e400\" is not a finite number"),
        ("not-finite.csv", "2:32: quantity: \"nan\" is not a number"),
        ("absurd-quantity.csv", "2:32: quantity: 20000000000.0 t is beyond the bound of 10000000000.0 t"),
        ("bad-derived-from.csv", "2:67: derived_from: \"2025-06:yoy\" is not PERIOD:MEASURE"),
    ])
    func badValuesAreRefusedWithTheirLocation(_ file: String, _ expected: String) async throws {
        let store = try await TestStore.bundled()
        let before = try store.contentDigest()
        do {
            try TestStore.importFile(try TestStore.resource("BadFiles", file), into: store)
            Issue.record("\(file) was accepted")
        } catch let failure as ImportFailure {
            #expect(failure.issues.first?.description.contains("\(file):\(expected)") == true, "got: \(failure)")
        }
        #expect(try store.contentDigest() == before)
    }

    @Test func aWorldTableWithAnUnknownCountryIsRefused() throws {
        let url = try TestStore.resource("BadFiles", "usgs-world-bad-country.csv")
        let data = try Data(contentsOf: url)
        #expect(throws: ImportFailure.self) {
            try data.withBytes { bytes throws(ImportFailure) in try USGSWorldTableFormat.read(bytes: bytes, file: url.lastPathComponent) }
        }
        do {
            _ = try data.withBytes { bytes throws(ImportFailure) in try USGSWorldTableFormat.read(bytes: bytes, file: url.lastPathComponent) }
        } catch {
            #expect(error.issues.first?.description.contains("usgs-world-bad-country.csv:2:10: country: \"Atlantis\"") == true)
        }
    }

    // MARK: HS levels

    @Test func chaptersHeadingsAndAggregatesAreCommoditiesOfTheirOwn() async throws {
        let store = try SQLiteStore(path: TestStore.emptyPath())
        let report = try TestStore.importFile(try TestStore.resource("Fixtures", "heading-levels.csv"), into: store)
        #expect(report.inserted == 3)
        let heading = try #require(HSCode("2846"))
        let headingFigures = try store.observations(for: SeriesKey(reporter: .china, partner: .world, flow: .export, commodity: heading))
        #expect(headingFigures.map(\.quantityTonnes) == [1200])
        // The chapter's figure is the one published for the chapter, never a sum of its headings.
        let chapter = try store.observations(
            for: SeriesKey(reporter: .china, partner: .world, flow: .export, commodity: try #require(HSCode("28"))))
        #expect(chapter.map(\.quantityTonnes) == [5000])
        #expect(try store.seriesList().count == 3)
    }

    // MARK: USGS editions

    @Test func aLaterEditionsWorldTableImportsBesideTheEarlierOnes() async throws {
        let store = try await TestStore.bundled()
        let url = try TestStore.resource("Fixtures", "mcs-2027-style-world.csv")
        let data = try Data(contentsOf: url)
        let indicators = try data.withBytes { bytes throws(ImportFailure) in try USGSWorldTableFormat.read(bytes: bytes, file: "mcs-2027.csv") }
        #expect(indicators.count == 9)
        let report = try store.importIndicators(indicators, file: "mcs-2027.csv")
        #expect(report.inserted == 9)
        let production = try store.indicators(measure: .production, stage: .mining).filter { $0.country == .unitedStates && $0.dataset.hasPrefix("USGS") }
        // 2024 as MCS 2025 estimated it (45,000 t) and as MCS 2026 restated it (45,500 t), side by side.
        let y2024 = production.filter { $0.period == Period.year(2024) }
        #expect(Set(y2024.map(\.edition)) == ["MCS 2025", "MCS 2026"])
        #expect(Set(y2024.compactMap(\.value)) == [45000, 45500])
        #expect(production.contains { $0.edition == "MCS 2027" && $0.period == Period.year(2026) && $0.status == .estimate })
        // Provenance per edition.
        #expect(Set(production.map(\.provenance.source)).isSuperset(of: [
            "USGS Mineral Commodity Summaries 2025: Rare earths", "USGS Mineral Commodity Summaries 2026: Rare earths",
        ]))
    }

    // MARK: A new release (docs/update.md)

    @Test func aNewMonthlyReleaseLandsAsARevisionAndChangesTheAnswersAsOfItsDate() async throws {
        let store = try await TestStore.bundled()
        let report = try TestStore.importFile(try TestStore.resource("Fixtures", "new-release-synthetic.csv"), into: store)
        #expect(report.inserted == 2)
        #expect(report.revisions == 1)
        let march = try period("2026-03")
        // Both releases of March are kept; the latest answers by default, the earlier as of its date.
        #expect(try store.releases(for: TestStore.magnetsWorld, period: march).map(\.quantityTonnes) == [5238, 5240])
        let latest = SeriesTotals(try store.observations(for: TestStore.magnetsWorld))
        #expect(latest.observations[march]?.quantityTonnes == 5240)
        let asOfApril = SeriesTotals(try store.observations(for: TestStore.magnetsWorld, asOf: CalendarDay(year: 2026, month: 5, day: 1)))
        #expect(asOfApril.observations[march]?.quantityTonnes == 5238)
        #expect(asOfApril.observations[try period("2026-04")] == nil)
        // The April figure moves the series' latest month, so it is no longer behind by that month.
        let today = try #require(CalendarDay(year: 2026, month: 6, day: 10))
        let before = SeriesFreshness(observations: try store.observations(for: TestStore.magnetsWorld, asOf: CalendarDay(year: 2026, month: 5, day: 1)), on: today)
        let after = SeriesFreshness(observations: try store.observations(for: TestStore.magnetsWorld), on: today)
        #expect(before.latestMonth == Month(year: 2026, month: 3))
        #expect(before.overdue == [Month(year: 2026, month: 4)].compactMap { $0 })
        #expect(after.latestMonth == Month(year: 2026, month: 4))
        #expect(after.overdue.isEmpty)
    }
}
