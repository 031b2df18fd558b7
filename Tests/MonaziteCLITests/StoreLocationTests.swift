import Testing

@testable import MonaziteCLI

/// `--store` takes a path, `sqlite:PATH` or a PostgreSQL URL.
@Suite struct StoreLocationTests {
    @Test func pathsAndSQLitePrefixNameASQLiteFile() throws {
        guard case .sqlite(let plain) = try StoreLocation("/tmp/a.sqlite") else { Issue.record("not sqlite"); return }
        #expect(plain == "/tmp/a.sqlite")
        guard case .sqlite(let prefixed) = try StoreLocation("sqlite:/tmp/b.sqlite") else { Issue.record("not sqlite"); return }
        #expect(prefixed == "/tmp/b.sqlite")
        #expect(throws: CLIError.self) { try StoreLocation("sqlite:") }
    }

    @Test func postgresURLsNameAServer() throws {
        for text in ["postgres://u:pw@db:5433/monazite", "postgresql://u:pw@db:5433/monazite"] {
            guard case .postgres(let url) = try StoreLocation(text) else { Issue.record("not postgres: \(text)"); continue }
            #expect(url.host == "db" && url.port == 5433 && url.database == "monazite")
        }
    }

    @Test func aBadURLIsRefusedWithoutShowingThePassword() {
        do {
            _ = try StoreLocation("postgres://u:hunter2@db:5433")
            Issue.record("accepted a URL without a database")
        } catch {
            #expect("\(error)".contains("it names no database"))
            #expect(!"\(error)".contains("hunter2"))
        }
    }
}
