import CoreMetrics
import Foundation
import Prometheus
import Synchronization

/// Request counts and latencies through swift-metrics, exposed in the Prometheus text format at
/// `/metrics` by swift-prometheus. Each server (and each test) has its own registry: metrics are
/// made with an explicit factory, never through a global bootstrap.
public final class RequestMetrics: Sendable {
    /// Upper bounds of the latency histogram.
    static let buckets: [Duration] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10].map {
        Duration.nanoseconds(Int64($0 * 1e9))
    }

    let registry: PrometheusCollectorRegistry
    let factory: PrometheusMetricsFactory
    private let uptime: CoreMetrics.Gauge
    private let started = Date()
    private let readings = Mutex<[(gauge: CoreMetrics.Gauge, read: @Sendable () -> Double)]>([])

    public init() {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets = ["monazite_http_request_duration_seconds": Self.buckets]
        self.registry = registry
        self.factory = factory
        uptime = CoreMetrics.Gauge(label: "monazite_uptime_seconds", factory: factory)
    }

    func record(method: String, route: String, status: Int, seconds: Double) {
        CoreMetrics.Counter(
            label: "monazite_http_requests_total", dimensions: [("method", method), ("route", route), ("status", String(status))],
            factory: factory
        ).increment()
        CoreMetrics.Timer(label: "monazite_http_request_duration_seconds", dimensions: [("route", route)], factory: factory)
            .recordNanoseconds(Int64((seconds * 1e9).rounded()))
    }

    /// A gauge read when `/metrics` is asked (what a cache holds, say), not recorded as it changes.
    public func gauge(_ label: String, dimensions: [(String, String)] = [], read: @escaping @Sendable () -> Double) {
        let gauge = CoreMetrics.Gauge(label: label, dimensions: dimensions, factory: factory)
        readings.withLock { $0.append((gauge, read)) }
    }

    /// Gauges for a cache's entries and bytes (`monazite_cache_entries`, `monazite_cache_bytes`,
    /// labelled `cache`): what it holds is part of the server's memory.
    func cacheGauges(_ name: String, held: @escaping @Sendable () -> (count: Int, bytes: Int)) {
        gauge("monazite_cache_entries", dimensions: [("cache", name)]) { Double(held().count) }
        gauge("monazite_cache_bytes", dimensions: [("cache", name)]) { Double(held().bytes) }
    }

    /// The Prometheus text exposition (version 0.0.4).
    public func exposition() -> String {
        uptime.record(Date().timeIntervalSince(started).rounded())
        for (gauge, read) in readings.withLock({ $0 }) { gauge.record(read()) }
        return registry.emitToString()
    }
}
