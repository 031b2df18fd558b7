/// A price-floor contract: the buyer of last resort tops the seller's price up to a floor for
/// the volume sold in each settlement period. Only the floor top-up is modelled (docs/prices.md).
public struct FloorPriceContract: Sendable, Hashable, Codable {
    public struct Term: Sendable, Hashable, Codable {
        public let term: String
        public let value: String
        public let url: String
        public init(term: String, value: String, url: String) {
            self.term = term
            self.value = value
            self.url = url
        }
    }

    /// Tonnes for one settlement period (a quarter, `2025-Q4`), with their source.
    public struct Volume: Sendable, Hashable, Codable {
        public let period: String
        public let tonnes: Double
        public let source: String
        public let url: String?

        public init(period: String, tonnes: Double, source: String, url: String? = nil) {
            self.period = period
            self.tonnes = tonnes
            self.source = source
            self.url = url
        }
    }

    public let name: String
    public let product: String
    public let floor: Double
    public let currency: String
    public let unit: String
    /// First day of the term.
    public let start: PriceDate
    public let termYears: Int
    /// Settlement is by calendar quarter (see `settlementNote`).
    public let settlementNote: String
    public let referenceNote: String
    public let volumes: [Volume]
    public let terms: [Term]
    public let notModelled: [String]

    enum CodingKeys: String, CodingKey {
        case name, product, floor, currency, unit, start, volumes, terms
        case termYears = "term_years"
        case settlementNote = "settlement_note"
        case referenceNote = "reference_note"
        case notModelled = "not_modelled"
    }

    public init(
        name: String, product: String, floor: Double, currency: String, unit: String, start: PriceDate, termYears: Int,
        settlementNote: String, referenceNote: String, volumes: [Volume], terms: [Term], notModelled: [String]
    ) {
        self.name = name
        self.product = product
        self.floor = floor
        self.currency = currency
        self.unit = unit
        self.start = start
        self.termYears = termYears
        self.settlementNote = settlementNote
        self.referenceNote = referenceNote
        self.volumes = volumes
        self.terms = terms
        self.notModelled = notModelled
    }

    /// The quarters of the term, `2025-Q4` … (a term starting mid-quarter starts with that quarter).
    public var quarters: [String] {
        var y = start.year
        var q = (start.month - 1) / 3 + 1
        var out: [String] = []
        for _ in 0..<(termYears * 4) {
            out.append("\(y)-Q\(q)")
            q += 1
            if q == 5 {
                q = 1
                y += 1
            }
        }
        return out
    }
}

/// Where the reference price of each settlement period comes from.
public enum ReferencePricePath: Sendable, Hashable {
    /// One price (in the contract's unit) for every period.
    case constant(Double)
    /// Dated prices in the contract's unit; a period's reference is the mean of its points.
    case series([DatedPrice], description: String)
}

public struct DatedPrice: Sendable, Hashable, Codable {
    public let date: PriceDate
    public let price: Double
    public init(date: PriceDate, price: Double) {
        self.date = date
        self.price = price
    }
}

/// One settlement period's top-up (derived): max(0, floor − reference) × tonnes × 1000 kg/t.
public struct TopUp: Sendable, Hashable, Codable {
    public let period: String
    public let referencePrice: Double?
    public let referencePoints: Int
    public let tonnes: Double?
    public let volumeSource: String?
    public let payment: Double?
    /// Why there is no payment figure (no reference price, no volume).
    public let reason: String?
    public let status: String

    enum CodingKeys: String, CodingKey {
        case period, tonnes, payment, reason, status
        case referencePrice = "reference_price"
        case referencePoints = "reference_points"
        case volumeSource = "volume_source"
    }
}

public enum FloorTopUps {
    /// The top-ups of `contract` for each quarter in `periods` (default: every quarter of the term
    /// that has a volume), priced by `path`. `volumeOverride` (tonnes per quarter) replaces the
    /// contract's volume schedule when given.
    public static func compute(
        _ contract: FloorPriceContract, path: ReferencePricePath, periods: [String]? = nil, volumeOverride: Double? = nil
    ) -> [TopUp] {
        let term = Set(contract.quarters)
        let volumes = Dictionary(contract.volumes.map { ($0.period, $0) }, uniquingKeysWith: { a, _ in a })
        let chosen = (periods ?? contract.quarters.filter { volumeOverride != nil || volumes[$0] != nil }).filter { term.contains($0) }
        return chosen.map { period in
            let reference: (Double, Int)?
            switch path {
            case .constant(let p): reference = (p, 0)
            case .series(let points, _):
                let inPeriod = points.filter { quarterKey($0.date) == period }.map(\.price)
                reference = inPeriod.isEmpty ? nil : (inPeriod.reduce(0, +) / Double(inPeriod.count), inPeriod.count)
            }
            let tonnes = volumeOverride ?? volumes[period]?.tonnes
            let volumeSource = volumeOverride != nil ? "assumed: \(volumeOverride ?? 0) t per quarter" : volumes[period]?.source
            guard let reference else {
                return TopUp(
                    period: period, referencePrice: nil, referencePoints: 0, tonnes: tonnes, volumeSource: volumeSource, payment: nil,
                    reason: "no reference price in \(period)", status: "derived")
            }
            guard let tonnes else {
                return TopUp(
                    period: period, referencePrice: reference.0, referencePoints: reference.1, tonnes: nil, volumeSource: nil,
                    payment: nil, reason: "no volume for \(period)", status: "derived")
            }
            let payment = max(0, contract.floor - reference.0) * tonnes * 1000
            return TopUp(
                period: period, referencePrice: reference.0, referencePoints: reference.1, tonnes: tonnes, volumeSource: volumeSource,
                payment: payment, reason: nil, status: "derived")
        }
    }

    /// `YYYY-Qn` of a date (a month-dated price: its month's quarter).
    public static func quarterKey(_ d: PriceDate) -> String { "\(d.year)-Q\((d.month - 1) / 3 + 1)" }
}
