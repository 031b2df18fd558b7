import Foundation
import MonaziteCore
import MonaziteStore
import Testing

/// Figures reported by the customs release (as quoted by the cited news reports) and by the
/// USGS table, reproduced from the bundled data to the published rounding.
@Suite struct GoldenFigureTests {
    let store: SQLiteStore
    let world: SeriesTotals
    let us: SeriesTotals

    init() async throws {
        store = try await TestStore.bundled()
        world = SeriesTotals(try store.observations(for: TestStore.magnetsWorld))
        us = SeriesTotals(try store.observations(for: TestStore.magnetsUS))
    }

    func period(_ s: String) throws -> Period { try #require(Period(parsing: s)) }
    func row(_ t: SeriesTotals, _ p: String) throws -> TradeSeriesRow { TradeSeriesReport.row(for: try period(p), totals: t) }
    func rounded(_ v: Double?, _ places: Int = 0) -> Double? {
        guard let v else { return nil }
        let f = pow(10, Double(places))
        return (v * f).rounded() / f
    }

    /// A published percent is consistent with published levels when the interval the levels'
    /// rounding allows overlaps the interval the percent's rounding allows.
    func consistent(current: Double, currentPlaces: Int, base: Double, basePlaces: Int, published: Double, publishedPlaces: Int) -> Bool {
        guard let r = Change.percentInterval(
            current: current, currentHalfStep: Change.halfStep(ofDecimalPlaces: currentPlaces), base: base,
            baseHalfStep: Change.halfStep(ofDecimalPlaces: basePlaces))
        else { return false }
        let h = Change.halfStep(ofDecimalPlaces: publishedPlaces)
        return r.lowerBound <= published + h && published - h <= r.upperBound
    }

    @Test func june2025World() throws {
        let june = try row(world, "2025-06")
        #expect(june.quantityTonnes.value == 3188)
        #expect(june.status == .reported)
        // 3,188 / 1,238.47 − 1 = +157.41%: the release's +157.5% is within the rounding of 3,188 t.
        #expect(rounded(june.momPct.value, 1) == 157.4)
        #expect(consistent(current: 3188, currentPlaces: 0, base: 1238.47, basePlaces: 2, published: 157.5, publishedPlaces: 1))
        #expect(!consistent(current: 3188, currentPlaces: 0, base: 1238.47, basePlaces: 2, published: 158.0, publishedPlaces: 1))
        #expect(rounded(june.yoyPct.value, 1) == -38.1)
    }

    @Test func june2025UnitedStates() throws {
        let june = try row(us, "2025-06")
        #expect(june.quantityTonnes.value == 353)
        // About +660%: 353 / 46.4 − 1 = +660.8%, consistent with the published +660% to its rounding.
        let mom = try #require(june.momPct.value)
        #expect(abs(mom - 660) < 1)
        #expect(consistent(current: 353, currentPlaces: 0, base: 46.4, basePlaces: 1, published: 660, publishedPlaces: 0))
    }

    @Test func impliedMayUnitedStatesFromJunesChange() throws {
        let implied = try #require(Change.impliedBase(current: 353, changePct: 660).value)
        #expect(rounded(implied) == 46)
        #expect(abs(implied - 46.4) < 0.1)
    }

    @Test func may2025World() throws {
        let may = try row(world, "2025-05")
        #expect(rounded(may.quantityTonnes.value) == 1238)
        #expect(rounded(may.momPct.value, 1) == -52.9)
    }

    @Test func firstHalf2025() throws {
        let h1 = try #require(try? world.total(over: try period("2025-H1")).get())
        #expect(h1.tonnes == 22319)
        #expect(h1.isSingleFigure && h1.status == .reported)
        let yoy = try row(world, "2025-H1").yoyPct.value
        #expect(rounded(yoy, 1) == -18.9)
        // The six months add up to the reported half-year to its rounding.
        let months = SeriesTotals(try store.observations(for: TestStore.magnetsWorld).filter { $0.period.isMonth })
        let sum = try #require(try? months.total(over: try period("2025-H1")).get())
        #expect(rounded(sum.tonnes) == 22319)
        #expect(sum.status == .derived)
    }

    @Test func fullYear2025() throws {
        let year = try #require(try? world.total(over: try period("2025")).get())
        #expect(year.tonnes == 57392)
        let usYear = try #require(try? us.total(over: try period("2025")).get())
        #expect(usYear.tonnes == 5933)
        // Twelve months each rounded to the tonne may differ from the annual figure by 6 t at most.
        let months = SeriesTotals(try store.observations(for: TestStore.magnetsWorld).filter { $0.period.isMonth })
        let sum = try #require(try? months.total(over: try period("2025")).get())
        #expect(abs(sum.tonnes - 57392) <= 6)
    }

    @Test func yearToDateUsesTheReportedCumulativeFigure() throws {
        let july = try row(world, "2025-07")
        #expect(july.ytdTonnes.value == 27897)
        #expect(rounded(july.ytdYoYPct.value, 0) == -15 || rounded(july.ytdYoYPct.value, 1) == -14.9)
    }

    @Test func aMissingMonthIsMissing() throws {
        let jan2024 = try row(world, "2024-01")
        #expect(jan2024.quantityTonnes.value == nil)
        #expect(jan2024.quantityTonnes.reason == "no figure for 2024-01 on its own: held only inside longer spans, the shortest 2024-H1 (derived)")
        let jan2025 = try row(world, "2025-01")
        #expect(jan2025.yoyPct.value == nil)
        #expect(jan2025.yoyPct.reason == "no figure for 2024-01 on its own: held only inside longer spans, the shortest 2024-H1 (derived)")
        // China published January and February 2026 together (10,763 t): each month alone is missing, and says where it is.
        let feb2026 = try row(world, "2026-02")
        #expect(feb2026.quantityTonnes.value == nil)
        #expect(feb2026.quantityTonnes.reason == "no figure for 2026-02 on its own: held only inside longer spans, the shortest 2026-01..2026-02")
        #expect(feb2026.ytdTonnes.value == 10763)
        // So March 2026 has no month-on-month change, and says why.
        let mar2026 = try row(world, "2026-03")
        #expect(mar2026.quantityTonnes.value == 5238)
        #expect(mar2026.momPct.reason == "no figure for 2026-02 on its own: held only inside longer spans, the shortest 2026-01..2026-02")
    }

    @Test func usgsNetImportReliance() throws {
        let table = NetImportRelianceTable(stats: try store.salientStatistics(country: .unitedStates, edition: "MCS 2025"))
        let byYear = Dictionary(uniqueKeysWithValues: table.years.map { ($0.year, $0) })
        let y2024 = try #require(byYear[2024])
        #expect(y2024.computedForm == .percent(80))
        #expect(y2024.published == .percent(80))
        #expect(y2024.agrees == true)
        for year in 2021...2023 {
            #expect(byYear[year]?.computedForm == .greaterThan(95), "\(year)")
            #expect(byYear[year]?.published == .greaterThan(95), "\(year)")
        }
        #expect(byYear[2020]?.computedForm == .percent(100))
        #expect(byYear[2020]?.agrees == true)
    }
}
