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

    func register(on group: RouterGroup<BasicRequestContext>) {
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

    static func encode(_ value: some Encodable) throws -> Any {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try JSONSerialization.jsonObject(with: try encoder.encode(value), options: [.fragmentsAllowed])
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
        let events = try await timeline()
        let timeline = PolicyTimeline(events)
        let selected = events.filter { e in
            if let kind, e.kind != kind { return false }
            if let element, !e.scope.elements.contains(element) { return false }
            if let destination, !e.scope.covers(destination: destination) { return false }
            if let from, let start = e.dates.start, start < from { return false }
            if let to, let start = e.dates.start, start > to { return false }
            return true
        }.sorted { ($0.dates.start?.dayNumber ?? Int.max, $0.id) < ($1.dates.start?.dayNumber ?? Int.max, $1.id) }
        let items: [Any] = try selected.map { e in
            var object = try Self.encode(e) as? [String: Any] ?? [:]
            if e.kind != .suspension {
                let a = timeline.status(of: e, on: on)
                object["status"] = ["on": on.description, "status": a.status.rawValue, "explanation": a.explanation]
            }
            return object
        }
        let (page, meta) = try q.paging().apply(items)
        return JSONResponse.make(["data": page, "paging": meta])
    }

    /// What applies on a date to an element, commodity and destination (as `monazite controls`).
    func controls(_ request: Request) async throws -> Response {
        try await access.requireRead(request)
        let q = try QueryParameters(request, allowed: ["on", "element", "commodity", "destination"])
        let on = try q.day("on") ?? CalendarDay.todayUTC()
        var commodity: String?
        if let text = q["commodity"] {
            guard let code = CommodityMapping.normalise(text) else {
                throw APIError.badRequest("commodity: \"\(text)\" is not an HS code or prefix (such as 8505.11 or 2846)", parameter: "commodity")
            }
            commodity = code
        }
        let results = Applicability.evaluate(
            events: try await timeline(), on: on, element: try element(q), commodity: commodity, destination: try destination(q))
        var notes: [String] = []
        if results.contains(where: { $0.status == .suspensionLapsed }) {
            notes.append("suspension_lapsed: the recorded suspension ended and no renewal is recorded; check for later acts")
        }
        if results.contains(where: { !$0.verified }) { notes.append("verified=false: the curated source flags the item as uncertain") }
        return JSONResponse.make([
            "on": on.description, "element": q["element"] ?? NSNullValue.null, "commodity": commodity ?? NSNullValue.null,
            "destination": q["destination"]?.uppercased() ?? NSNullValue.null, "measures": try Self.encode(results), "notes": notes,
        ])
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
