// swift-tools-version:6.1
import PackageDescription

/// Monazite: rare-earth supply-chain intelligence.
///
/// Layers, from the bottom up (see `docs/architecture.md`):
/// - `MonaziteCore`: domain types and analytics. Foundation only, no I/O.
/// - `MonaziteSimulation`: the disruption simulator engine. Pure, on top of the core.
/// - `MonaziteIngest`: parsers for the file formats Monazite reads (CSV, Comtrade, USGS).
/// - `MonaziteScenario`: the scenario file format of the simulator (YAML) and its validation.
/// - `MonaziteStore`: the embedded SQLite store (GRDB): schema, migrations, revisions.
/// - `MonaziteDataset`: the bundled, cited dataset and the code that loads it.
/// - `MonaziteCLI`: the `monazite` commands; `monazite` is the executable around them.
let strictSwift: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Monazite",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "monazite", targets: ["monazite"]),
        .library(name: "MonaziteCore", targets: ["MonaziteCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        .target(name: "MonaziteCore", swiftSettings: strictSwift),
        .target(name: "MonaziteSimulation", dependencies: ["MonaziteCore"], swiftSettings: strictSwift),
        .target(name: "MonaziteIngest", dependencies: ["MonaziteCore"], swiftSettings: strictSwift),
        .target(
            name: "MonaziteScenario",
            dependencies: ["MonaziteCore", "MonaziteSimulation", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Resources")],
            swiftSettings: strictSwift
        ),
        .target(
            name: "MonaziteStore",
            dependencies: [
                "MonaziteCore", "MonaziteIngest", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strictSwift
        ),
        .target(
            name: "MonaziteStorePostgres",
            dependencies: [
                "MonaziteCore", "MonaziteIngest", "MonaziteStore",
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
            name: "MonaziteCLI",
            dependencies: [
                "MonaziteCore", "MonaziteIngest", "MonaziteStore", "MonaziteStorePostgres", "MonaziteDataset",
                "MonaziteSimulation", "MonaziteScenario",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
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
            dependencies: ["MonaziteStore", "MonaziteIngest", "MonaziteDataset"],
            resources: [.copy("BadFiles"), .copy("Fixtures")],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "MonaziteStoreContractTests",
            dependencies: ["MonaziteStore", "MonaziteStorePostgres", "MonaziteDataset", "MonaziteIngest"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "MonaziteCLITests",
            dependencies: ["MonaziteCLI"],
            swiftSettings: strictSwift
        ),
    ]
)
