@testable import Gazetteer
import Geometry
import XCTest

/// The compiled gazetteer (memory-mapped, binary search) answers exactly as the one built in memory
/// from the same values, and is rebuilt when its data changes.
final class CompiledDataTests: XCTestCase {
    /// A small world of its own: two countries, a province, places with shared and variant names.
    func sample() -> (places: [GazetteerEntry], countries: [Region], provinces: [Region]) {
        func square(_ x: Double, _ y: Double, _ s: Double) -> Geometry {
            .polygon(Polygon(exterior: [LonLat(lon: x, lat: y), LonLat(lon: x + s, lat: y), LonLat(lon: x + s, lat: y + s),
                                        LonLat(lon: x, lat: y + s), LonLat(lon: x, lat: y)]))
        }
        func region(_ id: String, _ name: String, _ country: String, _ g: Geometry, alts: [String] = []) -> Region {
            Region(id: id, name: name, country: country, localName: nil, alternateNames: alts, fips: nil, geonamesAdmin1: nil,
                   labelPoint: g.bounds!.center.lonLat, geometry: g, bounds: g.bounds!)
        }
        let countries = [region("AA", "Aland", "AA", square(10, 10, 4), alts: ["AAA", "Republic of Aland"]),
                         region("BB", "Bobia", "BB", square(14, 10, 4), alts: ["BBB"])]
        let provinces = [region("AA-01", "North Aland", "AA", square(10, 12, 2), alts: ["Aland-e Shomali"])]
        var places: [GazetteerEntry] = []
        for (i, (name, alts, lon, lat, pop)) in [("Tripolis", ["Trablus", "Ṭarābulus"], 11.0, 11.0, 500_000),
                                                 ("Tripolis", ["Trablous"], 15.0, 11.0, 300_000),
                                                 ("Chah Bahar", ["Chabahar", "چابهار"], 12.5, 12.5, 80_000),
                                                 ("Qandahar", ["Kandahar"], 16.0, 13.0, 400_000)].enumerated() {
            places.append(GazetteerEntry(id: "t:\(i)", name: name, kind: .place, country: lon < 14 ? "AA" : "BB", admin1: nil,
                                         location: LonLat(lon: lon, lat: lat), population: pop, alternateNames: alts, source: "test",
                                         isCapital: name == "Qandahar"))
        }
        return (places, countries, provinces)
    }

    func testCompiledAnswersAsTheOneBuiltInMemory() throws {
        let s = sample()
        let memory = Gazetteer(places: s.places, countries: s.countries, provinces: s.provinces, borders: [])
        let all = Gazetteer.bundledEntries(countries: s.countries, provinces: s.provinces, places: s.places)
        let ix = Gazetteer.buildIndexes(all)
        let fingerprint = Array("test".utf8)
        let bytes = CompiledData.encode(fingerprint: fingerprint, countries: s.countries, overviews: s.countries.map(\.geometry),
                                        provinces: s.provinces, borders: [], entries: all,
                                        indexes: [.exact: ix.exact, .variant: ix.variant, .unordered: ix.unordered, .skeleton: ix.skeleton])
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("compiled-\(UUID().uuidString).idx")
        defer { try? FileManager.default.removeItem(at: url) }
        XCTAssertTrue(Gazetteer.save(bytes, to: url))
        XCTAssertNil(CompiledFile(url: url, fingerprint: Array("other".utf8)), "a file made from other data must not be used")
        let file = try XCTUnwrap(CompiledFile(url: url, fingerprint: fingerprint))
        let compiled = try Gazetteer(compiled: file, userEntries: [], sources: [], coverage: Gazetteer.world)
        XCTAssertEqual(compiled.entries.count, memory.entries.count)
        for i in 0..<memory.entries.count { XCTAssertEqual(compiled.entries[i], memory.entries[i]) }
        for q in ["Tripolis", "Trablus", "tarabulus", "Chabahar", "Chah-Bahar", "چابهار", "Kandahar", "Qandhar", "North Aland",
                  "Aland-e Shomali", "Republic of Aland", "AAA", "Bobia", "Nowhere", "Tripolis, Bobia"] {
            let a = memory.resolve(q), b = compiled.resolve(q)
            XCTAssertEqual(a.resolution.candidates.map(\.entry.id), b.resolution.candidates.map(\.entry.id), q)
            XCTAssertEqual(a.resolution.candidates.map(\.matched), b.resolution.candidates.map(\.matched), q)
            XCTAssertEqual(memory.suggestions(for: q), compiled.suggestions(for: q), q)
        }
        XCTAssertEqual(compiled.countryCode(for: "Republic of Aland"), "AA")
        XCTAssertEqual(compiled.province(named: "aland e shomali")?.id, "AA-01")
        XCTAssertEqual(compiled.country(at: LonLat(lon: 15, lat: 11))?.id, "BB")
    }

    func testUserEntriesOverrideCompiledOnesWithTheSameID() throws {
        let s = sample()
        let all = Gazetteer.bundledEntries(countries: s.countries, provinces: s.provinces, places: s.places)
        let ix = Gazetteer.buildIndexes(all)
        let bytes = CompiledData.encode(fingerprint: [1], countries: s.countries, overviews: s.countries.map(\.geometry),
                                        provinces: s.provinces, borders: [], entries: all,
                                        indexes: [.exact: ix.exact, .variant: ix.variant, .unordered: ix.unordered, .skeleton: ix.skeleton])
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("compiled-\(UUID().uuidString).idx")
        defer { try? FileManager.default.removeItem(at: url) }
        XCTAssertTrue(Gazetteer.save(bytes, to: url))
        let file = try XCTUnwrap(CompiledFile(url: url, fingerprint: [1]))
        let mine = GazetteerEntry(id: "t:2", name: "Chabahar Port", kind: .place, country: "", admin1: nil,
                                  location: LonLat(lon: 12.9, lat: 12.9), alternateNames: [], source: "mine")
        let g = try Gazetteer(compiled: file, userEntries: [mine], sources: [], coverage: Gazetteer.world)
        XCTAssertEqual(g.resolve("Chabahar Port").resolution.candidates.first?.entry.country, "AA", "country filled from the polygons")
        XCTAssertFalse(g.resolve("Chah Bahar").resolution.candidates.contains { $0.entry.source == "test" && $0.entry.id == "t:2" },
                       "the bundled entry with the user's id is gone")
    }

    /// The resident size (kB) of this process's mapping of the compiled gazetteer file (in the data
    /// directory or the cache, "(deleted)" when rebuilt since).
    static func residentIndexKB() -> Int? {
        // Read to the end by hand: procfs hands the file over a page at a time, and Foundation's
        // readers stop after the first.
        let fd = open("/proc/self/smaps", O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = [], page = [UInt8](repeating: 0, count: 1 << 16)
        while case let n = read(fd, &page, page.count), n > 0 { bytes += page[..<n] }
        let smaps = String(decoding: bytes, as: UTF8.self)
        var inIndex = false
        for line in smaps.split(separator: "\n") {
            if let first = line.first, first.isHexDigit, line.contains("-") {
                inIndex = line.contains("gazetteer") && line.contains(".idx")
            } else if inIndex, line.hasPrefix("Rss:") {
                return Int(line.split(separator: " ", omittingEmptySubsequences: true)[1])
            }
        }
        return nil
    }

    func testNamePagesGivenBackAreReadAgainWithTheSameAnswers() throws {
        let gz = try Gazetteer.load()
        let names = gz.provinces.map(\.name).sorted().enumerated().filter { $0.offset % 5 == 0 }.map(\.element) + ["Saravan", "Panjgur", "Kyiv", "Khartoum"]
        func answers() -> [String] {
            names.map { n in gz.resolve(n).resolution.candidates.prefix(3).map { "\($0.entry.id) \($0.score)" }.joined(separator: "; ") }
        }
        let before = answers()
        let held = try XCTUnwrap(Self.residentIndexKB(), "the compiled gazetteer is mapped (Linux)")
        gz.releaseNamePages()
        let after = try XCTUnwrap(Self.residentIndexKB())
        XCTAssertLessThan(after + 5_000, held, "\(names.count) lookups held \(held) kB of the index; given back, \(after) kB")
        XCTAssertEqual(answers(), before, "the pages read again answer as before")
        XCTAssertGreaterThan(before.filter { !$0.isEmpty }.count, names.count * 9 / 10, "province names find their provinces")
    }
}

private extension XY {
    var lonLat: LonLat { LonLat(lon: x, lat: y) }
}
