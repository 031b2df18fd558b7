import Foundation
import Hummingbird
import MonaziteClaims
import MonaziteCore
import MonaziteService

/// `POST /api/v1/claims`: the claims of an article, each checked against the store. Public like
/// the reads (a check writes nothing). The body is the article as `text/plain` (with
/// `?published=YYYY-MM-DD`), or JSON `{"text": "...", "published": "YYYY-MM-DD"}`; it is capped at
/// ``ClaimChecker/maximumBytes`` of text.
struct ClaimsRoutes: Sendable {
    let store: any ServerStore
    let access: APIRoutes

    func register(on group: RouterGroup<MonaziteRequestContext>) {
        group.post("/claims") { request, _ in try await self.claims(request) }
    }

    func claims(_ request: Request) async throws -> Response {
        try await access.requireRead(request)
        let q = try QueryParameters(request, allowed: ["published"])
        var request = request
        // JSON escaping can double a text's size; the text itself is checked against the cap below.
        let body = try await request.collectBody(upTo: 2 * ClaimChecker.maximumBytes + 1024)
        let data = Data(body.readableBytesView)
        let isJSON = request.headers[.contentType]?.lowercased().hasPrefix("application/json") ?? false
        let text: String
        var published = try q.day("published")
        if isJSON {
            guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw APIError(
                    .badRequest, code: "malformed_json",
                    "the body must be a JSON object such as {\"text\": \"...\", \"published\": \"2025-07-20\"}")
            }
            if let unknown = object.keys.first(where: { $0 != "text" && $0 != "published" }) {
                throw APIError.badRequest("unknown field \"\(unknown)\"; allowed: published, text", parameter: unknown)
            }
            guard let t = object["text"] as? String else { throw APIError.badRequest("text: the article, as a string", parameter: "text") }
            text = t
            if let p = object["published"] {
                guard let s = p as? String, let d = CalendarDay(parsing: s) else {
                    throw APIError.badRequest("published: a date YYYY-MM-DD", parameter: "published")
                }
                published = d
            }
        } else {
            guard let t = String(data: data, encoding: .utf8) else { throw APIError.badRequest("the body must be UTF-8 text") }
            text = t
        }
        guard !text.isEmpty else { throw APIError.badRequest("the article is empty: send its text", parameter: "text") }
        guard text.utf8.count <= ClaimChecker.maximumBytes else {
            throw APIError(.contentTooLarge, code: "body_too_large", "the article is larger than \(ClaimChecker.maximumBytes) bytes")
        }
        let report = try await ClaimsQueries.check(store: store, text: text, published: published)
        return JSONResponse.make(data: try report.jsonData())
    }
}
