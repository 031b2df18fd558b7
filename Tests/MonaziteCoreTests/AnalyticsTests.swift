import MonaziteCore
import Testing

@Suite struct ChangeTests {
    @Test func percentChangeAndItsUnavailableCases() {
        #expect(Change.percent(from: 100, to: 150, baseLabel: "b").value == 50)
        #expect(Change.percent(from: 0, to: 150, baseLabel: "2024-05").reason == "base 2024-05 is zero")
        #expect(Change.percent(from: nil, to: 150, baseLabel: "2024-05").reason == "no figure for 2024-05")
        #expect(Change.percent(from: 100, to: nil, baseLabel: "b", currentLabel: "2025-06").reason == "no figure for 2025-06")
    }

    @Test func impliedBase() {
        #expect(Change.impliedBase(current: 150, changePct: 50).value == 100)
        #expect(Change.impliedBase(current: 150, changePct: -100).value == nil)
    }
}

@Suite struct SeriesTotalsTests {
    let key = SeriesKey(reporter: .china, partner: .world, flow: .export, commodity: HSCode("850511")!)

    func obs(_ p: String, _ t: Double, _ status: DataStatus = .reported) -> Observation {
        Observation(key: key, period: Period(parsing: p)!, quantityTonnes: t, status: status, provenance: Provenance(source: "synthetic test"))
    }

    @Test func prefersAReportedAggregateOverASumWithDerivedMonths() throws {
        let totals = SeriesTotals([obs("2025-01", 1), obs("2025-02", 2, .derived), obs("2025-03", 3), obs("2025-Q1", 6.5)])
        let q1 = try totals.total(over: Period(parsing: "2025-Q1")!).get()
        #expect(q1.tonnes == 6.5)
        #expect(q1.isSingleFigure)
    }

    @Test func buildsAPeriodFromMixedPieces() throws {
        let totals = SeriesTotals([obs("2025-Q1", 6), obs("2025-04", 4), obs("2025-05", 5), obs("2025-06", 6)])
        let h1 = try totals.total(over: Period(parsing: "2025-H1")!).get()
        #expect(h1.tonnes == 21)
        #expect(h1.status == .derived)
        #expect(h1.pieces.count == 4)
    }

    @Test func saysWhichMonthsAreMissing() {
        let totals = SeriesTotals([obs("2025-01", 1), obs("2025-04", 4)])
        guard case .failure(let u) = totals.total(over: Period(parsing: "2025-H1")!) else {
            Issue.record("expected missing months")
            return
        }
        #expect(u.reason == "no figure for 2025-02..2025-03, 2025-05..2025-06")
    }

    /// China publishes January and February together: February alone has no figure, and the
    /// reason says where it is published rather than only that it is missing.
    @Test func aMonthPublishedOnlyInsideASpanSaysSo() {
        let totals = SeriesTotals([obs("2025-12", 5), obs("2026-01..2026-02", 10), obs("2026-03", 5)])
        guard case .failure(let feb) = totals.total(over: Period(parsing: "2026-02")!) else {
            Issue.record("expected February to be unavailable on its own")
            return
        }
        #expect(feb.missing == [Month(year: 2026, month: 2)!])
        #expect(feb.reason == "no figure for 2026-02 on its own: held only inside longer spans, the shortest 2026-01..2026-02")
        guard case .failure(let dec2ToJan) = totals.total(over: Period(parsing: "2025-11..2026-01")!) else {
            Issue.record("expected 2025-11..2026-01 to be unavailable")
            return
        }
        #expect(dec2ToJan.reason == "no figure for 2025-11; no figure for 2026-01 on its own: held only inside longer spans, the shortest 2026-01..2026-02")
        #expect((try? totals.total(over: Period(parsing: "2026-Q1")!).get())?.tonnes == 15)
        // A change whose base is longer than a month names the base before the reason.
        let q = TradeSeriesReport.row(for: Period(parsing: "2027-Q1")!, totals: SeriesTotals([obs("2027-Q1", 20), obs("2026-01..2026-02", 10)]))
        #expect(q.yoyPct.reason == "base 2026-Q1: no figure for 2026-03")
    }

    @Test func rowsListMissingMonthsRatherThanSkipThem() {
        let totals = SeriesTotals([obs("2025-01", 1), obs("2025-03", 3)])
        let rows = TradeSeriesReport.rows(totals: totals, from: Month(year: 2025, month: 1)!, to: Month(year: 2025, month: 3)!)
        #expect(rows.count == 3)
        #expect(rows[1].quantityTonnes.value == nil)
        #expect(rows[2].momPct.reason == "no figure for 2025-02")
        #expect(rows.allSatisfy { r in [r.momPct, r.yoyPct, r.ytdTonnes].allSatisfy { $0.value?.isFinite ?? true } })
    }

    @Test func zeroBaseGivesAReasonNotInfinity() {
        let totals = SeriesTotals([obs("2025-01", 0), obs("2025-02", 3)])
        let row = TradeSeriesReport.row(for: Period(parsing: "2025-02")!, totals: totals)
        #expect(row.momPct.value == nil)
        #expect(row.momPct.reason == "base 2025-01 is zero")
    }
}

@Suite struct ConcentrationTests {
    @Test func hhiBandsAndRatios() {
        let c = Concentration(shares: [0.5, 0.3, 0.2])
        #expect(c.hhi == 3800)
        #expect(c.band == .highlyConcentrated)
        #expect(c.cr1 == 0.5)
        #expect(abs(c.cr3 - 1) < 1e-12)
        #expect(c.nMinus1Residual == 0.5)
        #expect(HHIBand(hhi: 1500) == .moderatelyConcentrated)
        #expect(HHIBand(hhi: 1500, guidelines: .doj2010) == .moderatelyConcentrated)
        #expect(HHIBand(hhi: 999) == .unconcentrated)
        #expect(HHIBand(hhi: 2000, guidelines: .doj2010) == .moderatelyConcentrated)
    }

    @Test func partialCoverageGivesBounds() {
        let c = Concentration(shares: [0.6])
        #expect(c.hhi == 3600)
        #expect(abs(c.hhiUpperBound - 5200) < 1e-9)
        #expect(c.coverage == 0.6)
    }
}

@Suite struct NetImportRelianceTests {
    @Test(arguments: [("80", NetImportReliance.Published.percent(80)), (">95", .greaterThan(95)), ("E", .netExporter), ("<25", .lessThan(25))])
    func parsesPublishedForms(_ text: String, _ form: NetImportReliance.Published) {
        #expect(NetImportReliance.Published(parsing: text) == form)
        #expect(form.description == text)
    }

    @Test func computesAndFormatsLikeUSGS() throws {
        let p = try #require(NetImportReliance.percent(production: 1300, imports: nil, exports: nil, apparentConsumption: 6600).value)
        #expect(NetImportReliance.published(percent: p, production: 1300) == .percent(80))
        #expect(NetImportReliance.published(percent: 98.5, production: 120) == .greaterThan(95))
        #expect(NetImportReliance.published(percent: -10, production: 45000) == .netExporter)
        let fromTrade = NetImportReliance.percent(production: 100, imports: 50, exports: 200, apparentConsumption: nil)
        #expect(fromTrade.reason == "apparent consumption is not positive")
        #expect(NetImportReliance.percent(production: nil, imports: nil, exports: nil, apparentConsumption: 10).value == nil)
    }
}
