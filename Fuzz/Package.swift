// swift-tools-version:6.1
import PackageDescription

/// libFuzzer harnesses for Monazite's parsers (issue 15, item 2).
///
/// A package of its own so that the sanitizer build never touches the main package's build:
/// `scripts/fuzz.sh` builds it with `-sanitize=fuzzer,address` into `.build-fuzz/`. One binary
/// holds every harness; `MONAZITE_FUZZ_TARGET` picks one (`MonaziteFuzz --list` names them).
let package = Package(
    name: "MonaziteFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Monazite", path: "..")],
    targets: [
        .executableTarget(
            name: "MonaziteFuzz",
            dependencies: [.product(name: "MonaziteParsers", package: "Monazite")]
        )
    ]
)
