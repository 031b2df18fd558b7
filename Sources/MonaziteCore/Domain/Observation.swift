/// What a trade series is about: who reports, with whom, which way, what.
public struct SeriesKey: Hashable, Sendable, Codable, CustomStringConvertible {
    public var reporter: CountryCode
    public var partner: CountryCode
    public var flow: TradeFlow
    public var commodity: HSCode

    public init(reporter: CountryCode, partner: CountryCode, flow: TradeFlow, commodity: HSCode) {
        self.reporter = reporter
        self.partner = partner
        self.flow = flow
        self.commodity = commodity
    }

    public var description: String { "\(reporter) \(flow) \(commodity) to/from \(partner)" }
}

/// Where a figure comes from. Every stored figure has one.
public struct Provenance: Hashable, Sendable, Codable {
    /// Who published the figure (`"Reuters (citing GAC)"`).
    public var source: String
    public var url: String?
    /// The publication date; nil when the source gives none. A later release of the same
    /// observation is a revision and never overwrites the earlier one.
    public var release: CalendarDay?

    public init(source: String, url: String? = nil, release: CalendarDay? = nil) {
        self.source = source
        self.url = url
        self.release = release
    }
}

/// One trade figure: a series, a period, a quantity and/or a value, and its provenance.
public struct Observation: Hashable, Sendable {
    public var key: SeriesKey
    public var period: Period
    /// Net mass in tonnes.
    public var quantityTonnes: Double?
    /// Trade value in US dollars.
    public var valueUSD: Double?
    public var status: DataStatus
    public var provenance: Provenance
    /// Changes the source itself published with the figure, in percent, kept to compare with ours.
    public var reportedMoMPct: Double?
    public var reportedYoYPct: Double?
    /// The national tariff line the source used, when narrower than the HS subheading.
    public var nationalCode: String?
    public var note: String?
    /// For a derived figure, the published figures it was computed from (``Derivation``).
    public var derivedFrom: [Derivation.Input]

    /// True when this derived figure was computed from `measure` as published for `period` of
    /// the same series, so that comparing that published figure with ours is arithmetic, not a check.
    public func isDerived(from measure: Derivation.Measure, of period: Period) -> Bool {
        status == .derived && derivedFrom.contains { $0.period == period && $0.measure == measure }
    }

    public init(
        key: SeriesKey, period: Period, quantityTonnes: Double?, valueUSD: Double? = nil, status: DataStatus = .reported,
        provenance: Provenance, reportedMoMPct: Double? = nil, reportedYoYPct: Double? = nil, nationalCode: String? = nil,
        note: String? = nil, derivedFrom: [Derivation.Input] = []
    ) {
        self.key = key
        self.period = period
        self.quantityTonnes = quantityTonnes
        self.valueUSD = valueUSD
        self.status = status
        self.provenance = provenance
        self.reportedMoMPct = reportedMoMPct
        self.reportedYoYPct = reportedYoYPct
        self.nationalCode = nationalCode
        self.note = note
        self.derivedFrom = derivedFrom
    }
}
