public import MonaziteStore
import PostgresNIO

/// API tokens, as `SQLiteStore` keeps them: only the lowercase hex SHA-256 of a secret is stored,
/// names are unique and never reused (a revoked token keeps its name).
extension PostgresStore: AccessTokenStore {
    public func createAccessToken(name: String, secretHash: String, scope: AccessScope, expiresAt: String?) async throws -> AccessToken {
        let created = Self.now()
        return try await write { conn in
            if !(try await Self.rows(conn, "SELECT 1 FROM access_token WHERE name = \(name)", logger: logger)).isEmpty {
                throw StoreError.conflict("a token named \"\(name)\" exists already (names are never reused)")
            }
            let id = try await Self.nextID(conn, table: "access_token", logger: logger)
            _ = try await conn.collectIfOpen(
                """
                INSERT INTO access_token (id, name, secret_sha256, created_at, scope, expires_at)
                VALUES (\(id), \(name), \(secretHash.lowercased()), \(created), \(scope.rawValue), \(expiresAt))
                """, logger: logger
            )
            return (AccessToken(id: id, name: name, createdAt: created, revokedAt: nil, scope: scope, expiresAt: expiresAt), commit: true)
        }
    }

    public func accessTokens() async throws -> [AccessToken] {
        let rows = try await read { conn in
            try await Self.rows(
                conn, "SELECT id, name, created_at, revoked_at, scope, expires_at FROM access_token ORDER BY name COLLATE \"C\"", logger: logger)
        }
        return try rows.map(Self.token)
    }

    public func revokeAccessToken(name: String) async throws -> Bool {
        let revoked = Self.now()
        return try await write { conn in
            let rows = try await Self.rows(
                conn, "UPDATE access_token SET revoked_at = \(revoked) WHERE name = \(name) AND revoked_at IS NULL RETURNING id",
                logger: logger)
            return (!rows.isEmpty, commit: true)
        }
    }

    public func liveAccessToken(secretHash: String) async throws -> AccessToken? {
        let rows = try await read { conn in
            try await Self.rows(
                conn,
                """
                SELECT id, name, created_at, revoked_at, scope, expires_at FROM access_token
                WHERE secret_sha256 = \(secretHash.lowercased()) AND revoked_at IS NULL
                """, logger: logger)
        }
        return try rows.first.map(Self.token)
    }

    static func token(_ row: PostgresRandomAccessRow) throws -> AccessToken {
        let scope: String = try row.get("scope")
        return AccessToken(
            id: try row.get("id"), name: try row.get("name"), createdAt: try row.get("created_at"), revokedAt: try row.get("revoked_at"),
            scope: AccessScope(rawValue: scope) ?? .read, expiresAt: try row.get("expires_at"))
    }
}
