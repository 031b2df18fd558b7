/// What a token may do; each scope includes the ones before it.
public enum AccessScope: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Reads on a private server.
    case read
    /// Imports and simulation jobs besides.
    case write
    /// Everything a token can do (today the same requests as write; kept for operations to come).
    case admin

    private var rank: Int {
        switch self {
        case .read: 0
        case .write: 1
        case .admin: 2
        }
    }

    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
}

/// A bearer token for the HTTP API. Only a hash of its secret is stored.
public struct AccessToken: Sendable, Hashable {
    public let id: Int64
    /// A name chosen by whoever created it ("ci-importer"), unique among tokens.
    public let name: String
    /// When it was created and, if so, revoked (ISO 8601, UTC).
    public let createdAt: String
    public let revokedAt: String?
    public let scope: AccessScope
    /// When it stops working (ISO 8601, UTC); nil: never.
    public let expiresAt: String?

    public init(id: Int64, name: String, createdAt: String, revokedAt: String?, scope: AccessScope = .write, expiresAt: String? = nil) {
        self.id = id
        self.name = name
        self.createdAt = createdAt
        self.revokedAt = revokedAt
        self.scope = scope
        self.expiresAt = expiresAt
    }

    public var isRevoked: Bool { revokedAt != nil }

    /// True once `now` (ISO 8601, UTC, as the store writes) has reached the expiry.
    public func isExpired(now: String) -> Bool { expiresAt.map { $0 <= now } ?? false }
}

/// Where API tokens live. Implementations store `secretHash` (the lowercase hex SHA-256 of the
/// secret, computed by the caller) and never the secret itself.
public protocol AccessTokenStore: Sendable {
    /// Saves a new token; a name already in use (revoked or not) is `StoreError.conflict`.
    func createAccessToken(name: String, secretHash: String, scope: AccessScope, expiresAt: String?) async throws -> AccessToken
    /// Every token, revoked ones included, by name.
    func accessTokens() async throws -> [AccessToken]
    /// Revokes the token of that name; false when there is no live token by that name.
    func revokeAccessToken(name: String) async throws -> Bool
    /// The live (not revoked) token whose secret hashes to `secretHash`, if any; its expiry is the
    /// caller's to check (``AccessToken/isExpired(now:)``), so that an expired token is told as such.
    func liveAccessToken(secretHash: String) async throws -> AccessToken?
}
