/// A country-level figure that is not a trade flow: mine production, reserves, a stage share,
/// an import-source share. Salient statistics have their own type, ``SalientStatistic``.
public struct Indicator: Hashable, Sendable {
    public enum Measure: String, Sendable, Codable, CaseIterable {
        /// Output of a stage (mined, refined…) in tonnes of content.
        case production
        /// Reserves, tonnes of rare-earth oxide.
        case reserves
        /// A country's share of a stage, 0…1.
        case stageShare = "stage_share"
        /// A partner's share of a country's imports, 0…1.
        case importSourceShare = "import_source_share"
    }

    public var measure: Measure
    public var country: CountryCode
    /// The country whose imports an import-source share describes; nil otherwise.
    public var importer: CountryCode?
    public var stage: SupplyStage?
    /// What is measured: `"REO"`, `"magnet REE (Nd, Pr, Dy, Tb)"`.
    public var scope: String
    public var period: Period
    /// Tonnes for production and reserves (see ``unit``), a fraction 0…1 for shares.
    public var value: Double?
    /// The value as published when it is not a plain number (`">90000000"`, `"NA"`).
    public var text: String?
    public var unit: String
    public var status: DataStatus
    public var dataset: String
    public var edition: String
    public var provenance: Provenance
    public var note: String?

    public init(
        measure: Measure, country: CountryCode, importer: CountryCode? = nil, stage: SupplyStage?, scope: String,
        period: Period, value: Double?, text: String? = nil, unit: String, status: DataStatus, dataset: String,
        edition: String, provenance: Provenance, note: String? = nil
    ) {
        self.measure = measure
        self.country = country
        self.importer = importer
        self.stage = stage
        self.scope = scope
        self.period = period
        self.value = value
        self.text = text
        self.unit = unit
        self.status = status
        self.dataset = dataset
        self.edition = edition
        self.provenance = provenance
        self.note = note
    }
}

/// One cell of a USGS salient-statistics table: a line item for one year of one edition.
public struct SalientStatistic: Hashable, Sendable {
    public var edition: String
    public var country: CountryCode
    public var commodityName: String
    public var section: String
    public var subsection: String?
    public var item: String
    public var unit: String
    public var footnote: String?
    public var year: Int
    /// True for the edition's estimated year (the `2024e` column of MCS 2025).
    public var isEstimated: Bool
    /// The published cell as text (`"80"`, `">95"`, `"E"`).
    public var text: String
    /// The cell as a number when it is one.
    public var value: Double?
    public var provenance: Provenance

    public init(
        edition: String, country: CountryCode, commodityName: String, section: String, subsection: String?, item: String,
        unit: String, footnote: String?, year: Int, isEstimated: Bool, text: String, value: Double?, provenance: Provenance
    ) {
        self.edition = edition
        self.country = country
        self.commodityName = commodityName
        self.section = section
        self.subsection = subsection
        self.item = item
        self.unit = unit
        self.footnote = footnote
        self.year = year
        self.isEstimated = isEstimated
        self.text = text
        self.value = value
        self.provenance = provenance
    }
}
