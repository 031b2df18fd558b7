import Hummingbird
import MonaziteService

/// `GET /api/v1/projects` and `GET /api/v1/outlook`: the bundled, cited project rows and the
/// pipeline outlook (derived), the same answers as `monazite projects` / `monazite outlook` (docs/projects.md).
struct ProjectRoutes: Sendable {
    let access: APIRoutes

    func register(on group: RouterGroup<MonaziteRequestContext>) {
        group.get("/projects") { request, _ in try await access.cached(request) { try self.projects(request) } }
        group.get("/outlook") { request, _ in try await access.cached(request) { try self.outlook(request) } }
    }

    func projects(_ request: Request) throws -> JSONAnswer {
        let q = try QueryParameters(request, allowed: ["country", "stage"])
        return try JSONAnswer(encoding: try ProjectQueries.projects(country: q["country"], stage: q["stage"]))
    }

    func outlook(_ request: Request) throws -> JSONAnswer {
        let q = try QueryParameters(request, allowed: ["share", "draws", "seed", "horizon", "from", "scenario"])
        func int(_ name: String) throws -> Int? {
            guard let t = q[name] else { return nil }
            guard let v = Int(t) else { throw APIError.badRequest("\(name): \"\(t)\" is not a whole number", parameter: name) }
            return v
        }
        var share = ProjectQueries.defaultSharePct
        if let t = q["share"] {
            guard let v = Double(t) else { throw APIError.badRequest("share: \"\(t)\" is not a number", parameter: "share") }
            share = v
        }
        var seed = ProjectQueries.defaultSeed
        if let t = q["seed"] {
            guard let v = UInt64(t) else { throw APIError.badRequest("seed: \"\(t)\" is not a whole number ≥ 0", parameter: "seed") }
            seed = v
        }
        return try JSONAnswer(
            encoding: try ProjectQueries.outlook(
                sharePct: share, draws: try int("draws") ?? ProjectQueries.defaultDraws, seed: seed, horizon: try int("horizon") ?? ProjectQueries.defaultHorizon,
                firstYear: try int("from"), ieaScenario: q["scenario"] ?? "STEPS"))
    }
}
