import Crypto
public import Foundation
import Hummingbird
public import MonaziteStore

/// Bearer tokens for writes. A secret is shown once, when created; the store keeps only its
/// SHA-256, so a copy of the database does not hold usable tokens.
public enum AccessTokens {
    /// A new random secret: `mzt_` and 32 random bytes in hex (256 bits from the system's CSPRNG).
    public static func newSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return "mzt_" + bytes.map { String(format: "%02x", $0) }.joined()
    }

    /// Lowercase hex SHA-256 of the secret, as stored.
    public static func hash(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Now as the store writes times (ISO 8601, UTC, to the second), so times compare as text.
    static func timestamp(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }

    /// Creates a token named `name` with `scope`, expiring after `expiresInDays` (nil: never), and
    /// returns its secret (shown once).
    public static func create(
        name: String, in store: any AccessTokenStore, scope: AccessScope = .write, expiresInDays: Int? = nil, now: Date = Date()
    ) async throws -> (token: AccessToken, secret: String) {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 100 else { throw StoreError.invalidQuery("a token name must be 1 to 100 characters") }
        if let days = expiresInDays, !(1...3650).contains(days) { throw StoreError.invalidQuery("a token's expiry must be 1 to 3650 days") }
        let expiresAt = expiresInDays.map { timestamp(now.addingTimeInterval(Double($0) * 86_400)) }
        let secret = newSecret()
        let token = try await store.createAccessToken(name: trimmed, secretHash: hash(secret), scope: scope, expiresAt: expiresAt)
        return (token, secret)
    }

    /// The live token named by the request's `Authorization: Bearer …` header, with at least the
    /// scope `needs`: a 401 for no, unknown, revoked or expired token, a 403 for too narrow a scope.
    static func authenticate(_ request: Request, store: any AccessTokenStore, needs: AccessScope) async throws -> AccessToken {
        guard let header = request.headers[.authorization] else {
            throw APIError(.unauthorized, code: "missing_token", "this request needs a token: send `Authorization: Bearer <token>` (create one with `monazite tokens create NAME`)")
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer", !parts[1].isEmpty else {
            throw APIError(.unauthorized, code: "invalid_token", "the Authorization header must be `Bearer <token>`")
        }
        return try await live(secretHash: hash(String(parts[1])), store: store, needs: needs)
    }

    /// The live token with this secret hash and at least the scope `needs` (the same answers as
    /// ``authenticate(_:store:needs:)``): a bearer header and a browser session both end here.
    static func live(secretHash: String, store: any AccessTokenStore, needs: AccessScope) async throws -> AccessToken {
        guard let token = try await store.liveAccessToken(secretHash: secretHash) else {
            throw APIError(.unauthorized, code: "invalid_token", "the token is unknown or revoked")
        }
        if token.isExpired(now: timestamp(Date())) {
            throw APIError(.unauthorized, code: "invalid_token", "the token expired at \(token.expiresAt ?? "?"); create a new one")
        }
        guard token.scope >= needs else {
            throw APIError(
                .forbidden, code: "insufficient_scope",
                "the token \"\(token.name)\" has the \(token.scope.rawValue) scope; this request needs \(needs.rawValue)")
        }
        return token
    }
}
