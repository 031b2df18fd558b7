import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import MonaziteServer
import MonaziteCore
import MonazitePolicyFile
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
                // Under `no-referrer` a browser would post this form with `Origin: null`, which is refused.
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin")
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
            let revoked = try h.store.revokeAccessToken(name: "browser")
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

    /// Signs in with `token` and returns the session cookie's `name=value`.
    static func signIn(_ client: some TestClientProtocol, _ token: String) async throws -> String {
        let pair = try await client.execute(uri: "/signin", method: .post, body: form(token)) { response in
            cookiePair(response.headers[.setCookie])
        }
        return try #require(pair)
    }

    @Test func aSignedInBrowserSeesASignOutButtonThatPostsAndOnlyThisSiteMayPressIt() async throws {
        let (h, reader) = try await privateServer()
        let events = try BundledPolicyTimeline.load()
        let today = try #require(CalendarDay(year: 2026, month: 11, day: 24))
        let mount = DashboardMount.make(store: h.store, events: events, cacheSeconds: 3600, today: { today })
        try await h.application(dashboard: mount.pages).test(.router) { client in
            let cookie = try await Self.signIn(client, reader)
            let form = #"<form class="signout" method="post" action="/signout""#
            for uri in ["/", "/trade/8505.11/CHN?from=2025-01&to=2025-12", "/no-such-page"] {
                try await client.execute(uri: uri, method: .get, headers: [.cookie: cookie]) { response in
                    let html = response.text
                    // In the real dashboard's header, once, after the navigation; not a GET link.
                    #expect(html.components(separatedBy: form).count == 2, "\(uri): one sign-out form")
                    let header = try #require(html.range(of: "<header>").flatMap { start in html.range(of: "</header>", range: start.upperBound..<html.endIndex).map { start.lowerBound..<$0.upperBound } })
                    #expect(html[header].contains(form) && html[header].contains("Sign out</button>"), "\(uri)")
                    #expect(!html.contains(#"href="/signout""#))
                    #expect(response.headers[.cacheControl] == "no-store", "a signed-in page is not kept once left")
                }
            }
            try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("3,188"), "the June 2025 figures, with the button beside them")
            }
            // A CSV download is left as it is.
            try await client.execute(uri: "/trade/8505.11/CHN?from=2025-01&to=2025-12&format=csv", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/csv") == true)
                #expect(response.text.contains("3188") && !response.text.contains("signout"))
            }
            // A bearer token (a script, not a browser session) gets the page without the button.
            try await client.execute(uri: "/", method: .get, headers: [.authorization: "Bearer \(reader)"]) { response in
                #expect(response.status == .ok)
                #expect(!response.text.contains(form))
                #expect(response.headers[.cacheControl] == nil)
            }
            // Another site's form pressing it (logout CSRF) is refused by its Origin, and the session lives on.
            try await client.execute(uri: "/signout", method: .post, headers: [.cookie: cookie, .origin: "https://evil.example"]) { response in
                #expect(response.status == .forbidden)
                #expect(response.headers[.setCookie] == nil)
            }
            try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
            }
            // The button's own post (the browser sends this site's Origin; the test client's host is localhost) ends the session.
            try await client.execute(uri: "/signout", method: .post, headers: [.cookie: cookie, .origin: "http://localhost"]) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/signin")
                #expect(response.headers[.setCookie]?.contains("Max-Age=0") == true)
            }
            try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/signin")
            }
        }
    }

    @Test func theButtonGoesBeforeTheFirstHeaderEndAndABodyWithoutOneIsUntouched() {
        let page = Array("<header><nav>x</nav></header><main><header>h</header></main>".utf8)
        let out = String(decoding: SignIn.withSignOut(page), as: UTF8.self)
        #expect(out == "<header><nav>x</nav>" + SignIn.signOutForm + "</header><main><header>h</header></main>")
        let csv = Array("period,tonnes\n2025-06,3188\n".utf8)
        #expect(SignIn.withSignOut(csv) == csv)
        #expect(SignIn.withSignOut([]) == [])
        #expect(SignIn.withSignOut(Array("</header".utf8)) == Array("</header".utf8))
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
