import Gazetteer
import Geometry
import XCTest

/// Lakes and rivers come from the compiled gazetteer, only those a box reaches.
final class WaterTests: XCTestCase {
    func testOnlyTheLakesAndRiversABoxReachesAreRead() throws {
        // East Africa's great lakes; none in the open Pacific.
        let africa = bundled.lakes(near: BoundingBox(minX: 28, minY: -9, maxX: 35, maxY: 1))
        XCTAssertTrue(Set(africa.map(\.name)).isSuperset(of: ["Lake Victoria", "Lake Kivu", "Lake Tanganyika"]), "\(africa.map(\.name))")
        XCTAssertTrue(africa.allSatisfy { $0.geometry.bounds!.intersects(BoundingBox(minX: 28, minY: -9, maxX: 35, maxY: 1)) })
        XCTAssertTrue(bundled.lakes(near: BoundingBox(minX: -150, minY: -30, maxX: -140, maxY: -20)).isEmpty)
        // Numbers are places in the whole file: the same lake has the same number in any box.
        let victoria = try XCTUnwrap(africa.first { $0.name == "Lake Victoria" })
        let wider = bundled.lakes(near: BoundingBox(minX: 20, minY: -20, maxX: 40, maxY: 10))
        XCTAssertEqual(wider.first { $0.name == "Lake Victoria" }?.number, victoria.number)
        // The Nile at Khartoum, a major river; every line returned reaches the box.
        let box = BoundingBox(minX: 31.5, minY: 15, maxX: 33.5, maxY: 16.5)
        let nile = bundled.rivers(near: box)
        XCTAssertTrue(nile.contains { $0.rank == 1 })
        XCTAssertTrue(nile.allSatisfy { r in BoundingBox(points: r.lines.joined().map { XY(x: $0.lon, y: $0.lat) })!.intersects(box) })
        // Chukotka's rivers by the antimeridian, asked for one turn of the globe west (as a frame's
        // bounds across it may come), are the same rivers.
        let chukotka = bundled.rivers(near: BoundingBox(minX: 178.5, minY: 66.8, maxX: 179.5, maxY: 67.1))
        XCTAssertFalse(chukotka.isEmpty)
        XCTAssertEqual(bundled.rivers(near: BoundingBox(minX: -181.5, minY: 66.8, maxX: -180.5, maxY: 67.1)).count, chukotka.count)
    }
}
