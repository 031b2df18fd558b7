public import Foundation
public import MonaziteStore
public import MonaziteCore
import MonaziteIngest

/// The dataset that ships with Monazite, written from cited public figures (see
/// `docs/data.md` and `scripts/build-dataset.py`). `monazite init` loads it.
public enum BundledDataset {
    /// One file of the bundle and what it holds.
    public struct File: Sendable {
        public let name: String
        public let format: String
        public let description: String
    }

    public static let files: [File] = [
        File(
            name: "china-magnet-exports-hs850511.csv", format: "observations",
            description: "China exports of rare-earth permanent magnets (customs code 8505111000, HS 8505.11), 2024–2025, world and destinations"),
        File(
            name: "usgs-mcs2025-rare-earths-us-salient.csv", format: "usgs-salient",
            description: "USGS Mineral Commodity Summaries 2025, rare earths: US salient statistics 2020–2024e"),
        File(
            name: "indicators.csv", format: "indicators",
            description: "IEA 2025 magnet-REE mining and refining by country; USGS MCS 2025 mine production, reserves, US import sources; magnet-making share estimates"),
    ]

    /// Provenance of the USGS table, whose file format has no source column.
    public static let usgsProvenance = Provenance(
        source: "USGS Mineral Commodity Summaries 2025: Rare earths",
        url: "https://pubs.usgs.gov/periodicals/mcs2025/mcs2025-rare-earths.pdf", release: CalendarDay(year: 2025, month: 1, day: 31))

    public static func url(of file: File) -> URL? {
        Bundle.module.url(forResource: file.name, withExtension: nil)
    }

    /// Imports every file of the bundle into `store`; files already loaded change nothing.
    public static func install(into store: any TradeStore) async throws -> [ImportReport] {
        var reports: [ImportReport] = []
        for file in files {
            guard let url = url(of: file) else { throw StoreError.invalidQuery("bundled file \(file.name) is missing from this build") }
            let data = try Data(contentsOf: url)
            let report: ImportReport
            switch file.format {
            case "observations":
                report = try await store.importObservations(file: file.name, format: file.format) { sink throws(ImportFailure) in
                    try data.withBytes { bytes throws(ImportFailure) in
                        try ObservationCSVFormat.read(bytes: bytes, file: file.name, sink: sink)
                    }
                    return 0
                }
            case "usgs-salient":
                let stats = try data.withBytes { bytes throws(ImportFailure) in
                    try USGSSalientFormat.read(
                        bytes: bytes, file: file.name, country: .unitedStates, commodityName: "Rare earths", provenance: usgsProvenance)
                }
                report = try await store.importSalientStatistics(stats, file: file.name)
            default:
                let indicators = try data.withBytes { bytes throws(ImportFailure) in
                    try IndicatorCSVFormat.read(bytes: bytes, file: file.name)
                }
                report = try await store.importIndicators(indicators, file: file.name)
            }
            reports.append(report)
        }
        return reports
    }
}
