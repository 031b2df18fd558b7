import Foundation
public import MonaziteCore
public import MonaziteStore

/// Dependence and provenance questions: net import reliance from the USGS salient statistics,
/// and what the store holds by source.
public enum DependenceQueries {
    /// Net import reliance per year, computed beside the published figure, for one edition or
    /// (by default) every stored edition side by side: a later edition's figure for a year is its
    /// revision, and each row says which edition revised it.
    public static func reliance(store: any TradeStore, country c: CountryCode, edition: String? = nil) async throws -> RelianceAnswer {
        let editions = try await store.salientEditions(country: c)
        guard !editions.isEmpty else { throw ServiceError(.notFound, "no salient statistics stored for \(c)") }
        if let edition, !editions.contains(edition) {
            throw ServiceError(.notFound, "no edition \"\(edition)\" for \(c); stored: \(editions.joined(separator: ", "))")
        }
        let chosen = edition.map { [$0] } ?? editions
        var tables: [(edition: String, table: NetImportRelianceTable, source: Provenance?)] = []
        for e in chosen {
            let stats = try await store.salientStatistics(country: c, edition: e)
            // The store keeps a USGS table's source and URL; its release date is the edition's.
            var source = stats.first?.provenance
            if source?.release == nil { source?.release = USGSEdition(parsing: e)?.rareEarthsProvenance().release }
            tables.append((e, NetImportRelianceTable(stats: stats), source))
        }
        var years: [RelianceAnswer.Year] = []
        for (i, t) in tables.enumerated() {
            for y in t.table.years {
                // The next edition that prints the same year, if any: its figure revises this one.
                let later = tables[(i + 1)...].lazy.compactMap { other in
                    other.table.years.first { $0.year == y.year }.map { (other.edition, $0) }
                }.first
                years.append(
                    RelianceAnswer.Year(
                        y, edition: t.edition, revisedBy: later.map { RelianceAnswer.Revision(edition: $0.0, $0.1) }, source: t.source))
            }
        }
        years.sort { ($0.year, $0.edition) < ($1.year, $1.edition) }
        var notes = [
            "NIR = (apparent consumption − production) / apparent consumption = (imports − exports ± stock changes) / apparent consumption",
            "computed from each edition's production and apparent consumption of compounds and metals (t REO); imports and exports shown as published",
            "USGS forms: E = net exporter, >95 = above 95%, 100 = no domestic production; a later edition's figure for a year is a revision",
        ]
        for y in years where y.agrees == false {
            notes.append(
                "\(y.year) (\(y.edition)): ours \(y.nirComputedPct.map { String(format: "%.1f", $0) } ?? "n/a") against published \(y.nirPublished ?? "n/a"); "
                    + "the table's inputs are rounded (production to two significant digits in MCS 2026), so a point of difference can come from rounding")
        }
        let sources = tables.compactMap(\.source)
        notes += sources.map { "source: \($0.citation)" }
        return RelianceAnswer(
            country: c.alpha3, countryName: c.name, edition: edition, editions: chosen, years: years,
            sources: sources.map(SourceRef.init), notes: notes)
    }

    /// What the store holds, by source, with URLs and release dates, and the series behind their
    /// usual release rhythm on `today`.
    public static func sources(store: any TradeStore, today: CalendarDay = .todayUTC()) async throws -> SourcesAnswer {
        let summaries = try await store.sourceSummaries()
        let c = try await store.counts()
        let behind = try await TradeQueries.seriesList(store: store, today: today).warnings
        return SourcesAnswer(
            sources: summaries.map { s in
                SourcesAnswer.Entry(
                    source: s.source, url: s.url, observations: s.observations, salientStatistics: s.salientStatistics, indicators: s.indicators,
                    derivedOrEstimate: s.derivedOrEstimated, firstPeriod: s.firstPeriod, lastPeriod: s.lastPeriod,
                    releases: s.releases.map(\.description))
            },
            observations: c.observations, salientStatistics: c.salient, indicators: c.indicators,
            notes: ["derived/est.: figures computed from other figures or projected, never shown as reported"]
                + behind.map { "behind on \(today): " + $0 } + ["`monazite series` lists every series with its latest month and release"])
    }
}
