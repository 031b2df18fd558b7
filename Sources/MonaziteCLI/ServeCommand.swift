import ArgumentParser
import Foundation
import Logging
import MonaziteServer
import MonaziteService
import MonaziteStore

/// `monazite serve`: the JSON API, the OpenAPI document and the dashboard over HTTP.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the JSON API (/api/v1, /openapi.json), the dashboard, /health and /metrics over HTTP.")

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "Address to listen on.") var hostname = "127.0.0.1"
    @Option(help: "Port to listen on (0: any free port).") var port = 8080
    @Flag(help: "Require a token for reads too (default: reads are public, writes need a token).") var `private` = false
    @Option(name: .customLong("max-body-mb"), help: "Largest upload accepted, in MiB.") var maxBodyMB = 32
    @Option(name: .customLong("page-cache"), help: "Seconds a dashboard page or an API read answer is reused for the same URL (0: compute every request); imports through the API empty the caches.")
    var pageCache = 5
    @Option(name: .customLong("writes-per-minute"), help: "Imports and simulation jobs each caller (a token, or all callers without one) may make per minute after a burst of 10; 0: no limit.")
    var writesPerMinute = 30
    @Option(
        name: .customLong("writes-per-minute-per-address"),
        help: "Imports and simulation jobs each client IP address may make per minute, whatever tokens it sends, after a burst of 20; 0: no limit. Behind a reverse proxy all callers share the proxy's address.")
    var writesPerMinutePerAddress = 60
    @Option(
        name: .customLong("simulation-workers"),
        help: "Simulation jobs this server runs at once, 0 to 2 (0: it only queues them, for `monazite worker` processes on the same store).")
    var simulationWorkers = 2
    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.") var logLevel = "info"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0...65535") }
        guard (1...1024).contains(maxBodyMB) else { throw ValidationError("--max-body-mb must be 1...1024") }
        guard (0...3600).contains(pageCache) else { throw ValidationError("--page-cache must be 0...3600 seconds") }
        guard (0...100_000).contains(writesPerMinute) else { throw ValidationError("--writes-per-minute must be 0...100000 (0: no limit)") }
        guard (0...100_000).contains(writesPerMinutePerAddress) else {
            throw ValidationError("--writes-per-minute-per-address must be 0...100000 (0: no limit)")
        }
        guard (0...2).contains(simulationWorkers) else { throw ValidationError("--simulation-workers must be 0...2") }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("--log-level: \"\(logLevel)\" is not a log level") }
    }

    func run() async throws {
        // Before the server's threads start allocating: a few arenas, not glibc's 8 per core.
        HeapAllocator.limitArenas()
        let store = try await storeOptions.openServerStore()
        var logger = Logger(label: "monazite.http")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        var options = ServerOptions(hostname: hostname, port: port, publicReads: !`private`, maximumBodyBytes: maxBodyMB << 20, answerCacheSeconds: pageCache, writesPerMinute: writesPerMinute,
            writesPerMinutePerAddress: writesPerMinutePerAddress)
        options.simulationWorkers = simulationWorkers
        let host = hostname
        let metrics = RequestMetrics()
        let dashboard = try await ServerComposition.dashboard(store: store, cacheSeconds: pageCache, metrics: metrics)
        let app = MonaziteServer.buildApplication(
            store: store, options: options, metrics: metrics, logger: logger, dashboard: dashboard.pages, onWrite: dashboard.invalidate
        ) { port in
            FileHandle.standardOutput.write(Data("Monazite serving \(store.location) on http://\(host):\(port)/ (API: /api/v1, /openapi.json)\n".utf8))
        }
        do {
            try await app.runService()
        } catch {
            // Say what failed and where, not the socket call's words.
            let text = "\(error)"
            if text.contains("Address already in use") {
                throw CLIError("cannot listen on \(host):\(port): the address is already in use (another server?); choose another --port")
            }
            if text.contains("Cannot assign requested address") || text.contains("unknown host") {
                throw CLIError("cannot listen on \(host):\(port): no such local address; use --hostname 127.0.0.1 or 0.0.0.0")
            }
            if text.contains("Permission denied") {
                throw CLIError("cannot listen on \(host):\(port): permission denied (ports below 1024 need privileges)")
            }
            throw CLIError("the server stopped: \(text)")
        }
    }
}

/// `monazite tokens`: bearer tokens for writes through the API.
struct TokensCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens", abstract: "Create, list and revoke the API's bearer tokens (stored hashed).",
        subcommands: [Create.self, List.self, Revoke.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a token and print its secret once.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "A name for the token (unique), e.g. ci-importer.") var name: String
        @Option(help: "read (reads on a private server), write (imports and simulation jobs too) or admin.") var scope = "write"
        @Option(name: .customLong("expires-in-days"), help: "Days until the token stops working (1 to 3650; default: never).")
        var expiresInDays: Int?

        func validate() throws {
            guard AccessScope(rawValue: scope) != nil else { throw ValidationError("--scope: \"\(scope)\" is not read, write or admin") }
            if let d = expiresInDays, !(1...3650).contains(d) { throw ValidationError("--expires-in-days must be 1...3650") }
        }

        func run() async throws {
            let store = try await global.storeOptions.openServerStore()
            let (token, secret) = try await AccessTokens.create(
                name: name, in: store, scope: AccessScope(rawValue: scope) ?? .write, expiresInDays: expiresInDays)
            let report = Report(
                title: "Token \"\(token.name)\" created. Its secret is shown once; the store keeps only its SHA-256.",
                columns: ["name", "secret", "scope", "created", "expires"],
                rows: [[token.name, secret, token.scope.rawValue, token.createdAt, token.expiresAt ?? "never"]],
                answer: [
                    "name": token.name, "secret": secret, "scope": token.scope.rawValue, "created_at": token.createdAt,
                    "expires_at": token.expiresAt ?? "never",
                ],
                notes: ["use it as: Authorization: Bearer \(secret)"])
            print(report.render(global.format), terminator: "")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List tokens (names and dates; secrets are never stored).")
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let store = try await global.storeOptions.openServerStore()
            let tokens = try await store.accessTokens()
            let report = Report(
                title: "\(tokens.filter { !$0.isRevoked }.count) tokens not revoked", columns: ["name", "scope", "created", "expires", "revoked"],
                rows: tokens.map { [$0.name, $0.scope.rawValue, $0.createdAt, $0.expiresAt ?? "never", $0.revokedAt ?? ""] },
                answer: tokens.map {
                    TokenEntry(name: $0.name, scope: $0.scope.rawValue, createdAt: $0.createdAt, expiresAt: $0.expiresAt, revokedAt: $0.revokedAt)
                })
            print(report.render(global.format), terminator: "")
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token by name; it stops working at once.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The token's name.") var name: String

        func run() async throws {
            let store = try await global.storeOptions.openServerStore()
            guard try await store.revokeAccessToken(name: name) else { throw CLIError("no live token named \"\(name)\"") }
            print("revoked \"\(name)\"")
        }
    }
}

/// A token as `tokens list --format json` gives it (never its secret).
struct TokenEntry: Encodable {
    let name: String
    let scope: String
    let createdAt: String
    @NullWhenAbsent var expiresAt: String?
    @NullWhenAbsent var revokedAt: String?

    enum CodingKeys: String, CodingKey {
        case name
        case scope
        case createdAt = "created_at"
        case expiresAt = "expires_at"
        case revokedAt = "revoked_at"
    }
}
