import Foundation
public import MonaziteCore

/// A figure's provenance as every answer gives it.
public struct SourceRef: Codable, Sendable, Hashable {
    public var source: String
    @NullWhenAbsent public var url: String?
    @NullWhenAbsent public var release: String?

    /// Back to a provenance, for links.
    public var provenance: Provenance {
        Provenance(source: source, url: url, release: release.flatMap(CalendarDay.init(parsing:)))
    }

    public init(_ p: Provenance) {
        source = p.source
        url = p.url
        release = p.release?.description
    }
}

/// USGS net import reliance per year and edition, computed beside the published figure.
public struct RelianceAnswer: Codable, Sendable, Hashable {
    public var country: String
    public var countryName: String
    /// The edition asked for; nil when every stored edition is shown.
    @NullWhenAbsent public var edition: String?
    public var editions: [String]
    public var years: [Year]
    public var sources: [SourceRef]
    public var notes: [String]

    enum CodingKeys: String, CodingKey {
        case country, edition, editions, years, sources, notes
        case countryName = "country_name"
    }

    public struct Year: Codable, Sendable, Hashable {
        public var year: Int
        public var edition: String
        public var estimated: Bool
        @NullWhenAbsent public var productionT: Double?
        @NullWhenAbsent public var importsT: Double?
        @NullWhenAbsent public var exportsT: Double?
        @NullWhenAbsent public var apparentConsumptionT: Double?
        @NullWhenAbsent public var nirComputedPct: Double?
        @NullWhenAbsent public var nirComputedForm: String?
        @NullWhenAbsent public var nirPublished: String?
        @NullWhenAbsent public var agrees: Bool?
        /// The next stored edition's figures for the same year, when one prints it.
        @NullWhenAbsent public var revisedBy: Revision?
        /// The edition's chapter: source, URL and release.
        @NullWhenAbsent public var source: SourceRef?
        public var notes: [String]

        enum CodingKeys: String, CodingKey {
            case year, edition, estimated, agrees, notes, source
            case productionT = "production_t"
            case importsT = "imports_t"
            case exportsT = "exports_t"
            case apparentConsumptionT = "apparent_consumption_t"
            case nirComputedPct = "nir_computed_pct"
            case nirComputedForm = "nir_computed_form"
            case nirPublished = "nir_published"
            case revisedBy = "revised_by"
        }

        init(_ y: NetImportRelianceTable.Year, edition: String, revisedBy: Revision?, source: Provenance?) {
            self.source = source.map(SourceRef.init)
            year = y.year
            self.edition = edition
            estimated = y.estimated
            productionT = y.production
            importsT = y.imports
            exportsT = y.exports
            apparentConsumptionT = y.apparentConsumption
            nirComputedPct = JSONOutput.rounded(y.computed.value, places: 1e10)
            nirComputedForm = y.computedForm?.description
            nirPublished = y.published?.description
            agrees = y.agrees
            self.revisedBy = revisedBy
            notes = y.computed.reason.map { [$0] } ?? []
        }

        /// `2024e` for an estimated year.
        public var label: String { "\(year)\(estimated ? "e" : "")" }
    }

    public struct Revision: Codable, Sendable, Hashable {
        public var edition: String
        @NullWhenAbsent public var nirPublished: String?
        @NullWhenAbsent public var apparentConsumptionT: Double?
        @NullWhenAbsent public var productionT: Double?

        enum CodingKeys: String, CodingKey {
            case edition
            case nirPublished = "nir_published"
            case apparentConsumptionT = "apparent_consumption_t"
            case productionT = "production_t"
        }

        init(edition: String, _ y: NetImportRelianceTable.Year) {
            self.edition = edition
            nirPublished = y.published?.description
            apparentConsumptionT = y.apparentConsumption
            productionT = y.production
        }

        /// "MCS 2026: 53 (consumption 9,010 t)".
        public var text: String {
            "\(edition): \(nirPublished ?? "n/a")" + (apparentConsumptionT.map { " (consumption \(Format.tonnes($0, decimals: 0)) t)" } ?? "")
        }
    }

    public var report: Report {
        let rows: [[Cell]] = years.map { y in
            [
                Cell(display: y.label, raw: String(y.year)), .text(y.edition), .tonnes(y.productionT, decimals: 0), .tonnes(y.importsT, decimals: 0),
                .tonnes(y.exportsT, decimals: 0), .tonnes(y.apparentConsumptionT, decimals: 0), .number(y.nirComputedPct, decimals: 1),
                Cell(display: y.nirComputedForm ?? "n/a", raw: y.nirComputedForm ?? ""), Cell(display: y.nirPublished ?? "n/a", raw: y.nirPublished ?? ""),
                Cell(display: y.agrees.map { $0 ? "yes" : "NO" } ?? "", raw: y.agrees.map { $0 ? "true" : "false" } ?? ""),
                .text(y.revisedBy?.text ?? ""), Cell(display: y.estimated ? "yes" : "", raw: y.estimated ? "true" : "false"),
                .text(y.source?.source), .text(y.source?.url), .text(y.source?.release),
            ]
        }
        let which = edition ?? editions.joined(separator: " and ")
        return Report(
            title: "\(countryName): net import reliance, rare-earth compounds and metals (\(which))",
            columns: [
                Column("year"), Column("edition"), Column("production_t", "production t"), Column("imports_t", "imports t"),
                Column("exports_t", "exports t"), Column("apparent_consumption_t", "apparent cons. t"), Column("nir_computed_pct", "NIR %"),
                Column("nir_computed_form", "form"), Column("nir_published", "published"), Column("agrees"), Column("revised_by", "revised in"),
                Column("estimated", csvOnly: true), Column("source", csvOnly: true), Column("url", csvOnly: true), Column("release", csvOnly: true),
            ],
            rows: rows, answer: self, notes: notes)
    }
}
