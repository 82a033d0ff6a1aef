import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Geometry
import Rendering
import XCTest

final class RenderingTests: XCTestCase {
    func testFixedNumbersAreDeterministicAndCompact() {
        XCTAssertEqual(NumberFormat.fixed(62.3309612, 6), "62.330961")
        XCTAssertEqual(NumberFormat.fixed(-0.0000001, 6), "0")
        XCTAssertEqual(NumberFormat.fixed(1.5, 6), "1.5")
        XCTAssertEqual(NumberFormat.fixed(-27.25, 1), "-27.3")
        XCTAssertEqual(NumberFormat.fixed(100, 1), "100")
        XCTAssertEqual(NumberFormat.fixed(0.05, 1), "0.1")
    }

    /// JSON numbers are Swift's shortest round-trip text, whichever path writes them: integers,
    /// tenths (border distances, written without making a String) and everything else.
    func testJSONNumbersAreTheShortestRoundTripText() {
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = [0.1, -0.1, 0.3, 205.9, -205.9, 9.95, 1e13 + 0.5, 99_999_999_999_999.9, 0.05, 1.25,
                                123.456, 1e-7, 4.35, 2.675, 1e15 + 0.5, 12_345.6]
        for _ in 0..<20_000 {
            let tenths = Double(Int.random(in: -200_000...200_000, using: &generator))
            values.append(tenths / 10)  // as a distance is rounded: (km * 10).rounded() / 10
            values.append(Double.random(in: -1e6...1e6, using: &generator))
            values.append(Double(Int.random(in: -1_000...1_000, using: &generator)) / 10)
        }
        for v in values {
            var out: [UInt8] = []
            JSONText.appendNumber(v, to: &out)
            let text = String(decoding: out, as: UTF8.self)
            let expected = v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : "\(v)"
            XCTAssertEqual(text, expected, "\(v)")
            XCTAssertEqual(Double(text), v, "\(text) must read back as \(v)")
        }
    }

    func testSerializerEscapesEveryTextAndAttribute() {
        let evil = "<script>alert(1)</script> & \"quotes\" 'single' ]]> \u{202E}bidi\u{0007}"
        let node = SVGNode.el("svg", [("data-x", evil)], [.el("title", [], [.text(evil)])])
        let xml = SVGSerializer.fragment(node)
        XCTAssertFalse(xml.contains("<script"))
        XCTAssertFalse(xml.contains("\u{202E}"))
        XCTAssertFalse(xml.contains("\u{0007}"))
        XCTAssertTrue(xml.contains("&lt;script&gt;"))
        XCTAssertTrue(xml.contains("&quot;quotes&quot;"))
        XCTAssertTrue(xml.contains("]]&gt;"))
        // Parsed back, the document has exactly the two elements we wrote.
        let parser = XMLParserElements(xml)
        XCTAssertEqual(parser.elements.map(\.0), ["svg", "title"])
        XCTAssertEqual(parser.elements[0].1["data-x"], evil.replacingOccurrences(of: "\u{202E}", with: "").replacingOccurrences(of: "\u{0007}", with: ""))
    }

    func testGeoJSONRingsFollowRFC7946AndCollectionsCarryABBox() throws {
        let cw: Ring = [LonLat(lon: 0, lat: 0), LonLat(lon: 0, lat: 1), LonLat(lon: 1, lat: 1), LonLat(lon: 1, lat: 0), LonLat(lon: 0, lat: 0)]
        let hole: Ring = [LonLat(lon: 0.2, lat: 0.2), LonLat(lon: 0.8, lat: 0.2), LonLat(lon: 0.8, lat: 0.8), LonLat(lon: 0.2, lat: 0.8), LonLat(lon: 0.2, lat: 0.2)]
        let f = OutputFeature(id: "x", geometry: .polygon(Polygon(exterior: cw, holes: [hole])), properties: [("b", .number(2)), ("a", .string("é\"\n"))])
        let bytes = GeoJSONWriter(precision: 6).collection(name: "t", features: [f])
        let json = try JSONSerialization.jsonObject(with: Data(bytes)) as! [String: Any]
        XCTAssertEqual(json["bbox"] as? [Double], [0, 0, 1, 1])
        XCTAssertNil(json["crs"])
        let feature = (json["features"] as! [[String: Any]])[0]
        let rings = ((feature["geometry"] as! [String: Any])["coordinates"] as! [[[Double]]]).map { $0.map { LonLat(lon: $0[0], lat: $0[1]) } }
        XCTAssertGreaterThan(Orientation.signedArea2(rings[0]), 0, "exterior must be counter-clockwise")
        XCTAssertLessThan(Orientation.signedArea2(rings[1]), 0, "holes must be clockwise")
        // Property order is kept.
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertLessThan(text.range(of: "\"b\"")!.lowerBound, text.range(of: "\"a\"")!.lowerBound)
        XCTAssertEqual((feature["properties"] as! [String: Any])["a"] as? String, "é\"\n")
    }
}

/// Collects element names and attributes with Foundation's XML parser.
final class XMLParserElements: NSObject, XMLParserDelegate {
    var elements: [(String, [String: String])] = []
    var failed = false
    init(_ xml: String) {
        super.init()
        let p = XMLParser(data: Data(xml.utf8))
        p.delegate = self
        failed = !p.parse()
    }
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        elements.append((name, attributes))
    }
}
