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
        var rows: [[String]] = []
        var json: [[String: Any]] = []
        for (file, r) in zip(BundledDataset.files, reports) {
            rows.append([file.name, String(r.inserted), String(r.unchanged), file.description])
            json.append(["file": file.name, "inserted": r.inserted, "unchanged": r.unchanged, "description": file.description])
        }
        let table = Report(
            title: "Store: \(store.location)", columns: ["file", "new", "unchanged", "content"], rows: rows,
            json: ["store": store.location, "files": json],
            notes: ["every figure keeps its source; see `monazite sources`"])
        print(table.render(global.format), terminator: "")
    }
}
