import Foundation
import MonaziteCore
import MonazitePolicy
import MonaziteServer
import MonaziteService
import MonaziteStore

/// What `serve` mounts besides the API: the dashboard, fed with the policy timeline (bundled and
/// imported events, read again every few seconds) for its chart markers, `/policy` page and
/// applicability form.
enum ServerComposition {
    static func dashboard(
        store: any ServerStore, cacheSeconds: Int, metrics: RequestMetrics? = nil
    ) async throws -> (pages: PageHandler, invalidate: @Sendable () -> Void) {
        let policy = store as? any PolicyStore
        let loadEvents: @Sendable () async throws -> [PolicyEvent] = { try await PolicyBridge.events(store: policy) }
        return DashboardMount.make(
            store: store, events: try await loadEvents(), reloadEvents: loadEvents, cacheSeconds: cacheSeconds, metrics: metrics)
    }
}
