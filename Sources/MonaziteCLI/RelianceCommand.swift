import ArgumentParser
import MonaziteCore
import MonaziteStore

/// `monazite reliance`: USGS net import reliance per year, computed beside published.
struct RelianceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reliance", abstract: "Net import reliance per year from the USGS salient statistics, computed beside the published figure.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Country (alpha-3).") var country = "USA"
    @Option(help: "Edition, e.g. \"MCS 2025\" (default: the latest stored).") var edition: String?

    func run() async throws {
        guard let c = CountryCatalog.resolve(country) else { throw ValidationError("--country: unknown country \"\(country)\"") }
        let store = try await global.openStore()
        let editions = try await store.salientEditions(country: c)
        guard let chosen = edition ?? editions.last else { throw CLIError("no salient statistics stored for \(c)") }
        guard editions.contains(chosen) else {
            throw CLIError("no edition \"\(chosen)\" for \(c); stored: \(editions.joined(separator: ", "))")
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
        let source = stats.first?.provenance.citation ?? ""
        let notes = [
            "NIR = (apparent consumption − production) / apparent consumption = (imports − exports ± stock changes) / apparent consumption",
            "computed from the table's production and apparent consumption of compounds and metals (t REO); imports and exports shown as published",
            "USGS forms: E = net exporter, >95 = above 95%, 100 = no domestic production",
            "source: \(source)",
        ]
        let t = Table(
            title: "\(c.name): net import reliance, rare-earth compounds and metals (\(chosen))",
            columns: ["year", "production t", "imports t", "exports t", "apparent cons. t", "NIR %", "form", "published", "agrees"],
            rows: rows, json: ["country": c.alpha3, "edition": chosen, "years": json, "notes": notes], notes: notes)
        print(t.render(global.format), terminator: "")
    }
}

