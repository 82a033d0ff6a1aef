import Foundation
import Geometry
import Incidents
import XCTest

final class GeoJSONIncidentReaderTests: XCTestCase {
    func read(_ text: String, path: String = "t.geojson") throws -> IncidentFile {
        try GeoJSONIncidentReader.read(Data(text.utf8), path: path)
    }

    func problems(_ text: String) -> [String] {
        problems(Data(text.utf8))
    }

    func problems(_ data: Data) -> [String] {
        inputProblems { _ = try GeoJSONIncidentReader.read(data, path: "t.geojson") }
    }

    /// A FeatureCollection with one feature per line (as QGIS writes them), starting on line 3.
    func collection(_ features: [String]) -> String {
        "{\n\"type\": \"FeatureCollection\", \"features\": [\n" + features.joined(separator: ",\n") + "\n]\n}\n"
    }

    func point(_ properties: String, _ coordinates: String = "[64.09, 26.98]", id: String = "") -> String {
        "{ \"type\": \"Feature\",\(id) \"properties\": { \(properties) }, \"geometry\": { \"type\": \"Point\", \"coordinates\": \(coordinates) } }"
    }

    /// As QGIS 3 exports a layer to GeoJSON.
    let qgisExport = """
    {
    "type": "FeatureCollection",
    "name": "strikes_january_2024",
    "crs": { "type": "name", "properties": { "name": "urn:ogc:def:crs:OGC:1.3:CRS84" } },
    "features": [
    { "type": "Feature", "properties": { "id": "sabz-koh", "date": "2024-01-16", "place": "Sabz Koh, Panjgur", "country": "PK", "admin1": "Balochistan", "kind": "missile and drone strike", "actor": "Iran", "target": "Jaish al-Adl", "origin": "Iran", "location_precision": "district", "claims": [ { "claim": "two children killed, three girls injured", "by": "Pakistan (Foreign Office)", "killed": 2, "injured": 3 } ], "sources": [ { "outlet": "AP", "url": "https://example.org/ap", "published": "2024-01-17" }, "AFP" ], "verified": true, "casualty_note": null, "score": 0.75, "layer_meta": { "tags": [ "cross-border", "iran" ], "analyst": "kp" } }, "geometry": { "type": "Point", "coordinates": [ 64.0903, 26.9811 ] } },
    { "type": "Feature", "id": 7, "properties": { "event_date": "18 January 2024", "location": "Saravan", "event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike", "actor1": "Military Forces of Pakistan (2018-)", "fatalities": 9, "sources": "IRNA; Mehr", "geo_precision": 2, "notes": "Strikes on \\"hideouts\\" near Saravan" }, "geometry": { "type": "Point", "coordinates": [ 62.3344, 27.3709, 1203.5 ] } },
    { "type": "Feature", "properties": { "id": "mand", "date": "2024-01-17", "name": "a border village near Mand", "admin2": "Kech", "Country": null }, "geometry": null }
    ]
    }
    """

    func testReadsAQGISExport() throws {
        let file = try read(qgisExport)
        XCTAssertEqual(file.title, "strikes_january_2024")
        XCTAssertEqual(file.incidents.map(\.id), ["sabz-koh", "7", "mand"])
        XCTAssertEqual(file.incidents.map(\.location.line), [6, 7, 8])

        let sabzKoh = file.incidents[0]
        XCTAssertEqual(sabzKoh.date.isoText, "2024-01-16")
        XCTAssertEqual(sabzKoh.coordinates, LonLat(lon: 64.0903, lat: 26.9811))
        XCTAssertEqual(sabzKoh.place, "Sabz Koh, Panjgur")
        XCTAssertEqual(sabzKoh.country, "PK")
        XCTAssertEqual(sabzKoh.admin1, "Balochistan")
        XCTAssertEqual(sabzKoh.kind, "missile and drone strike")
        XCTAssertEqual(sabzKoh.actor, "Iran")
        XCTAssertEqual(sabzKoh.target, "Jaish al-Adl")
        XCTAssertEqual(sabzKoh.origin, "Iran")
        XCTAssertEqual(sabzKoh.locationPrecision, .district)
        XCTAssertEqual(sabzKoh.claims, [Claim(statement: "two children killed, three girls injured", by: "Pakistan (Foreign Office)", killed: 2, injured: 3)])
        XCTAssertEqual(sabzKoh.sources, [SourceRef(outlet: "AP", url: "https://example.org/ap", published: "2024-01-17"), SourceRef(outlet: "AFP")])
        // Other properties are kept, in the order of the file, with their JSON types; nulls are left out.
        XCTAssertEqual(sabzKoh.extra.map(\.0), ["verified", "score", "layer_meta"])
        XCTAssertEqual(sabzKoh.extra[0].1, .bool(true))
        XCTAssertEqual(sabzKoh.extra[1].1, .number(0.75))
        XCTAssertEqual(sabzKoh.extra[2].1, .object([("tags", .array([.string("cross-border"), .string("iran")])), ("analyst", .string("kp"))]))
        XCTAssertEqual(sabzKoh.fieldLines["place"], 6)

        // ACLED names; the feature's own id; the altitude ignored; a ";"-separated source text.
        let saravan = file.incidents[1]
        XCTAssertEqual(saravan.date.isoText, "2024-01-18")
        XCTAssertEqual(saravan.coordinates, LonLat(lon: 62.3344, lat: 27.3709))
        XCTAssertEqual(saravan.place, "Saravan")
        XCTAssertEqual(saravan.kind, "Air/drone strike")
        XCTAssertEqual(saravan.actor, "Military Forces of Pakistan (2018-)")
        XCTAssertEqual(saravan.locationPrecision, .near)
        XCTAssertEqual(saravan.sources.map(\.outlet), ["IRNA", "Mehr"])
        XCTAssertEqual(saravan.claims, [Claim(statement: "9 fatalities", by: "IRNA; Mehr", killed: 9, fromFigures: true)])
        XCTAssertEqual(saravan.notes, "Strikes on \"hideouts\" near Saravan")
        XCTAssertEqual(saravan.extra.map(\.0), ["event_type", "sub_event_type"])

        // A null geometry: placed later by its name.
        let mand = file.incidents[2]
        XCTAssertNil(mand.coordinates)
        XCTAssertEqual(mand.place, "a border village near Mand")
        XCTAssertEqual(mand.admin2, "Kech")
        XCTAssertNil(mand.country)
        XCTAssertTrue(mand.extra.isEmpty)
    }

    func testACLEDFeaturesAttributeFatalitiesToACLED() throws {
        let file = try read(collection([point("\"event_id_cnty\": \"PAK110001\", \"event_date\": \"2024-01-16\", \"fatalities\": \"2\", \"source\": \"Dawn; Express Tribune\"")]))
        XCTAssertEqual(file.incidents.first?.id, "PAK110001")
        XCTAssertEqual(file.incidents.first?.claims, [Claim(statement: "2 fatalities (coded estimate)", by: "ACLED-format export citing Dawn; Express Tribune", killed: 2, fromFigures: true)])
    }

    /// The incidents layer writes a claim made from a fatalities column as its figures and who
    /// makes them; read back, it is the claim it was written from.
    func testAClaimGivenByItsFiguresAloneIsTheClaimItWasWrittenFrom() throws {
        let file = try read(collection([
            point("\"date_start\": \"2024-01-16\", \"claims\": [{\"by\": \"ACLED-format export\", \"killed\": 2}], \"sources\": [{\"outlet\": \"Dawn\"}, {\"outlet\": \"Express Tribune\"}]", id: " \"id\": \"PAK1\","),
            point("\"date_start\": \"2024-01-17\", \"claims\": [{\"by\": \"UCDP GED-format export\", \"killed\": 1}]", id: " \"id\": \"UC1\","),
            point("\"date_start\": \"2024-01-18\", \"claims\": [{\"by\": \"Baloch Yakjehti Committee\", \"killed\": 3, \"injured\": 4}, {\"claim\": \"hideouts hit\", \"by\": \"ISPR\"}]", id: " \"id\": \"X\","),
        ]))
        XCTAssertEqual(file.incidents.map(\.id), ["PAK1", "UC1", "X"], "the feature's id, as the layer writes it")
        XCTAssertEqual(file.incidents[0].claims, [Claim(statement: "2 fatalities (coded estimate)", by: "ACLED-format export citing Dawn; Express Tribune",
                                                        killed: 2, fromFigures: true)])
        XCTAssertEqual(file.incidents[1].claims, [Claim(statement: "1 fatality (best estimate)", by: "UCDP GED-format export", killed: 1, fromFigures: true)])
        XCTAssertEqual(file.incidents[2].claims, [Claim(statement: "3 fatalities, 4 injured", by: "Baloch Yakjehti Committee", killed: 3, injured: 4, fromFigures: true),
                                                  Claim(statement: "hideouts hit", by: "ISPR")])
        XCTAssertEqual(file.incidents[0].claims.first?.authorWithoutCitations, "ACLED-format export")
        XCTAssertEqual(file.incidents[2].claims.last?.authorWithoutCitations, "ISPR")
        // A claim with neither a statement nor a figure says nothing: refused, with its path and line.
        let ps = problems(collection([point("\"date\": \"2024-01-16\", \"claims\": [{\"by\": \"ISPR\"}]")]))
        XCTAssertEqual(ps.count, 1, "\(ps)")
        XCTAssertTrue(ps.first?.contains("t.geojson:3") == true && ps.first?.contains("features[0].properties.claims[0].claim") == true, "\(ps)")
    }

    func testFeaturesWithoutAnyIdAreNumberedFromTheFileName() throws {
        let file = try GeoJSONIncidentReader.read(Data(collection([point("\"date\": \"2024-01-16\""), point("\"date\": \"2024-01-17\"")]).utf8),
                                                  path: "layers/qgis export.geojson")
        XCTAssertEqual(file.incidents.map(\.id), ["qgis export-1", "qgis export-2"])
    }

    func testBadCoordinatesNameTheirPathAndLine() {
        let ps = problems(collection([
            point("\"id\": \"a\", \"date\": \"2024-01-16\""),
            point("\"id\": \"b\", \"date\": \"2024-01-16\"", "[200, 95]"),
            point("\"id\": \"c\", \"date\": \"2024-01-16\"", "[\"64.09\", 26.98]"),
            point("\"id\": \"d\", \"date\": \"2024-01-16\"", "[64.09]"),
            point("\"id\": \"e\", \"date\": \"2024-01-16\"", "[true, false]"),
            point("\"id\": \"f\", \"date\": \"2024-01-16\"", "[120.5, 27.3]"),
        ]))
        XCTAssertEqual(ps, [
            "t.geojson:4: features[1].geometry.coordinates: expected longitude between -180 and 180 and latitude between -90 and 90, got [200, 95]",
            "t.geojson:5: features[2].geometry.coordinates: expected [longitude, latitude] as numbers, got [\"64.09\", 26.98]",
            "t.geojson:6: features[3].geometry.coordinates: expected [longitude, latitude] as numbers, got [64.09]",
            "t.geojson:7: features[4].geometry.coordinates: expected [longitude, latitude] as numbers, got [true, false]",
        ])
    }

    func testGeometriesThatCannotPlaceAnIncident() {
        func feature(_ id: String, _ geometry: String) -> String {
            "{ \"type\": \"Feature\", \"properties\": { \"id\": \"\(id)\", \"date\": \"2024-01-16\" }, \"geometry\": \(geometry) }"
        }
        XCTAssertEqual(problems(collection([
            feature("c", "{ \"type\": \"Circle\", \"coordinates\": [62.3, 27.3], \"radius\": 5 }"),
            feature("n", "null"),
            feature("e", "{ \"type\": \"MultiPoint\", \"coordinates\": [] }"),
            feature("r", "{ \"type\": \"Polygon\", \"coordinates\": [[[62.3, 27.3], [62.4, 27.3], [62.4, 97.3], [62.3, 27.3]]] }"),
            feature("g", "{ \"type\": \"GeometryCollection\", \"geometries\": [{ \"type\": \"LineString\", \"coordinates\": [[62.3, 27.3], \"x\"] }] }"),
            feature("z", "{ \"type\": \"Polygon\", \"coordinates\": [[[62.3, 27.3], [62.4, 27.3], [62.3, 27.3]]] }"),
        ])), [
            "t.geojson:3: features[0].geometry.type: expected one of Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon, GeometryCollection, got \"Circle\"",
            "t.geojson:4: features[1].geometry: null, and the properties name no place (location, place or name): the incident cannot be placed",
            "t.geojson:5: features[2].geometry: holds no position to place the incident at (empty, or rings of no area)",
            "t.geojson:6: features[3].geometry.coordinates[0][2]: position (62.4, 97.3) is out of range",
            "t.geojson:7: features[4].geometry.geometries[0].coordinates[1]: expected [longitude, latitude]",
            "t.geojson:8: features[5].geometry: holds no position to place the incident at (empty, or rings of no area)",
        ])
    }

    func testAnAreaALineOrSeveralPointsPlaceTheIncidentOnThem() throws {
        // A crescent whose middle (25.375 E, 13.625 N) is in its bay, a line, three points; the
        // last declares its precision, which stands.
        let crescent = "[[[25.30, 13.55], [25.45, 13.55], [25.45, 13.70], [25.30, 13.70], [25.30, 13.66], [25.41, 13.66], [25.41, 13.59], [25.30, 13.59], [25.30, 13.55]]]"
        let file = try GeoJSONIncidentReader.read(Data(collection([
            "{ \"type\": \"Feature\", \"properties\": { \"id\": \"a\", \"date\": \"2024-05-10\" }, \"geometry\": { \"type\": \"Polygon\", \"coordinates\": \(crescent) } }",
            "{ \"type\": \"Feature\", \"properties\": { \"id\": \"l\", \"date\": \"2024-05-10\" }, \"geometry\": { \"type\": \"LineString\", \"coordinates\": [[37.75, 48.13], [37.80, 48.16], [37.90, 48.20]] } }",
            "{ \"type\": \"Feature\", \"properties\": { \"id\": \"m\", \"date\": \"2024-05-10\", \"location_precision\": \"exact\" }, \"geometry\": { \"type\": \"MultiPoint\", \"coordinates\": [[42.55, 15.10], [42.70, 15.30], [42.60, 15.20]] } }",
        ]).utf8), path: "t.geojson")
        let (a, l, m) = (file.incidents[0], file.incidents[1], file.incidents[2])
        let polygon = Polygon(exterior: [(25.30, 13.55), (25.45, 13.55), (25.45, 13.70), (25.30, 13.70), (25.30, 13.66), (25.41, 13.66), (25.41, 13.59), (25.30, 13.59)].map { LonLat(lon: $0.0, lat: $0.1) })
        let p = try XCTUnwrap(a.coordinates)
        XCTAssertTrue(PointInPolygon.contains(polygon, p), "\(p)")
        XCTAssertFalse(PointInPolygon.contains(polygon, LonLat(lon: 25.375, lat: 13.625)))
        // A line's middle: on its second segment, half its length (in degrees) from either end.
        let p2 = try XCTUnwrap(l.coordinates)
        let first = ((0.05 * 0.05) + (0.03 * 0.03)).squareRoot(), second = ((0.10 * 0.10) + (0.04 * 0.04)).squareRoot()
        let t = ((first + second) / 2 - first) / second
        XCTAssertEqual(p2.lon, 37.80 + t * 0.10, accuracy: 1e-9)
        XCTAssertEqual(p2.lat, 48.16 + t * 0.04, accuracy: 1e-9)
        // The middle one of the points.
        XCTAssertEqual(m.coordinates, LonLat(lon: 42.60, lat: 15.20))
        // The precision follows the reach unless declared; the layers are told the type and reach.
        XCTAssertEqual(m.locationPrecision, .exact)
        for inc in [a, l] {
            let extra = Dictionary(uniqueKeysWithValues: inc.extra)
            let km = try XCTUnwrap(extra["geometry_extent_km"]?.numberValue)
            XCTAssertEqual(inc.locationPrecision, AreaPlacement(point: inc.coordinates!, extentKm: km).precision)
            XCTAssertNotNil(extra["geometry_type"]?.stringValue)
        }
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: a.extra)["geometry_type"], .string("Polygon"))
    }

    func testDuplicateIdsNameBothFeatures() {
        let ps = problems(collection([
            point("\"id\": \"a\", \"date\": \"2024-01-16\""),
            point("\"id\": \"b\", \"date\": \"2024-01-16\""),
            point("\"date\": \"2024-01-16\"", id: " \"id\": \"a\","),
        ]))
        XCTAssertEqual(ps, ["t.geojson:5: features[2].id: duplicate id \"a\" (first at features[0], line 3)"])
    }

    func testValueProblems() {
        let ps = problems(collection([
            point("\"id\": \"a\""),
            point("\"id\": \"b\", \"date\": \"2024-02-30\""),
            point("\"id\": \"c\", \"date\": \"2024-01-16\", \"geo_precision\": 5, \"fatalities\": -1"),
            point("\"id\": \"d\", \"date\": \"2024-01-16\", \"claims\": [ { \"claim\": \"nine killed\", \"killed\": \"nine\" } ]"),
            point("\"id\": \"e\", \"date\": \"2024-01-16\", \"sources\": [ { \"title\": \"untitled\" }, 5 ], \"place\": [\"Saravan\"]"),
        ]))
        XCTAssertEqual(ps, [
            "t.geojson:3: features[0].properties.date: missing: every incident needs a date (property date or event_date)",
            "t.geojson:4: features[1].properties.date: \"2024-02-30\" is not a day of the calendar",
            "t.geojson:5: features[2].properties.geo_precision: expected 1 (exact), 2 (near) or 3 (province), got \"5\"",
            "t.geojson:5: features[2].properties.fatalities: expected a whole number ≥ 0, got -1",
            "t.geojson:6: features[3].properties.claims[0].by: missing: who claims it",
            "t.geojson:7: features[4].properties.place: expected text, got [\"Saravan\"]",
            "t.geojson:7: features[4].properties.sources[0].outlet: missing: the outlet or agency",
            "t.geojson:7: features[4].properties.sources[1]: expected an outlet or {outlet, title, url, published}, got 5",
        ])
    }

    func testNestingIsLimitedBeforeParsing() throws {
        // Root (1), features (2), feature (3), properties (4), then arrays from 5 on.
        func nested(_ arrays: Int) -> String {
            collection([point("\"id\": \"a\", \"date\": \"2024-01-16\", \"deep\": " + String(repeating: "[", count: arrays) + String(repeating: "]", count: arrays))])
        }
        let deepest = try read(nested(60))
        XCTAssertEqual(deepest.incidents.count, 1, "64 levels are read")
        XCTAssertEqual(problems(nested(61)), ["t.geojson:3: arrays and objects nested deeper than 64 levels; not read"])
        XCTAssertEqual(problems(String(repeating: "[", count: 100_000)), ["t.geojson:1: arrays and objects nested deeper than 64 levels; not read"])
        // Brackets inside strings, escaped quotes included, are not nesting.
        let text = try read(collection([point("\"id\": \"a\", \"date\": \"2024-01-16\", \"note\": \"\\\"[[[[" + String(repeating: "[", count: 100) + "\"")]))
        XCTAssertEqual(text.incidents.first?.extra.first?.1, .string("\"[[[[" + String(repeating: "[", count: 100)))
    }

    func testWholeFileProblems() {
        XCTAssertEqual(problems(""), ["t.geojson: empty file: expected a GeoJSON FeatureCollection"])
        XCTAssertEqual(problems(Data([0x1F, 0x8B, 0x08, 0x00])), ["t.geojson: binary file (gzip-compressed: decompress it first)"])
        XCTAssertEqual(problems(Data("{\"type\": \"Feature\u{0}\"}".utf8)), ["t.geojson:1: binary file (NUL byte on this line; expected UTF-8 text)"])
        XCTAssertEqual(problems("{\n\"type\": \"FeatureCollection\",\n\"features\": [{} {}]\n}"),
                       ["t.geojson:3: JSON syntax error: expected ',' or ']' in an array (column 17)"])
        XCTAssertEqual(problems("{\"type\": \"Feature\", \"properties\": {}, \"geometry\": null}"),
                       ["t.geojson: type: expected \"FeatureCollection\", got \"Feature\""])
        XCTAssertEqual(problems("[1, 2]"), ["t.geojson: expected a GeoJSON FeatureCollection (an object), got [1, 2]"])
        XCTAssertEqual(problems("{\"type\": \"FeatureCollection\", \"features\": []}"), ["t.geojson: features: the array is empty: expected incidents"])
        XCTAssertEqual(problems("{\"type\": \"FeatureCollection\", \"crs\": {\"type\": \"name\", \"properties\": {\"name\": \"urn:ogc:def:crs:EPSG::32641\"}}, \"features\": [" + point("\"date\": \"2024-01-16\"") + "]}"),
                       ["t.geojson: crs.properties.name: coordinates must be WGS84 longitude/latitude (RFC 7946), but the file declares \"urn:ogc:def:crs:EPSG::32641\"; export it as EPSG:4326"])
        XCTAssertEqual(try read("\u{FEFF}" + collection([point("\"date\": \"2024-01-16\"")])).incidents.count, 1, "a byte order mark is allowed")
    }

    func testTrailingCommasAreRejectedWithTheirLine() {
        XCTAssertEqual(problems(collection([
            point("\"id\": \"a\", \"date\": \"2024-01-16\""),
            point("\"id\": \"b\", \"date\": \"2024-01-16\"", "[64.09, 26.98,]"),
        ])), ["t.geojson:4: JSON syntax error: unexpected character ']' (column 133)"])
        XCTAssertEqual(problems("{\n\"type\": \"FeatureCollection\",\n\"features\": [\n" + point("\"id\": \"a\", \"date\": \"2024-01-16\",") + "\n]\n}"),
                       ["t.geojson:4: JSON syntax error: expected a member name in quotes (column 71)"])
        // A comma at the end of a line is reported where the closing bracket stands.
        XCTAssertEqual(problems("{\n\"type\": \"FeatureCollection\",\n\"features\": [\n" + point("\"date\": \"2024-01-16\"") + ",\n]\n}"),
                       ["t.geojson:5: JSON syntax error: unexpected character ']' (column 1)"])
    }

    func testSyntaxErrorsNameTheirLine() {
        // Feature k starts on line 3 + k; the colon is missing in the ninth.
        var features = (0..<12).map { point("\"id\": \"f\($0)\", \"date\": \"2024-01-16\"") }
        features[8] = point("\"id\": \"f8\", \"date\" \"2024-01-16\"")
        XCTAssertEqual(problems(collection(features)), ["t.geojson:11: JSON syntax error: expected ':' after a member name (column 57)"])
        // Nothing after the value but white space; strings end on their line.
        XCTAssertEqual(problems(collection([point("\"date\": \"2024-01-16\"")]) + "\n\n]"),
                       ["t.geojson:8: JSON syntax error: unexpected text after the JSON value (column 1)"])
        XCTAssertEqual(problems("{\"type\": \"FeatureCollection\",\n\"name\": \"two\nlines\"}"),
                       ["t.geojson:2: JSON syntax error: control character in a string (column 13)"])
        XCTAssertEqual(problems("{\"type\": \"FeatureCollection\",\n\"features\": [\n"),
                       ["t.geojson:3: JSON syntax error: unexpected end of input (column 1)"])
    }

    func testInvalidUTF8IsReportedWithItsLine() {
        var bytes = Array(collection([
            point("\"id\": \"a\", \"date\": \"2024-01-16\""),
            point("\"id\": \"b\", \"date\": \"2024-01-16\", \"place\": \"Sarav_n\""),
        ]).utf8)
        bytes[bytes.firstIndex(of: UInt8(ascii: "_"))!] = 0xE1  // a lead byte without its continuation bytes
        XCTAssertEqual(problems(Data(bytes)), ["t.geojson:4: not UTF-8 text (byte 0xE1 on this line is not valid UTF-8; save the file as UTF-8)"])
        // Overlong forms and encoded surrogates are not UTF-8 either.
        XCTAssertEqual(problems(Data(Array("{\"type\":\n\"".utf8) + [0xC0, 0xAF] + Array("\"}".utf8))),
                       ["t.geojson:2: not UTF-8 text (byte 0xC0 on this line is not valid UTF-8; save the file as UTF-8)"])
        XCTAssertEqual(problems(Data(Array("{\"type\": \"".utf8) + [0xED, 0xA0, 0x80] + Array("\"}".utf8))),
                       ["t.geojson:1: not UTF-8 text (byte 0xED on this line is not valid UTF-8; save the file as UTF-8)"])
    }

    func testExtraPropertiesKeepTheOrderOfTheFile() throws {
        let file = try read(collection([
            point("\"zulu\": 1, \"date\": \"2024-01-16\", \"Alpha\": \"a\", \"event_type\": \"Battles\", \"mike\": { \"z\": 1, \"a\": [ { \"y\": 2, \"b\": 3 } ] }, \"nothing\": null, \"bravo\": false"),
        ]))
        let extra = try XCTUnwrap(file.incidents.first?.extra)
        // Mapped properties leave the list except ACLED's event types, which stay where they stand.
        XCTAssertEqual(extra.map(\.0), ["zulu", "Alpha", "event_type", "mike", "bravo"])
        XCTAssertEqual(extra[3].1, .object([("z", .number(1)), ("a", .array([.object([("y", .number(2)), ("b", .number(3))])]))]))
        XCTAssertEqual(extra[4].1, .bool(false))
    }

    func testFeatureLinesComeFromTheFeaturesArrayAlone() throws {
        // Arrays of objects elsewhere (before `features`, and inside the features) are not features; CRLF ends lines.
        let text = "{\r\n\"bbox\": [{\"a\": 1},\r\n{\"b\": 2}],\r\n\"features\": [\r\n"
            + point("\"date\": \"2024-01-16\", \"features\": [{}, {}]") + ",\r\n\r\n"
            + "{ \"type\": \"Feature\",\r\n  \"properties\": { \"date\": \"2024-01-17\" },\r\n  \"geometry\": { \"type\": \"Point\", \"coordinates\": [64, 27] } }"
            + "],\r\n\"type\": \"FeatureCollection\"}"
        let file = try read("\u{FEFF}" + text)
        XCTAssertEqual(file.incidents.map(\.location.line), [5, 7])
        XCTAssertEqual(file.incidents.map(\.id), ["t-1", "t-2"])
    }

    func testRepeatedPropertiesAreProblems() {
        XCTAssertEqual(problems(collection([point("\"date\": \"2024-01-16\", \"place\": \"a\", \"Place\": \"b\", \"date\": \"2024-01-17\"")])), [
            "t.geojson:3: features[0].properties.Place: names the same field as \"place\" (names are compared ignoring case)",
            "t.geojson:3: features[0].properties.date: appears twice in the properties",
        ])
    }
}
