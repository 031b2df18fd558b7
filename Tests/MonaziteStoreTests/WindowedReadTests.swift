import MonaziteCore
import MonaziteStore
import Testing

/// A question about one period reads only the months its row totals over; the answer must be the
/// one the whole history gives, for every period and partner the bundled data holds.
@Suite struct WindowedReadTests {
    @Test func aRowFromItsMonthsAloneEqualsTheRowFromTheWholeHistory() async throws {
        let store = try await TestStore.bundled()
        let magnets = try #require(HSCode("8505.11"))
        let whole = try store.partnerObservations(reporter: .china, flow: .export, commodity: magnets)
        let wholeTotals = whole.mapValues(SeriesTotals.init)
        var compared = 0
        var periods: [Period] = []
        for i in try m(2024, 1).index...m(2026, 6).index { periods.append(Period(month: Month(index: i))) }
        periods += [Period.quarter(2025, 2), Period.half(2025, 1), Period.year(2025)].compactMap { $0 }
        for p in periods {
            let window = TradeSeriesReport.monthsRead(from: p, to: p.last)
            let part = try store.partnerObservations(reporter: .china, flow: .export, commodity: magnets, within: window)
            // The window drops history: otherwise this test would not test anything.
            #expect(part.values.map(\.count).reduce(0, +) < whole.values.map(\.count).reduce(0, +), "\(p)")
            for (partner, totals) in wholeTotals {
                let fromWindow = TradeSeriesReport.row(for: p, totals: SeriesTotals(part[partner] ?? []))
                #expect(fromWindow == TradeSeriesReport.row(for: p, totals: totals), "\(partner) \(p)")
                compared += 1
            }
        }
        #expect(compared > 100)
    }

    @Test func theWindowCoversBasesYearToDateAndRollingSums() throws {
        let june = Period(month: try m(2025, 6))
        #expect(TradeSeriesReport.monthsRead(from: june, to: june.last) == (try m(2024, 1))...(try m(2025, 6)))
        let q1 = try #require(Period.quarter(2026, 1))
        // The quarter before (2025-Q4), the same quarter a year earlier, 2025's year to date, twelve months back.
        #expect(TradeSeriesReport.monthsRead(from: q1, to: q1.last) == (try m(2025, 1))...(try m(2026, 3)))
    }

    func m(_ year: Int, _ month: Int) throws -> Month { try #require(Month(year: year, month: month)) }
}
