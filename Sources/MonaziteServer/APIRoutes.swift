import Foundation
import HTTPTypes
import Hummingbird
import MonaziteCore
import MonaziteScenario
import MonaziteService
import MonaziteStore

/// The handlers of `/api/v1`. Each checks its query (unknown parameters are refused), calls the
/// same service queries as the CLI, and answers JSON; errors become the API error body in the
/// middleware.
struct APIRoutes: Sendable {
    let store: any ServerStore
    let options: ServerOptions
    let jobs: SimulationJobs
    /// Called after a write that changed the store (to empty page caches).
    let onWrite: @Sendable () -> Void
    /// Read answers kept between writes (see ``AnswerCache``).
    let cache: AnswerCache
    let limits: RateLimits
    /// The store revision the cache was filled at: an import by another process empties it.
    let revisions = RevisionWatch()

    static let seriesParameters: Set<String> = ["reporter", "partner", "flow", "commodity", "as_of"]

    func register(on router: Router<MonaziteRequestContext>) {
        let v1 = router.group("/api/v1")
        v1.get("/series") { request, _ in try await self.cached(request) { try await self.seriesList(request) } }
        v1.get("/trade") { request, _ in try await self.cached(request) { try await self.trade(request) } }
        v1.get("/trade/summary") { request, _ in try await self.cached(request) { try await self.summary(request) } }
        v1.get("/briefings/:period") { request, context in
            // Not cached: the briefing's date moves with the clock.
            try await self.requireRead(request)
            return try await self.briefing(request, period: context.parameters.get("period") ?? "").response
        }
        v1.get("/partners") { request, _ in try await self.cached(request) { try await self.partners(request) } }
        v1.get("/reliance") { request, _ in try await self.cached(request) { try await self.reliance(request) } }
        v1.get("/sources") { request, _ in try await self.cached(request) { try await self.sources(request) } }
        v1.post("/imports") { request, context in try await self.importFile(request, from: context.clientAddress) }
        v1.post("/simulations") { request, context in try await self.submitSimulation(request, from: context.clientAddress) }
        v1.get("/simulations") { request, _ in try await self.listSimulations(request) }
        v1.get("/simulations/:id") { request, context in try await self.simulation(request, id: context.parameters.get("id") ?? "") }
        v1.get("/simulations/:id/result") { request, context in
            try await self.simulationResult(request, id: context.parameters.get("id") ?? "")
        }
        PolicyRoutes(store: store, access: self).register(on: v1)
        ClaimsRoutes(store: store, access: self).register(on: v1)
        PriceRoutes(access: self).register(on: v1)
        ProjectRoutes(access: self).register(on: v1)
    }

    // MARK: Access

    /// A read answered from the cache when the same URI was answered since the last write.
    /// The access check is here, before the cache, for every read registered through it.
    func cached(_ request: Request, _ compute: () async throws -> JSONAnswer) async throws -> Response {
        try await requireRead(request)
        if cache.maxAge > .zero, revisions.changed(to: try await store.revision()) {
            cache.invalidate()
            onWrite()
        }
        return try await cache.answer(for: request.uri.description, compute: compute).response
    }

    func requireRead(_ request: Request) async throws {
        if !options.publicReads { _ = try await AccessTokens.authenticate(request, store: store, needs: .read) }
    }

    // MARK: Reads

    /// How long `/health` waits for the store before it says unavailable (a probe must answer fast).
    static let healthDeadline: Duration = .milliseconds(800)

    func health() async throws -> Response {
        do {
            let store = self.store
            // The store's count or the deadline, whichever comes first; the other is cancelled.
            let answer = try await withThrowingTaskGroup(of: (observations: Int, salient: Int, indicators: Int, batches: Int)?.self) { group in
                group.addTask { try await store.counts() }
                group.addTask {
                    try await Task.sleep(for: Self.healthDeadline)
                    return nil
                }
                let first = try await group.next() ?? nil
                group.cancelAll()
                return first
            }
            guard let c = answer else { throw StoreError.unavailable("no answer within the health deadline") }
            // No host, port, database or path: /health is public, and those are the operator's.
            return JSONResponse.make([
                "status": "ok",
                "figures": ["observations": c.observations, "salient_statistics": c.salient, "indicators": c.indicators, "imports": c.batches],
            ])
        } catch {
            // Retry-After as on every other 503 (the middleware adds it to thrown errors only).
            var response = JSONResponse.make(
                ["status": "unavailable", "error": ["status": 503, "code": "store_unavailable", "message": "the store cannot be read"]],
                status: .serviceUnavailable)
            response.headers[.retryAfter] = "5"
            return response
        }
    }

    func seriesList(_ request: Request) async throws -> JSONAnswer {
        let q = try QueryParameters(request, allowed: Paging.parameters)
        let paging = try q.paging()
        let answer = try await TradeQueries.seriesList(store: store, today: CalendarDay.todayUTC())
        return try JSONAnswer(encoding: paging.page(answer.series))
    }

    /// The trade series, as the JSON contract of PRODUCT.md section 4: an array in period order.
    /// Paging is in headers (`X-Total-Count`, `Link: <…>; rel="next"`) so the body stays the contract.
    func trade(_ request: Request) async throws -> JSONAnswer {
        let q = try QueryParameters(request, allowed: Self.seriesParameters.union(["from", "to", "frequency"]).union(Paging.parameters))
        let key = SeriesKey(
            reporter: try q.country("reporter", default: "CHN"), partner: try q.country("partner", default: "WLD"), flow: try q.flow(),
            commodity: try q.hsCode("commodity", default: "8505.11"))
        let frequency = try q["frequency"].map { text throws(ServiceError) in try QueryParsing.frequency(text, name: "frequency") } ?? .month
        let answer = try await TradeQueries.series(
            store: store, key: key, from: try q.period("from"), to: try q.period("to"), frequency: frequency, asOf: try q.day("as_of"))
        let page = try q.paging().page(answer.rows)
        var response = try JSONAnswer(encoding: page.data)
        if let name = HTTPField.Name("X-Total-Count") { response.headers[name] = String(page.paging.total) }
        if let next = page.paging.nextOffset {
            var components = URLComponents()
            components.path = request.uri.path
            var items = request.uri.queryParameters.map { URLQueryItem(name: String($0.key), value: String($0.value)) }.filter { $0.name != "offset" }
            items.append(URLQueryItem(name: "offset", value: String(next)))
            components.queryItems = items
            if let link = HTTPField.Name("Link") { response.headers[link] = "<\(components.string ?? request.uri.path)>; rel=\"next\"" }
        }
        return response
    }

    func summary(_ request: Request) async throws -> JSONAnswer {
        let q = try QueryParameters(request, allowed: ["reporter", "flow", "commodity", "period", "as_of"])
        let reporter = try q.country("reporter", default: "CHN")
        let flow = try q.flow()
        let commodity = try q.hsCode("commodity", default: "8505.11")
        let asOf = try q.day("as_of")
        let answer =
            if let period = try q.period("period") {
                try await TradeQueries.summary(store: store, reporter: reporter, flow: flow, commodity: commodity, period: period, asOf: asOf)
            } else {
                try await TradeQueries.latestSummary(store: store, reporter: reporter, flow: flow, commodity: commodity, asOf: asOf)
            }
        return try JSONAnswer(encoding: answer)
    }

    /// The monthly briefing (as `monazite briefing PERIOD --format json`); `today` fixes the clock.
    func briefing(_ request: Request, period text: String) async throws -> JSONAnswer {
        let q = try QueryParameters(request, allowed: ["today"])
        try DeclaredParameters.check("period", text, method: "GET", path: request.uri.path)
        guard let p = Period(parsing: text), p.first == p.last else {
            throw APIError.badRequest("period: \"\(text)\" is not a month (YYYY-MM)", parameter: "period")
        }
        let today = try q.day("today") ?? CalendarDay.todayUTC()
        let events = try await PolicyRoutes(store: store, access: self).timeline()
        let answer = try await QueryService(store: store).briefing(month: p.first, today: today, events: events)
        return try JSONAnswer(encoding: answer)
    }

    func partners(_ request: Request) async throws -> JSONAnswer {
        let q = try QueryParameters(request, allowed: ["reporter", "flow", "commodity", "period", "as_of"])
        let reporter = try q.country("reporter", default: "CHN")
        let flow = try q.flow()
        let commodity = try q.hsCode("commodity", default: "8505.11")
        guard let period = try q.period("period") else { throw APIError.badRequest("period is required (YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY)", parameter: "period") }
        let answer = try await TradeQueries.partners(
            store: store, reporter: reporter, flow: flow, commodity: commodity, period: period, asOf: try q.day("as_of"))
        return try JSONAnswer(encoding: answer)
    }

    func reliance(_ request: Request) async throws -> JSONAnswer {
        let q = try QueryParameters(request, allowed: ["country", "edition"])
        let answer = try await DependenceQueries.reliance(store: store, country: try q.country("country", default: "USA"), edition: q["edition"])
        return try JSONAnswer(encoding: answer)
    }

    func sources(_ request: Request) async throws -> JSONAnswer {
        let q = try QueryParameters(request, allowed: Paging.parameters)
        let answer = try await DependenceQueries.sources(store: store)
        return try JSONAnswer(encoding: try q.paging().page(answer.sources))
    }

    // MARK: Writes

    /// `POST /api/v1/imports?format=…&name=…`: the body is the file; all or nothing.
    func importFile(_ request: Request, from address: String?) async throws -> Response {
        let token = try await AccessTokens.authenticate(request, store: store, needs: .write)
        try limits.check(caller: token.name, address: address, what: "imports")
        let q = try QueryParameters(request, allowed: ["format", "name", "release", "source", "url", "country"])
        let format = try q["format"].map { text throws(APIError) in
            guard let f = FileImport.FileFormat(rawValue: text) else {
                throw .badRequest("format: \"\(text)\" is not \(FileImport.FileFormat.namesText)", parameter: "format")
            }
            return f
        }
        let name = q["name"] ?? "upload.csv"
        guard name.count <= 200, !name.contains("/") else { throw APIError.badRequest("name: a file name without slashes, up to 200 characters", parameter: "name") }
        let options = FileImport.Options(
            release: try q.day("release"), source: q["source"], url: q["url"], country: try q.country("country", default: "USA"))
        var request = request
        let body = try await request.collectBody(upTo: self.options.maximumBodyBytes)
        guard body.readableBytes > 0 else { throw APIError.badRequest("the request body is empty: send the file's bytes") }
        let data = Data(body.readableBytesView)
        let (chosen, report) = try await FileImport.run(store: store, data: data, name: name, format: format, options: options)
        if report.inserted > 0 {
            cache.invalidate()
            onWrite()
        }
        let answer = FileImport.answer(file: name, format: chosen, report, token: token.name)
        return JSONResponse.make(data: JSONOutput.data(answer, pretty: false), status: report.inserted > 0 ? .created : .ok)
    }

    // MARK: Simulations

    func submitSimulation(_ request: Request, from address: String?) async throws -> Response {
        // A token when one is sent (and always on a private server); the rate limit is per caller,
        // checked below once the request is valid.
        let caller =
            request.headers[.authorization] != nil || !options.publicReads
            ? try await AccessTokens.authenticate(request, store: store, needs: .write).name : "public"
        var request = request
        let body = try await request.collectBody(upTo: 1 << 20)
        let submission = try SimulationSubmission.decode(Data(body.readableBytesView))
        let file: ScenarioFile
        do {
            if let name = submission.scenario, !ScenarioLibrary.bundledScenarioNames.contains(name) {
                throw APIError.badRequest(
                    "scenario: \"\(name)\" is not a bundled scenario (\(ScenarioLibrary.bundledScenarioNames.joined(separator: ", "))); send your own as scenario_yaml",
                    parameter: "scenario")
            }
            guard submission.scenario != nil || submission.scenarioYAML != nil else {
                throw APIError.badRequest("give \"scenario\" (a bundled scenario's name) or \"scenario_yaml\" (a scenario file's text)", parameter: "scenario")
            }
            // Checked now, so a bad scenario is a 422 at once rather than a failed job later.
            file = try SimulationSubmission.scenarioFile(storedJSON: submission.storedJSON)
        } catch let e as ScenarioFileError {
            throw APIError(.unprocessableContent, code: "invalid_scenario", e.description)
        }
        func bounded(_ value: Int?, _ key: String, default fallback: Int, range: ClosedRange<Int>) throws(APIError) -> Int {
            guard let n = value else { return fallback }
            guard range.contains(n) else { throw APIError.badRequest("\(key): \(n) is outside \(range.lowerBound)...\(range.upperBound)", parameter: key) }
            return n
        }
        let runs = try bounded(
            submission.runs, "runs", default: min(file.scenario.defaultRuns, SimulationJobs.maximumRuns), range: 1...SimulationJobs.maximumRuns)
        let seed = UInt64(try bounded(submission.seed, "seed", default: Int(clamping: file.scenario.defaultSeed), range: 0...Int.max))
        // Counted once the request is valid: a refused request costs no job, and no budget.
        try limits.check(caller: caller, address: address, what: "simulation jobs")
        let job = try await jobs.submit(scenario: file.scenario.name, request: submission, runs: runs, seed: seed)
        var response = JSONResponse.make(data: JSONOutput.data(job.answer, pretty: false), status: .accepted)
        response.headers[.location] = "/api/v1/simulations/\(job.id)"
        return response
    }

    func listSimulations(_ request: Request) async throws -> Response {
        try await requireRead(request)
        let q = try QueryParameters(request, allowed: Paging.parameters)
        return JSONResponse.make(data: JSONOutput.data(try q.paging().page(try await jobs.all().map(\.answer)), pretty: false))
    }

    func simulation(_ request: Request, id: String) async throws -> Response {
        try await requireRead(request)
        _ = try QueryParameters(request, allowed: [])
        guard let job = try await jobs.job(id) else { throw APIError.notFound("no simulation \(id)") }
        return JSONResponse.make(data: JSONOutput.data(job.answer, pretty: false))
    }

    func simulationResult(_ request: Request, id: String) async throws -> Response {
        try await requireRead(request)
        _ = try QueryParameters(request, allowed: [])
        guard let job = try await jobs.job(id) else { throw APIError.notFound("no simulation \(id)") }
        switch job.state {
        case "succeeded":
            guard let result = job.result else { throw APIError.notFound("simulation \(id) has no result") }
            return JSONResponse.make(data: Data(result.utf8))
        case "failed":
            throw APIError(.unprocessableContent, code: "simulation_failed", "simulation \(id) failed: \(job.error ?? "unknown error")")
        default:
            throw APIError(.conflict, code: "not_finished", "simulation \(id) is \(job.state); poll /api/v1/simulations/\(id)")
        }
    }
}
