public import Foundation
import MonaziteCore
public import MonaziteIngest
public import MonaziteStore

/// Imports one file's bytes into a store, all or nothing, the same way from the command line
/// and from an HTTP upload.
public enum FileImport {
    public typealias FileFormat = MonaziteIngest.FileFormat
    public typealias Options = FileImporter.Options

    /// Reads `data` in `format` (sniffed when nil) and imports it: see ``FileImporter/run``.
    public static func run(
        store: any TradeStore, data: Data, name: String, format: FileFormat?, options: Options = Options(),
        progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }
    ) async throws -> (format: FileFormat, report: ImportReport) {
        try await FileImporter.run(store: store, data: data, name: name, format: format, options: options, progress: progress)
    }

    /// The import's outcome as a typed answer.
    public static func answer(file: String, format: FileFormat, _ report: ImportReport, token: String? = nil) -> ImportAnswer {
        ImportAnswer(
            file: file, format: format.rawValue, rows: report.rowsRead, inserted: report.inserted, revisions: report.revisions,
            unchanged: report.unchanged, skipped: report.skipped, token: token,
            notes: report.inserted == 0 ? ["nothing new: the store is unchanged"] : [])
    }
}
