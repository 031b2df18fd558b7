import Foundation
import MonaziteService

/// An optional cache of rendered pages and CSV / XLSX files, keyed by path and query.
///
/// Pages are pure functions of the store's content, so a server that is the store's only writer
/// can keep them until it imports something: call ``invalidate()`` after every write. Entries
/// also expire after `maxAge`, which bounds how stale a page can be when another process (the
/// CLI) writes to the same store. Only 200 responses are kept, bounded as ``ExpiringCache`` is
/// (expired pages dropped, at most `capacity` pages and `maxBytes`).
public final class DashboardCache: Sendable {
    private let pages: ExpiringCache<DashboardResponse>

    public init(maxAge: Duration = .seconds(5), capacity: Int = 1024, maxBytes: Int = 32 << 20) {
        pages = ExpiringCache(maxAge: maxAge, capacity: capacity, maxBytes: maxBytes)
    }

    /// Forgets every page: call after the store changes.
    public func invalidate() { pages.removeAll() }

    /// Number of pages held (for tests and metrics).
    public var count: Int { pages.held.count }

    /// Bytes of the pages held (for tests).
    public var bytesHeld: Int { pages.held.bytes }

    func lookup(_ key: String) -> DashboardResponse? { pages.value(for: key) }

    func store(_ response: DashboardResponse, for key: String) {
        guard response.status == 200 else { return }
        pages.keep(response, size: response.body.count, for: key)
    }

    /// `path?k=v&…` with the query's keys sorted: equal requests share an entry.
    static func key(path: String, query: [String: String]) -> String {
        var k = path
        k.append("?")
        for name in query.keys.sorted() {
            k.append(name)
            k.append("=")
            k.append(query[name] ?? "")
            k.append("&")
        }
        return k
    }
}
