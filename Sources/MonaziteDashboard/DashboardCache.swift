import Foundation

/// An optional cache of rendered pages and CSV / XLSX files, keyed by path and query.
///
/// Pages are pure functions of the store's content, so a server that is the store's only writer
/// can keep them until it imports something: call ``invalidate()`` after every write. Entries
/// also expire after `maxAge`, which bounds how stale a page can be when another process (the
/// CLI) writes to the same store. Only 200 responses are kept; at `capacity` entries the cache
/// is emptied and refilled (the dashboard has few distinct pages, so this is rare).
public final class DashboardCache: @unchecked Sendable {
    private struct Entry {
        let response: DashboardResponse
        let expires: ContinuousClock.Instant
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private let maxAge: Duration
    private let capacity: Int

    public init(maxAge: Duration = .seconds(5), capacity: Int = 1024) {
        self.maxAge = maxAge
        self.capacity = max(1, capacity)
    }

    /// Forgets every page: call after the store changes.
    public func invalidate() {
        lock.lock()
        entries.removeAll(keepingCapacity: true)
        lock.unlock()
    }

    /// Number of pages held (for tests and metrics).
    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return entries.count
    }

    func lookup(_ key: String) -> DashboardResponse? {
        let now = ContinuousClock.now
        lock.lock()
        defer { lock.unlock() }
        guard let e = entries[key] else { return nil }
        if e.expires < now {
            entries[key] = nil
            return nil
        }
        return e.response
    }

    func store(_ response: DashboardResponse, for key: String) {
        guard response.status == 200 else { return }
        let expires = ContinuousClock.now.advanced(by: maxAge)
        lock.lock()
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[key] = Entry(response: response, expires: expires)
        lock.unlock()
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
