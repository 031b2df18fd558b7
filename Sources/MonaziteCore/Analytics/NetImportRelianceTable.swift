/// Net import reliance per year from a USGS salient-statistics table, computed beside the
/// published figure.
///
/// Computed from the production and apparent consumption of compounds and metals, as
/// `(apparent consumption − production) / apparent consumption`; imports and exports are
/// summed from their line items for display (the table's exports of ores and compounds are
/// mixed, so they are not used in the computation).
public struct NetImportRelianceTable: Sendable {
    public struct Year: Sendable {
        public let year: Int
        public let estimated: Bool
        public let production: Double?
        public let imports: Double?
        public let exports: Double?
        public let apparentConsumption: Double?
        public let computed: Computed
        public let computedForm: NetImportReliance.Published?
        public let published: NetImportReliance.Published?
        public let agrees: Bool?
    }

    public let years: [Year]

    public init(stats: [SalientStatistic]) {
        let byYear = Dictionary(grouping: stats, by: \.year)
        years = byYear.keys.sorted().map { year in
            let s = byYear[year] ?? []
            func value(section: String, item: String? = nil) -> Double? {
                s.first { stat in stat.section.lowercased().hasPrefix(section) && (item.map { i in stat.item.lowercased().contains(i) } ?? true) }?.value
            }
            func sum(section: String, excluding: String? = nil) -> Double? {
                let xs = s.filter { stat in stat.section.lowercased() == section && !(excluding.map { e in stat.item.lowercased().contains(e) } ?? false) }
                return xs.isEmpty ? nil : xs.compactMap(\.value).reduce(0, +)
            }
            let production = value(section: "production", item: "compounds and metals")
            let consumption = value(section: "consumption, apparent")
            let computed = NetImportReliance.percent(production: production, imports: nil, exports: nil, apparentConsumption: consumption)
            let published = s.first { $0.section.lowercased().hasPrefix("net import reliance") && $0.item.lowercased().contains("compounds and metals") }
                .flatMap { NetImportReliance.Published(parsing: $0.text) }
            let form = computed.value.map { NetImportReliance.published(percent: $0, production: production) }
            let agrees = computed.value.flatMap { v in published.map { NetImportReliance.agrees(computedPercent: v, production: production, with: $0) } }
            return Year(
                year: year, estimated: s.contains { $0.isEstimated }, production: production, imports: sum(section: "imports"),
                exports: sum(section: "exports", excluding: "ores"), apparentConsumption: consumption, computed: computed, computedForm: form,
                published: published, agrees: agrees)
        }
    }
}
