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
/// Keyed by the whole request URI (path and query); errors are never kept. Bounded as
/// ``ExpiringCache`` is (expired answers dropped, at most `capacity` answers and `maxBytes`).
final class AnswerCache: Sendable {
    private let entries: ExpiringCache<JSONAnswer>
    let maxAge: Duration

    init(maxAge: Duration, capacity: Int = 4096, maxBytes: Int = 32 << 20) {
        self.maxAge = maxAge
        entries = ExpiringCache(maxAge: maxAge, capacity: capacity, maxBytes: maxBytes)
    }

    /// Answers held and their bytes (for tests).
    var held: (count: Int, bytes: Int) { entries.held }

    func answer(for key: String, compute: () async throws -> JSONAnswer) async throws -> JSONAnswer {
        guard maxAge > .zero else { return try await compute() }
        let now = ContinuousClock.now
        // Read before the look-up: an answer computed across a write is not kept.
        let started = entries.generation
        if let hit = entries.value(for: key, now: now) { return hit }
        let fresh = try await compute()
        entries.keep(fresh, size: fresh.data.count, for: key, now: now, ifGeneration: started)
        return fresh
    }

    func invalidate() { entries.removeAll() }
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
