import Foundation
import MonaziteCore
import MonaziteDataset
import MonaziteIngest
import MonaziteStore

/// Helpers that make a real SQLite store in a temporary directory.
enum TestStore {
    static func emptyPath() -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("monazite-tests-\(UUID().uuidString)")
        return dir.appendingPathComponent("store.sqlite").path
    }

    /// A store with the bundled dataset loaded.
    static func bundled() async throws -> SQLiteStore {
        let store = try SQLiteStore(path: emptyPath())
        _ = try await BundledDataset.install(into: store)
        return store
    }

    static func resource(_ folder: String, _ name: String) throws -> URL {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: folder) else {
            throw CocoaError(.fileNoSuchFile)
        }
        return url
    }

    /// Imports a file in one of the CSV formats, as `monazite import` does.
    @discardableResult
    static func importFile(_ url: URL, into store: SQLiteStore, format: String = "observations") throws -> ImportReport {
        let data = try Data(contentsOf: url)
        let name = url.lastPathComponent
        return try data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            switch format {
            case "comtrade":
                return try store.importObservations(file: name, format: format) { sink throws(ImportFailure) in
                    try ComtradeCSVFormat.read(bytes: bytes, file: name, provenance: Provenance(source: "UN Comtrade"), sink: sink).rows
                }
            case "usgs-salient":
                let stats = try USGSSalientFormat.read(
                    bytes: bytes, file: name, country: .unitedStates, commodityName: "Rare earths", provenance: Provenance(source: "USGS"))
                return try store.importSalientStatistics(stats, file: name)
            default:
                return try store.importObservations(file: name, format: format) { sink throws(ImportFailure) in
                    try ObservationCSVFormat.read(bytes: bytes, file: name, sink: sink)
                    return 0
                }
            }
        }
    }

    static let magnetsWorld = SeriesKey(reporter: .china, partner: .world, flow: .export, commodity: HSCode("8505.11")!)
    static let magnetsUS = SeriesKey(reporter: .china, partner: .unitedStates, flow: .export, commodity: HSCode("8505.11")!)
}
