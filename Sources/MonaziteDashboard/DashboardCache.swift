import Foundation

/// An optional cache of rendered pages and CSV / XLSX files, keyed by path and query.
///
/// Pages are pure functions of the store's content, so a server that is the store's only writer
/// can keep them until it imports something: call ``invalidate()`` after every write. Entries
/// also expire after `maxAge`, which bounds how stale a page can be when another process (the
/// CLI) writes to the same store. Only 200 responses are kept. Expired pages are dropped at most
/// once per `maxAge` when a new one is kept; at `capacity` entries or `maxBytes` held the cache is
/// emptied and refilled (pages with their queries are many distinct keys, and a page can be
/// 100 KB: without the sweep and the byte bound, expired pages stayed until 1,024 of them).
public final class DashboardCache: @unchecked Sendable {
    private struct Entry {
        let response: DashboardResponse
        let expires: ContinuousClock.Instant
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var bytes = 0
    private var nextSweep = ContinuousClock.now
    private let maxAge: Duration
    private let capacity: Int
    private let maxBytes: Int

    public init(maxAge: Duration = .seconds(5), capacity: Int = 1024, maxBytes: Int = 32 << 20) {
        self.maxAge = maxAge
        self.capacity = max(1, capacity)
        self.maxBytes = max(1, maxBytes)
    }

    /// Forgets every page: call after the store changes.
    public func invalidate() {
        lock.lock()
        entries.removeAll(keepingCapacity: true)
        bytes = 0
        lock.unlock()
    }

    /// Bytes of the pages held (for tests).
    public var bytesHeld: Int {
        lock.lock()
        defer { lock.unlock() }
        return bytes
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
            bytes -= e.response.body.count
            return nil
        }
        return e.response
    }

    func store(_ response: DashboardResponse, for key: String) {
        guard response.status == 200, response.body.count <= maxBytes else { return }
        let now = ContinuousClock.now
        lock.lock()
        defer { lock.unlock() }
        if now >= nextSweep {
            entries = entries.filter { $0.value.expires >= now }
            bytes = entries.values.reduce(0) { $0 + $1.response.body.count }
            nextSweep = now.advanced(by: maxAge)
        }
        if let old = entries[key] { bytes -= old.response.body.count }
        if entries.count >= capacity || bytes + response.body.count > maxBytes {
            entries.removeAll(keepingCapacity: true)
            bytes = 0
        }
        entries[key] = Entry(response: response, expires: now.advanced(by: maxAge))
        bytes += response.body.count
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
