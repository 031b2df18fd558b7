// swift-tools-version:6.1
import Foundation
import PackageDescription

/// Monazite: rare-earth supply-chain intelligence.
///
/// Layers, from the bottom up (see `docs/architecture.md`):
/// - `MonaziteCore`: domain types and analytics. Foundation only, no I/O.
/// - `MonaziteSimulation`: the disruption simulator engine. Pure, on top of the core.
/// - `MonaziteIngest`: parsers for the file formats Monazite reads (CSV, Comtrade, USGS).
/// - `MonaziteScenario`: the scenario file format of the simulator (YAML) and its validation.
/// - `MonazitePolicy`: export controls, suspensions and licences; status on a date. Pure.
/// - `MonazitePolicyFile`: the policy timeline / licence YAML formats and the bundled timeline.
/// - `MonazitePipeline`: US and allied projects by stage, the capacity outlook and its Monte Carlo. Pure.
/// - `MonazitePipelineFile`: the project CSV, the outlook assumptions YAML and the bundled, cited copies.
/// - `MonaziteAnomalies`: surges, collapses and change points in monthly series, linked to events. Pure.
/// - `MonaziteClaims`: quantitative claims read from news text and checked against the data. Pure.
/// - `MonaziteAlerts`: alert rules (YAML), their evaluation, and signed webhook delivery.
/// - `MonaziteStore`: the embedded SQLite store (GRDB): schema, migrations, revisions.
/// - `MonaziteDataset`: the bundled, cited dataset and the code that loads it.
/// - `MonaziteService`: the queries every interface answers (trade series, partners, summary,
///   reliance, sources, file import) as reports with figures, notes and sources.
/// - `MonaziteServer`: the HTTP server (Hummingbird): JSON API under /api/v1, OpenAPI document,
///   tokens, metrics, and the dashboard mounted through a handler.
/// - `MonaziteDashboard`: the server-rendered HTML dashboard (pages, SVG charts, CSV), no HTTP library.
/// - `MonaziteCLI`: the `monazite` commands; `monazite` is the executable around them.
let strictSwift: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

/// The simulator's lanes are SIMD vectors of doubles (`SimulationLanes`). Compiled for a CPU
/// with AVX2 and FMA (x86-64 since 2013), a four-wide operation is one instruction instead of
/// two: the 500-node Monte Carlo runs about a fifth faster (BENCHMARKS.md). Used only when the
/// machine that builds has them, since the binary then needs them too; `MONAZITE_PORTABLE=1`
/// builds without, for a binary meant for other machines.
let simulationCPU: [SwiftSetting] = {
    #if arch(x86_64) && os(Linux)
    guard ProcessInfo.processInfo.environment["MONAZITE_PORTABLE"] != "1",
        let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
        let flags = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("flags") })
    else { return [] }
    let has = Set(flags.split(separator: " ").map(String.init))
    let haswell: Set = ["avx", "avx2", "fma", "bmi1", "bmi2", "f16c", "movbe", "abm", "popcnt"]
    return haswell.isSubset(of: has) ? [.unsafeFlags(["-target-cpu", "haswell"])] : []
    #else
    return []
    #endif
}()

let package = Package(
    name: "Monazite",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "monazite", targets: ["monazite"]),
        .library(name: "MonaziteCore", targets: ["MonaziteCore"]),
        // Every parser of outside input, for the libFuzzer harnesses in Fuzz/ (a separate package that
        // scripts/fuzz.sh builds with sanitizers; nothing in this package depends on it).
        .library(
            name: "MonaziteParsers",
            targets: [
                "MonaziteCore", "MonaziteIngest", "MonaziteYAML", "MonaziteScenario", "MonazitePolicyFile", "MonazitePriceFile",
                "MonaziteAlerts", "MonaziteClaims",
            ]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // The HTTP server. Its default traits pull swift-configuration, which we do not use.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
        // SHA-256 of API tokens (and HMAC of webhook bodies) on Linux, where CryptoKit is absent.
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // Metrics through swift-metrics, exposed for Prometheus (both small; no global bootstrap).
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        // Already a dependency of Hummingbird: the simulation workers run in the same service group.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        // Already a dependency of Hummingbird: the peer's address (NIOCore's SocketAddress) for the per-address rate limit.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        // Markdown to HTML for the briefing (kept library; footnotes are made by our renderer).
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
        // ZIP container of the dashboard's XLSX downloads (and of reading them back in tests).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .target(name: "MonaziteCore", swiftSettings: strictSwift),
        .target(name: "MonaziteSimulation", dependencies: ["MonaziteCore"], swiftSettings: strictSwift + simulationCPU),
        .target(name: "MonaziteIngest", dependencies: ["MonaziteCore"], swiftSettings: strictSwift),
        // One YAML node and one located error for every YAML format (scenario, network, policy, alerts).
        .target(name: "MonaziteYAML", dependencies: ["MonaziteCore", .product(name: "Yams", package: "Yams")], swiftSettings: strictSwift),
        .target(
            name: "MonaziteScenario",
            dependencies: ["MonaziteCore", "MonaziteSimulation", "MonaziteYAML", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Resources")],
            swiftSettings: strictSwift
        ),
        .target(name: "MonazitePolicy", dependencies: ["MonaziteCore"], swiftSettings: strictSwift),
        .target(
            name: "MonazitePolicyFile",
            dependencies: ["MonaziteCore", "MonazitePolicy", "MonaziteYAML", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Resources")],
            swiftSettings: strictSwift
        ),
        // Prices, FX/VAT conversion, ex-China spreads and the stress index. Pure (docs/prices.md).
        .target(name: "MonazitePrices", dependencies: ["MonaziteCore"], swiftSettings: strictSwift),
        // The price and FX CSV formats and the bundled, cited price rows.
        .target(
            name: "MonazitePriceFile",
            dependencies: ["MonaziteCore", "MonaziteIngest", "MonazitePrices"],
            resources: [.copy("Resources")],
            swiftSettings: strictSwift
        ),
        // Project pipeline: stages, capacities, the outlook by stage and year and its Monte Carlo. Pure (docs/projects.md).
        .target(name: "MonazitePipeline", dependencies: ["MonaziteCore"], swiftSettings: strictSwift),
        // The project CSV, the outlook assumptions YAML, the IEA demand CSV and their bundled copies.
        .target(
            name: "MonazitePipelineFile",
            dependencies: ["MonaziteCore", "MonaziteIngest", "MonazitePipeline", "MonaziteYAML", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Resources")],
            swiftSettings: strictSwift
        ),
        .target(name: "MonaziteAnomalies", dependencies: ["MonaziteCore"], swiftSettings: strictSwift),
        .target(name: "MonaziteClaims", dependencies: ["MonaziteCore"], swiftSettings: strictSwift),
        .target(
            name: "MonaziteAlerts",
            dependencies: [
                "MonaziteCore", "MonaziteAnomalies", "MonaziteYAML", .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSwift
        ),
        .target(
            name: "MonaziteStore",
            dependencies: [
                "MonaziteCore", "MonaziteIngest", "MonazitePolicy", "MonazitePrices", "MonazitePriceFile",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strictSwift
        ),
        .target(
            name: "MonaziteStorePostgres",
            dependencies: [
                "MonaziteCore", "MonaziteIngest", "MonazitePolicy", "MonazitePrices", "MonaziteStore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: strictSwift
        ),
        .target(
            name: "MonaziteDataset",
            dependencies: ["MonaziteCore", "MonaziteIngest", "MonaziteStore"],
            resources: [.copy("Resources")],
            swiftSettings: strictSwift
        ),
        .target(
            name: "MonaziteService",
            dependencies: [
                "MonaziteCore", "MonaziteIngest", "MonaziteStore", "MonaziteScenario", "MonaziteSimulation", "MonazitePolicy",
                "MonazitePolicyFile", "MonaziteAnomalies", "MonaziteAlerts", "MonaziteClaims", "MonazitePrices", "MonazitePriceFile",
                "MonazitePipeline", "MonazitePipelineFile",
            ],
            swiftSettings: strictSwift
        ),
        .target(
            name: "MonaziteServer",
            dependencies: [
                "MonaziteCore", "MonaziteStore", "MonaziteService", "MonaziteIngest", "MonaziteScenario", "MonaziteSimulation",
                "MonazitePolicy", "MonazitePolicyFile", "MonaziteDashboard", "MonaziteClaims",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: strictSwift
        ),
        .target(
            name: "MonaziteDashboard",
            dependencies: [
                "MonaziteCore", "MonaziteService", "MonaziteClaims", "MonazitePrices", "MonazitePipeline", .product(name: "Ink", package: "Ink"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strictSwift
        ),
        .target(
            name: "MonaziteCLI",
            dependencies: [
                "MonaziteCore", "MonaziteIngest", "MonaziteStore", "MonaziteStorePostgres", "MonaziteDataset", "MonaziteService", "MonaziteServer",
                "MonaziteDashboard", "MonaziteSimulation", "MonaziteScenario", "MonazitePolicy", "MonazitePolicyFile", "MonaziteAnomalies", "MonaziteAlerts",
                "MonaziteClaims", "MonazitePrices", "MonazitePriceFile", "MonazitePipeline", "MonazitePipelineFile",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSwift
        ),
        .executableTarget(
            name: "monazite",
            dependencies: ["MonaziteCLI", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strictSwift
        ),

        .testTarget(name: "MonaziteCoreTests", dependencies: ["MonaziteCore"], swiftSettings: strictSwift),
        .testTarget(
            name: "MonaziteSimulationTests",
            dependencies: ["MonaziteSimulation", "MonaziteScenario"],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "MonaziteIngestTests",
            dependencies: ["MonaziteIngest"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "MonaziteStoreTests",
            // GRDB: tests that look at the writer connection's settings (ImportForeignKeyTests).
            dependencies: ["MonaziteStore", "MonaziteIngest", "MonaziteDataset", .product(name: "GRDB", package: "GRDB.swift")],
            resources: [.copy("BadFiles"), .copy("Fixtures")],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "MonaziteServerTests",
            dependencies: [
                "MonaziteServer", "MonaziteStore", "MonaziteDataset", "MonaziteService", "MonazitePolicyFile", "MonaziteCore", "MonaziteDashboard",
                "MonazitePrices",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "MonazitePricesTests",
            dependencies: ["MonazitePrices", "MonazitePriceFile", "MonaziteIngest", "MonaziteCore"],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "MonazitePipelineTests",
            dependencies: ["MonazitePipeline", "MonazitePipelineFile", "MonaziteIngest", "MonaziteCore"],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "MonazitePolicyTests",
            dependencies: ["MonazitePolicy", "MonazitePolicyFile", "MonaziteStore"],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "MonaziteAnomaliesTests",
            dependencies: ["MonaziteAnomalies", "MonaziteStore", "MonaziteDataset"],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "MonaziteAlertsTests",
            dependencies: ["MonaziteAlerts", "MonaziteStore"],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "MonaziteDashboardTests",
            dependencies: [
                "MonaziteDashboard", "MonaziteCore", "MonaziteIngest", "MonaziteStore", "MonaziteDataset", "MonaziteService",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "MonaziteStoreContractTests",
            dependencies: [
                "MonaziteStore", "MonaziteStorePostgres", "MonaziteDataset", "MonaziteIngest", "MonazitePolicy", "MonazitePrices",
                "MonazitePriceFile",
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "MonaziteClaimsTests",
            dependencies: ["MonaziteClaims", "MonaziteCore", "MonaziteService", "MonaziteStore", "MonaziteDataset"],
            resources: [.copy("Corpus")],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "MonaziteCLITests",
            dependencies: ["MonaziteCLI", "MonaziteService"],
            swiftSettings: strictSwift
        ),
    ]
)
