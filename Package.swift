// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "incidentmap",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "incidentmap", targets: ["incidentmap"]),
        .library(name: "IncidentMapKit", targets: ["Projection", "Geometry", "Gazetteer", "Incidents", "Rendering", "Pipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // PROJ's C API through pkg-config; a module map and one shim header, nothing else.
        .systemLibrary(name: "CPROJ", pkgConfig: "proj", providers: [.apt(["libproj-dev"])]),
        // Owns PROJ contexts and transformations; geodesics on WGS84.
        .target(name: "Projection", dependencies: ["CPROJ"]),
        // Longitude/latitude geometry values, GeoJSON geometry reading, planar helpers.
        .target(name: "Geometry"),
        // GEOS's C API through pkg-config (reentrant functions only); a module map and one shim header.
        .systemLibrary(name: "CGEOS", pkgConfig: "geos", providers: [.apt(["libgeos-dev"])]),
        // Valid polygon clipping, simplification and precision through GEOS.
        .target(name: "Topology", dependencies: ["Geometry", "CGEOS"]),
        // Place names to coordinates: bundled GeoNames/Natural Earth data and user overlays.
        .target(name: "Gazetteer", dependencies: ["Geometry", "Projection", "Topology", "Yams", "YAMLGuard"]),
        // Refuses YAML that would make composing it explode (aliases, deep nesting, too many values).
        .target(name: "YAMLGuard", dependencies: ["Yams"]),
        // The incident model and the readers of incident files.
        .target(name: "Incidents", dependencies: ["Geometry", "Projection", "Topology", "Yams", "YAMLGuard"]),
        // zlib through pkg-config: the deflate of the PNG images an SVG embeds (the relief).
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // libpq (PostgreSQL's C client) through pkg-config; a module map and one shim header.
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        // Connections, read-only cursors, COPY and quoted identifiers on libpq; no password in any message.
        .target(name: "Database", dependencies: ["CLibPQ"]),
        // GeoJSON layers and SVG maps.
        .target(name: "Rendering", dependencies: ["Geometry", "Projection", "Topology", "CZlib"]),
        // One run: read → resolve → measure → render, with atomic output.
        .target(name: "Pipeline", dependencies: ["Projection", "Geometry", "Gazetteer", "Incidents", "Rendering", "Topology", "Database"]),
        .executableTarget(name: "incidentmap", dependencies: [
            "Pipeline", "Gazetteer", "Incidents", "Projection", "Rendering", "Geometry", "Database",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "GazetteerBenchmark", dependencies: ["Gazetteer"], path: "Benchmarks/GazetteerBenchmark"),
        .executableTarget(name: "ProjectionBenchmark", dependencies: ["Projection", "CPROJ"], path: "Benchmarks/ProjectionBenchmark"),
        .testTarget(name: "ProjectionTests", dependencies: ["Projection"]),
        .testTarget(name: "GeometryTests", dependencies: ["Geometry"]),
        .testTarget(name: "TopologyTests", dependencies: ["Topology", "Geometry"]),
        .testTarget(name: "GazetteerTests", dependencies: ["Gazetteer", "Geometry"], exclude: ["Fixtures"]),
        .testTarget(name: "IncidentsTests", dependencies: ["Incidents", "Geometry", "Topology"]),
        .testTarget(name: "RenderingTests", dependencies: ["Rendering", "Geometry", "Projection"]),
        .testTarget(name: "EndToEndTests", dependencies: ["Pipeline", "Projection", "Geometry", "Gazetteer", "Topology", "Database"],
                    exclude: ["Snapshots", "Corpus", "Fixtures"]),
    ]
)
