import Foundation

/// Request counts and latencies, written out in the Prometheus text format at `/metrics`.
///
/// Kept by hand rather than through a metrics backend: two metric families, no global
/// bootstrap, so every server (and every test) has its own registry.
public final class RequestMetrics: @unchecked Sendable {
    // @unchecked: all state is behind `lock`.
    /// Upper bounds of the latency histogram, in seconds.
    static let buckets: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    struct Key: Hashable, Comparable {
        let method: String
        let route: String
        let status: Int
        static func < (a: Key, b: Key) -> Bool { (a.route, a.method, a.status) < (b.route, b.method, b.status) }
    }

    struct Histogram {
        var counts = [Int](repeating: 0, count: RequestMetrics.buckets.count)
        var sum = 0.0
        var total = 0
    }

    private let lock = NSLock()
    private var requests: [Key: Int] = [:]
    private var latency: [String: Histogram] = [:]
    private let started = Date()

    public init() {}

    func record(method: String, route: String, status: Int, seconds: Double) {
        lock.lock()
        defer { lock.unlock() }
        requests[Key(method: method, route: route, status: status), default: 0] += 1
        var h = latency[route] ?? Histogram()
        if let i = Self.buckets.firstIndex(where: { seconds <= $0 }) { h.counts[i] += 1 }
        h.sum += seconds
        h.total += 1
        latency[route] = h
    }

    /// The Prometheus text exposition (version 0.0.4).
    public func exposition() -> String {
        lock.lock()
        let requests = self.requests
        let latency = self.latency
        lock.unlock()
        var out = "# HELP monazite_http_requests_total HTTP requests answered, by method, route and status.\n"
        out += "# TYPE monazite_http_requests_total counter\n"
        for (key, count) in requests.sorted(by: { $0.key < $1.key }) {
            out += "monazite_http_requests_total{method=\"\(key.method)\",route=\"\(Self.escape(key.route))\",status=\"\(key.status)\"} \(count)\n"
        }
        out += "# HELP monazite_http_request_duration_seconds Time to answer, by route.\n"
        out += "# TYPE monazite_http_request_duration_seconds histogram\n"
        for (route, h) in latency.sorted(by: { $0.key < $1.key }) {
            let r = Self.escape(route)
            var cumulative = 0
            for (i, bound) in Self.buckets.enumerated() {
                cumulative += h.counts[i]
                out += "monazite_http_request_duration_seconds_bucket{route=\"\(r)\",le=\"\(bound)\"} \(cumulative)\n"
            }
            out += "monazite_http_request_duration_seconds_bucket{route=\"\(r)\",le=\"+Inf\"} \(h.total)\n"
            out += "monazite_http_request_duration_seconds_sum{route=\"\(r)\"} \(h.sum)\n"
            out += "monazite_http_request_duration_seconds_count{route=\"\(r)\"} \(h.total)\n"
        }
        out += "# HELP monazite_uptime_seconds Seconds since the server started.\n# TYPE monazite_uptime_seconds gauge\n"
        out += "monazite_uptime_seconds \(String(format: "%.0f", Date().timeIntervalSince(started)))\n"
        return out
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n")
    }
}
