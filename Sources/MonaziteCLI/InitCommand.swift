import ArgumentParser
import MonaziteDataset
import MonaziteService
import MonaziteStore

/// `monazite init`: create a store and load the bundled dataset.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create a store (if needed) and load the bundled, cited dataset into it.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let store = try await global.storeOptions.openStore(create: true)
        let reports = try await BundledDataset.install(into: store)
        struct Loaded: Encodable {
            struct File: Encodable {
                let file: String
                let inserted: Int
                let unchanged: Int
                let description: String
            }
            let store: String
            let files: [File]
        }
        let files = zip(BundledDataset.files, reports).map { file, r in
            Loaded.File(file: file.name, inserted: r.inserted, unchanged: r.unchanged, description: file.description)
        }
        let table = Report(
            title: "Store: \(store.location)",
            columns: [Column("file"), Column("inserted", "new"), Column("unchanged"), Column("description", "content")],
            rows: files.map { [.text($0.file), .int($0.inserted), .int($0.unchanged), .text($0.description)] },
            answer: Loaded(store: store.location, files: files),
            notes: ["every figure keeps its source; see `monazite sources`"])
        print(table.render(global.format), terminator: "")
    }
}
