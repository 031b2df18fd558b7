public import Foundation
public import MonaziteStore
import MonaziteCore
public import MonaziteIngest

/// The dataset that ships with Monazite, written from cited public figures (see
/// `docs/data.md` and `scripts/build-dataset.py`). `monazite init` loads it.
public enum BundledDataset {
    /// One file of the bundle and what it holds.
    public struct File: Sendable {
        public let name: String
        public let format: FileFormat
        public let description: String
    }

    public static let files: [File] = [
        File(
            name: "china-customs-exports.csv", format: .observations,
            description: "China customs exports as published: rare-earth permanent magnets (national line 8505111000, "
                + "HS 8505.11) 2024 to the latest month reported, world and destinations; the headline category "
                + "\"rare earths\" (cn-rare-earths); dysprosium and terbium (cn-dysprosium, cn-terbium)"),
        File(
            name: "usgs-mcs2025-rare-earths-us-salient.csv", format: .usgsSalient,
            description: "USGS Mineral Commodity Summaries 2025, rare earths: US salient statistics 2020–2024e"),
        File(
            name: "usgs-mcs2026-rare-earths-us-salient.csv", format: .usgsSalient,
            description: "USGS Mineral Commodity Summaries 2026, rare earths: US salient statistics 2021–2025e (revises 2024)"),
        File(
            name: "usgs-mcs2025-rare-earths-world.csv", format: .usgsWorld,
            description: "USGS MCS 2025, rare earths: world mine production 2023–2024e and reserves"),
        File(
            name: "usgs-mcs2026-rare-earths-world.csv", format: .usgsWorld,
            description: "USGS MCS 2026, rare earths: world mine production 2024–2025e and reserves (version 1.3)"),
        File(
            name: "indicators.csv", format: .indicators,
            description: "IEA 2025 magnet-REE mining and refining by country; USGS MCS 2025 and 2026 US import sources; magnet-making share estimates"),
    ]

    public static func url(of file: File) -> URL? {
        Bundle.module.url(forResource: file.name, withExtension: nil)
    }

    /// Imports every file of the bundle into `store`; files already loaded change nothing.
    public static func install(into store: any TradeStore) async throws -> [ImportReport] {
        var reports: [ImportReport] = []
        for file in files {
            guard let url = url(of: file) else { throw StoreError.fault("bundled file \(file.name) is missing from this build") }
            let data = try Data(contentsOf: url)
            reports.append(try await FileImporter.run(store: store, data: data, name: file.name, format: file.format).report)
        }
        return reports
    }
}
