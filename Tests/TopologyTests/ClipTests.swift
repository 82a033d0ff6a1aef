import Geometry
import Topology
import XCTest

/// The GEOS clip, simplification and grid snapping on small shapes with known answers.
final class ClipTests: XCTestCase {
    let box = BoundingBox(minX: 0, minY: 0, maxX: 10, maxY: 10)

    func ring(_ pts: [(Double, Double)]) -> Ring {
        let r = pts.map { LonLat(lon: $0.0, lat: $0.1) }
        return r + [r[0]]
    }

    func square(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> Ring {
        ring([(x0, y0), (x1, y0), (x1, y1), (x0, y1)])
    }

    func assertValid(_ g: Geometry?, _ engine: GeometryEngine, file: StaticString = #filePath, line: UInt = #line) throws {
        let g = try XCTUnwrap(g, file: file, line: line)
        let v = try engine.validity(g)
        XCTAssertTrue(v.isValid, v.reason, file: file, line: line)
    }

    func testAUShapeWhoseArmsLeaveAndReenterTheBoxBecomesTwoPartsWithoutSpikes() throws {
        let engine = try GeometryEngine()
        // The base lies below the box; only the two arms (x 1–3 and 7–9, y 0–5) are inside.
        let u = Polygon(exterior: ring([(1, -5), (9, -5), (9, 5), (7, 5), (7, -2), (3, -2), (3, 5), (1, 5)]))
        let clipped = try engine.clip(.polygon(u), to: box)
        try assertValid(clipped, engine)
        let parts = try XCTUnwrap(clipped).polygons
        XCTAssertEqual(parts.count, 2)
        XCTAssertEqual(try engine.area(XCTUnwrap(clipped)), 20, accuracy: 1e-9)
        for p in parts {
            XCTAssertEqual(try engine.area(.polygon(p)), 10, accuracy: 1e-9)
            // No vertex of the box edge between the arms (a zero-width spike along y = 0).
            XCTAssertFalse(p.exterior.contains { $0.lat == 0 && $0.lon > 3 && $0.lon < 7 })
        }
    }

    func testABoxCuttingThroughAHoleOpensItIntoTheExterior() throws {
        let engine = try GeometryEngine()
        let holed = Polygon(exterior: square(0, 0, 10, 10), holes: [square(4, 4, 6, 6)])
        let clipped = try engine.clip(.polygon(holed), to: BoundingBox(minX: 5, minY: -1, maxX: 11, maxY: 11))
        try assertValid(clipped, engine)
        XCTAssertEqual(try engine.area(XCTUnwrap(clipped)), 50 - 2, accuracy: 1e-9)
        XCTAssertEqual(clipped?.polygons.count, 1)
        XCTAssertEqual(clipped?.polygons.first?.holes.count, 0, "the cut hole is now a notch in the exterior")
    }

    func testAHoleInsideTheBoxStaysWithItsShell() throws {
        let engine = try GeometryEngine()
        let holed = Polygon(exterior: square(0, 0, 10, 10), holes: [square(4, 4, 6, 6)])
        let clipped = try engine.clip(.polygon(holed), to: BoundingBox(minX: -1, minY: -1, maxX: 11, maxY: 8))
        try assertValid(clipped, engine)
        XCTAssertEqual(clipped?.polygons.count, 1)
        XCTAssertEqual(clipped?.polygons.first?.holes.count, 1)
        XCTAssertEqual(try engine.area(XCTUnwrap(clipped)), 80 - 4, accuracy: 1e-9)
    }

    func testABoxInsideThePolygonIsTheBox() throws {
        let engine = try GeometryEngine()
        let big = Polygon(exterior: square(-100, -100, 100, 100))
        let clipped = try engine.clip(.polygon(big), to: box)
        try assertValid(clipped, engine)
        XCTAssertEqual(try engine.area(XCTUnwrap(clipped)), 100, accuracy: 1e-9)
        XCTAssertEqual(Set(try XCTUnwrap(clipped).positions), Set(square(0, 0, 10, 10)))
    }

    func testAPolygonOutsideTheBoxIsNil() throws {
        let engine = try GeometryEngine()
        XCTAssertNil(try engine.clip(.polygon(Polygon(exterior: square(20, 20, 30, 30))), to: box))
        // Touching the box along an edge leaves nothing of an area either.
        XCTAssertNil(try engine.clip(.polygon(Polygon(exterior: square(10, 0, 20, 10))), to: box))
    }

    func testABowTieIsMadeValidBeforeTheClip() throws {
        let engine = try GeometryEngine()
        let bowTie = Geometry.polygon(Polygon(exterior: ring([(0, 0), (10, 10), (10, 0), (0, 10)])))
        XCTAssertFalse(try engine.validity(bowTie).isValid)
        let clipped = try engine.clip(bowTie, to: BoundingBox(minX: -1, minY: -1, maxX: 11, maxY: 11))
        try assertValid(clipped, engine)
        XCTAssertEqual(clipped?.polygons.count, 2)
        XCTAssertEqual(try engine.area(XCTUnwrap(clipped)), 50, accuracy: 1e-9)
    }

    func testPartsSplitAtTheAntimeridianClipToTheSideOfTheBox() throws {
        // Natural Earth stores areas across ±180° as parts that touch the line; the extent
        // clip (in longitude/latitude) sees them as two separate polygons.
        let engine = try GeometryEngine()
        let split = Geometry.multiPolygon([Polygon(exterior: square(170, 0, 180, 10)), Polygon(exterior: square(-180, 0, -170, 10))])
        let clipped = try engine.clip(split, to: BoundingBox(minX: 160, minY: -5, maxX: 180, maxY: 15))
        try assertValid(clipped, engine)
        XCTAssertEqual(clipped?.polygons.count, 1)
        XCTAssertEqual(try engine.area(XCTUnwrap(clipped)), 100, accuracy: 1e-9)
    }

    func testTheGridStepKeepsPolygonsValidWhereRoundingAloneBreaksThem() throws {
        let engine = try GeometryEngine()
        // Two holes 0.04 apart: rounded to one decimal they would share an edge.
        let p = Polygon(exterior: square(0, 0, 10, 10), holes: [square(1, 1, 5, 5), square(5.04, 1, 9, 5)])
        func rounded(_ r: Ring) -> Ring { r.map { LonLat(lon: ($0.lon * 10).rounded() / 10, lat: ($0.lat * 10).rounded() / 10) } }
        XCTAssertTrue(try engine.validity(.polygon(p)).isValid)
        XCTAssertFalse(try engine.validity(.polygon(Polygon(exterior: rounded(p.exterior), holes: p.holes.map(rounded)))).isValid)

        let out = try PolygonPipeline(box: BoundingBox(minX: -1, minY: -1, maxX: 11, maxY: 11), decimals: 1).run([p])
        try assertValid(out, engine)
        for q in try XCTUnwrap(out).positions {
            XCTAssertEqual(q, LonLat(lon: (q.lon * 10).rounded() / 10, lat: (q.lat * 10).rounded() / 10), "every vertex is on the 0.1 grid")
        }
    }

    /// Areas inside the box and on the grid already, valid (as the gazetteer stores them), go
    /// through unchanged but for their orientation; one that is not valid, crosses the box or is off
    /// the grid still goes through GEOS and comes out valid and on the grid.
    func testAreasTheStagesWouldNotChangeSkipThemAndNoOthersDo() throws {
        let engine = try GeometryEngine()
        let pipeline = try PolygonPipeline(box: BoundingBox(minX: -1, minY: -1, maxX: 11, maxY: 11), decimals: 1)
        // Clockwise, with a clockwise hole: written back counter-clockwise with a clockwise hole.
        let onGrid = Polygon(exterior: Array(square(0, 0, 10, 10).reversed()), holes: [Array(square(2.5, 2.5, 4.5, 4.5).reversed())])
        XCTAssertTrue(try pipeline.unchanged([onGrid]))
        let kept = try XCTUnwrap(pipeline.run([onGrid]))
        XCTAssertEqual(kept, .polygon(Orientation.oriented(onGrid)))
        XCTAssertGreaterThan(Orientation.signedArea2(kept.polygons[0].exterior), 0)
        XCTAssertLessThan(Orientation.signedArea2(kept.polygons[0].holes[0]), 0)

        let bowTie = Polygon(exterior: ring([(0, 0), (4, 4), (4, 0), (0, 4)]))
        let offGrid = Polygon(exterior: square(0, 0, 10.04, 10))
        let repeated = Polygon(exterior: ring([(0, 0), (5, 0), (5, 0), (5, 5), (0, 5)]))
        let acrossTheBox = Polygon(exterior: square(5, 5, 12, 12))
        let overlapping = [Polygon(exterior: square(0, 0, 5, 5)), Polygon(exterior: square(4, 4, 8, 8))]
        for (name, polygons) in [("bow tie", [bowTie]), ("off the grid", [offGrid]), ("repeated vertex", [repeated]),
                                 ("across the box", [acrossTheBox]), ("overlapping parts", overlapping)] {
            XCTAssertFalse(try pipeline.unchanged(polygons), name)
            let out = try XCTUnwrap(pipeline.run(polygons), name)
            try assertValid(out, engine)
            for q in out.positions {
                XCTAssertEqual(q, LonLat(lon: (q.lon * 10).rounded() / 10, lat: (q.lat * 10).rounded() / 10), "\(name): on the 0.1 grid")
                XCTAssertTrue(q.lon <= 11 && q.lat <= 11, "\(name): inside the box")
            }
        }
    }

    func testThePipelineProjectsSimplifiesOrientsAndRepeatsItself() throws {
        // A wiggly U, projected by a mirror (which reverses every ring), simplified at 0.35.
        var outer: [(Double, Double)] = [(1, -5)]
        for i in 0...80 { outer.append((1 + 8 * Double(i) / 80, -5 + 0.1 * sin(Double(i)))) }
        outer += [(9, 5), (7, 5), (7, -2), (3, -2), (3, 5), (1, 5)]
        let u = Polygon(exterior: ring(outer), holes: [square(7.5, 1, 8.5, 2)])
        let mirror: (Ring) -> Ring = { $0.map { LonLat(lon: $0.lon, lat: -$0.lat) } }
        let pipeline = try PolygonPipeline(box: BoundingBox(minX: 0, minY: -10, maxX: 10, maxY: 0), simplifyTolerance: 0.35, decimals: 1)
        let out = try XCTUnwrap(pipeline.run([u], project: mirror))
        try assertValid(out, GeometryEngine())
        XCTAssertEqual(out.polygons.count, 2)
        XCTAssertEqual(out.polygons.map(\.holes.count).reduce(0, +), 1)
        for p in out.polygons {
            XCTAssertGreaterThan(Orientation.signedArea2(p.exterior), 0)
            for h in p.holes { XCTAssertLessThan(Orientation.signedArea2(h), 0) }
        }
        XCTAssertEqual(try pipeline.run([u], project: mirror), out)
    }

    func testGEOSErrorsCarryGEOSsMessage() throws {
        let engine = try GeometryEngine()
        // GEOS refuses a LineString of one position (IllegalArgumentException).
        let bad = Geometry.lineString([LonLat(lon: 0, lat: 0)])
        XCTAssertThrowsError(try engine.validity(bad)) { error in
            let e = error as? TopologyError
            XCTAssertNotNil(e)
            XCTAssertFalse(e?.message.isEmpty ?? true)
            XCTAssertNotEqual(e?.message, "failed without a message")
        }
    }
}
