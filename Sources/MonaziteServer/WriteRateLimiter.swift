import Synchronization

/// A token bucket per caller for the expensive requests (imports and simulation jobs): each
/// caller may make `burst` of them at once and then `perMinute` a minute. A caller is a token's
/// name, or "public" for requests without one. Over the limit the request is a 429 with
/// `Retry-After`, before any work is done.
final class WriteRateLimiter: Sendable {
    struct Bucket {
        var available: Double
        var updated: ContinuousClock.Instant
    }

    let perMinute: Int
    let burst: Int
    private let buckets = Mutex<[String: Bucket]>([:])
    private let clock = ContinuousClock()

    /// `perMinute` 0 turns the limit off.
    init(perMinute: Int, burst: Int) {
        self.perMinute = perMinute
        self.burst = max(1, burst)
    }

    /// Takes one request from `caller`'s bucket, or says how many whole seconds until one is free.
    func take(_ caller: String, now: ContinuousClock.Instant? = nil) -> (allowed: Bool, retryAfterSeconds: Int) {
        guard perMinute > 0 else { return (true, 0) }
        let now = now ?? clock.now
        let rate = Double(perMinute) / 60
        return buckets.withLock { buckets in
            var bucket = buckets[caller] ?? Bucket(available: Double(burst), updated: now)
            let elapsed = bucket.updated.duration(to: now)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            bucket.available = min(Double(burst), bucket.available + max(0, seconds) * rate)
            bucket.updated = now
            defer {
                buckets[caller] = bucket
                // Full buckets say nothing: forget them so the table cannot grow without bound.
                if buckets.count > 10_000 { buckets = buckets.filter { $0.value.available < Double(burst) } }
            }
            guard bucket.available >= 1 else {
                return (false, max(1, Int(((1 - bucket.available) / rate).rounded(.up))))
            }
            bucket.available -= 1
            return (true, 0)
        }
    }

    /// Throws the 429 when `caller` is over the limit.
    func check(_ caller: String, what: String) throws(APIError) {
        let (allowed, wait) = take(caller)
        guard allowed else {
            var error = APIError(
                .tooManyRequests, code: "rate_limited",
                "too many \(what) from \(caller == "public" ? "callers without a token" : "token \"\(caller)\""): \(perMinute) a minute after a burst of \(burst); try again in \(wait) s")
            error.retryAfterSeconds = wait
            throw error
        }
    }
}
