import Foundation
import MonaziteStorePostgres
import Testing

/// The `--store` URL of the PostgreSQL backend: parsed strictly, printed without its password.
@Suite struct PostgresURLTests {
    @Test func aFullURLIsParsedAndPrintedWithoutItsPassword() throws {
        let url = try PostgresURL(parsing: "postgresql://analyst:s%40cret@db.example:6543/monazite?schema=team_a&sslmode=require")
        #expect(url.user == "analyst")
        #expect(url.password == "s@cret")
        #expect(url.host == "db.example" && url.port == 6543 && url.database == "monazite")
        #expect(url.schema == "team_a" && url.tls == .require)
        #expect(url.redacted == "postgres://analyst:***@db.example:6543/monazite?schema=team_a&sslmode=require")
        #expect(!url.description.contains("cret"))
    }

    @Test func portDefaultsTo5432() throws {
        let url = try PostgresURL(parsing: "postgres://me@localhost/db")
        #expect(url.port == 5432 && url.password == nil && url.tls == .disable)
        #expect(url.redacted == "postgres://me@localhost:5432/db")
    }

    @Test(arguments: [
        ("postgres://user:pw@host:5432/", "it names no database"),
        ("postgres://host:5432/db", "it names no user"),
        ("postgres://user:pw@:5432/db", "it names no host"),
        ("postgres://user:pw@host:99999/db", "port 99999 is out of range"),
        ("postgres://user:pw@host/db?schema=drop;table", "schema must be letters"),
        ("postgres://user:pw@host/db?sslmode=maybe", "sslmode must be disable or require"),
        ("postgres://user:pw@host/db?colour=red", "unknown parameter \"colour\""),
        ("mysql://user:pw@host/db", "does not start with postgres://"),
    ])
    func badURLsAreRefusedWithTheReasonAndNoPassword(_ text: String, _ reason: String) {
        do {
            _ = try PostgresURL(parsing: text)
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.description.contains(reason), "got: \(error)")
            #expect(!error.description.contains(":pw@"), "password shown: \(error)")
        }
    }

    @Test func aPasswordComesFromTheEnvironmentOrAPrivatePasswordFileNeverTheCommandLine() throws {
        let url = try PostgresURL(parsing: "postgres://monazite@db.example:5433/figures")
        #expect(url.resolvingPassword(environment: ["PGPASSWORD": "from-env"]).password == "from-env")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pgpass-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("pgpass").path
        try "# a comment\nother:5432:*:*:nope\ndb.example:5433:figures:monazite:s3cr\\:et\n*:*:*:*:fallback\n".write(
            toFile: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
        #expect(url.resolvingPassword(environment: ["PGPASSFILE": file]).password == "s3cr:et")
        // A password file others can read is ignored, as libpq ignores it.
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
        #expect(url.resolvingPassword(environment: ["PGPASSFILE": file]).password == nil)
        // A password in the URL wins.
        let given = try PostgresURL(parsing: "postgres://monazite:typed@db.example:5433/figures")
        #expect(given.resolvingPassword(environment: ["PGPASSWORD": "from-env"]).password == "typed")
    }
}
