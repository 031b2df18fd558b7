public import ArgumentParser
import Foundation
import MonaziteServer
import MonaziteStore

/// Options every store-backed command takes: the store and the output format.
public struct GlobalOptions: ParsableArguments {
    @OptionGroup var storeOptions: StoreOptions

    @Option(name: .long, help: "Output format: table, csv or json.")
    var format: OutputFormat = .table

    public init() {}

    var storePath: String { storeOptions.storePath }
    func openStore() throws -> any TradeStore { try storeOptions.openStore() }
}

/// The store a command works on.
public struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Path of the SQLite store.", discussion: "Default: $MONAZITE_STORE, else $XDG_DATA_HOME/monazite/monazite.sqlite (~/.local/share/…)."))
    var store: String?

    public init() {}

    /// The store path, resolved once here at the edge from the option and the environment.
    var storePath: String {
        if let store { return store }
        let env = ProcessInfo.processInfo.environment
        if let path = env["MONAZITE_STORE"], !path.isEmpty { return path }
        let base = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + "/.local/share")
        return base + "/monazite/monazite.sqlite"
    }

    /// Opens an existing store; a missing file is an error that says how to make one.
    func openStore() throws -> any TradeStore {
        guard FileManager.default.fileExists(atPath: storePath) else {
            throw CLIError("no store at \(storePath); run `monazite init` first (or pass --store PATH)")
        }
        return try SQLiteStore(path: storePath)
    }

    /// Opens the store with its token table, creating and migrating it if needed (the server
    /// and the token commands).
    func openServerStore() async throws -> any ServerStore {
        guard FileManager.default.fileExists(atPath: storePath) else {
            throw CLIError("no store at \(storePath); run `monazite init` first (or pass --store PATH)")
        }
        return try SQLiteStore(path: storePath)
    }
}

/// A one-line error for the terminal.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
