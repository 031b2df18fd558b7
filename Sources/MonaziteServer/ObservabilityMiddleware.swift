import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Around every request: turns any error into the API's error body (a 4xx for the client's
/// mistakes, a logged 500 for ours), counts and times the request for `/metrics`, and writes one
/// structured log line (method, path, route, status, duration, request id).
struct ObservabilityMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: RequestMetrics
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            var api = APIError.from(error)
            // The router found no route: when the path is declared for other methods, say which (405 + Allow).
            var allow: [String]?
            if !(error is APIError), let e = error as? any HTTPResponseError, e.status == .notFound,
                let methods = DeclaredRoutes.allowedMethods(for: request.uri.path), !methods.contains(request.method.rawValue)
            {
                allow = methods
                api = APIError(
                    .methodNotAllowed, code: "method_not_allowed",
                    "\(request.method.rawValue) is not allowed on \(request.uri.path); allowed: \(methods.joined(separator: ", "))")
            }
            if api.status.code >= 500 {
                api.requestID = "\(context.id)"
                logger.error(
                    "request failed", metadata: ["path": "\(request.uri.path)", "request_id": "\(context.id)", "error": "\(String(reflecting: error))"])
            }
            response = api.response()
            if api.status == .serviceUnavailable { response.headers[.retryAfter] = "5" }
            if let wait = api.retryAfterSeconds { response.headers[.retryAfter] = "\(wait)" }
            if let allow { response.headers[.allow] = allow.joined(separator: ", ") }
        }
        // Every answer names its request, so a user can quote it and an operator find the log line.
        if let name = HTTPField.Name("X-Request-Id") { response.headers[name] = "\(context.id)" }
        // No content sniffing and no referrer leaking query strings to other sites, on every answer.
        // `same-origin`, not `no-referrer`: under `no-referrer` a browser sends `Origin: null` with
        // this site's own form posts, and /signin and /signout refuse a post whose origin is not this
        // site (the browser sign-in test caught it: no browser could sign in).
        if let name = HTTPField.Name("X-Content-Type-Options") { response.headers[name] = "nosniff" }
        if let name = HTTPField.Name("Referrer-Policy") { response.headers[name] = "same-origin" }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let route = context.endpointPath ?? (response.status == .notFound ? "unmatched" : request.uri.path)
        let status = Int(response.status.code)
        metrics.record(method: request.method.rawValue, route: route, status: status, seconds: seconds)
        logger.info(
            "request",
            metadata: [
                "method": "\(request.method.rawValue)", "path": "\(request.uri.path)", "route": "\(route)", "status": "\(status)",
                "duration_ms": "\(String(format: "%.2f", seconds * 1000))", "request_id": "\(context.id)",
            ])
        return response
    }
}
