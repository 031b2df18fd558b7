import Foundation
import MonaziteService
import HTTPTypes
import Hummingbird

/// A JSON answer before it becomes a response: kept whole so that it can be cached.
struct JSONAnswer: Sendable {
    var status: HTTPResponse.Status = .ok
    var headers: HTTPFields = [:]
    var data: Data

    init(_ object: Any, status: HTTPResponse.Status = .ok) {
        self.status = status
        let options: JSONSerialization.WritingOptions = [.sortedKeys, .withoutEscapingSlashes]
        data = (try? JSONSerialization.data(withJSONObject: object, options: options)) ?? Data("null".utf8)
    }

    /// A typed answer (``JSONOutput``). An answer that cannot be encoded (a non-finite number a
    /// bound let through) is a 500 with a request id, never a 200 whose body is `null`.
    init(encoding value: some Encodable, status: HTTPResponse.Status = .ok) throws {
        self.status = status
        data = try JSONOutput.encoded(value, pretty: false)
    }

    var response: Response {
        var r = JSONResponse.make(data: data, status: status)
        for field in headers { r.headers.append(field) }
        return r
    }
}

/// Answers of the read endpoints, kept for `maxAge` and emptied by every write through the API:
/// the data only changes on import, so between imports the same URL gets the same answer.
/// Keyed by the whole request URI (path and query); errors are never kept. Expired answers are
/// dropped at most once per `maxAge` when a new one is kept, and the answers held never exceed
/// `capacity` entries or `maxBytes` (at either, the cache is emptied and refilled): without the
/// sweep, a server with no imports kept every distinct URL's answer, expired or not, until
/// 4,096 of them (a soak without imports grew 62 → 82 MB in 20 minutes).
final class AnswerCache: @unchecked Sendable {
    // @unchecked: all state is behind `lock`.
    private let lock = NSLock()
    private var entries: [String: (answer: JSONAnswer, expires: ContinuousClock.Instant)] = [:]
    /// Bumped by every invalidation, so an answer computed across a write is not kept.
    private var generation = 0
    /// Bytes of the answers held.
    private var bytes = 0
    private var nextSweep = ContinuousClock.now
    let maxAge: Duration
    let capacity: Int
    let maxBytes: Int

    init(maxAge: Duration, capacity: Int = 4096, maxBytes: Int = 32 << 20) {
        self.maxAge = maxAge
        self.capacity = max(1, capacity)
        self.maxBytes = max(1, maxBytes)
    }

    /// Answers held and their bytes (for tests).
    var held: (count: Int, bytes: Int) { lock.withLock { (entries.count, bytes) } }

    func answer(for key: String, compute: () async throws -> JSONAnswer) async throws -> JSONAnswer {
        guard maxAge > .zero else { return try await compute() }
        let now = ContinuousClock.now
        let (hit, started) = lookup(key, now: now)
        if let hit { return hit }
        let fresh = try await compute()
        store(fresh, for: key, expires: now + maxAge, computedIn: started)
        return fresh
    }

    private func lookup(_ key: String, now: ContinuousClock.Instant) -> (JSONAnswer?, Int) {
        lock.withLock { (entries[key].flatMap { $0.expires > now ? $0.answer : nil }, generation) }
    }

    private func store(_ answer: JSONAnswer, for key: String, expires: ContinuousClock.Instant, computedIn started: Int) {
        let now = ContinuousClock.now
        lock.withLock {
            guard generation == started, answer.data.count <= maxBytes else { return }
            if now >= nextSweep {
                entries = entries.filter { $0.value.expires > now }
                bytes = entries.values.reduce(0) { $0 + $1.answer.data.count }
                nextSweep = now + maxAge
            }
            if let old = entries[key] { bytes -= old.answer.data.count }
            if entries.count >= capacity || bytes + answer.data.count > maxBytes {
                entries.removeAll(keepingCapacity: true)
                bytes = 0
            }
            entries[key] = (answer, expires)
            bytes += answer.data.count
        }
    }

    func invalidate() {
        lock.withLock {
            generation += 1
            entries.removeAll()
            bytes = 0
        }
    }
}

/// The store's revision as last seen by a cache: when another process (the CLI, another server)
/// commits an import, the next request sees a new revision and empties the cache before answering.
final class RevisionWatch: @unchecked Sendable {
    // @unchecked: all state is behind `lock`.
    private let lock = NSLock()
    private var seen: Int64?

    /// True when `revision` differs from the one seen before (and remembers it).
    func changed(to revision: Int64) -> Bool {
        lock.withLock {
            defer { seen = revision }
            return seen != nil && seen != revision
        }
    }
}
