import Foundation
import Testing

import MonaziteService
@testable import MonaziteCLI

#if canImport(Glibc)
import Glibc
#endif

/// Startup errors say what failed and where.
@Suite struct StartupErrorTests {
    /// A listening socket on 127.0.0.1 at a free port, held open while the test runs.
    static func occupiedPort() throws -> (socket: Int32, port: Int) {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        try #require(bound == 0 && listen(fd, 1) == 0)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
        #else
        throw CLIError("Linux only")
        #endif
    }

    @Test func aPortInUseIsNamedWithItsAddress() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("monazite-startup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let store = dir.appendingPathComponent("store.sqlite").path
        try await PostgresCLITests.run(["init", "--store", store, "--format", "json"])
        let (fd, port) = try Self.occupiedPort()
        defer { close(fd) }
        do {
            try await PostgresCLITests.run(["serve", "--store", store, "--port", "\(port)", "--log-level", "critical"])
            Issue.record("serve started on a port in use")
        } catch {
            let message = MonaziteCommand.message(for: error)
            #expect(message.contains("cannot listen on 127.0.0.1:\(port)"), "\(message)")
            #expect(message.contains("already in use"), "\(message)")
        }
    }

    /// `sslmode=require` against a PostgreSQL without TLS (the test server has none) names the
    /// refusal and the store, password hidden; a server with TLS is simply opened.
    @Test(.enabled(if: PostgresCLITests.enabled, "MONAZITE_TEST_POSTGRES_URL is not set"))
    func aTLSRefusalIsSaidPlainly() async throws {
        let base = try #require(PostgresCLITests.baseURL, "MONAZITE_REQUIRE_POSTGRES=1 but MONAZITE_TEST_POSTGRES_URL is not set")
        let url = base + (base.contains("?") ? "&" : "?") + "sslmode=require"
        do {
            try await PostgresCLITests.run(["sources", "--store", url, "--format", "json"])
        } catch {
            let message = MonaziteCommand.message(for: error)
            #expect(message.contains("refused TLS"), "\(message)")
            #expect(message.contains("sslmode=require") && !message.contains("monazite-test"), "\(message)")
        }
    }
}
