@testable import Gazetteer
import Geometry
import XCTest

/// Capitals: marked by the data build from GeoNames' countries.json (one place per country),
/// read from `places.tsv`, kept by the compiled index, and always among the reference towns.
final class CapitalsTests: XCTestCase {
    /// (capital as GeoNames names it, country) on every inhabited continent and in the Pacific.
    static let capitals: [(String, String)] = [
        ("Islamabad", "PK"), ("Kabul", "AF"), ("Tehran", "IR"), ("New Delhi", "IN"), ("Beijing", "CN"),
        ("Kyiv", "UA"), ("Moscow", "RU"), ("Berlin", "DE"), ("Paris", "FR"),
        ("Khartoum", "SD"), ("Nairobi", "KE"), ("Abuja", "NG"), ("Kinshasa", "CD"), ("Juba", "SS"),
        ("Brasília", "BR"), ("Bogotá", "CO"), ("Ottawa", "CA"), ("Washington", "US"), ("Mexico City", "MX"),
        ("Canberra", "AU"), ("Wellington", "NZ"), ("Suva", "FJ"),
    ]

    /// Big cities that are not their country's capital (Lagos was Nigeria's until 1991; GeoNames'
    /// "Delhi" is the city around New Delhi and lists "New Delhi" among its names).
    static let notCapitals: [(String, String)] = [
        ("Karachi", "PK"), ("Lagos", "NG"), ("Delhi", "IN"), ("Shanghai", "CN"), ("Sydney", "AU"), ("Toronto", "CA"),
        ("New York City", "US"), ("Istanbul", "TR"), ("Almaty", "KZ"), ("São Paulo", "BR"), ("Omdurman", "SD"),
    ]

    /// The bundled places of `country` called `name`, as the resolver finds them.
    static func places(named name: String, in country: String) -> [GazetteerEntry] {
        bundled.resolve(name).resolution.candidates.map(\.entry).filter { $0.kind == .place && $0.country == country && $0.name == name }
    }

    /// The bundled places marked as capitals, decoded.
    var bundledCapitals: [GazetteerEntry] {
        bundled.entries.indices { _, _, _, capital, _ in capital }.map { bundled.entries[$0] }
    }

    func testEachCountryHasAtMostOneCapitalAndMostHaveOne() {
        let capitals = bundledCapitals
        XCTAssertTrue(capitals.allSatisfy { $0.kind == .place && $0.id.hasPrefix("geonames:") }, "\(capitals.filter { $0.kind != .place }.map(\.id))")
        let byCountry = Dictionary(grouping: capitals, by: \.country)
        XCTAssertEqual(byCountry.filter { $0.value.count > 1 }.mapValues { $0.map(\.name) }, [:])
        // GeoNames has 252 country codes; a few have no capital or one no place matches (see Gazetteer/README.md).
        XCTAssertGreaterThanOrEqual(byCountry.count, 235)
    }

    func testCapitalsOnEveryContinentAreMarked() {
        let byCountry = Dictionary(grouping: bundledCapitals, by: \.country)
        for (name, country) in CapitalsTests.capitals {
            XCTAssertEqual(byCountry[country]?.map(\.name), [name], "the capital of \(country)")
            // The same entry, found by name: the flag survives decoding a whole entry too.
            let found = CapitalsTests.places(named: name, in: country)
            XCTAssertEqual(found.filter(\.isCapital).count, 1, "\(name): \(found.map(\.id))")
        }
    }

    func testBigCitiesThatAreNotCapitalsAreNotMarked() {
        for (name, country) in CapitalsTests.notCapitals {
            let found = CapitalsTests.places(named: name, in: country)
            XCTAssertFalse(found.isEmpty, "\(name) (\(country)) is not in the gazetteer")
            XCTAssertEqual(found.filter(\.isCapital).map(\.id), [], "\(name) is not the capital of \(country)")
        }
    }

    func testReferenceTownsIncludeCapitalsUnderThePopulationThreshold() throws {
        // Canberra (370,000) among Australian cities over a million; Vaduz (5,000) and Funafuti
        // (6,000) under a threshold of 20,000.
        let australia = bundled.referenceTowns(minimumPopulation: 1_000_000, within: BoundingBox(minX: 140, minY: -40, maxX: 155, maxY: -30))
        XCTAssertTrue(australia.contains { $0.name == "Canberra" && $0.isCapital }, "\(australia.map(\.name))")
        XCTAssertTrue(australia.contains { $0.name == "Sydney" })
        XCTAssertTrue(australia.allSatisfy { $0.population >= 1_000_000 || $0.isCapital }, "\(australia.map(\.name))")
        for (name, lon, lat) in [("Vaduz", 9.52, 47.14), ("Funafuti", 179.19, -8.52)] {
            let box = BoundingBox(minX: lon - 0.5, minY: lat - 0.5, maxX: lon + 0.5, maxY: lat + 0.5)
            let towns = bundled.referenceTowns(minimumPopulation: 20_000, within: box)
            let town = try XCTUnwrap(towns.first { $0.name == name }, "\(name): \(towns.map(\.name))")
            XCTAssertLessThan(town.population, 20_000, name)
            XCTAssertTrue(town.isCapital, name)
        }
    }

    /// A capital with no other name and a small population is a reference town; a town like it
    /// that is not a capital is not (in memory and compiled alike).
    func testReferenceTownsKeepACapitalWithoutAlternateNames() throws {
        let square = Geometry.polygon(Polygon(exterior: [LonLat(lon: 0, lat: 0), LonLat(lon: 4, lat: 0), LonLat(lon: 4, lat: 4),
                                                         LonLat(lon: 0, lat: 4), LonLat(lon: 0, lat: 0)]))
        let country = Region(id: "AA", name: "Aland", country: "AA", localName: nil, alternateNames: [], fips: nil, geonamesAdmin1: nil,
                             labelPoint: LonLat(lon: 2, lat: 2), geometry: square, bounds: square.bounds!)
        let places = [
            GazetteerEntry(id: "t:1", name: "Capitalia", kind: .place, country: "AA", admin1: nil, location: LonLat(lon: 1, lat: 1),
                           population: 900, source: "test", isCapital: true),
            GazetteerEntry(id: "t:2", name: "Smallton", kind: .place, country: "AA", admin1: nil, location: LonLat(lon: 2, lat: 1),
                           population: 900, source: "test"),
            GazetteerEntry(id: "t:3", name: "Bigtown", kind: .place, country: "AA", admin1: nil, location: LonLat(lon: 3, lat: 1),
                           population: 90_000, alternateNames: ["Big Town", "Bigtaun"], source: "test"),
        ]
        let memory = Gazetteer(places: places, countries: [country], provinces: [], borders: [])
        let all = Gazetteer.bundledEntries(countries: [country], provinces: [], places: places)
        let ix = Gazetteer.buildIndexes(all)
        let bytes = CompiledData.encode(fingerprint: [7], countries: [country], overviews: [square], provinces: [], borders: [], entries: all,
                                        indexes: [.exact: ix.exact, .variant: ix.variant, .unordered: ix.unordered, .skeleton: ix.skeleton])
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("compiled-\(UUID().uuidString).idx")
        defer { try? FileManager.default.removeItem(at: url) }
        XCTAssertTrue(Gazetteer.save(bytes, to: url))
        let compiled = try Gazetteer(compiled: try XCTUnwrap(CompiledFile(url: url, fingerprint: [7])), userEntries: [], sources: [],
                                 coverage: Gazetteer.world)
        for g in [memory, compiled] {
            XCTAssertEqual(g.referenceTowns(minimumPopulation: 5_000, within: nil).map(\.id), ["t:1", "t:3"])
            XCTAssertEqual(g.referenceTowns(minimumPopulation: 5_000, within: BoundingBox(minX: 1.5, minY: 0, maxX: 4, maxY: 4)).map(\.id), ["t:3"])
            XCTAssertEqual(g.entries.indices { _, _, _, capital, _ in capital }, [1], "the country is entry 0, Capitalia entry 1")
        }
    }

    /// A new empty directory, removed when the test ends.
    func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("capitals-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    /// `places.tsv` with the `capital` column marks the rows with "1"; a file built before the
    /// column existed still reads, with no capitals.
    func testPlacesTableReadsTheCapitalColumnAndDoesWithoutIt() throws {
        let header = "geonameid\tname\tlatitude\tlongitude\tcountry\tadmin1\tgeonames_admin1\tpopulation\ttimezone\talternatenames"
        let rows = ["1\tKapital\t1.5\t2.5\tAA\tAA-01\t01\t1000\tEtc/UTC\tCapital City|Kap",
                    "2\tDorf\t1.6\t2.6\tAA\tAA-01\t01\t2000\tEtc/UTC\tDorfli"]
        let dir = try temporaryDirectory()
        let withColumn = dir.appendingPathComponent("with.tsv"), without = dir.appendingPathComponent("without.tsv")
        try ([header + "\tcapital", rows[0] + "\t1", rows[1] + "\t"].joined(separator: "\n") + "\n").write(to: withColumn, atomically: true, encoding: .utf8)
        try ([header] + rows).joined(separator: "\n").write(to: without, atomically: true, encoding: .utf8)
        let marked = try Loading.places(withColumn)
        XCTAssertEqual(marked.map(\.isCapital), [true, false])
        XCTAssertEqual(marked[0].alternateNames, ["Capital City", "Kap"], "the alternate names stop before the new column")
        XCTAssertEqual(try Loading.places(without).map(\.isCapital), [false, false])
        XCTAssertEqual(try Loading.places(without).map(\.alternateNames), marked.map(\.alternateNames))
    }

    /// A new `places.tsv` (other size or modification time) makes the compiled file stale.
    func testTheCompiledFileIsStaleWhenPlacesChange() throws {
        let dir = try temporaryDirectory()
        let places = dir.appendingPathComponent("places.tsv")
        try "geonameid\tname\n1\tA\n".write(to: places, atomically: true, encoding: .utf8)
        let before = CompiledData.fingerprint(dir)
        XCTAssertTrue(String(decoding: before, as: UTF8.self).contains("format \(CompiledData.formatVersion) "))
        XCTAssertEqual(CompiledData.fingerprint(dir), before, "unchanged data, same fingerprint")
        try "geonameid\tname\tcapital\n1\tA\t1\n".write(to: places, atomically: true, encoding: .utf8)
        XCTAssertNotEqual(CompiledData.fingerprint(dir), before, "other size")
        let sameSize = CompiledData.fingerprint(dir)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: places.path)
        XCTAssertNotEqual(CompiledData.fingerprint(dir), sameSize, "other modification time")
    }
}
