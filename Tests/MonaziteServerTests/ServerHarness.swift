import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import MonaziteDataset
import MonaziteServer
import MonaziteStore
import Testing

/// A server over a real SQLite store with the bundled dataset, in a temporary directory.
struct ServerHarness {
    let store: SQLiteStore
    let options: ServerOptions

    static func bundled(options: ServerOptions = ServerOptions(port: 0)) async throws -> ServerHarness {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("monazite-server-tests-\(UUID().uuidString)")
        let store = try SQLiteStore(path: dir.appendingPathComponent("store.sqlite").path)
        _ = try await BundledDataset.install(into: store)
        return ServerHarness(store: store, options: options)
    }

    var quietLogger: Logger {
        var l = Logger(label: "monazite.test")
        l.logLevel = .critical
        return l
    }

    func application(dashboard: PageHandler? = nil, onWrite: (@Sendable () -> Void)? = nil) -> some ApplicationProtocol {
        let router = MonaziteServer.buildRouter(store: store, options: options, logger: quietLogger, dashboard: dashboard, onWrite: onWrite)
        return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: quietLogger)
    }

    func router() -> Router<MonaziteRequestContext> {
        MonaziteServer.buildRouter(store: store, options: options, logger: quietLogger)
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) }

    func object() throws -> [String: Any] { try #require(try json() as? [String: Any]) }

    /// The `error` object of an error body, checked to have the API's shape.
    func apiError() throws -> [String: Any] {
        let error = try #require(try object()["error"] as? [String: Any], "no error object in \(text)")
        #expect(error["status"] as? Int == Int(status.code))
        #expect((error["code"] as? String)?.isEmpty == false)
        #expect((error["message"] as? String)?.isEmpty == false)
        return error
    }
}
