import ArgumentParser
import MonaziteCore
import MonaziteStore

/// `monazite trade`: a trade series with MoM, YoY, YTD and rolling sums.
struct TradeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trade", abstract: "A monthly (or quarterly, half-year, annual) trade series with its changes, every figure sourced.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var series: SeriesOptions
    @Option(help: "First period (YYYY-MM); default: the first stored month.") var from: String?
    @Option(help: "Last period (YYYY-MM); default: the last stored month.") var to: String?
    @Option(help: "month, quarter, half or year.") var frequency: Frequency = .month

    enum Frequency: String, ExpressibleByArgument, CaseIterable {
        case month, quarter, half, year
        var kind: Period.Kind { Period.Kind(rawValue: rawValue) ?? .month }
    }

    /// Longest window a query may ask for, in months (a guard against typos like 1025-01).
    static let maximumMonths = 600

    func run() async throws {
        let key = try series.key()
        let store = try await global.openStore()
        let observations = try await store.observations(for: key, asOf: try series.asOfDay())
        guard let firstStored = observations.first?.period.first, let lastStored = observations.map(\.period.last).max() else {
            throw CLIError("no figures stored for \(key); `monazite sources` lists what the store holds")
        }
        let start = try from.map { try parsePeriod($0, option: "--from").first } ?? firstStored
        let end = try to.map { try parsePeriod($0, option: "--to").last } ?? lastStored
        guard start <= end else { throw ValidationError("--from \(start) is after --to \(end)") }
        guard end.index - start.index < Self.maximumMonths else {
            throw ValidationError("range \(start)..\(end) is longer than \(Self.maximumMonths / 12) years")
        }
        let rows = TradeSeriesReport.rows(totals: SeriesTotals(observations), from: start, to: end, frequency: frequency.kind)
        var notes: [String] = []
        for row in rows {
            for n in row.notes where !n.hasPrefix("mom_pct") && !n.hasPrefix("yoy_pct") && !n.hasPrefix("ytd") {
                notes.append("\(row.period): \(n)")
            }
        }
        let cited = Dictionary(grouping: rows.flatMap(\.sources), by: \.source).keys.sorted()
        notes.append("sources: " + cited.joined(separator: "; "))
        let table = Table(
            title: "\(key.reporter.name) \(key.flow)s of HS \(key.commodity) to \(key.partner.name), tonnes",
            columns: TradeSeriesRow.columns, rows: rows.map(\.cells), json: rows.map(\.json), notes: notes)
        print(table.render(global.format), terminator: "")
    }
}
