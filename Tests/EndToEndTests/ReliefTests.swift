import Foundation
import XCTest

/// `--relief`: hill shading under the map, resampled to its projection and embedded as a PNG.
final class ReliefTests: XCTestCase {
    static let relief = repositoryRoot.appendingPathComponent("Gazetteer/data/relief.bin")

    private func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("relief-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    private func csv(_ rows: [(Double, Double)], in dir: URL) throws -> URL {
        let url = dir.appendingPathComponent("in.csv")
        let lines = rows.enumerated().map { "r\($0.offset),2024-03-0\($0.offset + 1),\($0.element.0),\($0.element.1),Battles" }
        try (["id,date,lat,lon,kind"] + lines).joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// The image lies where GDAL's own warp of the same grid puts it: the best match of the two
    /// within ±4 px is at no shift at all, and they agree closely — in the Andes, across the
    /// antimeridian (Fiji) and in the Himalaya, at three sizes.
    func testReliefIsGeoreferencedLikeGDALWarpsTheSameGrid() throws {
        let cases: [(String, [(Double, Double)], Int, Int)] = [
            ("andes", [(-32.65, -70.01), (-33.45, -70.66)], 800, 600),
            ("fiji", [(-17.8, 178.0), (-16.5, -179.9)], 700, 700),
            ("himalaya", [(28.0, 86.9), (27.7, 85.3)], 500, 500),
        ]
        for (name, points, width, height) in cases {
            let dir = try tempDir()
            let svg = dir.appendingPathComponent("\(name).svg")
            let r = try incidentmap(["render", try csv(points, in: dir).path, "--relief", "--width", "\(width)", "--height", "\(height)", "--svg", "-o", svg.path])
            XCTAssertEqual(r.status, 0, r.stderr)
            let check = try runTool("python3", [repositoryRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures/relief_check.py").path,
                                                svg.path, ReliefTests.relief.path, dir.path])
            XCTAssertEqual(check.status, 0, check.stderr)
            let f = check.stdoutText.split(separator: " ").map(String.init)
            guard f.count >= 8, let corr = Double(f[4]), let dx = Int(f[6]), let dy = Int(f[7].trimmingCharacters(in: .whitespacesAndNewlines)) else {
                return XCTFail("\(name): unexpected output \(check.stdoutText)")
            }
            XCTAssertGreaterThan(corr, 0.95, "\(name): the relief differs from GDAL's warp (\(check.stdoutText))")
            XCTAssertLessThanOrEqual(max(abs(dx), abs(dy)), 1, "\(name): the relief is shifted (\(check.stdoutText))")
        }
    }

    /// A known peak, Damavand (5,610 m, 35.9519 N 52.1097 E, an isolated cone in the Alborz):
    /// an incident put on its summit, the shading within 24 image px of its marker is GDAL's warp of
    /// the same grid at no shift (±1 image px, under 2 map px) — the peak's light and shadow lie
    /// on the marker — and the marker is where the map's georeference puts the summit (±0.1 px).
    func testTheShadingOfAKnownPeakLiesOnItsMarker() throws {
        let dir = try tempDir()
        let svg = dir.appendingPathComponent("damavand.svg")
        let r = try incidentmap(["render", try csv([(35.9519, 52.1097), (35.69, 51.39)], in: dir).path, "--relief",
                                 "--width", "600", "--height", "500", "--svg", "-o", svg.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let check = try runTool("python3", [repositoryRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures/relief_check.py").path,
                                            svg.path, ReliefTests.relief.path, dir.path, "r0"])
        XCTAssertEqual(check.status, 0, check.stderr)
        let out = check.stdoutText
        guard let m = out.firstMatch(of: /correlation ([0-9.-]+) shift (-?[0-9]+) (-?[0-9]+)/), let corr = Double(m.1), let dx = Int(m.2), let dy = Int(m.3) else {
            return XCTFail("unexpected output \(out)")
        }
        XCTAssertGreaterThan(corr, 0.95, out)
        XCTAssertLessThanOrEqual(max(abs(dx), abs(dy)), 1, out)
        // The marker against the summit projected with the map's own CRS and affine (cs2cs, PROJ's tool; EPSG:4326 takes latitude first).
        let text = try String(contentsOf: svg, encoding: .utf8)
        guard let t = text.firstMatch(of: /data-incident-id="r0" transform="translate\(([-0-9.]+),([-0-9.]+)\)"/),
              let mx = Double(t.1), let my = Double(t.2),
              let meta = text.firstMatch(of: /"crs":"([^"]+)","affine":\[([^\]]+)\]/) else { return XCTFail("no marker or georeference") }
        let affine = meta.2.split(separator: ",").compactMap { Double($0) }
        let p = try runTool("sh", ["-c", "echo '35.9519 52.1097' | cs2cs -f %.6f EPSG:4326 +to '\(meta.1)' | sed 's/^/ /'"])
        let xy = p.stdoutText.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).compactMap { Double($0) }
        XCTAssertGreaterThanOrEqual(xy.count, 2, p.stdoutText + p.stderr)
        guard xy.count >= 2, affine.count == 6 else { return }
        XCTAssertEqual(affine[0] * xy[0] + affine[1] * xy[1] + affine[2], mx, accuracy: 0.1)
        XCTAssertEqual(affine[3] * xy[0] + affine[4] * xy[1] + affine[5], my, accuracy: 0.1)
    }

    /// A 1000 px map of the whole world with relief stays one self-contained SVG under 2 MB,
    /// the image fills the frame exactly, librsvg renders it, the attribution credits the data, and
    /// the same input gives the same bytes.
    func testWorldReliefIsSmallSelfContainedAndDeterministic() throws {
        let dir = try tempDir()
        let input = repositoryRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures/world/points.csv").path
        // The same command twice (the metadata records it, output name included).
        let svg = dir.appendingPathComponent("world.svg")
        var outputs: [Data] = []
        for _ in 0..<2 {
            let r = try incidentmap(["render", input, "--relief", "--theme", "dark", "--svg", "-o", svg.path])
            XCTAssertEqual(r.status, 0, r.stderr)
            outputs.append(try Data(contentsOf: svg))
        }
        XCTAssertEqual(outputs[0], outputs[1], "two runs differ")
        XCTAssertLessThan(outputs[0].count, 2_000_000)
        let text = String(decoding: outputs[0], as: UTF8.self)
        func attributes(of start: String) throws -> [String: String] {
            let range = try XCTUnwrap(text.range(of: start + #"[^>]*>"#, options: .regularExpression), "no \(start)")
            let tag = String(text[range])
            var out: [String: String] = [:]
            for m in tag.matches(of: /([a-zA-Z:-]+)="([^"]*)"/) { out[String(m.1)] = String(m.2) }
            return out
        }
        let image = try attributes(of: #"<image id="im-relief""#), frame = try attributes(of: #"<rect class="im-frame""#)
        for k in ["x", "y", "width", "height"] { XCTAssertEqual(image[k], frame[k], k) }
        XCTAssertTrue(image["href"]?.hasPrefix("data:image/png;base64,") == true)
        let pixels = try XCTUnwrap(image["data-pixels"]).split(separator: "x").compactMap { Int($0) }
        XCTAssertEqual(pixels.count, 2)
        XCTAssertLessThanOrEqual(pixels.max() ?? .max, 1400)
        XCTAssertTrue(text.contains("Natural Earth&apos;s shaded relief") || text.contains("Natural Earth's shaded relief"))
        let png = dir.appendingPathComponent("world.png")
        XCTAssertEqual(try runTool("rsvg-convert", ["-w", "1000", "-o", png.path, svg.path]).status, 0)
        XCTAssertEqual(try runTool("xmllint", ["--noout", svg.path]).status, 0)
        // Without --relief there is no image at all.
        let plain = dir.appendingPathComponent("plain.svg")
        XCTAssertEqual(try incidentmap(["render", input, "--svg", "-o", plain.path]).status, 0)
        XCTAssertFalse(String(decoding: try Data(contentsOf: plain), as: UTF8.self).contains("<image"))
    }

    /// Small multiples: every panel has its relief, and the shared attribution credits it once.
    func testSmallMultiplesShadeEveryPanelAndCreditTheReliefOnce() throws {
        let dir = try tempDir()
        let input = dir.appendingPathComponent("months.csv")
        // Four months in the Zagros (Iran), no part of the bundled example.
        try (["id,date,lat,lon,kind"] + (1...4).map { "z\($0),2024-0\($0)-10,3\($0).5,\(47 + $0).2,Battles" })
            .joined(separator: "\n").write(to: input, atomically: true, encoding: .utf8)
        let svg = dir.appendingPathComponent("by-month.svg")
        let r = try incidentmap(["render", input.path, "--by", "month", "--relief", "--svg", "-o", svg.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let text = try String(contentsOf: svg, encoding: .utf8)
        XCTAssertEqual(text.components(separatedBy: "<image ").count - 1, 4)
        XCTAssertEqual(text.components(separatedBy: "shaded relief").count - 1, 1)
        XCTAssertEqual(try runTool("rsvg-convert", ["-w", "900", "-o", dir.appendingPathComponent("by-month.png").path, svg.path]).status, 0)
    }

    /// Without the relief data, --relief is an error that names the option and the file, and
    /// an existing map is left as it was.
    func testMissingReliefDataIsAClearErrorAndWritesNothing() throws {
        let dir = try tempDir()
        let data = dir.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let source = repositoryRoot.appendingPathComponent("Gazetteer/data")
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) where name != "relief.bin" {
            try FileManager.default.createSymbolicLink(at: data.appendingPathComponent(name), withDestinationURL: source.appendingPathComponent(name))
        }
        let svg = dir.appendingPathComponent("map.svg")
        try Data("keep".utf8).write(to: svg)
        let r = try runTool("env", ["INCIDENTMAP_DATA=\(data.path)", incidentmapBinary.path, "render", repositoryRoot.appendingPathComponent("Examples/january-2024.yaml").path,
                                           "--relief", "--svg", "-o", svg.path])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("--relief") && r.stderr.contains("relief.bin"), r.stderr)
        XCTAssertEqual(try Data(contentsOf: svg), Data("keep".utf8))
    }
}

/// Lakes: drawn in the sea's colour over the land wherever the frame reaches one, named where
/// they have room; a map that reaches none has neither the layer nor its style rules.
final class LakeTests: XCTestCase {
    func testLakesAreDrawnAndNamedWhereTheFrameReachesThem() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lakes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // Lake Chad (the Sahel) and Lake Victoria (East Africa; the third incident, near Kigali,
        // brings Lake Kivu into the frame).
        // Lake Chad is drawn but too small at this scale for its name (Natural Earth's modern extent).
        let cases: [(String, String, [String], [String])] = [
            ("chad", "id,date,latitude,longitude\nC1,2024-03-01,13.3,14.1\nC2,2024-03-02,12.1,15.0\n", ["Lake Chad"], []),
            ("victoria", "id,date,latitude,longitude\nV1,2024-03-01,-1.3,31.8\nV2,2024-03-02,-2.5,32.9\nV3,2024-03-03,-1.9,30.1\n", ["Lake Victoria", "Lake Kivu"], ["Lake Victoria"]),
        ]
        for (name, csv, expected, named) in cases {
            let input = dir.appendingPathComponent("\(name).csv"), svg = dir.appendingPathComponent("\(name).svg")
            try csv.write(to: input, atomically: true, encoding: .utf8)
            let r = try incidentmap(["render", input.path, "--svg", "-o", svg.path])
            XCTAssertEqual(r.status, 0, r.stderr)
            let text = try String(contentsOf: svg, encoding: .utf8)
            XCTAssertTrue(text.contains("id=\"im-layer-lakes\""), name)
            XCTAssertTrue(text.contains(".im-lake {"), name)
            for lake in expected { XCTAssertTrue(text.contains("data-lake=\"\(lake)\""), "\(name): no \(lake)") }
            for lake in named { XCTAssertTrue(text.contains(">\(lake)</text>"), "\(name): \(lake) is not named") }
            XCTAssertEqual(try runTool("rsvg-convert", ["-w", "600", "-o", dir.appendingPathComponent("\(name).png").path, svg.path]).status, 0)
        }
        // The January 2024 example reaches no lake: no layer, no rules (its golden file is unchanged).
        let plain = dir.appendingPathComponent("plain.svg")
        XCTAssertEqual(try incidentmap(["render", "--svg", "-o", plain.path]).status, 0)
        let text = try String(contentsOf: plain, encoding: .utf8)
        XCTAssertFalse(text.contains("layer-lakes") || text.contains(".im-lake "))
    }
}
