import Foundation
import Hummingbird
import MonaziteService

/// `GET /api/v1/prices`, `GET /api/v1/spreads` and `GET /api/v1/contracts/{id}`: the bundled,
/// cited price quotes (plus those imported into the store), the derived ex-China spreads and a floor contract's derived top-ups, the
/// same answers as `monazite prices` / `spreads` / `contract` (docs/prices.md).
struct PriceRoutes: Sendable {
    let access: APIRoutes

    func register(on group: RouterGroup<MonaziteRequestContext>) {
        group.get("/prices") { request, _ in try await access.cached(request) { try await self.prices(request) } }
        group.get("/spreads") { request, _ in try await access.cached(request) { try await self.spreads(request) } }
        group.get("/contracts/:id") { request, context in
            let id = context.parameters.get("id") ?? ""
            return try await access.cached(request) { try self.contract(request, id: id) }
        }
    }

    func prices(_ request: Request) async throws -> JSONAnswer {
        let q = try QueryParameters(request, allowed: ["product", "basis", "from", "to", "currency", "ex_vat"])
        let exVAT: Bool
        switch q["ex_vat"] {
        case nil, "false": exVAT = false
        case "true": exVAT = true
        case let other?: throw APIError.badRequest("ex_vat: \"\(other)\" is not true or false", parameter: "ex_vat")
        }
        return try JSONAnswer(
            encoding: try PriceQueries.prices(
                product: q["product"], basis: q["basis"], from: q["from"], to: q["to"], currency: q["currency"], exVAT: exVAT,
                stored: try await access.store.priceQuotes()))
    }

    func spreads(_ request: Request) async throws -> JSONAnswer {
        let q = try QueryParameters(request, allowed: ["product"])
        return try JSONAnswer(encoding: try PriceQueries.spreads(product: q["product"], stored: try await access.store.priceQuotes()))
    }
}

extension PriceRoutes {
    /// The bundled contract's top-ups: the China history path by default, or `constant` (USD/kg);
    /// `tonnes_per_quarter` replaces the reported volumes; `periods` (comma-separated quarters)
    /// picks quarters. As `monazite contract --constant … --tonnes-per-quarter … --periods …`.
    func contract(_ request: Request, id: String) throws -> JSONAnswer {
        guard id == PriceQueries.dodMPContractID else {
            throw APIError.notFound("no contract \"\(id)\"; the bundled contract is \(PriceQueries.dodMPContractID)")
        }
        let q = try QueryParameters(request, allowed: ["constant", "tonnes_per_quarter", "periods"])
        func number(_ name: String) throws(APIError) -> Double? {
            guard let text = q[name] else { return nil }
            guard let v = Double(text), v.isFinite, v >= 0 else {
                throw APIError.badRequest("\(name): \"\(text)\" is not a number ≥ 0", parameter: name)
            }
            return v
        }
        let periods = q["periods"].map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }
        return try JSONAnswer(
            encoding: try PriceQueries.contract(constant: try number("constant"), tonnesPerQuarter: try number("tonnes_per_quarter"), periods: periods))
    }
}
