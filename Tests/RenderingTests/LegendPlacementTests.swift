import Geometry
@testable import Rendering
import XCTest

/// The legend keeps off the provinces or districts a choropleth shades, as it keeps off markers:
/// a panel hides a shaded unit when it covers more than half of the unit's box on the map.
final class LegendPlacementTests: XCTestCase {
    func testAPanelHidesTheUnitsItCoversMoreThanHalfOf() {
        let panel = BoundingBox(minX: 0, minY: 0, maxX: 100, maxY: 80)
        let units = [
            BoundingBox(minX: 10, minY: 10, maxX: 30, maxY: 30),     // inside: hidden
            BoundingBox(minX: 60, minY: 40, maxX: 140, maxY: 120),   // a quarter under the panel: shown
            BoundingBox(minX: 90, minY: 0, maxX: 110, maxY: 80),     // half under it: shown
            BoundingBox(minX: 85, minY: 0, maxX: 105, maxY: 80),     // three quarters: hidden
            BoundingBox(minX: 200, minY: 200, maxX: 210, maxY: 210), // apart: shown
        ]
        XCTAssertEqual(LegendElement.hidden(under: panel, units), 2)
        XCTAssertEqual(LegendElement.hidden(under: panel, []), 0)
    }
}
