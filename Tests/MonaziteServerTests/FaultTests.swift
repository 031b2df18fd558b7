import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import MonaziteCore
import MonaziteIngest
import MonaziteServer
import MonaziteStore
import MonazitePrices
import Testing

/// A store that reads through to a real SQLite store but fails on series reads with a fault or an
/// outage (synthetic), to show how the API answers store failures.
struct FaultyStore: TradeStore, AccessTokenStore, JobStore, PriceStore {
    let base: SQLiteStore
    let failure: StoreError
    /// Imports fail too (else they go through to `base`).
    var failsImports = false
    var location: String { base.location }
    func importObservations(file: String, format: String, read: (ObservationSink) throws(ImportFailure) -> Int) async throws -> ImportReport {
        if failsImports { throw failure }
        return try base.importObservations(file: file, format: format, read: read)
    }
    func importSalientStatistics(_ stats: [SalientStatistic], file: String) async throws -> ImportReport { throw failure }
    func importIndicators(_ indicators: [Indicator], file: String) async throws -> ImportReport { throw failure }
    func observations(for key: SeriesKey, asOf: CalendarDay?) async throws -> [Observation] { throw failure }
    func releases(for key: SeriesKey, period: Period) async throws -> [Observation] { throw failure }
    func partnerObservations(reporter: CountryCode, flow: TradeFlow, commodity: HSCode, asOf: CalendarDay?, within: ClosedRange<Month>?) async throws
        -> [CountryCode: [Observation]]
    { throw failure }
    func seriesList() async throws -> [(key: SeriesKey, first: Month, last: Month, count: Int)] { throw failure }
    func freshnessInputs() async throws -> [SeriesKey: [FreshnessInput]] { throw failure }
    func salientStatistics(country: CountryCode, edition: String?) async throws -> [SalientStatistic] { throw failure }
    func salientEditions(country: CountryCode) async throws -> [String] { throw failure }
    func indicators(measure: Indicator.Measure, stage: SupplyStage?) async throws -> [Indicator] { throw failure }
    func sourceSummaries() async throws -> [SourceSummary] { throw failure }
    func counts() async throws -> (observations: Int, salient: Int, indicators: Int, batches: Int) { throw failure }
    func contentDigest() async throws -> String { throw failure }
    func revision() async throws -> Int64 { throw failure }
    func createAccessToken(name: String, secretHash: String, scope: AccessScope, expiresAt: String?) async throws -> AccessToken { throw failure }
    func accessTokens() async throws -> [AccessToken] { [] }
    func revokeAccessToken(name: String) async throws -> Bool { false }
    func liveAccessToken(secretHash: String) async throws -> AccessToken? { try base.liveAccessToken(secretHash: secretHash) }
    func enqueueJob(_ job: SimulationJobRecord, maximumActive: Int) async throws -> Bool { throw failure }
    func claimJob(worker: String, now: String, staleBefore: String) async throws -> SimulationJobRecord? { throw failure }
    func finishJob(id: String, state: String, result: String?, error: String?, now: String) async throws { throw failure }
    func simulationJob(id: String) async throws -> SimulationJobRecord? { throw failure }
    func simulationJobs(limit: Int) async throws -> [SimulationJobRecord] { throw failure }
    func importPriceQuotes(_ quotes: [PriceObservation], file: String) async throws -> ImportReport { throw failure }
    func priceQuotes() async throws -> [PriceObservation] { throw failure }
}

@Suite struct FaultTests {
    func router(_ failure: StoreError, failsImports: Bool = false, token: String? = nil) async throws -> Router<MonaziteRequestContext> {
        let h = try await ServerHarness.bundled()
        if let token { _ = try h.store.createAccessToken(name: "t", secretHash: AccessTokens.hash(token), scope: .write, expiresAt: nil) }
        var logger = Logger(label: "monazite.test")
        logger.logLevel = .critical
        return MonaziteServer.buildRouter(store: FaultyStore(base: h.store, failure: failure, failsImports: failsImports), logger: logger)
    }

    @Test func aStoreFaultIsA500WithARequestIdAndNoInternals() async throws {
        let router = try await router(.fault("PostgreSQL refused: relation \"observation\" does not exist at 10.0.0.5"))
        try await Application(router: router).test(.router) { client in
            try await client.execute(uri: "/api/v1/trade", method: .get) { response in
                #expect(response.status == .internalServerError)
                let error = try response.apiError()
                #expect(error["code"] as? String == "internal_error")
                let message = try #require(error["message"] as? String)
                #expect(!message.contains("PostgreSQL") && !message.contains("10.0.0.5"))
                let id = try #require(error["request_id"] as? String)
                #expect(response.headers[HTTPField.Name("X-Request-Id")!] == id)
            }
        }
    }

    @Test func anOutageIsA503WithRetryAfter() async throws {
        let router = try await router(.unavailable("PostgreSQL is unreachable: connection refused"))
        try await Application(router: router).test(.router) { client in
            try await client.execute(uri: "/api/v1/partners?period=2025-06", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                let error = try response.apiError()
                #expect(error["code"] as? String == "store_unavailable")
                #expect(response.headers[.retryAfter] == "5")
            }
            // /health says so too, with the same Retry-After.
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.retryAfter] == "5")
            }
        }
    }

    /// A full disk under an import (SQLITE_FULL, mapped by the store) is the server's condition,
    /// not the client's mistake and not a fault: 507 with its own code and no path.
    /// (`scripts/fault-test.sh diskfull` fills a real tmpfs and shows that reads still answer.)
    @Test func aFullDiskUnderAnImportIsA507WithItsOwnCode() async throws {
        let secret = "synthetic-secret-for-the-full-disk-test-0123456789"
        let router = try await router(.diskFull(path: "/srv/monazite/store.sqlite"), failsImports: true, token: secret)
        try await Application(router: router).test(.router) { client in
            let csv = "period,reporter,partner,flow,commodity,quantity,unit,status,source\n2025-06,CHN,FRA,export,8505.11,1,t,reported,synthetic\n"
            try await client.execute(
                uri: "/api/v1/imports?name=x.csv", method: .post, headers: [.authorization: "Bearer \(secret)"], body: ByteBuffer(string: csv)
            ) { response in
                #expect(response.status.code == 507)
                let error = try response.apiError()
                #expect(error["code"] as? String == "insufficient_storage")
                let message = try #require(error["message"] as? String)
                #expect(message.contains("disk is full") && !message.contains("/srv/monazite"))
            }
        }
    }

    /// A store that became read-only under a running server: 503 store_unavailable with
    /// Retry-After, not a 500.
    @Test func aReadOnlyStoreUnderAnImportIsA503() async throws {
        let secret = "synthetic-secret-for-the-read-only-test-0123456789"
        let router = try await router(.readOnly(path: "/srv/monazite/store.sqlite"), failsImports: true, token: secret)
        try await Application(router: router).test(.router) { client in
            let csv = "period,reporter,partner,flow,commodity,quantity,unit,status,source\n2025-06,CHN,FRA,export,8505.11,1,t,reported,synthetic\n"
            try await client.execute(
                uri: "/api/v1/imports?name=x.csv", method: .post, headers: [.authorization: "Bearer \(secret)"], body: ByteBuffer(string: csv)
            ) { response in
                #expect(response.status == .serviceUnavailable)
                let code = try response.apiError()["code"] as? String
                #expect(code == "store_unavailable")
                #expect(response.headers[.retryAfter] == "5")
            }
        }
    }

    @Test func everyAnswerCarriesARequestId() async throws {
        let h = try await ServerHarness.bundled()
        try await h.application().test(.router) { client in
            try await client.execute(uri: "/api/v1/series", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[HTTPField.Name("X-Request-Id")!]?.isEmpty == false)
            }
        }
    }
}

/// A write by another process (the CLI on the same SQLite file) is seen by a running server at
/// once, though its caches would keep answers for an hour.
@Suite struct CrossProcessTests {
    @Test func anImportByAnotherConnectionEmptiesTheCachesAtOnce() async throws {
        let h = try await ServerHarness.bundled(options: ServerOptions(port: 0, answerCacheSeconds: 3600))
        let mount = DashboardMount.make(store: h.store, events: [], cacheSeconds: 3600)
        // The "CLI": a second store on the same file, as `monazite import` opens it.
        let cli = try SQLiteStore(path: h.store.location.replacingOccurrences(of: "sqlite:", with: ""))
        try await h.application(dashboard: mount.pages).test(.router) { client in
            func april() async throws -> Any? {
                try await client.execute(uri: "/api/v1/trade?from=2026-04&to=2026-04", method: .get) { response in
                    (try response.json() as? [[String: Any]])?.first?["quantity_t"]
                }
            }
            #expect(try await april() is NSNull)
            let page = try await client.execute(uri: "/trade/8505.11/CHN?from=2026-04&to=2026-04", method: .get) { $0.text }
            #expect(!page.contains("data-tonnes=\"5400\""))
            // Synthetic release (test data only).
            let csv = """
                period,reporter,partner,flow,commodity,quantity,unit,source,release
                2026-04,CHN,WLD,export,8505.11,5400,t,synthetic test release,2026-05-20

                """
            let imported = try await FileImporter.run(store: cli, data: Data(csv.utf8), name: "synthetic.csv", format: .observations)
            #expect(imported.report.inserted == 1)
            #expect(try await april() as? Double == 5400)
            let again = try await client.execute(uri: "/trade/8505.11/CHN?from=2026-04&to=2026-04", method: .get) { $0.text }
            #expect(again.contains("data-tonnes=\"5400\""))
        }
    }
}

@Suite struct SecurityHeaderTests {
    @Test func dashboardPagesForbidScriptsFramesAndSniffing() async throws {
        let h = try await ServerHarness.bundled()
        let mount = DashboardMount.make(store: h.store, events: [], cacheSeconds: 0)
        try await h.application(dashboard: mount.pages).test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                let csp = try #require(response.headers[HTTPField.Name("Content-Security-Policy")!])
                #expect(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'") && !csp.contains("script-src"))
                #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
                // same-origin, not no-referrer: the latter makes browsers post this site's own forms with `Origin: null`.
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin")
            }
            try await client.execute(uri: "/api/v1/series", method: .get) { response in
                #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
            }
        }
    }
}

/// The /claims page: a plain form whose post shows the article with its claims marked, the same
/// claims as `POST /api/v1/claims`.
@Suite struct ClaimsPageTests {
    @Test func aPostedArticleComesBackMarkedWithTheAPIsVerdicts() async throws {
        let h = try await ServerHarness.bundled()
        let mount = DashboardMount.make(store: h.store, events: [], cacheSeconds: 0)
        // Test sentences written for this test (figures from the bundled data).
        let article = "China's rare earth magnet exports fell to 1,238 tonnes in May.\nShipments to the U.S. surged 660% in June."
        try await h.application(dashboard: mount.pages).test(.router) { client in
            let form = "text=" + (article.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") + "&published=2025-07-20"
            let html = try await client.execute(
                uri: "/claims", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: form)
            ) { response in
                #expect(response.status == .ok)
                return response.text
            }
            #expect(html.contains("<mark class=\"verdict-agrees\""))
            #expect(html.contains("<form method=\"post\""))
            // The text comes back in the form after a line break, which the HTML parser drops: an
            // article that starts with a blank line keeps it, and its claims their line numbers.
            #expect(html.contains("required>\nChina&#39;s rare earth magnet exports"), "\(html)")
            #expect(!html.contains("<script"))
            let api = try await client.execute(
                uri: "/api/v1/claims", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"text": "China's rare earth magnet exports fell to 1,238 tonnes in May.\nShipments to the U.S. surged 660% in June.", "published": "2025-07-20"}"#)
            ) { response in
                try #require(try response.object()["claims"] as? [[String: Any]])
            }
            #expect(api.count == 2)
            for claim in api {
                let verdict = try #require(claim["verdict"] as? String)
                #expect(html.contains("verdict-\(verdict)"))
            }
            #expect(api.compactMap { $0["line"] as? Int } == [1, 2])
            // A browser posts the text with CR LF line ends: the same lines, each marked in its own paragraph.
            let crlf = form.replacingOccurrences(of: "%0A", with: "%0D%0A")
            let csv = try await client.execute(
                uri: "/claims?format=csv&table=claims", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: crlf)
            ) { response in response.text }
            let lines = csv.split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",")[1] }
            #expect(lines == ["1", "2"], "\(csv)")
            let page = try await client.execute(
                uri: "/claims", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: crlf)
            ) { response in response.text }
            #expect(page.contains("<sup>1</sup></mark>.</p><p><mark"), "the second line is not a paragraph of its own")
            // Markdown emphasis around a figure: the claim is marked in the text as read, not lost
            // in the raw line (whose "**" the claim's quote does not have).
            let markdown = "## June\n\nChina's rare earth magnet exports fell to **1,238 tonnes** in May."
            let md = try await client.execute(
                uri: "/claims", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "text=" + (markdown.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") + "&published=2025-07-20")
            ) { response in response.text }
            #expect(md.contains("<mark class=\"verdict-agrees\""), "\(md)")
            let shown = (md.components(separatedBy: "<div class=\"article\">").last ?? "").components(separatedBy: "</div>").first ?? ""
            #expect(!shown.contains("**1,238"), "the marked article shows the markup")
        }
    }
}
