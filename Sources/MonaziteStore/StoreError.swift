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

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): "cannot open the store at \(path): \(reason)"
        case .invalidQuery(let reason): reason
        case .conflict(let reason): reason
        case .fault(let reason): reason
        case .unavailable(let reason): reason
        }
    }
}
