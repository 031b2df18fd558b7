public import Foundation

/// A PostgreSQL connection URL: `postgres://user:password@host:port/database` (or `postgresql://`),
/// with optional query parameters `schema=NAME` (tables live in that schema, created if missing)
/// and `sslmode=disable|require` (default `disable`).
///
/// The password is kept for connecting but never printed: `redacted` replaces it with `***`.
public struct PostgresURL: Sendable, Hashable, CustomStringConvertible {
    public enum TLSMode: String, Sendable, Hashable { case disable, require }

    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String
    public var schema: String?
    public var tls: TLSMode

    /// True when `text` names a PostgreSQL URL (by its scheme) rather than a file.
    public static func isPostgres(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://")
    }

    public init(parsing text: String) throws(PostgresURLError) {
        guard Self.isPostgres(text) else {
            throw PostgresURLError(text: text, reason: "it does not start with postgres:// or postgresql://")
        }
        guard let c = URLComponents(string: text) else {
            throw PostgresURLError(text: text, reason: "it is not a valid URL (special characters in the password must be percent-encoded)")
        }
        guard let user = c.user, !user.isEmpty else { throw PostgresURLError(text: text, reason: "it names no user (postgres://USER:PASSWORD@HOST/DB)") }
        guard let host = c.host, !host.isEmpty else { throw PostgresURLError(text: text, reason: "it names no host") }
        let db = c.path.hasPrefix("/") ? String(c.path.dropFirst()) : c.path
        guard !db.isEmpty, !db.contains("/") else {
            throw PostgresURLError(text: text, reason: "it names no database (…@HOST:PORT/DATABASE)")
        }
        if let p = c.port, !(1...65535).contains(p) { throw PostgresURLError(text: text, reason: "port \(p) is out of range") }
        self.user = user
        self.password = c.password
        self.host = host
        self.port = c.port ?? 5432
        self.database = db
        self.schema = nil
        self.tls = .disable
        for item in c.queryItems ?? [] {
            switch item.name {
            case "schema":
                guard let v = item.value, Self.isPlainIdentifier(v) else {
                    throw PostgresURLError(text: text, reason: "schema must be letters, digits and _ (starting with a letter or _)")
                }
                schema = v
            case "sslmode":
                guard let v = item.value.flatMap(TLSMode.init(rawValue:)) else {
                    throw PostgresURLError(text: text, reason: "sslmode must be disable or require")
                }
                tls = v
            default:
                throw PostgresURLError(text: text, reason: "unknown parameter \"\(item.name)\" (known: schema, sslmode)")
            }
        }
    }

    /// The URL with the password filled in, when it names none, from `$PGPASSWORD` or else the
    /// password file (`$PGPASSFILE`, default `~/.pgpass`, lines `host:port:database:user:password`
    /// with `*` for any), as libpq does: a password need never be typed on the command line, where
    /// `ps` would show it. A password file readable by others is ignored, as libpq ignores it.
    public func resolvingPassword(environment: [String: String] = ProcessInfo.processInfo.environment) -> PostgresURL {
        guard password == nil else { return self }
        var resolved = self
        if let p = environment["PGPASSWORD"], !p.isEmpty {
            resolved.password = p
            return resolved
        }
        let path = environment["PGPASSFILE"] ?? (environment["HOME"].map { $0 + "/.pgpass" } ?? "")
        guard !path.isEmpty, let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let permissions = attributes[.posixPermissions] as? Int, permissions & 0o077 == 0,
            let contents = try? String(contentsOfFile: path, encoding: .utf8)
        else { return self }
        resolved.password = Self.password(inPassFile: contents, host: host, port: port, database: database, user: user)
        return resolved
    }

    /// The first matching line's password in a `.pgpass` file (`\:` and `\\` escape as in libpq).
    static func password(inPassFile contents: String, host: String, port: Int, database: String, user: String) -> String? {
        for line in contents.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            var fields: [String] = [""]
            var escaped = false
            for c in line {
                if escaped {
                    fields[fields.count - 1].append(c)
                    escaped = false
                } else if c == "\\" {
                    escaped = true
                } else if c == ":" && fields.count < 5 {
                    fields.append("")
                } else {
                    fields[fields.count - 1].append(c)
                }
            }
            guard fields.count == 5 else { continue }
            let wanted = [host, String(port), database, user]
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }

    /// The URL with its password replaced by `***`: safe for logs and messages.
    public var redacted: String {
        var s = "postgres://\(user)\(password == nil ? "" : ":***")@\(host):\(port)/\(database)"
        var params: [String] = []
        if let schema { params.append("schema=\(schema)") }
        if tls != .disable { params.append("sslmode=\(tls.rawValue)") }
        if !params.isEmpty { s += "?" + params.joined(separator: "&") }
        return s
    }

    public var description: String { redacted }

    /// Letters, digits and underscores, not starting with a digit: safe to splice into SQL unquoted.
    static func isPlainIdentifier(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, s.unicodeScalars.count <= 63 else { return false }
        func isLetter(_ u: Unicode.Scalar) -> Bool { ("a"..."z").contains(u) || ("A"..."Z").contains(u) || u == "_" }
        return isLetter(first) && s.unicodeScalars.allSatisfy { isLetter($0) || ("0"..."9").contains($0) }
    }
}

/// A URL that cannot be used, and why. The message shows the URL without its password.
public struct PostgresURLError: Error, Sendable, CustomStringConvertible {
    public let reason: String
    let shown: String

    init(text: String, reason: String) {
        self.reason = reason
        self.shown = Self.hidePassword(text)
    }

    public var description: String { "bad PostgreSQL URL \(shown): \(reason)" }

    /// `scheme://user:secret@rest` → `scheme://user:***@rest`, without parsing (the URL may be malformed).
    static func hidePassword(_ text: String) -> String {
        guard let schemeEnd = text.range(of: "://"), let at = text.range(of: "@", options: .backwards) else { return text }
        guard schemeEnd.upperBound <= at.lowerBound else { return text }
        let credentials = text[schemeEnd.upperBound..<at.lowerBound]
        guard let colon = credentials.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + ":***" + String(text[at.lowerBound...])
    }
}
