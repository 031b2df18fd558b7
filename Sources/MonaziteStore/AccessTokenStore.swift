/// A bearer token that may write through the HTTP API. Only a hash of its secret is stored.
public struct AccessToken: Sendable, Hashable {
    public let id: Int64
    /// A name chosen by whoever created it ("ci-importer"), unique among tokens.
    public let name: String
    /// When it was created and, if so, revoked (ISO 8601, UTC).
    public let createdAt: String
    public let revokedAt: String?

    public init(id: Int64, name: String, createdAt: String, revokedAt: String?) {
        self.id = id
        self.name = name
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }

    public var isRevoked: Bool { revokedAt != nil }
}

/// Where API tokens live. Implementations store `secretHash` (the lowercase hex SHA-256 of the
/// secret, computed by the caller) and never the secret itself.
public protocol AccessTokenStore: Sendable {
    /// Saves a new token; a name already in use (revoked or not) is `StoreError.conflict`.
    func createAccessToken(name: String, secretHash: String) async throws -> AccessToken
    /// Every token, revoked ones included, by name.
    func accessTokens() async throws -> [AccessToken]
    /// Revokes the token of that name; false when there is no live token by that name.
    func revokeAccessToken(name: String) async throws -> Bool
    /// The live (not revoked) token whose secret hashes to `secretHash`, if any.
    func liveAccessToken(secretHash: String) async throws -> AccessToken?
}
