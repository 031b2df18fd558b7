import Foundation
import MonaziteCore
import MonaziteIngest
import MonazitePriceFile
import MonazitePrices
import Testing

private func day(_ s: String) -> PriceDate {
    guard let d = PriceDate(parsing: s) else {
        Issue.record("bad test date \(s)")
        return PriceDate(parsing: "2000-01-01")!
    }
    return d
}

private func quote(
    _ date: String, _ product: String, _ basis: MarketBasis, _ low: Double, _ high: Double, _ unit: String, vat: VATStatus
) -> PriceObservation {
    PriceObservation(
        date: day(date), product: product, basis: basis, low: low, high: high, unit: PriceUnit(parsing: unit)!, vatIncluded: vat,
        publisher: "hand-made test row", url: "https://example.org/test")
}

private let fx = FXTable(rates: [
    FXRate(date: day("2024-12"), base: "USD", quote: "CNY", rate: 7.2807, source: "test", url: "https://example.org/fx"),
    FXRate(date: day("2025-05-01"), base: "USD", quote: "CNY", rate: 7.0, source: "test", url: "https://example.org/fx"),
])

@Suite struct PriceDateTests {
    @Test func parsesDaysMonthsAndQuarters() throws {
        #expect(day("2025-05-06").precision == .day)
        #expect(day("2025-05").precision == .month)
        #expect(day("2025-Q3").precision == .quarter)
        #expect(day("2025-Q3").description == "2025-Q3")
        #expect(day("2025-Q3").monthKey == "2025-08")
        #expect(PriceDate(parsing: "2025-02-29") == nil)
        #expect(PriceDate(parsing: "2025-13") == nil)
        #expect(PriceDate(parsing: "2025-Q5") == nil)
        // 1970-01-01 is day 0; 2025-01-01 is 20089 days later (55 years, 14 leap days).
        #expect(day("1970-01-01").dayNumber == 0)
        #expect(day("2025-01-01").dayNumber == 20089)
        #expect(day("2025-05").dayNumber == day("2025-05-15").dayNumber)
    }
}

@Suite struct PriceConversionTests {
    // Hand-checked: 396,000 CNY/t ÷ 1000 kg/t ÷ 7.2807 CNY/USD = 54.3904 USD/kg; ÷ 1.13 = 48.1331.
    @Test func cnyPerTonneWithVATToUSDPerKg() throws {
        let p = quote("2024-12-31", "NdPr oxide", .chinaDomestic, 396000, 396000, "CNY/t", vat: .yes)
        let incl = try PriceConversion.toUSDPerKg(p, fx: fx, exVAT: false).get()
        #expect(abs(incl.low - 54.3904) < 0.0001)
        #expect(incl.vatRemoved == false)
        #expect(incl.vatNote == "includes 13% VAT")
        #expect(incl.fx?.rate == 7.2807)
        #expect(incl.status == "derived")
        let ex = try PriceConversion.toUSDPerKg(p, fx: fx, exVAT: true).get()
        #expect(abs(ex.low - 48.1331) < 0.0001)
        #expect(ex.vatRemoved && ex.vatRateRemoved == 0.13)
        #expect(ex.vatNote == "13% VAT removed")
    }

    @Test func unknownVATIsNotRemovedAndUSDNeedsNoRate() throws {
        let p = quote("2025-05-06", "Dy oxide", .europe, 700, 1000, "USD/kg", vat: .unknown)
        let c = try PriceConversion.toUSDPerKg(p, fx: fx, exVAT: true).get()
        #expect(c.low == 700 && c.high == 1000 && c.fx == nil)
        #expect(!c.vatRemoved)
        #expect(c.vatNote == "VAT status unknown: not removed")
    }

    @Test func noRateWithinTheGapMeansNoConversion() {
        // 2025-08-20 is 111 days after the 2025-05-01 rate, beyond 45.
        let p = quote("2025-08-20", "NdPr oxide", .chinaDomestic, 500000, 510000, "CNY/t", vat: .yes)
        guard case .failure(let e) = PriceConversion.toUSDPerKg(p, fx: fx, exVAT: true) else {
            Issue.record("converted without a rate")
            return
        }
        #expect(e.reason.contains("111 days"))
    }
}

@Suite struct SpreadTests {
    // Hand-checked: China Dy oxide 1,600,000 CNY/t incl. 13% VAT at 7.0 CNY/USD
    // = 1600 / 7.0 / 1.13 = 202.2756 USD/kg ex-VAT; Europe 800 USD/kg → ratio 3.955.
    @Test func exChinaOverChinaExVAT() throws {
        let prices = [
            // A China figure whose VAT status is unknown is not a China side (it would win the tie otherwise).
            quote("2025-05-06", "Dy oxide", .chinaDomestic, 250, 250, "USD/kg", vat: .unknown),
            quote("2025-05-06", "Dy oxide", .chinaDomestic, 1_600_000, 1_600_000, "CNY/t", vat: .yes),
            quote("2025-05-01", "Dy oxide", .chinaDomestic, 1_000_000, 1_000_000, "CNY/t", vat: .yes),
            quote("2025-05-06", "Dy oxide", .europe, 700, 900, "USD/kg", vat: .unknown),
            // Too far from any China quote of the same product (a day-dated quote pairs within 7 days).
            quote("2025-05-20", "Dy oxide", .europe, 700, 900, "USD/kg", vat: .unknown),
            // The US basis is not a market quote: left out.
            quote("2025-05-06", "Dy oxide", .us, 700, 900, "USD/kg", vat: .no),
        ]
        let spreads = Spreads.compute(prices, fx: fx)
        #expect(spreads.count == 1)
        let s = try #require(spreads.first)
        #expect(abs(s.chinaUSDPerKg - 202.2756) < 0.0001)
        #expect(abs(s.ratio - 3.955) < 0.0001)
        #expect(s.chinaDate == day("2025-05-06"))
        #expect(s.exChinaBasis == .europe)
        #expect(s.chinaBasis == "China domestic, 13% VAT removed")
        #expect(s.caveat != nil)
        #expect(s.status == "derived")
    }

    // Hand-checked: ratios 2 and 8 in one month → geometric mean 4 → index 400; a product
    // with two spreads in a month counts once (its mean log).
    @Test func stressIndexIsGeometricMeanRatioTimes100() {
        func spread(_ product: String, _ date: String, _ ratio: Double) -> PriceSpread {
            PriceSpread(
                product: product, date: day(date), exChinaBasis: .europe, chinaBasis: "China domestic, 13% VAT removed",
                exChinaUSDPerKg: ratio, chinaUSDPerKg: 1, ratio: ratio, chinaDate: day(date), gapDays: 0, status: "derived",
                exChinaSource: "", chinaSource: "", fxUsed: nil, caveat: nil)
        }
        let points = Spreads.stressIndex([
            spread("Dy oxide", "2025-05-06", 2), spread("Tb oxide", "2025-05", 4), spread("Tb oxide", "2025-05-20", 16),
            spread("Dy oxide", "2025-06", 1),
        ])
        #expect(points.count == 2)
        #expect(points[0].month == "2025-05")
        #expect(abs(points[0].index - 400) < 1e-9)
        #expect(points[0].products == ["Dy oxide", "Tb oxide"])
        #expect(points[0].spreadCount == 3)
        #expect(abs(points[1].index - 100) < 1e-9)
    }
}

@Suite struct PriceFileTests {
    let header = "date,product,purity,market_basis,low,high,currency,unit,vat_included,publisher,source_title,url,via,via_url,release,note\n"

    @Test func badFileIsLocatedAndNothingIsRead() {
        let text = header
            + "2025-05-06,Dy oxide,,Europe,700,1000,USD,USD/kg,unknown,Argus,t,https://example.org/a,,,2025-05-06,\n"
            + "2025-05-07,Dy oxide,,Mars,700,1000,USD,USD/kg,unknown,Argus,t,https://example.org/a,,,,\n"
            + "2025-05-08,Dy oxide,,Europe,900,800,USD,USD/kg,unknown,Argus,t,https://example.org/a,,,,\n"
        do {
            let rows = try PriceCSVFormat.read(data: Data(text.utf8), file: "bad.csv")
            Issue.record("a bad file was read: \(rows.count) rows")
        } catch {
            #expect(error.issues.map(\.description) == [
                "bad.csv:3:22: market_basis: \"Mars\" is not one of China domestic, FOB China, CIF Rotterdam, CIF Europe, Europe, US",
                "bad.csv:4:33: high 800.0 is below low 900.0",
            ])
        }
    }

    @Test func goodFileReadsEveryField() throws {
        let text = header
            + "2025-Q3,NdPr oxide,99%,US,59,59,USD,USD/kg,no,MP Materials,\"Q3, results\",https://example.org/mp,Copy,https://example.org/copy,2025-11-06,realised\n"
        let rows = try PriceCSVFormat.read(data: Data(text.utf8), file: "ok.csv")
        let r = try #require(rows.first)
        #expect(rows.count == 1)
        #expect(r.date.description == "2025-Q3" && r.basis == .us && r.purity == "99%" && r.sourceTitle == "Q3, results")
        #expect(r.note == "realised; read via Copy (https://example.org/copy)")
    }

    @Test func bundledPricesAndRatesLoadWithSources() throws {
        let prices = try BundledPrices.prices()
        let rates = try BundledPrices.fxRates()
        // 184 rows of data/prices/ree_prices_2025_2026.csv + 15 converted from the shared 2024–2025 file.
        #expect(prices.count == 199)
        #expect(rates.count == 15)
        #expect(prices.allSatisfy { $0.url.hasPrefix("http") && !$0.publisher.isEmpty })
        let spreads = Spreads.compute(prices, fx: FXTable(rates: rates))
        #expect(!spreads.isEmpty)
        #expect(spreads.allSatisfy { $0.ratio > 0 && $0.status == "derived" })
        // Hand-checked: Argus NdPr oxide Europe 2025-09-25, 82.5–85 USD/kg (mid 83.75), against SMM
        // 560,000–565,000 CNY/t the same day at 7.1057 CNY/USD (2025-09-23) with 13% VAT removed:
        // 562.5 / 7.1057 / 1.13 = 70.0547 USD/kg → ratio 1.1955.
        let ndpr = try #require(spreads.first { $0.product == "NdPr oxide" && $0.date.description == "2025-09-25" })
        #expect(abs(ndpr.chinaUSDPerKg - 70.0547) < 0.0001)
        #expect(abs(ndpr.ratio - 1.1955) < 0.0001)
    }
}

@Suite struct FloorContractTests {
    let contract = BundledContracts.dodMPMaterials

    @Test func publishedTermsAreBundled() {
        #expect(contract.floor == 110 && contract.currency == "USD" && contract.termYears == 10)
        #expect(contract.quarters.first == "2025-Q4" && contract.quarters.last == "2035-Q3" && contract.quarters.count == 40)
        #expect(contract.terms.allSatisfy { $0.url.hasPrefix("https://") })
        #expect(!contract.notModelled.isEmpty)
    }

    // Hand-checked: a constant 80 USD/kg is 30 USD/kg under the floor. Reported sales volumes:
    // Q4 2025 562 t → 30 × 562,000 kg = 16,860,000 USD; Q1 2026 1,006 t → 30,180,000 USD.
    @Test func constant80AtReportedVolumes() {
        let topUps = FloorTopUps.compute(contract, path: .constant(80))
        #expect(topUps.map(\.period) == ["2025-Q4", "2026-Q1"])
        #expect(topUps.map(\.payment) == [16_860_000, 30_180_000])
        #expect(topUps.allSatisfy { $0.status == "derived" })
    }

    // Hand-checked: 80 USD/kg for a year (four quarters) at an assumed 250 t a quarter
    // → 30 USD/kg × 1,000,000 kg = 30,000,000 USD; at 120 USD/kg (above the floor) nothing.
    @Test func aYearAtAnAssumedVolumeAndAPriceAboveTheFloor() {
        let year = ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]
        let topUps = FloorTopUps.compute(contract, path: .constant(80), periods: year, volumeOverride: 250)
        #expect(topUps.compactMap(\.payment).reduce(0, +) == 30_000_000)
        let above = FloorTopUps.compute(contract, path: .constant(120), periods: year, volumeOverride: 250)
        #expect(above.compactMap(\.payment) == [0, 0, 0, 0])
        // Outside the term: nothing.
        #expect(FloorTopUps.compute(contract, path: .constant(80), periods: ["2025-Q3"], volumeOverride: 250).isEmpty)
    }

    // A series: the quarter's reference is the mean of its points, (90 + 100) / 2 = 95
    // → 15 USD/kg × 562,000 kg = 8,430,000 USD; a quarter with no point has no payment.
    @Test func seriesReferenceIsTheQuarterMean() {
        let points = [DatedPrice(date: day("2025-10-10"), price: 90), DatedPrice(date: day("2025-12"), price: 100)]
        let topUps = FloorTopUps.compute(contract, path: .series(points, description: "test"))
        #expect(topUps.first?.payment == 8_430_000)
        #expect(topUps.first?.referencePoints == 2)
        #expect(topUps.last?.payment == nil)
        #expect(topUps.last?.reason == "no reference price in 2026-Q1")
    }

    @Test func bundledHistoryGivesAReferenceForTheReportedQuarters() throws {
        let series = try BundledPrices.chinaReferenceSeries(product: "NdPr oxide")
        let topUps = FloorTopUps.compute(contract, path: .series(series, description: "SMM China domestic NdPr oxide ex-VAT"))
        #expect(topUps.count == 2)
        #expect(topUps.allSatisfy { $0.referencePrice != nil && $0.payment != nil })
    }
}
