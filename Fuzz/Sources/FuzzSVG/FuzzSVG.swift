import Foundation
import FuzzSupport
import Geometry
import Rendering

/// The input as a stream of choices: bytes, numbers in a range, texts (length-prefixed, any bytes).
struct Choices {
    let bytes: [UInt8]
    var i = 0

    mutating func byte() -> UInt8 {
        defer { i += 1 }
        return i < bytes.count ? bytes[i] : 0
    }

    mutating func number(_ range: ClosedRange<Double>) -> Double {
        let v = Double(UInt16(byte()) << 8 | UInt16(byte())) / 65535
        return range.lowerBound + v * (range.upperBound - range.lowerBound)
    }

    mutating func text() -> String {
        let n = Int(byte())
        let end = min(bytes.count, i + n)
        defer { i = max(i, end) }
        return i < end ? String(decoding: bytes[i..<end], as: UTF8.self) : ""
    }
}

/// libFuzzer's entry point: the input's text through the serializer alone, then a tiny map
/// whose every text (and id prefix, CSS, size, theme and points) the input chooses.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSVG(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: bytes, count: count))

    // 1. The serializer: any text stays one attribute value and one text node, as given minus
    //    the characters XML cannot carry and bidirectional controls.
    let text = String(decoding: input, as: UTF8.self)
    let xml = SVGSerializer.fragment(.el("svg", [("data-x", text)], [.el("title", [], [.text(text)])]))
    let parsed = SVGChecks.parse(xml)
    precondition(parsed.map(\.name) == ["svg", "title"], "markup appeared: \(parsed.map(\.name))")
    precondition(Array(parsed[0].attributes.keys) == ["data-x"], "an attribute appeared: \(parsed[0].attributes.keys)")
    let kept = String(String.UnicodeScalarView(text.unicodeScalars.filter { u in
        let v = u.value
        return (v >= 0x20 || v == 0x09 || v == 0x0A) && !(0x7F...0x9F).contains(v) && v != 0xFFFE && v != 0xFFFF
            && !(0x202A...0x202E).contains(v) && !(0x2066...0x2069).contains(v)
    }))
    // XML normalises line ends in text (CR dropped by the writer) and attribute values keep them as character references.
    precondition(parsed[1].text == kept, "the text changed: \(parsed[1].text.debugDescription) vs \(kept.debugDescription)")

    // 2. A tiny map.
    var c = Choices(bytes: input)
    let square: Ring = [LonLat(lon: 60, lat: 25), LonLat(lon: 66, lat: 25), LonLat(lon: 66, lat: 31), LonLat(lon: 60, lat: 31), LonLat(lon: 60, lat: 25)]
    let styles: [MarkerStyle] = [.strike, .explosion, .other]
    var incidents: [SceneIncident] = []
    for n in 0..<(1 + Int(c.byte() % 4)) {
        let origin: LonLat? = c.byte() % 2 == 0 ? nil : LonLat(lon: c.number(58...68), lat: c.number(23...33))
        incidents.append(SceneIncident(id: c.text(), location: LonLat(lon: c.number(60.5...65.5), lat: c.number(25.5...30.5)), number: n + 1,
                                       title: c.text(), detail: c.text(), keyText: c.text(), style: styles[Int(c.byte()) % 3],
                                       uncertaintyKm: c.number(0...100), origin: origin, originLabel: origin == nil ? nil : c.text(),
                                       importance: Int(c.byte())))
    }
    let places = (0..<Int(c.byte() % 4)).map { _ in ScenePlace(name: c.text(), location: LonLat(lon: c.number(60...66), lat: c.number(25...31)),
                                                                 population: Int(c.number(0...1_000_000))) }
    let scene = MapScene(title: c.text(), subtitle: c.text(), summary: c.text(), attribution: [c.text(), c.text()],
                         countries: [SceneArea(id: "XX", name: c.text(), geometry: .polygon(Polygon(exterior: square)), focus: true)],
                         provinces: [SceneArea(id: "XX-01", name: c.text(), geometry: .polygon(Polygon(exterior: square)))],
                         borders: [SceneBorder(id: "XX-YY", name: c.text(), lines: [[LonLat(lon: 63, lat: 25), LonLat(lon: 63, lat: 31)]], emphasis: true)],
                         places: places, incidents: incidents, command: c.text())
    let themes = MapTheme.allCases
    let options = MapOptions(width: c.number(200...2000), height: c.number(200...2000), idPrefix: c.text(), theme: themes[Int(c.byte()) % themes.count],
                             extraCSS: c.byte() % 2 == 0 ? nil : c.text(), inset: c.byte() % 2 == 0, maxKeyEntries: Int(c.byte() % 12))
    do {
        let map = try MapRenderer.render(scene, options: options)
        SVGChecks.checkOnlyMapMarkup(map.svg)
    } catch {
        // PROJ may refuse a projection; that is reported, not a crash.
    }
    return 0
}
