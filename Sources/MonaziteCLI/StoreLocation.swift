import Foundation
import MonaziteServer
import MonaziteStore
import MonaziteStorePostgres

/// Everything a command may ask of a store: trade figures, tokens, policy records, alert
/// state and price quotes. Both backends keep all of it.
typealias CLIStore = ServerStore & PolicyStore & AlertStateStore & PriceStore

/// Where a store lives, from the `--store` text: a PostgreSQL URL (`postgres://…` or
/// `postgresql://…`), `sqlite:PATH`, or a plain path of a SQLite file.
enum StoreLocation {
    case sqlite(path: String)
    case postgres(PostgresURL)

    init(_ text: String) throws {
        if PostgresURL.isPostgres(text) {
            do { self = .postgres(try PostgresURL(parsing: text)) } catch { throw CLIError("--store: \(error)") }
        } else if text.hasPrefix("sqlite:") {
            let path = String(text.dropFirst("sqlite:".count))
            guard !path.isEmpty else { throw CLIError("--store: sqlite: needs a path (sqlite:PATH)") }
            self = .sqlite(path: path)
        } else {
            self = .sqlite(path: text)
        }
    }

    /// Opens the store. A SQLite file must exist unless `create`; a PostgreSQL database must
    /// exist, and its tables are created or migrated on connecting.
    func open(create: Bool) async throws -> any CLIStore {
        switch self {
        case .sqlite(let path):
            guard create || FileManager.default.fileExists(atPath: path) else {
                throw CLIError("no store at \(path); run `monazite init` first (or pass --store PATH)")
            }
            return try SQLiteStore(path: path)
        case .postgres(let url):
            return try await PostgresStore.connect(url: url)
        }
    }
}
