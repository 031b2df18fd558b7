public import MonaziteCore
public import MonaziteService

/// The web dashboard as a pure rendering target: a path and query in, a status, content type
/// and body out. No HTTP library; the server mounts it and copies the response.
///
/// Pages: `/` (home), `/trade` (series held), `/trade/{commodity}/{reporter}`, `/dependence`,
/// `/policy`, `/sources`. Every table of a page is also served as CSV and as XLSX at the page's
/// URL with `format=csv&table=NAME` / `format=xlsx&table=NAME` (or a `.csv` / `.xlsx` suffix for
/// the first table). See `docs/dashboard.md`.
public struct Dashboard: Sendable {
    /// Answers the monthly briefing for a month (today from the clock at request time).
    public typealias Briefing = @Sendable (Month) async throws -> BriefingAnswer
    public typealias Applicability = @Sendable (CalendarDay, String?, String?, String?) async throws -> [ApplicabilityRow]
    /// The events the `/policy` page lists, each with its status on the day given.
    public typealias Timeline = @Sendable (CalendarDay) -> [TimelineEntry]

    let service: QueryService
    let markers: [ChartEventMarker]
    let timeline: Timeline?
    let applicability: Applicability?
    let briefing: Briefing?
    let basePath: String
    let cache: DashboardCache?
    let today: @Sendable () -> CalendarDay

    /// - Parameters:
    ///   - markers: events drawn on the monthly charts.
    ///   - timeline: the events the `/policy` page lists, with their statuses on a day (today,
    ///     asked at request time: a server that runs past a measure's end day shows it ended).
    ///   - applicability: answers "what applies on date D to element E / commodity C for
    ///     destination X" (date, element symbol, HS code as typed, destination alpha-3); nil
    ///     when no policy data is loaded, which the page says.
    ///   - basePath: where the server mounts the dashboard (`""` for the root, or `/dashboard`):
    ///     links are built under it and it is stripped from request paths.
    ///   - cache: keeps rendered pages (see ``DashboardCache``); nil renders every request.
    ///   - today: the day "today" is on the home and policy pages unless a request says `?today=`
    ///     (the UTC clock at request time by default).
    public init(
        service: QueryService, markers: [ChartEventMarker] = [], timeline: Timeline? = nil,
        applicability: Applicability? = nil, briefing: Briefing? = nil, basePath: String = "", cache: DashboardCache? = nil,
        today: @escaping @Sendable () -> CalendarDay = { .todayUTC() }
    ) {
        self.today = today
        self.briefing = briefing
        self.service = service
        self.markers = markers
        self.timeline = timeline
        self.applicability = applicability
        var base = basePath
        while base.hasSuffix("/") { base.removeLast() }
        self.basePath = base
        self.cache = cache
    }

    /// Answers one GET request. Never throws: an unknown path gets a 404 page, an unreadable
    /// query a 400 page saying why, a store failure a 500 page.
    public func respond(path: String, query: [String: String]) async -> DashboardResponse {
        guard let cache else { return await render(path: path, query: query) }
        let key = DashboardCache.key(path: path, query: query)
        if let hit = cache.lookup(key) { return hit }
        let response = await render(path: path, query: query)
        cache.store(response, for: key)
        return response
    }

    func render(path: String, query: [String: String]) async -> DashboardResponse {
        let request: DashboardRequest
        do {
            request = try DashboardRequest(path: path, query: query, basePath: basePath)
        } catch {
            return errorPage(error, request: DashboardRequest.root(basePath: basePath))
        }
        do {
            let page = try await route(request)
            if let format = request.download { return try download(page, request, format: format) }
            return DashboardResponse(
                status: 200, contentType: DashboardResponse.htmlType,
                body: PageLayout.document(title: page.title, request: request) { w in page.body(into: &w, request: request) })
        } catch let failure as DashboardFailure {
            return errorPage(failure, request: request)
        } catch {
            // The detail stays on the server; the page says what happened, not how.
            return ErrorPage(status: 500, message: "The store could not answer this page. Try again shortly.").response(request: request)
        }
    }

    func route(_ request: DashboardRequest) async throws -> any DashboardPage {
        let s = request.segments
        switch s.count {
        case 0:
            var home = try await HomePage.load(service: service, request: request, markers: markers)
            // What holds today leads the page: the clock at request time, or ?today= to look from another day.
            let today = try request.day("today") ?? today()
            home.today = today
            if let applicability { home.holdsToday = try await applicability(today, nil, "8505.11", nil) }
            return home
        case 1:
            switch s[0] {
            case "trade": return try await TradeIndexPage.load(service: service, request: request)
            case "dependence": return try await DependencePage.load(service: service, request: request)
            case "policy":
                // Statuses as of today (the clock at request time, or ?today=), like the home page.
                let day = try request.day("today") ?? today()
                return try await PolicyPage.load(request: request, timeline: timeline?(day) ?? [], statusDay: day, applicability: applicability)
            case "sources": return try await SourcesPage.load(service: service, request: request)
            case "claims": return try await ClaimsPage.load(service: service, request: request)
            case "prices": return try await PricesPage.load(service: service, request: request)
            case "projects": return try ProjectsPage.load(request: request)
            default: break
            }
        case 2 where s[0] == "briefing":
            return try await BriefingPage.load(periodText: s[1], briefing: briefing)
        case 3 where s[0] == "trade":
            return try await TradePage.load(service: service, request: request, commodityText: s[1], reporterText: s[2], markers: markers)
        default: break
        }
        throw DashboardFailure.notFound("There is no page at \(request.path).")
    }

    func download(_ page: any DashboardPage, _ request: DashboardRequest, format: DownloadFormat) throws -> DashboardResponse {
        let tables = page.tables
        let names = tables.map(\.name)
        let table: DataTable
        if let name = request.string("table") {
            guard let t = tables.first(where: { $0.name == name }) else {
                throw DashboardFailure.badRequest("table: \"\(name)\" is not a table of this page (\(names.isEmpty ? "none" : names.joined(separator: ", ")))")
            }
            table = t
        } else {
            guard let t = tables.first else { throw DashboardFailure.notFound("This page has no table to download.") }
            table = t
        }
        let stem = request.segments.isEmpty ? "monazite-home" : "monazite-" + request.segments.joined(separator: "-")
        let filename = MonthlyChart.cssToken(stem.replacingDots()) + "-" + MonthlyChart.cssToken(table.name) + "." + format.rawValue
        switch format {
        case .csv:
            return DashboardResponse(status: 200, contentType: DashboardResponse.csvType, body: Array(table.csv().utf8), suggestedFilename: filename)
        case .xlsx:
            // An in-memory ZIP failure (not expected) is a 500 page, as a store failure is.
            let data = try table.xlsx()
            return DashboardResponse(status: 200, contentType: DashboardResponse.xlsxType, body: Array(data), suggestedFilename: filename)
        }
    }

    func errorPage(_ error: DashboardFailure, request: DashboardRequest) -> DashboardResponse {
        switch error {
        case .badRequest(let message): ErrorPage(status: 400, message: message).response(request: request)
        case .notFound(let message): ErrorPage(status: 404, message: message).response(request: request)
        }
    }
}

extension ErrorPage {
    func response(request: DashboardRequest) -> DashboardResponse {
        DashboardResponse(
            status: status, contentType: DashboardResponse.htmlType,
            body: PageLayout.document(title: title, request: request, capacity: 4096) { w in body(into: &w, request: request) })
    }
}

extension String {
    fileprivate func replacingDots() -> String {
        String(map { $0 == "." ? "-" : $0 })
    }
}
