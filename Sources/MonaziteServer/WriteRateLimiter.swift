import Synchronization

/// A token bucket per caller for the expensive requests (imports and simulation jobs): each
/// caller may make `burst` of them at once and then `perMinute` a minute. A caller is a token's
/// name ("public" for requests without one) for the per-token limit, or the peer's IP address
/// for the per-address limit. Over the limit the request is a 429 with `Retry-After`, before any
/// work is done.
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
        use(caller, now: now, consume: true)
    }

    /// Whether `caller` could make a request now, without taking it.
    func peek(_ caller: String, now: ContinuousClock.Instant? = nil) -> (allowed: Bool, retryAfterSeconds: Int) {
        use(caller, now: now, consume: false)
    }

    private func use(_ caller: String, now: ContinuousClock.Instant?, consume: Bool) -> (allowed: Bool, retryAfterSeconds: Int) {
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
            if consume { bucket.available -= 1 }
            return (true, 0)
        }
    }

    /// Throws the 429 when `caller` is over the limit.
    func check(_ caller: String, what: String) throws(APIError) {
        try RateLimits(perToken: self, perAddress: nil).check(caller: caller, address: nil, what: what)
    }

    func refusal(_ who: String, what: String, wait: Int) -> APIError {
        var error = APIError(
            .tooManyRequests, code: "rate_limited",
            "too many \(what) from \(who): \(perMinute) a minute after a burst of \(burst); try again in \(wait) s")
        error.retryAfterSeconds = wait
        return error
    }
}

/// The two limits on writes and simulation jobs: per token (or all callers without one) and per
/// peer address (whatever tokens it sends). A request is counted against both, and only when
/// both allow it, so a refusal by one costs nothing from the other.
struct RateLimits: Sendable {
    let perToken: WriteRateLimiter
    let perAddress: WriteRateLimiter?

    /// Throws the 429 (with `Retry-After`) when the caller or its address is over its limit.
    func check(caller: String, address: String?, what: String) throws(APIError) {
        let who = caller == "public" ? "callers without a token" : "token \"\(caller)\""
        if let perAddress, let address {
            let (allowed, wait) = perAddress.peek(address)
            guard allowed else { throw perAddress.refusal("address \(address)", what: what, wait: wait) }
        }
        let (allowed, wait) = perToken.take(caller)
        guard allowed else { throw perToken.refusal(who, what: what, wait: wait) }
        if let perAddress, let address {
            // Taken now (a concurrent request may have emptied the bucket since the peek).
            let (allowed, wait) = perAddress.take(address)
            guard allowed else { throw perAddress.refusal("address \(address)", what: what, wait: wait) }
        }
    }
}
