import Foundation
import MonaziteCore
import MonazitePolicy
import MonaziteServer
import MonaziteService
import MonaziteStore

/// What `serve` mounts besides the API: the dashboard, fed with the policy timeline (bundled and
/// imported events) for its chart markers, `/policy` page and applicability form.
enum ServerComposition {
    static func dashboard(
        store: any ServerStore, cacheSeconds: Int, metrics: RequestMetrics? = nil
    ) async throws -> (pages: PageHandler, invalidate: @Sendable () -> Void) {
        let events = try await PolicyBridge.events(store: store as? any PolicyStore)
        return DashboardMount.make(store: store, events: events, cacheSeconds: cacheSeconds, metrics: metrics)
    }
}
