public import MonaziteCore

/// A price quote's date as the source gives it: a day (`2025-05-06`), a month (`2025-05`) or a
/// quarter (`2025-Q3`). Partial dates are kept partial; for distances in days a month stands at
/// its 15th and a quarter at the 15th of its middle month (docs/prices.md).
public struct PriceDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public enum Precision: String, Sendable, Codable { case day, month, quarter }
    public let year: Int
    public let month: Int
    public let day: Int?
    public let precision: Precision

    public init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2, parts[0].count == 4, let y = Int(parts[0]), y >= 1900, y <= 2200 else { return nil }
        if parts.count == 2, parts[1].count == 2, parts[1].first == "Q", let q = Int(parts[1].dropFirst()), (1...4).contains(q) {
            year = y; month = (q - 1) * 3 + 2; day = nil; precision = .quarter
            return
        }
        guard parts[1].count == 2, let m = Int(parts[1]), (1...12).contains(m) else { return nil }
        if parts.count == 2 {
            year = y; month = m; day = nil; precision = .month
            return
        }
        guard parts.count == 3, parts[2].count == 2, let d = Int(parts[2]), d >= 1, d <= PriceDate.daysIn(month: m, year: y) else { return nil }
        year = y; month = m; day = d; precision = .day
    }

    /// A day (callers pass a valid date; used for constants, not input).
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
        self.precision = .day
    }

    /// Days since 1970-01-01 of the date (a partial date at its 15th / middle month's 15th).
    public var dayNumber: Int { PriceDate.daysFromCivil(year, month, day ?? 15) }

    /// `YYYY-MM` of the month the date falls in (a quarter: its middle month).
    public var monthKey: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }

    public var description: String {
        switch precision {
        case .quarter: return "\(year)-Q\((month - 2) / 3 + 1)"
        case .month: return monthKey
        case .day: return monthKey + "-" + (day.map { ($0 < 10 ? "0" : "") + String($0) } ?? "")
        }
    }

    public static func < (a: PriceDate, b: PriceDate) -> Bool {
        (a.dayNumber, a.description) < (b.dayNumber, b.description)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let d = PriceDate(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a price date: \(text)"))
        }
        self = d
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Howard Hinnant's days-from-civil algorithm (proleptic Gregorian).
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }
}

/// Where a price is quoted. The names are those the sources use (data/prices/NOTES.md).
public enum MarketBasis: String, Sendable, Hashable, Codable, CaseIterable {
    case chinaDomestic = "China domestic"
    case fobChina = "FOB China"
    case cifRotterdam = "CIF Rotterdam"
    case cifEurope = "CIF Europe"
    /// "in Europe" as relayed from Argus; delivery terms not stated.
    case europe = "Europe"
    case us = "US"

    /// True for every basis outside China's domestic market.
    public var isExChina: Bool { self != .chinaDomestic }
}

/// Whether a price includes value-added tax, as the source (or the stated convention) says.
public enum VATStatus: String, Sendable, Hashable, Codable { case yes, no, unknown }

/// The products Monazite knows prices for. A file naming another product is rejected.
public enum PriceProduct {
    public static let known: [String] = [
        "NdPr oxide", "Nd oxide", "Pr oxide", "Dy oxide", "Tb oxide", "NdPr alloy", "Nd metal", "Pr metal", "Tb metal",
        "Dy-Fe alloy", "NdFeB blank N38 (Ce)", "NdFeB blank 40M", "NdFeB blank 40H", "NdFeB blank 45SH (Ce)",
    ]
}

/// A price unit: a currency per tonne or per kilogram.
public struct PriceUnit: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Mass: String, Sendable, Hashable, Codable { case kg, t }
    public let currency: String
    public let mass: Mass

    public init(currency: String, mass: Mass) {
        self.currency = currency
        self.mass = mass
    }

    /// Parses `CNY/t`, `USD/kg` and the like.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/").map(String.init)
        guard parts.count == 2, parts[0].count == 3, parts[0].allSatisfy({ $0.isUppercase && $0.isASCII }),
            let mass = Mass(rawValue: parts[1])
        else { return nil }
        self.init(currency: parts[0], mass: mass)
    }

    /// Kilograms in one unit of mass.
    public var kilograms: Double { mass == .t ? 1000 : 1 }
    public var description: String { "\(currency)/\(mass.rawValue)" }
}

/// One cited price quote: a low–high range on a date, for a product on a market basis.
public struct PriceObservation: Sendable, Hashable, Codable {
    public let date: PriceDate
    public let product: String
    public let purity: String?
    public let basis: MarketBasis
    public let low: Double
    public let high: Double
    public let unit: PriceUnit
    public let vatIncluded: VATStatus
    /// The VAT rate included (0.13 = 13 %), when `vatIncluded` is `yes`.
    public let vatRate: Double?
    public let publisher: String
    public let sourceTitle: String?
    public let url: String
    public let release: String?
    public let note: String?

    public init(
        date: PriceDate, product: String, purity: String? = nil, basis: MarketBasis, low: Double, high: Double, unit: PriceUnit,
        vatIncluded: VATStatus, vatRate: Double? = nil, publisher: String, sourceTitle: String? = nil, url: String,
        release: String? = nil, note: String? = nil
    ) {
        self.date = date
        self.product = product
        self.purity = purity
        self.basis = basis
        self.low = low
        self.high = high
        self.unit = unit
        self.vatIncluded = vatIncluded
        self.vatRate = vatRate
        self.publisher = publisher
        self.sourceTitle = sourceTitle
        self.url = url
        self.release = release
        self.note = note
    }

    public var mid: Double { (low + high) / 2 }
    public var provenance: Provenance { Provenance(source: publisher + (sourceTitle.map { ": " + $0 } ?? ""), url: url) }
}
