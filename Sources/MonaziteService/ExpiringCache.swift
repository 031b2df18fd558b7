import Foundation

/// Values kept under a string key for `maxAge`, bounded in entries and bytes: the API's answer
/// cache and the dashboard's page cache are both one of these.
///
/// Expired values are dropped when read, and all at once at most once per `maxAge` when a new
/// value is kept; at `capacity` entries or `maxBytes` held the cache is emptied and refilled; a
/// value larger than `maxBytes` is not kept. (Without the sweep, a server nothing writes to kept
/// every distinct URL's answer, expired or not, until the entry limit: a soak without imports
/// grew 62 → 82 MB of heap in 20 minutes.) `removeAll()` bumps a generation, so a value computed
/// across it can be refused (`keep(…, ifGeneration:)`).
public final class ExpiringCache<Value: Sendable>: @unchecked Sendable {
    // @unchecked: all state is behind `lock`.
    private struct Entry {
        let value: Value
        let size: Int
        let expires: ContinuousClock.Instant
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var bytes = 0
    private var generationCount = 0
    private var nextSweep = ContinuousClock.now
    public let maxAge: Duration
    public let capacity: Int
    public let maxBytes: Int

    public init(maxAge: Duration, capacity: Int, maxBytes: Int = 32 << 20) {
        self.maxAge = maxAge
        self.capacity = max(1, capacity)
        self.maxBytes = max(1, maxBytes)
    }

    /// Values held and their bytes.
    public var held: (count: Int, bytes: Int) { lock.withLock { (entries.count, bytes) } }

    /// Bumped by every ``removeAll()``.
    public var generation: Int { lock.withLock { generationCount } }

    /// The value under `key`, unless it has expired (it is then dropped).
    public func value(for key: String, now: ContinuousClock.Instant = .now) -> Value? {
        lock.withLock {
            guard let e = entries[key] else { return nil }
            if e.expires < now {
                entries[key] = nil
                bytes -= e.size
                return nil
            }
            return e.value
        }
    }

    /// Keeps `value` (of `size` bytes) until `maxAge` after `now`, unless a ``removeAll()`` came
    /// since `generation` was read.
    public func keep(_ value: Value, size: Int, for key: String, now: ContinuousClock.Instant = .now, ifGeneration generation: Int? = nil) {
        lock.withLock {
            guard generation.map({ $0 == generationCount }) ?? true, size <= maxBytes else { return }
            if now >= nextSweep {
                entries = entries.filter { $0.value.expires >= now }
                bytes = entries.values.reduce(0) { $0 + $1.size }
                nextSweep = now + maxAge
            }
            if let old = entries[key] { bytes -= old.size }
            if entries.count >= capacity || bytes + size > maxBytes {
                entries.removeAll(keepingCapacity: true)
                bytes = 0
            }
            entries[key] = Entry(value: value, size: size, expires: now + maxAge)
            bytes += size
        }
    }

    public func removeAll() {
        lock.withLock {
            generationCount += 1
            entries.removeAll(keepingCapacity: true)
            bytes = 0
        }
    }
}
