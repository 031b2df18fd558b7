import Hummingbird
import MonaziteService

/// `GET /api/v1/prices` and `GET /api/v1/spreads`: the bundled, cited price quotes and the derived
/// ex-China spreads, the same answers as `monazite prices` / `monazite spreads` (docs/prices.md).
struct PriceRoutes: Sendable {
    let access: APIRoutes

    func register(on group: RouterGroup<MonaziteRequestContext>) {
        group.get("/prices") { request, _ in try await access.cached(request) { try self.prices(request) } }
        group.get("/spreads") { request, _ in try await access.cached(request) { try self.spreads(request) } }
    }

    func prices(_ request: Request) throws -> JSONAnswer {
        let q = try QueryParameters(request, allowed: ["product", "basis", "from", "to", "currency", "ex_vat"])
        let exVAT: Bool
        switch q["ex_vat"] {
        case nil, "false": exVAT = false
        case "true": exVAT = true
        case let other?: throw APIError.badRequest("ex_vat: \"\(other)\" is not true or false", parameter: "ex_vat")
        }
        return JSONAnswer(
            encoding: try PriceQueries.prices(
                product: q["product"], basis: q["basis"], from: q["from"], to: q["to"], currency: q["currency"], exVAT: exVAT))
    }

    func spreads(_ request: Request) throws -> JSONAnswer {
        let q = try QueryParameters(request, allowed: ["product"])
        return JSONAnswer(encoding: try PriceQueries.spreads(product: q["product"]))
    }
}
