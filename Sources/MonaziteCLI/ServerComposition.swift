import MonaziteServer
import MonaziteStore

/// What `serve` mounts besides the API: the dashboard pages and the endpoints of other
/// capabilities. Kept in one place so that the server module depends on none of them.
enum ServerComposition {
    static func dashboard(store: any ServerStore) throws -> PageHandler? { nil }

    static func extensions(store: any ServerStore) throws -> [APIExtension] { [] }
}
