import Incidents
import XCTest

/// Map marker categories from ACLED sub-event types and free text.
final class IncidentCategoryTests: XCTestCase {
    func testACLEDSubEventTypesAndFreeText() {
        let cases: [(String, IncidentCategory)] = [
            ("Air/drone strike", .strike), ("Shelling/artillery/missile attack", .strike), ("Missile strike", .strike),
            ("MORTAR fire", .strike), ("Rocket attack", .strike),
            ("Remote explosive/landmine/IED", .explosion), ("Suicide bomb", .explosion), ("Grenade", .explosion),
            ("Explosion", .explosion), ("Drone-dropped bomb", .strike), ("Air-dropped bomb", .strike),
            ("Armed clash", .other), ("Attack", .other), ("Abduction/forced disappearance", .other), ("", .other),
            ("Frappe aérienne", .other), ("Explosión de artefacto", .explosion), ("Ied", .explosion),
            // By words, not letters: these hold "ied", "air" or "bomb" and are none of those.
            ("unspecified", .other), ("Occupied building raid", .other), ("Attack on airport", .other),
            ("Armed clash at repair shop", .other), ("Aerial bombardment", .strike), ("Bombardment", .strike),
            ("VBIED", .explosion), ("Car bombing", .explosion), ("Airstrike", .strike), ("Air strike", .strike),
        ]
        for (kind, expected) in cases {
            XCTAssertEqual(IncidentCategory(kind: kind), expected, kind)
        }
    }
}
