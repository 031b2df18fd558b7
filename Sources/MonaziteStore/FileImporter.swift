public import Foundation
public import MonaziteCore
public import MonaziteIngest
import MonazitePriceFile

/// Reads one file's bytes in a ``FileFormat`` and imports them into a store, all or nothing.
/// The command line, the HTTP upload and the bundled dataset all import through here.
public enum FileImporter {
    /// What the file's rows carry or lack: release, source and URL for formats without those
    /// columns, the country of a USGS salient table.
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

        /// The caller's provenance when it names a source, else nil (the format's default applies).
        var override: Provenance? { source.map { Provenance(source: $0, url: url, release: release) } }
    }

    /// Reads `data` (named `name` in messages) in `format` (sniffed from the header when nil) and
    /// imports it. A problem in the file throws `ImportFailure` (file:line:column: reason) and
    /// leaves the store unchanged.
    public static func run(
        store: any TradeStore, data: Data, name: String, format: FileFormat?, options: Options = Options(),
        progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }
    ) async throws -> (format: FileFormat, report: ImportReport) {
        let format = format ?? FileFormat.sniff(data)
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
            let stats = try data.withBytes { bytes throws(ImportFailure) in
                try USGSSalientFormat.read(
                    bytes: bytes, file: name, country: options.country, commodityName: "Rare earths", provenance: options.override)
            }
            return (format, try await store.importSalientStatistics(stats, file: name))
        case .usgsWorld:
            let indicators = try data.withBytes { bytes throws(ImportFailure) in
                try USGSWorldTableFormat.read(bytes: bytes, file: name, provenance: options.override)
            }
            return (format, try await store.importIndicators(indicators, file: name))
        case .indicators:
            let indicators = try data.withBytes { bytes throws(ImportFailure) in try IndicatorCSVFormat.read(bytes: bytes, file: name) }
            return (format, try await store.importIndicators(indicators, file: name))
        case .prices:
            guard let priceStore = store as? any PriceStore else {
                throw StoreError.invalidQuery("the store at \(store.location) does not keep price quotes")
            }
            let quotes = try PriceCSVFormat.read(data: data, file: name)
            return (format, try await priceStore.importPriceQuotes(quotes, file: name))
        }
    }

    /// The number of breakdown rows a Comtrade read skipped, handed out of the reading closure.
    private final class SkippedCount: @unchecked Sendable {
        // @unchecked: written once inside the import call, read after it returns, on one task.
        var value = 0
    }
}
