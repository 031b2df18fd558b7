import Foundation
import HTTPTypes
import Hummingbird
import MonaziteStore
import Synchronization

/// Browser sign-in for a private server. A browser cannot send `Authorization: Bearer`, so
/// `POST /signin` takes a token once, checks it, and answers with a session cookie. The cookie
/// holds an opaque random session id, never the token: the server keeps, in memory only, the
/// id's SHA-256 mapped to the token's hash and an end time. Every request with the cookie checks
/// the token again, so revoking or expiry of the token ends its sessions at once; a restart ends
/// them all. The cookie is `HttpOnly; Secure; SameSite=Strict; Path=/` (browsers keep a Secure
/// cookie from `https://` and from `http://localhost`; elsewhere serve behind TLS).
final class BrowserSessions: Sendable {
    static let cookieName = "monazite_session"
    /// A session lasts at most this long, and never past its token's expiry.
    static let lifetime: Duration = .seconds(12 * 3600)
    /// Sessions kept at most; the oldest go first beyond it.
    static let capacity = 10_000

    struct Session {
        let tokenHash: String
        let ends: Date
    }

    private let sessions = Mutex<[String: Session]>([:])

    /// A new session for the token with `tokenHash` (expiring at `tokenExpiry`, ISO 8601, if it
    /// does): the cookie value and its `Max-Age` in seconds.
    func start(tokenHash: String, tokenExpiry: String?, now: Date = Date()) -> (id: String, maxAge: Int) {
        var seconds = Int(Self.lifetime.components.seconds)
        if let text = tokenExpiry, let expiry = ISO8601DateFormatter().date(from: text) {
            seconds = min(seconds, max(0, Int(expiry.timeIntervalSince(now).rounded(.down))))
        }
        let id = AccessTokens.newSecret().replacingOccurrences(of: "mzt_", with: "")
        let session = Session(tokenHash: tokenHash, ends: now.addingTimeInterval(Double(seconds)))
        sessions.withLock { table in
            if table.count >= Self.capacity {
                table = table.filter { $0.value.ends > now }
                if table.count >= Self.capacity, let oldest = table.min(by: { $0.value.ends < $1.value.ends }) { table[oldest.key] = nil }
            }
            table[AccessTokens.hash(id)] = session
        }
        return (id, seconds)
    }

    /// The token hash of a live session, or nil for an unknown or ended one.
    func tokenHash(session id: String, now: Date = Date()) -> String? {
        sessions.withLock { table in
            let key = AccessTokens.hash(id)
            guard let session = table[key] else { return nil }
            guard session.ends > now else {
                table[key] = nil
                return nil
            }
            return session.tokenHash
        }
    }

    func end(session id: String) {
        _ = sessions.withLock { $0.removeValue(forKey: AccessTokens.hash(id)) }
    }

    static func cookie(_ id: String, maxAge: Int) -> String {
        "\(cookieName)=\(id); HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age=\(maxAge)"
    }

    static let clearingCookie = "\(cookieName)=; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age=0"

    /// The session id the request's cookie carries, if any.
    static func sessionID(of request: Request) -> String? {
        guard let value = request.cookies[cookieName]?.value, !value.isEmpty, value.count <= 128 else { return nil }
        return value
    }
}

/// The sign-in and sign-out pages of a private server, and the dashboard's access check.
struct SignIn: Sendable {
    let store: any ServerStore
    let sessions: BrowserSessions

    /// Why a dashboard request may not be answered: it has no credentials (send the browser to the
    /// sign-in page) or a bearer token that is refused (a JSON error, as the API).
    enum Access {
        /// Answer the request; `session` is true when a sign-in cookie opened it (its pages then
        /// carry a sign-out button).
        case granted(session: Bool)
        case signInNeeded(clearCookie: Bool)
    }

    /// A dashboard request on a private server: a bearer token (checked as the API checks it) or
    /// a live session cookie whose token still reads.
    func access(_ request: Request) async throws -> Access {
        if request.headers[.authorization] != nil {
            _ = try await AccessTokens.authenticate(request, store: store, needs: .read)
            return .granted(session: false)
        }
        guard let id = BrowserSessions.sessionID(of: request) else { return .signInNeeded(clearCookie: false) }
        guard let hash = sessions.tokenHash(session: id) else { return .signInNeeded(clearCookie: true) }
        do {
            _ = try await AccessTokens.live(secretHash: hash, store: store, needs: .read)
            return .granted(session: true)
        } catch let error as APIError where error.status == .unauthorized || error.status == .forbidden {
            // The token was revoked or expired since: the session ends with it.
            sessions.end(session: id)
            return .signInNeeded(clearCookie: true)
        }
    }

    static func redirect(to location: String, cookie: String? = nil) -> Response {
        var headers: HTTPFields = [.location: location, .contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"]
        if let cookie { headers[.setCookie] = cookie }
        return Response(status: .seeOther, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: "See \(location)\n")))
    }

    /// `GET /signin`: the form (no script, no external asset; the dashboard's CSP applies).
    func form() -> Response { page(status: .ok, message: nil) }

    /// `POST /signin`: checks the request comes from this site, then the token; on success a
    /// session cookie and a redirect to the dashboard.
    func signIn(_ request: Request) async throws -> Response {
        if let origin = request.headers[.origin], !Self.sameOrigin(origin, host: request.head.authority) {
            return page(status: .forbidden, message: "Sign-in from another site is refused.")
        }
        var request = request
        let body = try await request.collectBody(upTo: 16 << 10)
        var token: String?
        for pair in String(buffer: body).split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
            if kv.first == "token", kv.count == 2 { token = FormDecoding.decode(kv[1])?.trimmingCharacters(in: .whitespacesAndNewlines) }
        }
        guard let token, !token.isEmpty else { return page(status: .badRequest, message: "Paste a token (create one with monazite tokens create NAME --scope read).") }
        let hash = AccessTokens.hash(token)
        let live: AccessToken
        do {
            live = try await AccessTokens.live(secretHash: hash, store: store, needs: .read)
        } catch let error as APIError where error.status == .unauthorized || error.status == .forbidden {
            return page(status: .unauthorized, message: "That token is unknown, revoked or expired.")
        }
        let (id, maxAge) = sessions.start(tokenHash: hash, tokenExpiry: live.expiresAt)
        return Self.redirect(to: "/", cookie: BrowserSessions.cookie(id, maxAge: maxAge))
    }

    /// `POST /signout`: ends the session and clears the cookie.
    func signOut(_ request: Request) -> Response {
        if let origin = request.headers[.origin], !Self.sameOrigin(origin, host: request.head.authority) {
            return page(status: .forbidden, message: "Sign-out from another site is refused.")
        }
        if let id = BrowserSessions.sessionID(of: request) { sessions.end(session: id) }
        return Self.redirect(to: "/signin", cookie: BrowserSessions.clearingCookie)
    }

    /// The sign-out button a signed-in browser sees in the dashboard's header: a POST form (a
    /// GET link could be followed by another site's image tag), checked by `Origin` as sign-in is.
    static let signOutForm =
        #"<form class="signout" method="post" action="/signout" style="margin:.75rem 0 .75rem auto">"#
        + #"<button type="submit" style="font:inherit;font-size:.875rem;padding:.2rem .75rem">Sign out</button></form>"#

    /// A dashboard page with the sign-out button put at the end of its header (before the first
    /// `</header>`); a body without a header (a CSV download) comes back unchanged.
    static func withSignOut(_ body: [UInt8]) -> [UInt8] {
        let end = Array("</header>".utf8)
        guard body.count >= end.count else { return body }
        for i in 0...(body.count - end.count) where body[i..<(i + end.count)].elementsEqual(end) {
            return Array(body[..<i]) + Array(signOutForm.utf8) + Array(body[i...])
        }
        return body
    }

    /// Whether an `Origin` header names this server (`scheme://host[:port]` equal to the `Host`).
    static func sameOrigin(_ origin: String, host: String?) -> Bool {
        guard let host, !host.isEmpty, let url = URLComponents(string: origin), let scheme = url.scheme, ["http", "https"].contains(scheme),
            let originHost = url.host, url.path.isEmpty
        else { return false }
        let named = url.port.map { "\(originHost):\($0)" } ?? originHost
        return named.lowercased() == host.lowercased()
    }

    private func page(status: HTTPResponse.Status, message: String?) -> Response {
        let note = message.map { "<p class=\"error\" role=\"alert\">\(Self.escape($0))</p>" } ?? ""
        let html = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Sign in · Monazite</title>
            <style>body{font:16px/1.5 system-ui,sans-serif;max-width:28rem;margin:4rem auto;padding:0 1rem;color:#1d2733}
            label{display:block;margin:1rem 0 .25rem}input{width:100%;padding:.5rem;font:inherit;box-sizing:border-box}
            button{margin-top:1rem;padding:.5rem 1.25rem;font:inherit}.error{color:#a4161a}small{color:#55606e}</style>
            </head><body><main>
            <h1>Monazite</h1>
            <p>This server is private. Sign in with an API token (a read token is enough).</p>
            \(note)
            <form method="post" action="/signin">
            <label for="token">Token</label>
            <input id="token" name="token" type="password" autocomplete="off" required>
            <button type="submit">Sign in</button>
            </form>
            <p><small>The token is checked and not kept in the browser: a session cookie (HttpOnly, Secure, SameSite=Strict) stands for it, for 12 hours at most.</small></p>
            </main></body></html>

            """
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"]
        if let csp = HTTPField.Name("Content-Security-Policy") { headers[csp] = MonaziteServer.contentSecurityPolicy }
        if let frame = HTTPField.Name("X-Frame-Options") { headers[frame] = "DENY" }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }
}
