// swift-tools-version:5.10
// libFuzzer targets for incidentmap's readers and SVG writer. A separate package, so that the
// main package's `swift build` and `swift test` never build them. Build and run: `make fuzz`
// (or `swift build --package-path Fuzz -c release --sanitize=fuzzer --sanitize=address`, which
// instruments incidentmap's libraries too, then `Fuzz/.build/release/FuzzCSV Fuzz/Seeds/FuzzCSV`).
import PackageDescription

// Each target is an executable whose entry point is libFuzzer's `main`: its one file defines
// `LLVMFuzzerTestOneInput` and is parsed as a library (no top-level code, no `main` of its own).
let fuzzTarget: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "incidentmap-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "incidentmap", path: "..")],
    targets: [
        // Checks every target applies to what the code under test returns.
        .target(name: "FuzzSupport", dependencies: [.product(name: "IncidentMapKit", package: "incidentmap")]),
        .executableTarget(name: "FuzzCSV", dependencies: ["FuzzSupport", .product(name: "IncidentMapKit", package: "incidentmap")],
                          swiftSettings: fuzzTarget),
        .executableTarget(name: "FuzzYAML", dependencies: ["FuzzSupport", .product(name: "IncidentMapKit", package: "incidentmap")],
                          swiftSettings: fuzzTarget),
        .executableTarget(name: "FuzzGeoJSON", dependencies: ["FuzzSupport", .product(name: "IncidentMapKit", package: "incidentmap")],
                          swiftSettings: fuzzTarget),
        .executableTarget(name: "FuzzSVG", dependencies: ["FuzzSupport", .product(name: "IncidentMapKit", package: "incidentmap")],
                          swiftSettings: fuzzTarget),
    ]
)
