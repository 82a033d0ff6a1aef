import Geometry
import Projection
@testable import Rendering
import XCTest

/// The label placer, the map frame, the inset's span and the scale bar, with real PROJ.
final class MapFrameTests: XCTestCase {
    private func scene(_ points: [LonLat]) -> MapScene {
        let incidents = points.enumerated().map { i, p in
            SceneIncident(id: "i\(i)", location: p, number: i + 1, title: "Place \(i)", detail: "1 Jan 2024 · strike",
                          keyText: "incident \(i)", style: .strike)
        }
        return MapScene(title: "t", subtitle: "s", summary: "d", attribution: ["a"], countries: [], provinces: [], borders: [],
                        places: [], incidents: incidents)
    }

    private func frame(_ points: [LonLat], options: MapOptions = MapOptions()) throws -> MapFrame {
        try MapFrame(scene: scene(points), options: options)
    }

    private func distancePx(_ a: XY, _ b: XY) -> Double { ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot() }

    // MARK: Label placer

    func testPlacedLabelsNeverOverlap() {
        var placer = LabelPlacer(bounds: BoundingBox(minX: 0, minY: 0, maxX: 400, maxY: 300))
        var boxes: [BoundingBox] = []
        // A tight cluster: most labels must move out or give up, none may overlap another.
        for i in 0..<60 {
            let p = XY(x: 200 + Double(i % 7) * 6, y: 150 + Double(i / 7) * 5)
            if let placed = placer.place(at: p, width: 70, height: 24, ascent: 12, gap: 10, leaderDistances: [30, 60, 90]) {
                boxes.append(placed.box)
            }
        }
        XCTAssertGreaterThan(boxes.count, 5)
        for i in boxes.indices {
            for j in boxes.indices where j > i {
                XCTAssertFalse(boxes[i].intersects(boxes[j]), "labels \(i) and \(j) overlap")
            }
        }
    }

    func testABlockedBoxIsAvoided() throws {
        var placer = LabelPlacer(bounds: BoundingBox(minX: 0, minY: 0, maxX: 400, maxY: 300))
        // The preferred position, right of the point, is taken.
        let blocked = BoundingBox(minX: 205, minY: 130, maxX: 320, maxY: 170)
        placer.block(blocked)
        let placed = try XCTUnwrap(placer.place(at: XY(x: 200, y: 150), width: 60, height: 20, ascent: 12, gap: 10))
        XCTAssertFalse(placed.box.intersects(blocked))
        XCTAssertEqual(placed.anchor, "end", "the next preference is left of the point")
    }

    func testALabelThatCannotBePlacedIsReported() {
        var placer = LabelPlacer(bounds: BoundingBox(minX: 0, minY: 0, maxX: 100, maxY: 100))
        XCTAssertNil(placer.place(at: XY(x: 50, y: 50), width: 150, height: 20, ascent: 12, gap: 10, leaderDistances: [30, 60]),
                     "wider than the bounds")
        placer.block(BoundingBox(minX: 0, minY: 0, maxX: 100, maxY: 100))
        XCTAssertNil(placer.place(at: XY(x: 50, y: 50), width: 10, height: 10, ascent: 8, gap: 0, centered: true), "everything is taken")
        XCTAssertEqual(placer.taken.count, 1, "a failed placement takes nothing")
    }

    // MARK: Frame

    func testExtentHoldsEveryIncidentAndFitsTheFrame() throws {
        let points = [LonLat(lon: 62.33, lat: 27.37), LonLat(lon: 64.09, lat: 26.97), LonLat(lon: 66.5, lat: 25.1), LonLat(lon: 61.2, lat: 29.8)]
        let f = try frame(points)
        for p in points {
            let q = try f.projection.forward(p.lon, p.lat)
            XCTAssertTrue(f.extent.contains(XY(x: q.x, y: q.y)), "\(p)")
            XCTAssertTrue(f.frame.contains(try f.toSVG(p)), "\(p)")
            XCTAssertTrue(f.boundsContain(p), "\(p)")
        }
        XCTAssertEqual(f.extent.width / f.extent.height, f.frame.width / f.frame.height, accuracy: 1e-9)
        XCTAssertEqual(f.frame.minY, MapFrame.headerHeight)
        XCTAssertEqual(f.frame.maxY, MapOptions().height - f.footerHeight, accuracy: 1e-9)
    }

    func testGeoreferenceRoundTripsAPointWithinATenthOfAPixel() throws {
        let f = try frame([LonLat(lon: 62.33, lat: 27.37), LonLat(lon: 64.09, lat: 26.97)], options: MapOptions(crs: "EPSG:32641"))
        let p = LonLat(lon: 63.1, lat: 27.9)
        let svg = try f.toSVG(p)
        let back = try XCTUnwrap(f.lonLat(svg: svg))
        XCTAssertLessThan(distancePx(try f.toSVG(back), svg), 0.1)
        // The affine written to the metadata gives the same position.
        let q = try f.projection.forward(p.lon, p.lat), a = f.georef.affine
        XCTAssertLessThan(distancePx(XY(x: a[0] * q.x + a[1] * q.y + a[2], y: a[3] * q.x + a[4] * q.y + a[5]), svg), 0.1)
    }

    func testAFrameAcrossTheAntimeridianDoesNotSpanTheGlobe() throws {
        let points = [LonLat(lon: 179.5, lat: -17), LonLat(lon: -179.5, lat: -17.5)]
        let f = try frame(points)
        XCTAssertTrue(f.crs.contains("+lon_0=180") || f.crs.contains("+lon_0=-180"), f.crs)
        XCTAssertLessThan(f.extent.width, 1_500_000, "metres")
        XCTAssertLessThan(f.lonLatBounds.width, 20, "degrees")
        XCTAssertGreaterThan(f.lonLatBounds.maxX, 180, "east is unwrapped past the antimeridian")
        for p in points { XCTAssertTrue(f.frame.contains(try f.toSVG(p)), "\(p)") }
        // Areas on either side of the antimeridian reach the frame; one on the other side of the globe does not.
        XCTAssertTrue(f.mayShow(BoundingBox(minX: -179.9, minY: -18, maxX: -179.6, maxY: -17)))
        XCTAssertTrue(f.mayShow(BoundingBox(minX: 179.6, minY: -18, maxX: 179.9, maxY: -17)))
        XCTAssertFalse(f.mayShow(BoundingBox(minX: 10, minY: -18, maxX: 11, maxY: -17)))
        let meta = MetadataElement.json(scene(points), frame: f)
        XCTAssertTrue(meta.contains("\"bbox_lonlat\":[17"), "west > east across the antimeridian: \(meta.prefix(300))")
    }

    func testBBoxExtentComesFromPROJBounds() throws {
        let bbox = BoundingBox(minX: 60, minY: 24, maxX: 68, maxY: 30)
        let f = try frame([], options: MapOptions(bbox: bbox))
        // Every point of the bbox's edges is inside the fitted extent.
        for i in 0...20 {
            let t = Double(i) / 20
            for p in [LonLat(lon: 60 + 8 * t, lat: 24), LonLat(lon: 60 + 8 * t, lat: 30), LonLat(lon: 60, lat: 24 + 6 * t), LonLat(lon: 68, lat: 24 + 6 * t)] {
                let q = try f.projection.forward(p.lon, p.lat)
                XCTAssertTrue(f.extent.expanded(dx: 1, dy: 1).contains(XY(x: q.x, y: q.y)), "\(p)")
            }
        }
    }

    func testBoundsThatPROJCannotTransformThrowPROJsError() throws {
        // The box is on the far side of the globe, where an orthographic view has no points.
        let ortho = try Projection(to: "+proj=ortho +lat_0=0 +lon_0=0 +type=crs")
        XCTAssertThrowsError(try ortho.forwardBounds(minX: 150, minY: 0, maxX: 170, maxY: 10)) { error in
            let e = error as? ProjectionError
            XCTAssertEqual(e?.message, "Point outside of projection domain", "\(error)")
            XCTAssertTrue(e?.operation.contains("bounds") ?? false, "\(error)")
        }
        // PROJ logs a message for each failed point; the error says each message once.
        let utm = try Projection(to: "EPSG:32641")
        XCTAssertThrowsError(try utm.forwardBounds(minX: 60, minY: 91, maxX: 61, maxY: 95)) { error in
            XCTAssertEqual((error as? ProjectionError)?.message, "utm: Invalid latitude", "\(error)")
        }
    }

    // MARK: Inset

    func testTheInsetSpanFollowsTheMainMap() throws {
        // A city-sized map: the minimum span.
        let city = try frame([], options: MapOptions(bbox: BoundingBox(minX: 30.3, minY: 50.3, maxX: 30.7, maxY: 50.6)))
        XCTAssertLessThan(city.groundWidth, 100_000)
        XCTAssertEqual(InsetElement.span(mainGroundWidth: city.groundWidth), InsetElement.minimumSpan)
        // A regional map: a fixed multiple of its width.
        let region = try frame([LonLat(lon: 32.5, lat: 15.5), LonLat(lon: 36, lat: 13)])
        XCTAssertEqual(InsetElement.span(mainGroundWidth: region.groundWidth), InsetElement.spanFactor * region.groundWidth, accuracy: 1)
        XCTAssertGreaterThan(InsetElement.span(mainGroundWidth: region.groundWidth), InsetElement.minimumSpan)
        // A continental map: larger, up to the maximum.
        let continent = try frame([], options: MapOptions(bbox: BoundingBox(minX: -18, minY: -35, maxX: 52, maxY: 37)))
        XCTAssertGreaterThan(continent.groundWidth, 5_000_000)
        XCTAssertEqual(InsetElement.span(mainGroundWidth: continent.groundWidth), InsetElement.maximumSpan)
        XCTAssertGreaterThan(InsetElement.span(mainGroundWidth: continent.groundWidth), InsetElement.span(mainGroundWidth: region.groundWidth))
    }

    func testTheInsetIsCentredOnTheMapWhereverItIs() throws {
        for center in [LonLat(lon: 30.52, lat: 50.45), LonLat(lon: 32.53, lat: 15.55), LonLat(lon: 42, lat: 14.5)] {
            let s = scene([center, LonLat(lon: center.lon + 0.5, lat: center.lat + 0.3)])
            let f = try MapFrame(scene: s, options: MapOptions())
            var placer = LabelPlacer(bounds: f.labelBounds)
            let inset = try XCTUnwrap(InsetElement.build(s, frame: f, box: InsetElement.box(frame: f), p: "im-", placer: &placer))
            // The main map's outline sits in the middle of the locator, a quarter of its width (or less, at the minimum span).
            guard case let .element(_, _, children) = inset else { return XCTFail("not an element") }
            let d = children.compactMap { node -> String? in
                guard case let .element(_, attrs, _) = node, attrs.contains(where: { $0 == ("class", "im-inset-extent") }) else { return nil }
                return attrs.first { $0.0 == "d" }?.1
            }.first
            let xs = try XCTUnwrap(d).dropFirst().dropLast().split(separator: "L").compactMap { Double($0.split(separator: ",")[0]) }
            let box = InsetElement.box(frame: f)
            XCTAssertEqual((xs.min()! + xs.max()!) / 2, box.center.x, accuracy: 2, "\(center)")
            let expected = f.groundWidth / InsetElement.span(mainGroundWidth: f.groundWidth)
            XCTAssertEqual((xs.max()! - xs.min()!) / box.width, expected, accuracy: 0.03, "\(center)")
            XCTAssertLessThanOrEqual(expected, 1 / InsetElement.spanFactor + 1e-9)
        }
    }

    // MARK: Scale bar

    func testTheScaleBarsKilometresAreItsPixelsMeasuredOnTheGround() throws {
        for options in [MapOptions(), MapOptions(crs: "EPSG:32641"), MapOptions(crs: "EPSG:3857")] {
            let f = try frame([LonLat(lon: 62.33, lat: 27.37), LonLat(lon: 64.09, lat: 26.97)], options: options)
            let bar = ScaleBarElement(frame: f)
            let c = f.frame.center
            let a = try XCTUnwrap(f.lonLat(svg: XY(x: c.x - bar.px / 2, y: c.y)))
            let b = try XCTUnwrap(f.lonLat(svg: XY(x: c.x + bar.px / 2, y: c.y)))
            let km = Geodesic.wgs84.inverse(lon1: a.lon, lat1: a.lat, lon2: b.lon, lat2: b.lat).distance / 1000
            XCTAssertEqual(km, bar.km, accuracy: bar.km * 0.01, "\(options.crs ?? "aeqd")")
            XCTAssertLessThanOrEqual(bar.px, 160)
            XCTAssertTrue([1.0, 2, 5].contains(bar.km / pow(10, floor(log10(bar.km)))), "a round length: \(bar.km)")
        }
    }

    // MARK: Outliers

    /// `n` points within about 50 km of Quetta.
    private func quetta(_ n: Int) -> [LonLat] {
        (0..<n).map { LonLat(lon: 67.0 + Double($0 % 5) * 0.1, lat: 30.2 + Double($0 / 5) * 0.08) }
    }

    func testAFewDistantIncidentsAreOutliersAndTheFrameFitsTheRest() throws {
        let london = LonLat(lon: -0.13, lat: 51.51)
        XCTAssertEqual(Outliers.indices(scene: scene(quetta(30) + [london]), options: MapOptions()), [30])
        let f = try frame(quetta(30) + [london]), core = try frame(quetta(30))
        XCTAssertEqual(f.offMap, [30])
        XCTAssertEqual(f.lonLatBounds, core.lonLatBounds, "the frame is the core's")
        XCTAssertEqual(f.crs, core.crs, "and so is the CRS")
        // Fewer than 20 incidents: one is more than 5% of them, so none is an outlier.
        XCTAssertEqual(Outliers.indices(scene: scene(quetta(18) + [london]), options: MapOptions()), [])
        // Nor when the user chose the extent or the CRS.
        XCTAssertEqual(Outliers.indices(scene: scene(quetta(30) + [london]), options: MapOptions(crs: "EPSG:3857")), [])
        XCTAssertEqual(Outliers.indices(scene: scene(quetta(30) + [london]), options: MapOptions(bbox: BoundingBox(minX: -10, minY: 20, maxX: 80, maxY: 60))), [])
        // Nine far away are more than 8 markers: they are part of the map.
        XCTAssertEqual(Outliers.indices(scene: scene(quetta(200) + Array(repeating: london, count: 9)), options: MapOptions()), [])
        // All at one point: nothing is far.
        XCTAssertEqual(Outliers.indices(scene: scene(Array(repeating: london, count: 40)), options: MapOptions()), [])
    }

    func testIncidentsSpreadOverTheWorldHaveNoOutliers() {
        var points: [LonLat] = []
        for lon in stride(from: -170.0, through: 170, by: 20) { for lat in [-40.0, 0, 40] { points.append(LonLat(lon: lon, lat: lat)) } }
        XCTAssertEqual(Outliers.indices(scene: scene(points), options: MapOptions()), [])
    }

    func testTheRobustCentreIsTakenTheShortWayAcrossTheAntimeridian() {
        let fiji = [LonLat(lon: 178.0, lat: -17), LonLat(lon: 179.5, lat: -17), LonLat(lon: -179.5, lat: -18), LonLat(lon: -179.0, lat: -16)]
        let c = Outliers.robustCentre(fiji, weights: [1, 1, 1, 1])
        XCTAssertGreaterThan(abs(c.lon), 178, "near 180°, not 0°: \(c)")
        XCTAssertEqual(c.lat, -17)
        // 30 around Fiji and one in Honolulu: the outlier is Honolulu, the frame stays on Fiji.
        let around = (0..<30).map { LonLat(lon: fiji[$0 % 4].lon, lat: fiji[$0 % 4].lat + Double($0 / 4) * 0.05) }
        XCTAssertEqual(Outliers.indices(scene: scene(around + [LonLat(lon: -157.86, lat: 21.31)]), options: MapOptions()), [30])
    }

    func testOutliersInOneDirectionShareAnArrowAndOthersHaveTheirOwn() {
        let deg = Double.pi / 180
        XCTAssertEqual(OffMapElement.byDirection([10 * deg, 15 * deg, 200 * deg], distances: [1000, 1100, 1000]).map { $0.sorted() }.sorted { $0[0] < $1[0] },
                       [[0, 1], [2]])
        // Across the ±180° seam of the angles.
        XCTAssertEqual(OffMapElement.byDirection([179 * deg, -178 * deg], distances: [1000, 1000]).count, 1)
        // The same direction, twice as far: two arrows, so that each names its distance.
        XCTAssertEqual(OffMapElement.byDirection([10 * deg, 12 * deg], distances: [5000, 11000]).count, 2)
    }
}
