import Foundation
import Hummingbird
import MonaziteCore
import MonazitePolicy
import MonazitePolicyFile
import MonaziteService
import MonaziteStore

/// `/api/v1/policy/…` and `/api/v1/anomalies`: the policy timeline, what applies on a date, and
/// anomalies linked to events. The timeline is the bundled one plus events imported into the
/// store (when the store keeps policy events).
struct PolicyRoutes: Sendable {
    let store: any ServerStore
    let access: APIRoutes

    func register(on group: RouterGroup<MonaziteRequestContext>) {
        group.get("/policy/events") { request, _ in try await self.events(request) }
        group.get("/policy/controls") { request, _ in try await self.controls(request) }
        group.get("/anomalies") { request, _ in try await self.anomalies(request) }
    }

    func timeline() async throws -> [PolicyEvent] {
        do {
            return try await PolicyBridge.events(store: store as? any PolicyStore)
        } catch let e as PolicyFileError {
            throw APIError(.internalServerError, code: "internal_error", "the bundled policy timeline is invalid: \(e)")
        }
    }

    func element(_ q: QueryParameters) throws(APIError) -> RareEarthElement? {
        guard let text = q["element"] else { return nil }
        guard let e = RareEarthElement(parsing: text) else {
            throw .badRequest("element: \"\(text)\" is not a rare earth (a symbol such as Dy or a name such as dysprosium)", parameter: "element")
        }
        return e
    }

    func destination(_ q: QueryParameters) throws(APIError) -> CountryCode? {
        guard let text = q["destination"] else { return nil }
        guard let c = CountryCatalog.resolve(text), c.isCountry else {
            throw .badRequest("destination: \"\(text)\" is not a country (an ISO 3166-1 alpha-3 code such as USA)", parameter: "destination")
        }
        return c
    }

    /// The timeline, filtered, each event with its status today.
    func events(_ request: Request) async throws -> Response {
        try await access.requireRead(request)
        let q = try QueryParameters(request, allowed: Set(["kind", "element", "destination", "from", "to", "on"]).union(Paging.parameters))
        var kind: PolicyKind?
        if let text = q["kind"] {
            guard let k = PolicyKind(parsing: text) else {
                throw APIError.badRequest("kind: \"\(text)\" is not one of \(PolicyKind.allCases.map(\.rawValue).joined(separator: ", "))", parameter: "kind")
            }
            kind = k
        }
        let element = try element(q)
        let destination = try destination(q)
        let from = try q.day("from")
        let to = try q.day("to")
        let on = try q.day("on") ?? CalendarDay.todayUTC()
        let answer = PolicyQueries.events(
            try await timeline(), kind: kind, element: element, destination: destination, from: from, to: to, on: on)
        return JSONResponse.make(data: JSONOutput.data(try q.paging().page(answer.events), pretty: false))
    }

    /// What applies on a date to an element, commodity and destination (as `monazite controls`).
    func controls(_ request: Request) async throws -> Response {
        try await access.requireRead(request)
        let q = try QueryParameters(request, allowed: ["on", "element", "commodity", "destination"])
        let on = try q.day("on") ?? CalendarDay.todayUTC()
        var commodity: String?
        if let text = q["commodity"] {
            guard let code = CommodityMapping.normalise(text) ?? HSCode(text).flatMap({ $0.level == .aggregate ? $0.code : nil }) else {
                throw APIError.badRequest(
                    "commodity: \"\(text)\" is not an HS code or prefix (such as 8505.11 or 2846) or a customs aggregate (cn-rare-earths)",
                    parameter: "commodity")
            }
            commodity = code
        }
        let answer = PolicyQueries.controls(
            try await timeline(), on: on, element: try element(q), commodity: commodity, destination: try destination(q))
        return JSONResponse.make(data: JSONOutput.data(answer, pretty: false))
    }

    func anomalies(_ request: Request) async throws -> Response {
        try await access.requireRead(request)
        let q = try QueryParameters(request, allowed: ["reporter", "partner", "flow", "commodity", "threshold", "lag_months"])
        let key = SeriesKey(
            reporter: try q.country("reporter", default: "CHN"), partner: try q.country("partner", default: "WLD"), flow: try q.flow(),
            commodity: try q.hsCode("commodity", default: "8505.11"))
        var threshold = 3.5
        if let text = q["threshold"] {
            guard let t = Double(text), t.isFinite, t > 0, t <= 100 else {
                throw APIError.badRequest("threshold: \"\(text)\" is not a positive number up to 100", parameter: "threshold")
            }
            threshold = t
        }
        let lag = try q.integer("lag_months", default: 2, range: 0...24)
        let answer = try await AnomalyQueries.anomalies(
            store: store, key: key, threshold: threshold, lagMonths: lag, events: try await timeline())
        return JSONResponse.make(data: JSONOutput.data(answer, pretty: false))
    }
}
