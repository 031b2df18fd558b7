public import Foundation
public import MonaziteCore
import MonaziteIngest
public import MonaziteStore

/// Imports one file's bytes into a store, all or nothing, the same way from the command line
/// and from an HTTP upload.
public enum FileImport {
    public enum FileFormat: String, Sendable, CaseIterable {
        case observations, comtrade, usgsSalient = "usgs-salient", indicators
    }

    /// What the file's rows carry or lack: release, source and URL for formats without those
    /// columns, the country of a USGS table.
    public struct Options: Sendable {
        public var release: CalendarDay?
        public var source: String?
        public var url: String?
        public var country: CountryCode

        public init(release: CalendarDay? = nil, source: String? = nil, url: String? = nil, country: CountryCode = .unitedStates) {
            self.release = release
            self.source = source
            self.url = url
            self.country = country
        }
    }

    /// Reads `data` (named `name` in messages) in `format` (sniffed from the header when nil) and
    /// imports it. A problem in the file throws `ImportFailure` (file:line:column: reason) and
    /// leaves the store unchanged.
    public static func run(
        store: any TradeStore, data: Data, name: String, format: FileFormat?, options: Options = Options(),
        progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }
    ) async throws -> (format: FileFormat, report: ImportReport) {
        let format = format ?? sniff(data)
        switch format {
        case .observations:
            let report = try await store.importObservations(file: name, format: format.rawValue) { sink throws(ImportFailure) in
                try data.withBytes { bytes throws(ImportFailure) in
                    try ObservationCSVFormat.read(bytes: bytes, file: name, progress: progress, sink: sink)
                }
                return 0
            }
            return (format, report)
        case .comtrade:
            let provenance = Provenance(
                source: options.source ?? ComtradeCSVFormat.defaultSource, url: options.url ?? ComtradeCSVFormat.defaultURL,
                release: options.release)
            let skipped = SkippedCount()
            var r = try await store.importObservations(file: name, format: format.rawValue) { sink throws(ImportFailure) in
                let summary = try data.withBytes { bytes throws(ImportFailure) in
                    try ComtradeCSVFormat.read(bytes: bytes, file: name, provenance: provenance, progress: progress, sink: sink)
                }
                skipped.value = summary.skippedBreakdowns
                return summary.rows
            }
            r.skipped = skipped.value
            return (format, r)
        case .usgsSalient:
            let provenance = Provenance(source: options.source ?? "USGS Mineral Commodity Summaries", url: options.url, release: options.release)
            let stats = try data.withBytes { bytes throws(ImportFailure) in
                try USGSSalientFormat.read(bytes: bytes, file: name, country: options.country, commodityName: "Rare earths", provenance: provenance)
            }
            return (format, try await store.importSalientStatistics(stats, file: name))
        case .indicators:
            let indicators = try data.withBytes { bytes throws(ImportFailure) in try IndicatorCSVFormat.read(bytes: bytes, file: name) }
            return (format, try await store.importIndicators(indicators, file: name))
        }
    }

    /// The import's outcome as a report.
    public static func report(file: String, format: FileFormat, _ report: ImportReport) -> Report {
        Report(
            title: nil, columns: ["file", "format", "rows", "new", "revisions", "unchanged", "skipped"],
            rows: [[
                file, format.rawValue, String(report.rowsRead), String(report.inserted), String(report.revisions), String(report.unchanged),
                String(report.skipped),
            ]],
            json: [
                "file": file, "format": format.rawValue, "rows": report.rowsRead, "inserted": report.inserted,
                "revisions": report.revisions, "unchanged": report.unchanged, "skipped": report.skipped,
            ],
            notes: report.inserted == 0 ? ["nothing new: the store is unchanged"] : [])
    }

    /// Guesses the format from the header row.
    public static func sniff(_ data: Data) -> FileFormat {
        let head = String(decoding: data.prefix(2048), as: UTF8.self)
        let firstLine = head.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        if firstLine.contains("reporterISO") || firstLine.contains("cmdCode") { return .comtrade }
        if firstLine.hasPrefix("edition,section") { return .usgsSalient }
        if firstLine.hasPrefix("measure,") { return .indicators }
        return .observations
    }

    /// The number of breakdown rows a Comtrade read skipped, handed out of the reading closure.
    private final class SkippedCount: @unchecked Sendable {
        // @unchecked: written once inside the import call, read after it returns, on one task.
        var value = 0
    }
}
