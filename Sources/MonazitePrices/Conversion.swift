/// One cited exchange rate: `rate` units of `quote` per one `base` (e.g. 7.2807 CNY per USD).
/// The date is a day (a fixing) or a month (a monthly average).
public struct FXRate: Sendable, Hashable, Codable {
    public let date: PriceDate
    public let base: String
    public let quote: String
    public let rate: Double
    public let source: String
    public let url: String

    public init(date: PriceDate, base: String, quote: String, rate: Double, source: String, url: String) {
        self.date = date
        self.base = base
        self.quote = quote
        self.rate = rate
        self.source = source
        self.url = url
    }
}

/// A dated table of cited rates. A price is converted with the rate nearest in date (a month's
/// rate stands at its 15th), and only when that rate is at most `maxGapDays` away; otherwise the
/// price is not converted and the answer says why (docs/prices.md).
public struct FXTable: Sendable {
    public let rates: [FXRate]
    public let maxGapDays: Int
    public static let defaultMaxGapDays = 45

    public init(rates: [FXRate], maxGapDays: Int = FXTable.defaultMaxGapDays) {
        self.rates = rates.sorted { $0.date < $1.date }
        self.maxGapDays = maxGapDays
    }

    /// The nearest rate converting `currency` to USD for `date` (ties: the earlier rate).
    public func rate(_ currency: String, toUSDOn date: PriceDate) -> Result<FXRate, ConversionProblem> {
        let target = date.dayNumber
        var best: FXRate?
        for r in rates where r.base == "USD" && r.quote == currency {
            if let b = best, abs(b.date.dayNumber - target) <= abs(r.date.dayNumber - target) { continue }
            best = r
        }
        guard let best else { return .failure(ConversionProblem(reason: "no \(currency)/USD rate in the FX table")) }
        let gap = abs(best.date.dayNumber - target)
        guard gap <= maxGapDays else {
            return .failure(
                ConversionProblem(
                    reason: "nearest cited USD/\(currency) rate (\(best.date)) is \(gap) days from \(date), more than \(maxGapDays)"))
        }
        return .success(best)
    }
}

public struct ConversionProblem: Error, Sendable, Hashable, Codable {
    public let reason: String
    public init(reason: String) { self.reason = reason }
}

/// A quote converted to USD/kg (derived), with everything used to derive it.
public struct ConvertedPrice: Sendable, Hashable, Codable {
    public let low: Double
    public let high: Double
    public let unit: String
    /// Always `derived`: computed from the cited quote (and rate).
    public let status: String
    /// The rate used (nil when the quote was already in USD).
    public let fx: FXRate?
    /// True when VAT at `vatRateRemoved` was divided out.
    public let vatRemoved: Bool
    public let vatRateRemoved: Double?
    /// What happened to VAT, in words ("13% VAT removed", "VAT status unknown: not removed", …).
    public let vatNote: String
    public var mid: Double { (low + high) / 2 }

    enum CodingKeys: String, CodingKey {
        case low, high, unit, status, fx
        case vatRemoved = "vat_removed"
        case vatRateRemoved = "vat_rate_removed"
        case vatNote = "vat_note"
    }
}

/// The VAT rate of China's domestic rare-earth quotes when a row does not state one: 13 %, the
/// convention stated by TREO ("The base of RE prices is the China domestic ex works price in RMB,
/// incl. 13% VAT", https://treo.substack.com/p/rare-earths-price-development).
public let chinaDomesticVATRate = 0.13

public enum PriceConversion {
    /// Converts `p` to USD/kg; with `exVAT`, divides VAT out of quotes that include it.
    public static func toUSDPerKg(_ p: PriceObservation, fx: FXTable, exVAT: Bool) -> Result<ConvertedPrice, ConversionProblem> {
        var factor = 1 / p.unit.kilograms
        var used: FXRate?
        if p.unit.currency != "USD" {
            switch fx.rate(p.unit.currency, toUSDOn: p.date) {
            case .failure(let e): return .failure(e)
            case .success(let r):
                used = r
                factor /= r.rate
            }
        }
        var removed = false
        var rateRemoved: Double?
        let note: String
        switch p.vatIncluded {
        case .yes:
            let rate = p.vatRate ?? chinaDomesticVATRate
            if exVAT {
                factor /= 1 + rate
                removed = true
                rateRemoved = rate
                note = "\(percentText(rate)) VAT removed"
            } else {
                note = "includes \(percentText(rate)) VAT"
            }
        case .no: note = "no VAT included"
        case .unknown: note = exVAT ? "VAT status unknown: not removed" : "VAT status unknown"
        }
        return .success(
            ConvertedPrice(
                low: p.low * factor, high: p.high * factor, unit: "USD/kg", status: "derived", fx: used, vatRemoved: removed,
                vatRateRemoved: rateRemoved, vatNote: note))
    }

    static func percentText(_ r: Double) -> String {
        let v = (r * 1000).rounded() / 10
        return v == v.rounded() ? "\(Int(v))%" : "\(v)%"
    }
}
