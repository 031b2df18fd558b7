import Foundation
public import MonaziteCore
public import MonaziteStore

/// Dependence and provenance questions: net import reliance from the USGS salient statistics,
/// and what the store holds by source.
public enum DependenceQueries {
    /// Net import reliance per year, computed beside the published figure.
    public static func reliance(store: any TradeStore, country c: CountryCode, edition: String? = nil) async throws -> Report {
        let editions = try await store.salientEditions(country: c)
        guard let chosen = edition ?? editions.last else { throw ServiceError(.notFound, "no salient statistics stored for \(c)") }
        guard editions.contains(chosen) else {
            throw ServiceError(.notFound, "no edition \"\(chosen)\" for \(c); stored: \(editions.joined(separator: ", "))")
        }
        let stats = try await store.salientStatistics(country: c, edition: chosen)
        let table = NetImportRelianceTable(stats: stats)
        var rows: [[String]] = []
        var json: [[String: Any]] = []
        for y in table.years {
            rows.append([
                "\(y.year)\(y.estimated ? "e" : "")", Format.tonnes(y.production, decimals: 0), Format.tonnes(y.imports, decimals: 0),
                Format.tonnes(y.exports, decimals: 0), Format.tonnes(y.apparentConsumption, decimals: 0),
                y.computed.value.map { String(format: "%.1f", $0) } ?? "n/a", y.computedForm?.description ?? "n/a",
                y.published?.description ?? "n/a", y.agrees.map { $0 ? "yes" : "NO" } ?? "",
            ])
            json.append([
                "year": y.year, "estimated": y.estimated, "production_t": Format.json(y.production), "imports_t": Format.json(y.imports),
                "exports_t": Format.json(y.exports), "apparent_consumption_t": Format.json(y.apparentConsumption),
                "nir_computed_pct": Format.json(y.computed.value, places: 10), "nir_computed_form": y.computedForm?.description ?? NSNullValue.null,
                "nir_published": y.published?.description ?? NSNullValue.null, "agrees": y.agrees ?? NSNullValue.null,
                "notes": y.computed.reason.map { [$0] } ?? [],
            ])
        }
        let provenance = stats.first?.provenance
        let notes = [
            "NIR = (apparent consumption − production) / apparent consumption = (imports − exports ± stock changes) / apparent consumption",
            "computed from the table's production and apparent consumption of compounds and metals (t REO); imports and exports shown as published",
            "USGS forms: E = net exporter, >95 = above 95%, 100 = no domestic production",
            "source: \(provenance?.citation ?? "")",
        ]
        return Report(
            title: "\(c.name): net import reliance, rare-earth compounds and metals (\(chosen))",
            columns: ["year", "production t", "imports t", "exports t", "apparent cons. t", "NIR %", "form", "published", "agrees"],
            rows: rows,
            json: ["country": c.alpha3, "edition": chosen, "years": json, "source": provenance?.json ?? NSNullValue.null, "notes": notes],
            notes: notes)
    }

    /// What the store holds, by source, with URLs and release dates.
    public static func sources(store: any TradeStore) async throws -> Report {
        let summaries = try await store.sourceSummaries()
        let rows = summaries.map { s in
            [
                s.source, String(s.observations + s.salientStatistics + s.indicators), String(s.derivedOrEstimated),
                s.firstPeriod.map { "\($0)..\(s.lastPeriod ?? "")" } ?? "", s.releases.map(\.description).joined(separator: " "), s.url ?? "",
            ]
        }
        let json = summaries.map { s in
            [
                "source": s.source, "url": s.url ?? NSNullValue.null, "observations": s.observations, "salient_statistics": s.salientStatistics,
                "indicators": s.indicators, "derived_or_estimate": s.derivedOrEstimated, "first_period": s.firstPeriod ?? NSNullValue.null,
                "last_period": s.lastPeriod ?? NSNullValue.null, "releases": s.releases.map(\.description),
            ] as [String: Any]
        }
        let c = try await store.counts()
        return Report(
            title: "\(c.observations) trade figures, \(c.salient) salient statistics, \(c.indicators) indicators from \(summaries.count) sources",
            columns: ["source", "figures", "derived/est.", "periods", "releases", "url"], rows: rows, json: json,
            notes: ["derived/est.: figures computed from other figures or projected, never shown as reported"])
    }
}
