import GRDB

extension SQLiteStore: AccessTokenStore {
    public func createAccessToken(name: String, secretHash: String, scope: AccessScope, expiresAt: String?) throws -> AccessToken {
        try write { db in
            if try Int.fetchOne(db, sql: "SELECT 1 FROM access_token WHERE name = ?", arguments: [name]) != nil {
                throw StoreError.conflict("a token named \"\(name)\" exists already (names are never reused)")
            }
            let created = SQLiteStore.now()
            try db.execute(
                sql: "INSERT INTO access_token (name, secret_sha256, created_at, scope, expires_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [name, secretHash.lowercased(), created, scope.rawValue, expiresAt])
            return (
                AccessToken(id: db.lastInsertedRowID, name: name, createdAt: created, revokedAt: nil, scope: scope, expiresAt: expiresAt),
                commit: true
            )
        }
    }

    public func accessTokens() throws -> [AccessToken] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, name, created_at, revoked_at, scope, expires_at FROM access_token ORDER BY name").map(Self.token)
        }
    }

    public func revokeAccessToken(name: String) throws -> Bool {
        try write { db in
            try db.execute(
                sql: "UPDATE access_token SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL",
                arguments: [SQLiteStore.now(), name])
            return (db.changesCount > 0, commit: true)
        }
    }

    public func liveAccessToken(secretHash: String) throws -> AccessToken? {
        try pool.read { db in
            try Row.fetchOne(
                db, sql: "SELECT id, name, created_at, revoked_at, scope, expires_at FROM access_token WHERE secret_sha256 = ? AND revoked_at IS NULL",
                arguments: [secretHash.lowercased()]
            ).map(Self.token)
        }
    }

    static func token(_ row: Row) -> AccessToken {
        // The CHECK constraint keeps scope to the three names; anything else reads as the least.
        AccessToken(
            id: row["id"], name: row["name"], createdAt: row["created_at"], revokedAt: row["revoked_at"],
            scope: AccessScope(rawValue: row["scope"] ?? "") ?? .read, expiresAt: row["expires_at"])
    }
}
