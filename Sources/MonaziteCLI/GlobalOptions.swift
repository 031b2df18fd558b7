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
    func openStore() async throws -> any TradeStore { try await storeOptions.openStore() }
}

/// The store a command works on.
public struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The store: a SQLite file (PATH or sqlite:PATH) or a PostgreSQL URL (postgres://USER:PASSWORD@HOST:PORT/DB).",
            discussion: "Default: $MONAZITE_STORE, else $XDG_DATA_HOME/monazite/monazite.sqlite (~/.local/share/…)."))
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

    /// Opens an existing store; a missing SQLite file is an error that says how to make one.
    func openStore(create: Bool = false) async throws -> any TradeStore {
        try await StoreLocation(storePath).open(create: create)
    }

    /// Opens an existing store with its token table (the server and the token commands);
    /// SQLite and PostgreSQL both keep tokens.
    func openServerStore() async throws -> any ServerStore {
        try await StoreLocation(storePath).open(create: false)
    }
}

/// A one-line error for the terminal.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
