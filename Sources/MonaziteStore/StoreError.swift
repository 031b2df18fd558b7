/// Why the store refused a request. Database error text stays inside the store.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    /// The file at the path is not a Monazite store, or cannot be opened.
    case cannotOpen(path: String, reason: String)
    /// A query asked for something the store cannot answer.
    case invalidQuery(String)
    /// A write would break a uniqueness rule (a token name already in use, say).
    case conflict(String)
    /// The store failed on its side (a database refusal, an unreadable row): not the caller's
    /// fault. Interfaces answer with a generic message; the reason goes to the log only.
    case fault(String)
    /// The store cannot be reached right now (a PostgreSQL server down or restarting).
    case unavailable(String)
    /// The store's file, or the directory it lives in, cannot be written (a read-only file,
    /// directory or filesystem). SQLite in WAL mode writes beside the file even to read.
    case readOnly(path: String)
    /// The disk holding the store is full: the write was rolled back, nothing was saved.
    /// `path` names the file, or the server; `reason` is the server's own words, when it gave them.
    case diskFull(path: String, reason: String? = nil)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): "cannot open the store at \(path): \(reason)"
        case .invalidQuery(let reason): reason
        case .conflict(let reason): reason
        case .fault(let reason): reason
        case .unavailable(let reason): reason
        case .readOnly(let path):
            "the store at \(path) is read-only: the file or its directory cannot be written (a store needs both); nothing was changed"
        case .diskFull(let path, nil):
            "the disk holding the store at \(path) is full: nothing was saved and the store holds what it held before; free some space and try again"
        case .diskFull(let server, let reason?):
            "the disk of \(server) is full (\(reason)): nothing was saved and the store holds what it held before; free some space there and try again"
        }
    }
}
