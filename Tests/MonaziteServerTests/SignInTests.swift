import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import MonaziteServer
import MonaziteStore
import Testing

/// A private server used from a browser: `/signin` exchanges a token for a session cookie, the
/// dashboard accepts the cookie, the API does not, and a browser without one is sent to sign in.
@Suite struct SignInTests {
    static let page: PageHandler = { path, _ in
        PageResponse(status: 200, contentType: "text/html; charset=utf-8", body: Array("<p>page \(path)</p>".utf8))
    }

    func privateServer() async throws -> (ServerHarness, reader: String) {
        let h = try await ServerHarness.bundled(options: ServerOptions(port: 0, publicReads: false))
        let (_, reader) = try await AccessTokens.create(name: "browser", in: h.store, scope: .read)
        return (h, reader)
    }

    static func form(_ token: String) -> ByteBuffer {
        ByteBuffer(string: "token=" + (token.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? token))
    }

    /// The `name=value` part of a Set-Cookie header.
    static func cookiePair(_ setCookie: String?) -> String? { setCookie?.split(separator: ";").first.map(String.init) }

    @Test func theFormIsSelfContainedAndASignedOutBrowserIsSentToIt() async throws {
        let (h, _) = try await privateServer()
        try await h.application(dashboard: Self.page).test(.router) { client in
            try await client.execute(uri: "/signin", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
                #expect(response.text.contains(#"<form method="post" action="/signin">"#))
                #expect(response.text.contains(#"type="password""#))
                // Nothing loaded from elsewhere, no script: the CSP says so and the page keeps to it.
                #expect(!response.text.contains("<script") && !response.text.contains("http://") && !response.text.contains("https://"))
                #expect(response.headers[HTTPField.Name("Content-Security-Policy")!]?.contains("default-src 'none'") == true)
            }
            try await client.execute(uri: "/trade/8505.11/CHN", method: .get) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/signin")
            }
            // The API keeps its JSON 401.
            try await client.execute(uri: "/api/v1/series", method: .get) { response in
                #expect(response.status == .unauthorized)
                let code = try response.apiError()["code"] as? String
                #expect(code == "missing_token")
            }
        }
    }

    @Test func aTokenBecomesASecureSessionCookieThatOpensTheDashboardButNotTheAPI() async throws {
        let (h, reader) = try await privateServer()
        try await h.application(dashboard: Self.page).test(.router) { client in
            let setCookie = try await client.execute(uri: "/signin", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: Self.form(reader)) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/")
                return response.headers[.setCookie]
            }
            let header = try #require(setCookie)
            for attribute in ["HttpOnly", "Secure", "SameSite=Strict", "Path=/"] { #expect(header.contains(attribute), "\(header)") }
            let maxAge = try #require(header.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.first { $0.hasPrefix("Max-Age=") })
            #expect(Int(maxAge.dropFirst("Max-Age=".count)) == 12 * 3600)
            let pair = try #require(Self.cookiePair(header))
            // The cookie is an opaque session id, not the token.
            #expect(!pair.contains(reader) && !pair.contains(AccessTokens.hash(reader)))
            try await client.execute(uri: "/trade/8505.11/CHN", method: .get, headers: [.cookie: pair]) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("page /trade/8505.11/CHN"))
            }
            try await client.execute(uri: "/api/v1/series", method: .get, headers: [.cookie: pair]) { response in
                #expect(response.status == .unauthorized, "the API takes bearer tokens only")
            }
            // Signing out ends the session on the server, not only in the browser.
            try await client.execute(uri: "/signout", method: .post, headers: [.cookie: pair]) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.setCookie]?.contains("Max-Age=0") == true)
            }
            try await client.execute(uri: "/", method: .get, headers: [.cookie: pair]) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/signin")
            }
        }
    }

    @Test func badTokensForeignOriginsAndRevokedTokensAreRefused() async throws {
        let (h, reader) = try await privateServer()
        try await h.application(dashboard: Self.page).test(.router) { client in
            try await client.execute(uri: "/signin", method: .post, body: Self.form("mzt_not-a-token")) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.setCookie] == nil)
                #expect(response.text.contains("unknown, revoked or expired"))
            }
            try await client.execute(uri: "/signin", method: .post, body: ByteBuffer(string: "token=")) { response in
                #expect(response.status == .badRequest)
            }
            // A form on another site posting a good token (login CSRF) is refused by its Origin.
            try await client.execute(
                uri: "/signin", method: .post, headers: [.origin: "https://evil.example"], body: Self.form(reader)
            ) { response in
                #expect(response.status == .forbidden)
                #expect(response.headers[.setCookie] == nil)
            }
            let pair = try await client.execute(uri: "/signin", method: .post, body: Self.form(reader)) { response in
                Self.cookiePair(response.headers[.setCookie])
            }
            let cookie = try #require(pair)
            let revoked = try await h.store.revokeAccessToken(name: "browser")
            #expect(revoked)
            // The session stands for the token: revoked, it opens nothing and the cookie is cleared.
            try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.setCookie]?.contains("Max-Age=0") == true)
            }
        }
    }

    @Test func theCookieEndsNoLaterThanItsTokenAndOriginsAreComparedWithTheHost() {
        let sessions = BrowserSessions()
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let expiry = ISO8601DateFormatter().string(from: now.addingTimeInterval(3600))
        let (id, maxAge) = sessions.start(tokenHash: "h", tokenExpiry: expiry, now: now)
        #expect(maxAge == 3600)
        #expect(sessions.tokenHash(session: id, now: now.addingTimeInterval(3599)) == "h")
        #expect(sessions.tokenHash(session: id, now: now.addingTimeInterval(3601)) == nil)
        #expect(sessions.tokenHash(session: "guess", now: now) == nil)
        #expect(SignIn.sameOrigin("http://localhost:8080", host: "localhost:8080"))
        #expect(SignIn.sameOrigin("https://Monazite.example", host: "monazite.example"))
        #expect(!SignIn.sameOrigin("https://monazite.example.evil", host: "monazite.example"))
        #expect(!SignIn.sameOrigin("null", host: "localhost:8080"))
        #expect(!SignIn.sameOrigin("http://localhost:8081", host: "localhost:8080"))
    }

    @Test func aPublicServerHasNoSignInPage() async throws {
        let h = try await ServerHarness.bundled()
        try await h.application(dashboard: Self.page).test(.router) { client in
            try await client.execute(uri: "/signin", method: .post, body: ByteBuffer(string: "token=x")) { response in
                #expect(response.status != .seeOther)
                #expect(response.headers[.setCookie] == nil)
            }
        }
    }
}
