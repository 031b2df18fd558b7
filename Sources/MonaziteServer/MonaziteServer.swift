import Foundation
public import Hummingbird
import HTTPTypes
import ServiceLifecycle
public import Logging
import MonaziteCore
import MonaziteScenario
import MonaziteService
public import MonaziteStore

/// What a server store offers: trade data and the API tokens.
public typealias ServerStore = TradeStore & AccessTokenStore & JobStore & PriceStore

/// How `monazite serve` runs.
public struct ServerOptions: Sendable {
    public var hostname: String
    public var port: Int
    /// Reads (GET) without a token; when false every request but `/health` needs one.
    public var publicReads: Bool
    /// Largest request body accepted (an import upload), in bytes.
    public var maximumBodyBytes: Int
    /// Seconds a read answer of the API is reused for the same URI (0: computed every time);
    /// any import through the API empties the cache at once.
    public var answerCacheSeconds: Int
    /// Imports and simulation jobs allowed per caller (a token, or all callers without one) per
    /// minute after a burst of `writeBurst`; 0 turns the limit off.
    public var writesPerMinute: Int
    public var writeBurst: Int
    /// The same, per peer IP address, whatever tokens it sends (so many tokens from one machine
    /// share one budget); 0 turns it off. Behind a proxy every caller has the proxy's address.
    public var writesPerMinutePerAddress: Int
    public var writeBurstPerAddress: Int
    /// Simulation jobs this process runs at once (0: it only queues them, for `monazite worker`
    /// processes on the same store to run).
    public var simulationWorkers: Int = SimulationJobs.maximumActive
    /// How often free heap pages are handed back to the system (``HeapTrimmer``); nil: never.
    public var returnFreeMemoryEvery: Duration? = .seconds(60)

    public init(
        hostname: String = "127.0.0.1", port: Int = 8080, publicReads: Bool = true, maximumBodyBytes: Int = 32 << 20,
        answerCacheSeconds: Int = 0, writesPerMinute: Int = 30, writeBurst: Int = 10, writesPerMinutePerAddress: Int = 60,
        writeBurstPerAddress: Int = 20
    ) {
        self.answerCacheSeconds = answerCacheSeconds
        self.writesPerMinute = writesPerMinute
        self.writeBurst = writeBurst
        self.writesPerMinutePerAddress = writesPerMinutePerAddress
        self.writeBurstPerAddress = writeBurstPerAddress
        self.hostname = hostname
        self.port = port
        self.publicReads = publicReads
        self.maximumBodyBytes = maximumBodyBytes
    }
}

/// A page of the dashboard: the server hands it the path and the query, it answers with a
/// status, a content type and a body. The dashboard is a separate module that knows no HTTP.
public struct PageResponse: Sendable {
    public var status: Int
    public var contentType: String
    public var body: [UInt8]
    /// A download's file name (a CSV table), sent as `Content-Disposition`.
    public var filename: String?

    public init(status: Int, contentType: String, body: [UInt8], filename: String? = nil) {
        self.status = status
        self.contentType = contentType
        self.body = body
        self.filename = filename
    }
}

public typealias PageHandler = @Sendable (_ path: String, _ query: [String: String]) async -> PageResponse

/// The HTTP server: JSON API under `/api/v1`, `/openapi.json`, `/health`, `/metrics`, and the
/// dashboard on every other path.
public enum MonaziteServer {
    public static func buildRouter(
        store: any ServerStore, options: ServerOptions = ServerOptions(), metrics: RequestMetrics = RequestMetrics(),
        logger: Logger = Logger(label: "monazite.http"), dashboard: PageHandler? = nil, onWrite: (@Sendable () -> Void)? = nil
    ) -> Router<MonaziteRequestContext> {
        let router = Router(context: MonaziteRequestContext.self)
        router.middlewares.add(ObservabilityMiddleware(metrics: metrics, logger: logger))
        let answers = AnswerCache(maxAge: .seconds(options.answerCacheSeconds))
        metrics.cacheGauges("answers") { answers.held }
        let api = APIRoutes(
            store: store, options: options, jobs: SimulationJobs(store: store), onWrite: onWrite ?? {},
            cache: answers,
            limits: RateLimits(
                perToken: WriteRateLimiter(perMinute: options.writesPerMinute, burst: options.writeBurst),
                perAddress: WriteRateLimiter(perMinute: options.writesPerMinutePerAddress, burst: options.writeBurstPerAddress)))
        router.get("/health") { _, _ in try await api.health() }
        router.get("/metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: metrics.exposition())))
        }
        router.get("/openapi.json") { request, _ in
            try await api.requireRead(request)
            return JSONResponse.make(data: OpenAPIDocument.data)
        }
        api.register(on: router)
        let pages: PageHandler = dashboard ?? { path, _ in
            PageResponse(status: path == "/" ? 200 : 404, contentType: "text/plain; charset=utf-8", body: Array("Monazite API: see /openapi.json\n".utf8))
        }
        // A private server's pages: a bearer token, or the cookie of a browser signed in at /signin.
        let signIn = options.publicReads ? nil : SignIn(store: store, sessions: BrowserSessions())
        let serve: @Sendable (Request, MonaziteRequestContext) async throws -> Response = { request, _ in
            let path = request.uri.path
            if path.hasPrefix("/api/") { throw APIError.notFound("no API endpoint \(path); /openapi.json lists them") }
            var session = false
            if let signIn {
                switch try await signIn.access(request) {
                case .signInNeeded(let clear): return SignIn.redirect(to: "/signin", cookie: clear ? BrowserSessions.clearingCookie : nil)
                case .granted(let bySession): session = bySession
                }
            }
            var query: [String: String] = [:]
            for (k, v) in request.uri.queryParameters { query[String(k)] = String(v) }
            if request.method == .post {
                // A form post (the /claims page): its fields are the page's query.
                var request = request
                let body = try await request.collectBody(upTo: 1 << 20)
                for pair in String(buffer: body).split(separator: "&") {
                    let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
                    guard let key = FormDecoding.decode(kv[0]) else { continue }
                    query[key] = kv.count > 1 ? FormDecoding.decode(kv[1]) ?? "" : ""
                }
            }
            var page = await pages(path, query)
            var headers: HTTPFields = [.contentType: page.contentType]
            if session {
                // A signed-in browser's page: a way out, and not kept by the browser once left.
                if page.contentType.hasPrefix("text/html") { page.body = SignIn.withSignOut(page.body) }
                headers[.cacheControl] = "no-store"
            }
            if let csp = HTTPField.Name("Content-Security-Policy") {
                headers[csp] = contentSecurityPolicy
            }
            if let frame = HTTPField.Name("X-Frame-Options") { headers[frame] = "DENY" }
            if let name = page.filename, name.allSatisfy({ $0.isASCII && $0 != "\"" && !$0.isNewline }) {
                headers[.contentDisposition] = "attachment; filename=\"\(name)\""
            }
            return Response(status: HTTPResponse.Status(code: page.status), headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: page.body)))
        }
        router.get("/", use: serve)
        router.get("**", use: serve)
        // A path with its own POST route does not fall through to "**" for GET: register both.
        router.get("/claims", use: serve)
        router.post("/claims", use: serve)
        if let signIn {
            router.get("/signin") { _, _ in signIn.form() }
            router.post("/signin") { request, _ in try await signIn.signIn(request) }
            router.post("/signout") { request, _ in signIn.signOut(request) }
        }
        return router
    }

    /// The dashboard runs no script and loads nothing from elsewhere: its pages say so to the browser.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    public static func buildApplication(
        store: any ServerStore, options: ServerOptions, metrics: RequestMetrics = RequestMetrics(), logger: Logger = Logger(label: "monazite.http"),
        dashboard: PageHandler? = nil, onWrite: (@Sendable () -> Void)? = nil, onServerRunning: (@Sendable (Int) async -> Void)? = nil
    ) -> some ApplicationProtocol {
        let router = buildRouter(store: store, options: options, metrics: metrics, logger: logger, dashboard: dashboard, onWrite: onWrite)
        // The simulation workers run inside the application's service lifecycle: they start with
        // the server and stop, after the job at hand, on graceful shutdown.
        let workers: [any Service] = (0..<max(0, options.simulationWorkers)).map { i in
            SimulationWorker(store: store, name: "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier):\(i)", logger: logger)
        }
        let trimmer: [any Service] = options.returnFreeMemoryEvery.map { [HeapTrimmer(interval: $0)] } ?? []
        return Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(options.hostname, port: options.port), serverName: "Monazite"),
            services: workers + trimmer,
            onServerRunning: { channel in await onServerRunning?(channel.localAddress?.port ?? options.port) },
            logger: logger)
    }
}

/// `application/x-www-form-urlencoded` values: `+` is a space, `%XX` a byte.
enum FormDecoding {
    static func decode(_ text: String) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
