public import MonaziteIngest
public import MonazitePrices

/// Contracts shipped with Monazite; every term cited from data/contracts/.
public enum BundledContracts {
    /// The US DoD – MP Materials NdPr price protection agreement (EX-10.6, effective 2025-07-09),
    /// terms as published (data/contracts/dod-mp-materials.md).
    public static let dodMPMaterials: FloorPriceContract = {
        let release = "https://forum.rareearthexchanges.com/threads/dod-sets-a-floor-price-of-us-110-kg-for-ndpr.922/post-1399"
        let projectBlue =
            "https://www.projectblue.com/blue/news-analysis/1257/mp-materials-and-the-us-department-of-defence-partner-to-expand-the-us-rare-earth-and-magnet-industry"
        let q3 = "https://quantisnow.com/insight/mp-materials-reports-third-quarter-2025-results-6265307"
        let q4 = "https://www.themarketsdaily.com/2026/03/03/mp-materials-q4-earnings-call-highlights.html"
        let q1 = "https://markets.ft.com/data/announce/full?dockey=600-202605071605BIZWIRE_USPRX____20260507_BW194592-1"
        return FloorPriceContract(
            name: "US DoD – MP Materials Price Protection Agreement (NdPr)",
            product: "NdPr oxide",
            floor: 110, currency: "USD", unit: "USD/kg",
            start: PriceDate(year: 2025, month: 10, day: 1),
            termYears: 10,
            settlementNote:
                "Not confirmed from the contract text. Modelled by calendar quarter because MP reports price protection agreement income every quarter (Q4 2025, Q1 2026).",
            referenceNote:
                "The contract's reference index is not published (EX-10.6 summary: \"reference to specific market indices\"). The bundled path uses SMM China-domestic NdPr oxide, midpoint, 13% VAT removed, converted to USD/kg (derived), averaged over the quarter's quotes.",
            volumes: [
                .init(period: "2025-Q4", tonnes: 562, source: "MP Materials Q4 2025: NdPr oxide sold 562 t (reported)", url: q4),
                .init(
                    period: "2026-Q1", tonnes: 1006, source: "MP Materials Q1 2026 release 2026-05-07: NdPr sold 1,006 t (reported)",
                    url: q1),
            ],
            terms: [
                .init(term: "floor", value: "USD 110 per kg of NdPr products stockpiled or sold", url: release),
                .init(term: "term", value: "10 years", url: release),
                .init(term: "start", value: "commenced 2025-10-01 (MP Q3 2025 results)", url: q3),
                .init(term: "mechanism", value: "DoD compensates the difference between benchmark NdPr prices and USD 110/kg", url: projectBlue),
            ],
            notModelled: [
                "stockpiled volumes (covered by the floor; not published per quarter)",
                "the 30% upside claw-back above the floor once full production is reached (trigger not defined in the pages read)",
                "the 10X magnet offtake, the USD 140 m EBITDA floor and magnet facilitation payments",
                "the preferred equity, warrant, loan and the USD 221.1 m up-front asset",
                "the contract's actual reference index and payment timing (not readable in the exhibits)",
            ])
    }()
}

extension BundledPrices {
    /// A product's China-domestic quotes as dated USD/kg midpoints with VAT removed (derived);
    /// quotes with no rate within the FX gap are left out.
    public static func chinaReferenceSeries(product: String) throws(ImportFailure) -> [DatedPrice] {
        let fx = FXTable(rates: try fxRates())
        return try prices().filter { $0.product == product && $0.basis == .chinaDomestic }.compactMap { p in
            guard case .success(let c) = PriceConversion.toUSDPerKg(p, fx: fx, exVAT: true) else { return nil }
            return DatedPrice(date: p.date, price: c.mid)
        }
    }
}
