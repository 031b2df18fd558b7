import Foundation

/// One ex-China / China ratio (derived): an ex-China quote against the China-domestic quote of
/// the same product nearest in date, both in USD/kg at their midpoints, the China side with VAT
/// removed (export and overseas quotes carry no Chinese VAT). Both bases are named.
public struct PriceSpread: Sendable, Hashable, Codable {
    public let product: String
    public let date: PriceDate
    public let exChinaBasis: MarketBasis
    public let chinaBasis: String
    public let exChinaUSDPerKg: Double
    public let chinaUSDPerKg: Double
    /// exChina / China.
    public let ratio: Double
    public let chinaDate: PriceDate
    /// Days between the two quotes' dates.
    public let gapDays: Int
    public let status: String
    public let exChinaSource: String
    public let chinaSource: String
    public let fxUsed: String?
    public let caveat: String?

    enum CodingKeys: String, CodingKey {
        case product, date, ratio, status, caveat
        case exChinaBasis = "ex_china_basis"
        case chinaBasis = "china_basis"
        case exChinaUSDPerKg = "ex_china_usd_per_kg"
        case chinaUSDPerKg = "china_usd_per_kg"
        case chinaDate = "china_date"
        case gapDays = "gap_days"
        case exChinaSource = "ex_china_source"
        case chinaSource = "china_source"
        case fxUsed = "fx_used"
    }

    public init(
        product: String, date: PriceDate, exChinaBasis: MarketBasis, chinaBasis: String, exChinaUSDPerKg: Double, chinaUSDPerKg: Double,
        ratio: Double, chinaDate: PriceDate, gapDays: Int, status: String, exChinaSource: String, chinaSource: String, fxUsed: String?,
        caveat: String?
    ) {
        self.product = product
        self.date = date
        self.exChinaBasis = exChinaBasis
        self.chinaBasis = chinaBasis
        self.exChinaUSDPerKg = exChinaUSDPerKg
        self.chinaUSDPerKg = chinaUSDPerKg
        self.ratio = ratio
        self.chinaDate = chinaDate
        self.gapDays = gapDays
        self.status = status
        self.exChinaSource = exChinaSource
        self.chinaSource = chinaSource
        self.fxUsed = fxUsed
        self.caveat = caveat
    }
}

/// The European-price caveat of Adamas Intelligence, attached to every spread against a
/// `Europe`/`CIF Europe`/`CIF Rotterdam` quote (data/prices/NOTES.md).
public let europeanQuoteCaveat =
    "A European quote is an ask or thin-volume assessment, not a volume-weighted price: Adamas Intelligence found ~96% of dysprosium oxide consumed globally priced at an average of $224/kg while the ask passed $1,100/kg (https://www.adamasintel.com/the-fallacy-of-european-rare-earth-prices-and-the-pras-that-promote-them)."

/// The stress index of one month (derived): 100 × exp(mean over products of ln(ex-China/China)).
/// 100 is parity; 200 means ex-China prices twice China's ex-VAT prices on the (geometric) average
/// of the products that have a spread that month. See docs/prices.md.
public struct StressIndexPoint: Sendable, Hashable, Codable {
    public let month: String
    public let index: Double
    public let products: [String]
    public let spreadCount: Int
    public let status: String

    enum CodingKeys: String, CodingKey {
        case month, index, products, status
        case spreadCount = "spread_count"
    }
}

public enum Spreads {
    /// The largest distance between an ex-China quote and the China quote it is set against, by the
    /// ex-China quote's precision: a week for a day, half a month for a month, 46 days for a quarter.
    public static func maxPairingGap(_ p: PriceDate.Precision) -> Int {
        switch p {
        case .day: return 7
        case .month: return 16
        case .quarter: return 46
        }
    }

    /// Every spread computable from `prices`, against China-domestic quotes with a known VAT status; the `US` basis (a realised price and a contract floor,
    /// not market quotes) is left out. Quotes that cannot be converted are skipped.
    public static func compute(_ prices: [PriceObservation], fx: FXTable, product: String? = nil) -> [PriceSpread] {
        let selected = prices.filter { product == nil || $0.product == product }
        // Only China quotes whose VAT status is known (so the China side is ex-VAT on every spread);
        // third-party China figures with unknown VAT are left out.
        let china = selected.filter { $0.basis == .chinaDomestic && $0.vatIncluded != .unknown }
        var result: [PriceSpread] = []
        for ex in selected where ex.basis.isExChina && ex.basis != .us {
            guard case .success(let exUSD) = PriceConversion.toUSDPerKg(ex, fx: fx, exVAT: true) else { continue }
            let target = ex.date.dayNumber
            var best: PriceObservation?
            for c in china where c.product == ex.product {
                let g = abs(c.date.dayNumber - target)
                if let b = best {
                    let bg = abs(b.date.dayNumber - target)
                    if g > bg || (g == bg && !(c.date < b.date)) { continue }
                }
                best = c
            }
            guard let c = best else { continue }
            let gap = abs(c.date.dayNumber - target)
            guard gap <= maxPairingGap(ex.date.precision),
                case .success(let cUSD) = PriceConversion.toUSDPerKg(c, fx: fx, exVAT: true), cUSD.mid > 0
            else { continue }
            let chinaBasis = "China domestic, " + cUSD.vatNote
            let europe = ex.basis == .europe || ex.basis == .cifEurope || ex.basis == .cifRotterdam
            result.append(
                PriceSpread(
                    product: ex.product, date: ex.date, exChinaBasis: ex.basis, chinaBasis: chinaBasis, exChinaUSDPerKg: exUSD.mid,
                    chinaUSDPerKg: cUSD.mid, ratio: exUSD.mid / cUSD.mid, chinaDate: c.date, gapDays: gap, status: "derived",
                    exChinaSource: ex.url, chinaSource: c.url,
                    fxUsed: cUSD.fx.map { "\($0.rate) \($0.quote)/\($0.base) on \($0.date) (\($0.url))" },
                    caveat: europe ? europeanQuoteCaveat : nil))
        }
        return result.sorted { ($0.date, $0.product, $0.exChinaBasis.rawValue) < ($1.date, $1.product, $1.exChinaBasis.rawValue) }
    }

    /// The monthly stress index: for each month, the mean of ln(ratio) first within each product
    /// (several bases or dates in a month) and then across products, as 100 × exp(mean).
    public static func stressIndex(_ spreads: [PriceSpread]) -> [StressIndexPoint] {
        var byMonth: [String: [String: [Double]]] = [:]
        for s in spreads where s.ratio > 0 {
            byMonth[s.date.monthKey, default: [:]][s.product, default: []].append(log(s.ratio))
        }
        return byMonth.keys.sorted().compactMap { month in
            guard let products = byMonth[month], !products.isEmpty else { return nil }
            let perProduct = products.values.map { $0.reduce(0, +) / Double($0.count) }
            let mean = perProduct.reduce(0, +) / Double(perProduct.count)
            return StressIndexPoint(
                month: month, index: 100 * exp(mean), products: products.keys.sorted(),
                spreadCount: products.values.reduce(0) { $0 + $1.count }, status: "derived")
        }
    }
}
