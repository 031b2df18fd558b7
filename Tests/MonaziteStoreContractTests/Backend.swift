import Foundation
import MonaziteCore
import MonaziteDataset
import MonaziteIngest
import MonaziteStore
import MonaziteStorePostgres
import Testing

/// The storage backends the contract runs against. Every test body takes one and must pass
/// on both: the same files give the same figures, errors and digests.
enum Backend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    var testDescription: String { rawValue }

    /// SQLite always; PostgreSQL when `MONAZITE_TEST_POSTGRES_URL` names a server, or when
    /// `MONAZITE_REQUIRE_POSTGRES=1` (then a missing URL fails those cases instead of skipping them).
    static var available: [Backend] {
        PostgresTestServer.url != nil || PostgresTestServer.required ? [.sqlite, .postgres] : [.sqlite]
    }
}

/// Where the PostgreSQL cases connect, from the environment.
enum PostgresTestServer {
    static var url: String? {
        ProcessInfo.processInfo.environment["MONAZITE_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }
    static var required: Bool { ProcessInfo.processInfo.environment["MONAZITE_REQUIRE_POSTGRES"] == "1" }
    static let skipMessage =
        "MONAZITE_TEST_POSTGRES_URL is not set: the PostgreSQL contract cases are skipped (scripts/test.sh starts a server and sets it)"
}

/// A fresh, empty store of one backend. PostgreSQL stores live in their own schema
/// (`t_<random>`), dropped afterwards, so tests run in parallel without seeing each other.
struct ContractStore {
    typealias Store = any TradeStore & AccessTokenStore & PolicyStore & AlertStateStore & JobStore & PriceStore
    let store: Store
    private let postgres: PostgresStore?

    static func make(_ backend: Backend) async throws -> ContractStore {
        switch backend {
        case .sqlite:
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("monazite-contract-\(UUID().uuidString)")
            return ContractStore(store: try SQLiteStore(path: dir.appendingPathComponent("store.sqlite").path), postgres: nil)
        case .postgres:
            guard let base = PostgresTestServer.url else {
                throw ContractSetupError(
                    "MONAZITE_REQUIRE_POSTGRES=1 but MONAZITE_TEST_POSTGRES_URL is not set (run scripts/postgres.sh)")
            }
            let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            let url = base + (base.contains("?") ? "&" : "?") + "schema=" + schema
            let pg = try await PostgresStore.connect(url: url)
            return ContractStore(store: pg, postgres: pg)
        }
    }

    /// Runs `body` on a fresh store of `backend`, then drops it (schema or file).
    static func with<T>(_ backend: Backend, _ body: (Store) async throws -> T) async throws -> T {
        let s = try await make(backend)
        do {
            let result = try await body(s.store)
            try await s.close()
            return result
        } catch {
            try? await s.close()
            throw error
        }
    }

    func close() async throws {
        if let postgres { try await postgres.dropSchemaAndShutdown() }
    }
}

struct ContractSetupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

enum Files {
    static func url(_ name: String) throws -> URL {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return url
    }

    /// Imports an observations CSV from the fixtures, as `monazite import` does.
    @discardableResult
    static func importObservations(_ name: String, into store: any TradeStore) async throws -> ImportReport {
        let data = try Data(contentsOf: try url(name))
        return try await store.importObservations(file: name, format: "observations") { sink throws(ImportFailure) in
            let result: Result<Void, ImportFailure> = data.withUnsafeBytes { raw in
                do throws(ImportFailure) {
                    try ObservationCSVFormat.read(bytes: raw.bindMemory(to: UInt8.self), file: name, sink: sink)
                    return .success(())
                } catch {
                    return .failure(error)
                }
            }
            try result.get()
            return 0
        }
    }

    static let magnetsWorld = SeriesKey(reporter: .china, partner: .world, flow: .export, commodity: HSCode("8505.11")!)
    static let magnetsUS = SeriesKey(reporter: .china, partner: .unitedStates, flow: .export, commodity: HSCode("8505.11")!)
}
