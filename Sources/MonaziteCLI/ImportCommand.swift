import ArgumentParser
import Foundation
import MonaziteCore
import MonaziteIngest
import MonaziteStore

/// `monazite import FILE`: load a file into the store, all or nothing.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a file into the store: all of it, or nothing and every problem listed as file:line:column: reason.")

    enum FileFormat: String, ExpressibleByArgument, CaseIterable {
        case observations, comtrade, usgsSalient = "usgs-salient", indicators
    }

    @OptionGroup var storeOptions: StoreOptions
    @Option(name: .customLong("output-format"), help: "Output format of the report: table, csv or json.") var outputFormat: OutputFormat = .table
    @Argument(help: "The file to import.") var file: String
    @Option(name: .customLong("format"), help: "observations, comtrade, usgs-salient or indicators (default: from the header).")
    var fileFormat: FileFormat?
    @Option(help: "Release date of the file's figures (YYYY-MM-DD), for formats without a release column.") var release: String?
    @Option(help: "Source name, for formats without a source column (default: UN Comtrade / the USGS edition).") var source: String?
    @Option(help: "Source URL, for formats without a url column.") var url: String?
    @Option(help: "Country of a USGS salient table (alpha-3).") var country = "USA"
    @Flag(help: "Print a progress line on stderr whatever the file size.") var progress = false

    func run() async throws {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
            throw CLIError("cannot read \(file): \(error.localizedDescription)")
        }
        var releaseDay: CalendarDay?
        if let release {
            guard let d = CalendarDay(parsing: release) else { throw ValidationError("--release: \"\(release)\" is not a date (YYYY-MM-DD)") }
            releaseDay = d
        }
        let format = fileFormat ?? Self.sniff(data)
        let store = try await storeOptions.openStore()
        let name = file
        let showProgress = progress || data.count >= 16 << 20
        let reporter = ProgressLine(label: "importing \((file as NSString).lastPathComponent)", enabled: showProgress)
        let report: ImportReport
        switch format {
        case .observations:
            report = try await store.importObservations(file: name, format: format.rawValue) { sink throws(ImportFailure) in
                try data.withBytes { bytes throws(ImportFailure) in
                    try ObservationCSVFormat.read(bytes: bytes, file: name, progress: reporter.update, sink: sink)
                }
                return 0
            }
        case .comtrade:
            let provenance = Provenance(
                source: source ?? ComtradeCSVFormat.defaultSource, url: url ?? ComtradeCSVFormat.defaultURL, release: releaseDay)
            var skipped = 0
            var r = try await store.importObservations(file: name, format: format.rawValue) { sink throws(ImportFailure) in
                let summary = try data.withBytes { bytes throws(ImportFailure) in
                    try ComtradeCSVFormat.read(bytes: bytes, file: name, provenance: provenance, progress: reporter.update, sink: sink)
                }
                skipped = summary.skippedBreakdowns
                return summary.rows
            }
            r.skipped = skipped
            report = r
        case .usgsSalient:
            guard let c = CountryCode(country) else { throw ValidationError("--country: unknown country \"\(country)\"") }
            let provenance = Provenance(
                source: source ?? "USGS Mineral Commodity Summaries", url: url, release: releaseDay)
            let stats = try data.withBytes { bytes throws(ImportFailure) in
                try USGSSalientFormat.read(bytes: bytes, file: name, country: c, commodityName: "Rare earths", provenance: provenance)
            }
            report = try await store.importSalientStatistics(stats, file: name)
        case .indicators:
            let indicators = try data.withBytes { bytes throws(ImportFailure) in try IndicatorCSVFormat.read(bytes: bytes, file: name) }
            report = try await store.importIndicators(indicators, file: name)
        }
        reporter.finish()
        let table = Table(
            title: nil, columns: ["file", "format", "rows", "new", "revisions", "unchanged", "skipped"],
            rows: [[file, format.rawValue, String(report.rowsRead), String(report.inserted), String(report.revisions), String(report.unchanged), String(report.skipped)]],
            json: [
                "file": file, "format": format.rawValue, "rows": report.rowsRead, "inserted": report.inserted,
                "revisions": report.revisions, "unchanged": report.unchanged, "skipped": report.skipped,
            ],
            notes: report.inserted == 0 ? ["nothing new: the store is unchanged"] : [])
        print(table.render(outputFormat), terminator: "")
    }

    /// Guesses the format from the header row.
    static func sniff(_ data: Data) -> FileFormat {
        let head = String(decoding: data.prefix(2048), as: UTF8.self)
        let firstLine = head.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        if firstLine.contains("reporterISO") || firstLine.contains("cmdCode") { return .comtrade }
        if firstLine.hasPrefix("edition,section") { return .usgsSalient }
        if firstLine.hasPrefix("measure,") { return .indicators }
        return .observations
    }
}

/// A progress line on stderr: rewritten in place on a terminal, every 10% otherwise.
final class ProgressLine: @unchecked Sendable {
    // @unchecked: used from the importing thread only; the closure never escapes the import call.
    private let label: String
    private let enabled: Bool
    private let isTerminal = isatty(2) == 1
    private var lastDecile = -1

    init(label: String, enabled: Bool) {
        self.label = label
        self.enabled = enabled
    }

    func update(_ done: Int, _ total: Int) {
        guard enabled, total > 0 else { return }
        let pct = Int(Double(done) / Double(total) * 100)
        let mb = { (b: Int) in String(format: "%.0f", Double(b) / 1_048_576) }
        let text = "\(label): \(pct)% (\(mb(done)) of \(mb(total)) MB)"
        if isTerminal {
            FileHandle.standardError.write(Data(("\r" + text).utf8))
        } else if pct / 10 > lastDecile {
            lastDecile = pct / 10
            FileHandle.standardError.write(Data((text + "\n").utf8))
        }
    }

    func finish() {
        if enabled && isTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
