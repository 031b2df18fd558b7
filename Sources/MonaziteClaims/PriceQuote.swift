public import MonaziteCore

/// A cited price quote as a price claim is checked against it: a low–high range for a product on
/// a market basis, dated to a day, a month or a quarter.
public struct PriceQuote: Sendable, Hashable {
    /// The first and last day the quote's date covers (one day, or a whole month or quarter).
    public var firstDay: CalendarDay
    public var lastDay: CalendarDay
    /// How the source dates it (`2025-06-05`, `2025-06`, `2025-Q3`).
    public var dateText: String
    /// The product as the price data names it (`Dy oxide`, `NdPr oxide`, `Dy-Fe alloy`, `Tb metal`).
    public var product: String
    /// The market basis (`China domestic`, `FOB China`, `CIF Rotterdam`, `CIF Europe`, `Europe`, `US`).
    public var basis: String
    public var low: Double
    public var high: Double
    /// `USD`, `CNY`.
    public var currency: String
    /// Per kilogram (else per tonne).
    public var perKilogram: Bool
    public var source: String
    public var url: String?
    public var release: String?

    public init(
        firstDay: CalendarDay, lastDay: CalendarDay, dateText: String, product: String, basis: String, low: Double, high: Double,
        currency: String, perKilogram: Bool, source: String, url: String?, release: String?
    ) {
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.dateText = dateText
        self.product = product
        self.basis = basis
        self.low = low
        self.high = high
        self.currency = currency
        self.perKilogram = perKilogram
        self.source = source
        self.url = url
        self.release = release
    }

    /// The element symbols the product is named by (`NdPr oxide` → NdPr, `Dy-Fe alloy` → Dy).
    public var elementKey: String {
        let first = product.split(separator: " ").first.map(String.init) ?? product
        return first.split(separator: "-").first.map(String.init) ?? first
    }

    /// The form the product is named by (`oxide`, `metal`, `alloy`), if any.
    public var form: String? {
        guard let last = product.split(separator: " ").last?.lowercased(), ["oxide", "metal", "alloy"].contains(last) else { return nil }
        return last
    }

    /// Whether this quote's basis belongs to the market an article names.
    func isIn(_ market: PriceMarket) -> Bool { market.bases.contains(basis) }
}

/// Where an article says a price is quoted. Each market takes the quote bases that belong to it
/// (Europe takes Europe, CIF Europe and CIF Rotterdam quotes); the order of the cases is the order
/// in which a clause naming two markets is read (FOB first, China domestic last).
enum PriceMarket: String, CaseIterable, Sendable {
    case fob, rotterdam, europe, us, china

    /// As a note names it.
    var label: String {
        switch self {
        case .fob: "FOB China"
        case .rotterdam: "CIF Rotterdam"
        case .europe: "Europe"
        case .us: "US"
        case .china: "China domestic"
        }
    }

    /// The quote bases, as the price data writes them, that this market takes.
    var bases: Set<String> {
        switch self {
        case .fob: ["FOB China"]
        case .rotterdam: ["CIF Rotterdam"]
        case .europe: ["Europe", "CIF Europe", "CIF Rotterdam"]
        case .us: ["US"]
        case .china: ["China domestic"]
        }
    }
}
