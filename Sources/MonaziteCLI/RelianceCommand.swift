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
        let store = try global.openStore()
        let editions = try store.salientEditions(country: c)
        guard let chosen = edition ?? editions.last else { throw CLIError("no salient statistics stored for \(c)") }
        guard editions.contains(chosen) else {
            throw CLIError("no edition \"\(chosen)\" for \(c); stored: \(editions.joined(separator: ", "))")
        }
        let stats = try store.salientStatistics(country: c, edition: chosen)
        let table = RelianceTable(stats: stats)
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

/// The rows of a salient table that reliance needs, per year.
struct RelianceTable {
    struct Year {
        let year: Int
        let estimated: Bool
        let production: Double?
        let imports: Double?
        let exports: Double?
        let apparentConsumption: Double?
        let computed: Computed
        let computedForm: NetImportReliance.Published?
        let published: NetImportReliance.Published?
        let agrees: Bool?
    }

    let years: [Year]

    init(stats: [SalientStatistic]) {
        let byYear = Dictionary(grouping: stats, by: \.year)
        years = byYear.keys.sorted().map { year in
            let s = byYear[year] ?? []
            func value(section: String, item: String? = nil) -> Double? {
                s.first { $0.section.lowercased().hasPrefix(section) && (item == nil || $0.item.lowercased().contains(item!)) }?.value
            }
            func sum(section: String, excluding: String? = nil) -> Double? {
                let xs = s.filter { $0.section.lowercased() == section && (excluding == nil || !$0.item.lowercased().contains(excluding!)) }
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
