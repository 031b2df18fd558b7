import ArgumentParser
import MonaziteStore

/// `monazite sources`: what the store holds, by source.
struct SourcesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sources", abstract: "What the store holds, by source, with URLs and release dates.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let store = try await global.openStore()
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
        let table = Table(
            title: "\(c.observations) trade figures, \(c.salient) salient statistics, \(c.indicators) indicators from \(summaries.count) sources",
            columns: ["source", "figures", "derived/est.", "periods", "releases", "url"], rows: rows, json: json,
            notes: ["derived/est.: figures computed from other figures or projected, never shown as reported"])
        print(table.render(global.format), terminator: "")
    }
}
