import Foundation
import XCTest

/// `--db` and `load` against a real PostgreSQL 15 + PostGIS 3 server started for these tests
/// (see `PostgresServer`). Without the server the tests fail, saying what to install: they
/// never pass without having talked to a database.
final class DatabaseTests: ScratchTestCase {
    nonisolated(unsafe) static var server: PostgresServer?
    nonisolated(unsafe) static var startError: String?

    override class func setUp() {
        super.setUp()
        do { server = try PostgresServer() } catch { startError = "\(error)" }
    }

    override class func tearDown() {
        server?.stop()
        server = nil
        super.tearDown()
    }

    var pg: PostgresServer!

    override func setUpWithError() throws {
        try super.setUpWithError()
        guard let s = DatabaseTests.server else {
            XCTFail("no PostgreSQL server for the database tests: \(DatabaseTests.startError ?? "unknown")")
            throw XCTSkip("no server")
        }
        pg = s
    }

    /// The world test points (five continents, at sea, the antimeridian, Svalbard) plus rows
    /// with place names in Latin and Arabic script, as CSV.
    func worldCSV() throws -> URL {
        let points = try String(contentsOf: repositoryRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures/world/points.csv"), encoding: .utf8)
        var lines = points.split(separator: "\n").map(String.init)
        lines[0] += ",location,fatalities,source"
        for i in 1..<lines.count { lines[i] += ",,\(i % 4),Test wire; Other agency" }
        // Rows placed by the gazetteer, in two scripts (no coordinates).
        lines.append("panjgur-by-name,South Asia,2024-01-16,,,Air/drone strike,پنجگور,2,IRNA")
        lines.append("kharkiv-by-name,Eastern Europe,2024-02-10,,,Shelling,Kharkov,0,Ukrainska Pravda")
        let url = tmp.appendingPathComponent("world.csv")
        try lines.joined(separator: "\n").appending("\n").write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// A fresh table name.
    func tableName(_ stem: String) -> String { "\(stem)_\(UUID().uuidString.prefix(8).lowercased())" }

    /// Creates `table` from the CSV's columns (text, or `types`) and copies the CSV into it.
    func copyCSV(_ csv: URL, into table: String, types: [String: String] = [:]) throws {
        let header = try String(contentsOf: csv, encoding: .utf8).prefix { $0 != "\n" }.split(separator: ",").map(String.init)
        let cols = header.map { "\"\($0)\" \(types[$0] ?? "text")" }.joined(separator: ", ")
        try pg.psql("incidents", "CREATE TABLE \(table) (\(cols))")
        try pg.psql("incidents", "\\copy \(table) FROM '\(csv.path)' WITH (FORMAT csv, HEADER true)")
    }

    /// The incidents layer of a render, feature by feature: id → (lon, lat, country, border km, border, province, killed).
    func incidentsLayer(_ args: [String]) throws -> [String: [String: String]] {
        let dir = tmp.appendingPathComponent("layers-\(UUID().uuidString.prefix(6))")
        let r = try incidentmap(["render"] + args + ["--geojson", "-o", dir.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let file = dir.appendingPathComponent("incidents.geojson")
        let info = try runTool("ogrinfo", ["-al", "-q", file.path])
        XCTAssertEqual(info.status, 0, "ogrinfo cannot read \(file.path): \(info.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as! [String: Any]
        var out: [String: [String: String]] = [:]
        for f in json["features"] as! [[String: Any]] {
            let p = propertiesWithID(f)
            let c = (f["geometry"] as! [String: Any])["coordinates"] as! [Double]
            let killed = ((p["claims"] as? [[String: Any]]) ?? []).compactMap { $0["killed"] as? Int }.max()
            out[p["id"] as! String] = [
                "lon": String(format: "%.6f", c[0]), "lat": String(format: "%.6f", c[1]),
                "country": p["country"] as? String ?? "null", "border_km": (p["border_distance_km"] as? Double).map { "\($0)" } ?? "null",
                "border": p["nearest_border"] as? String ?? "null", "province": p["province"] as? String ?? "null",
                "killed": killed.map(String.init) ?? "none", "place": p["place"] as? String ?? "",
                "sources": ((p["sources"] as? [[String: Any]]) ?? []).compactMap { $0["outlet"] as? String }.joined(separator: "|"),
            ]
        }
        return out
    }

    func testTableReadsAsTheSameRowsFromCSV() throws {
        let csv = try worldCSV()
        let table = tableName("world")
        try copyCSV(csv, into: table, types: ["latitude": "double precision", "longitude": "double precision", "date": "date"])
        let fromFile = try incidentsLayer([csv.path])
        let fromTable = try incidentsLayer(["--db", pg.url(), "--table", table])
        XCTAssertEqual(fromFile.count, 24)
        XCTAssertEqual(fromTable, fromFile)
        // The sea and the antimeridian survive the trip: their countries are as the file's.
        XCTAssertEqual(fromTable.values.filter { $0["country"] == "null" }.count, fromFile.values.filter { $0["country"] == "null" }.count)
        XCTAssertGreaterThan(fromFile.values.filter { $0["country"] == "null" }.count, 0, "the fixture has points at sea")
        XCTAssertEqual(fromTable["panjgur-by-name"]?["country"], "PK")
        XCTAssertEqual(fromTable["kharkiv-by-name"]?["country"], "UA")

        // The map too: the same bytes as from the file (but the command line recorded), and
        // the same bytes twice.
        let a = tmp.appendingPathComponent("a/map.svg"), b = tmp.appendingPathComponent("b/map.svg"), f = tmp.appendingPathComponent("f/map.svg")
        for (args, out) in [(["--db", pg.url(), "--table", table], a), (["--db", pg.url(), "--table", table], b), ([csv.path], f)] {
            try FileManager.default.createDirectory(at: out.deletingLastPathComponent(), withIntermediateDirectories: true)
            let r = try incidentmap(["render"] + args + ["--title", "World", "--svg", "-o", out.path])
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertEqual(try runTool("rsvg-convert", ["-o", out.path + ".png", out.path]).status, 0)
        }
        XCTAssertEqual(try Data(contentsOf: a), try Data(contentsOf: b), "the same table gives the same bytes")
        func withoutCommand(_ url: URL) throws -> String {
            try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: #""command":"[^"]*""#, with: "", options: .regularExpression)
        }
        XCTAssertEqual(try withoutCommand(a), try withoutCommand(f), "a table copied from a file draws the file's map")
        XCTAssertTrue(try withoutCommand(a).contains("data-incident-id=\"svalbard\""))
        XCTAssertFalse(try String(contentsOf: a, encoding: .utf8).contains(pg.password), "the password is not in the SVG")
    }

    func testGeometryColumnInAnySRID() throws {
        let csv = try worldCSV()
        let plain = tableName("plain"), projected = tableName("proj"), geog = tableName("geog")
        try copyCSV(csv, into: plain, types: ["latitude": "double precision", "longitude": "double precision"])
        // Web Mercator cannot hold Svalbard's latitude well but can hold it; the poles' rows are not in the fixture.
        try pg.psql("incidents", """
            CREATE TABLE \(projected) AS SELECT id, region, date, event_type, location, fatalities, source,
              ST_Transform(ST_SetSRID(ST_MakePoint(longitude, latitude), 4326), 32637)::geometry(Point, 32637) AS geom
            FROM \(plain) WHERE latitude IS NOT NULL;
            CREATE TABLE \(geog) AS SELECT id, region, date, event_type, location, fatalities, source,
              ST_SetSRID(ST_MakePoint(longitude, latitude), 4326)::geography AS site
            FROM \(plain) WHERE latitude IS NOT NULL
            """)
        let fromFile = try incidentsLayer([csv.path]).filter { !$0.key.hasSuffix("-by-name") }
        for table in [projected, geog] {
            let got = try incidentsLayer(["--db", pg.url(), "--table", table])
            XCTAssertEqual(Set(got.keys), Set(fromFile.keys), table)
            for (id, want) in fromFile {
                guard let g = got[id] else { continue }
                XCTAssertEqual(Double(g["lon"]!)!, Double(want["lon"]!)!, accuracy: 2e-6, "\(table) \(id)")
                XCTAssertEqual(Double(g["lat"]!)!, Double(want["lat"]!)!, accuracy: 2e-6, "\(table) \(id)")
                XCTAssertEqual(g["country"], want["country"], "\(table) \(id)")
                XCTAssertEqual(g["border"], want["border"], "\(table) \(id)")
            }
        }
    }

    /// Areas, lines and point sets in a geometry column (as GDAL writes a GeoJSON file into
    /// PostGIS) are placed where the file's features are: the same rules, in SQL.
    func testAreasAndLinesInAGeometryColumnArePlacedAsInTheFile() throws {
        let features = [
            #"{"type": "Polygon", "coordinates": [[[25.30, 13.55], [25.45, 13.55], [25.45, 13.70], [25.30, 13.70], [25.30, 13.66], [25.41, 13.66], [25.41, 13.59], [25.30, 13.59], [25.30, 13.55]]]}"#,
            #"{"type": "LineString", "coordinates": [[37.75, 48.13], [37.80, 48.16], [37.90, 48.20]]}"#,
            #"{"type": "LineString", "coordinates": [[25.0, 13.2], [25.2, 13.4]]}"#,
            #"{"type": "MultiPoint", "coordinates": [[42.55, 15.10], [42.70, 15.30], [42.60, 15.20]]}"#,
            #"{"type": "MultiPolygon", "coordinates": [[[[35.0, 31.0], [35.2, 31.0], [35.2, 31.1], [35.0, 31.1], [35.0, 31.0]]], [[[35.3, 31.0], [35.4, 31.0], [35.4, 31.05], [35.3, 31.0]]]]}"#,
            #"{"type": "MultiLineString", "coordinates": [[[36.25, 33.45], [36.30, 33.50], [36.35, 33.55]], [[36.40, 33.40], [36.45, 33.42]]]}"#,
        ].enumerated().map { k, g in #"{"type": "Feature", "properties": {"id": "g\#(k)", "date": "2024-03-1\#(k)", "event_type": "Battles"}, "geometry": \#(g)}"# }
        let file = tmp.appendingPathComponent("areas.geojson")
        try ("{\"type\": \"FeatureCollection\", \"features\": [\n" + features.joined(separator: ",\n") + "\n]}\n").write(to: file, atomically: true, encoding: .utf8)
        let table = tableName("areas")
        let ogr = try runTool("ogr2ogr", ["-f", "PostgreSQL", "PG:" + pg.url(), file.path, "-nln", table, "-nlt", "GEOMETRY", "-lco", "GEOMETRY_NAME=geom"])
        XCTAssertEqual(ogr.status, 0, ogr.stderr)
        let fromFile = try incidentsLayer([file.path])
        let fromTable = try incidentsLayer(["--db", pg.url(), "--table", table])
        XCTAssertEqual(fromFile.count, features.count)
        XCTAssertEqual(Set(fromTable.keys), Set(fromFile.keys))
        for (id, want) in fromFile {
            let got = try XCTUnwrap(fromTable[id], id)
            XCTAssertEqual(Double(got["lon"]!)!, Double(want["lon"]!)!, accuracy: 2e-6, id)
            XCTAssertEqual(Double(got["lat"]!)!, Double(want["lat"]!)!, accuracy: 2e-6, id)
            XCTAssertEqual(got["country"], want["country"], id)
        }
    }

    func testSQLQueryAndPushedFilters() throws {
        let csv = try worldCSV()
        let table = tableName("q")
        try copyCSV(csv, into: table, types: ["latitude": "double precision", "longitude": "double precision", "date": "date"])
        try pg.psql("incidents", "UPDATE \(table) SET date = date + (length(id) % 5)")
        try pg.psql("incidents", "ALTER TABLE \(table) ADD COLUMN geom geometry(Point, 4326); UPDATE \(table) SET geom = ST_SetSRID(ST_MakePoint(longitude, latitude), 4326)")
        let where_ = try incidentsLayer(["--db", pg.url(), "--sql", "SELECT * FROM \(table) WHERE region = 'Eastern Europe' ORDER BY id"])
        let expected = try pg.psql("incidents", "SELECT string_agg(id, ',' ORDER BY id) FROM \(table) WHERE region = 'Eastern Europe'")
        XCTAssertEqual(where_.keys.sorted().joined(separator: ","), expected)
        XCTAssertGreaterThanOrEqual(where_.count, 3)

        // --from/--to/--bbox give what the same filters give on the file's rows (done in SQL
        // on the date and coordinate columns, then again by the tool).
        let dump = pg.directory.appendingPathComponent("dump-\(table).csv")  // psql runs as the server's user
        try pg.psql("incidents", "\\copy (SELECT id, region, date, latitude, longitude, event_type, location, fatalities, source FROM \(table)) TO '\(dump.path)' WITH (FORMAT csv, HEADER true)")
        let filters = ["--from", "2024-03-02", "--to", "2024-03-04", "--bbox=-20,-40,60,70"]
        let fromFile = try incidentsLayer([dump.path] + filters)
        let fromTable = try incidentsLayer(["--db", pg.url(), "--table", table] + filters)
        XCTAssertEqual(Set(fromTable.keys), Set(fromFile.keys))
        XCTAssertFalse(fromFile.isEmpty)
        XCTAssertLessThan(fromFile.count, 24)
        // The same with the geometry column as the only coordinates.
        let geomOnly = tableName("g")
        try pg.psql("incidents", "CREATE TABLE \(geomOnly) AS SELECT id, region, date, event_type, location, fatalities, source, geom FROM \(table)")
        let fromGeom = try incidentsLayer(["--db", pg.url(), "--table", geomOnly] + filters)
        XCTAssertEqual(Set(fromGeom.keys), Set(fromFile.keys.filter { !$0.hasSuffix("-by-name") }))
    }

    func testReadOnlyAndInjection() throws {
        let csv = try worldCSV()
        let table = tableName("safe")
        try copyCSV(csv, into: table)
        let count = { try self.pg.psql("incidents", "SELECT count(*) FROM \(table)") }
        XCTAssertEqual(try count(), "24")
        for sql in ["DELETE FROM \(table)", "SELECT * FROM \(table); DROP TABLE \(table)",
                    "WITH d AS (DELETE FROM \(table) RETURNING *) SELECT * FROM d",
                    "SELECT *, (SELECT count(*) FROM (SELECT 1) x) FROM \(table) FOR UPDATE"] {
            let r = try incidentmap(["check", "--db", pg.url(), "--sql", sql])
            XCTAssertNotEqual(r.status, 0, sql)
            XCTAssertTrue(r.stderr.hasPrefix("error: database:"), r.stderr)
            XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, "one line: \(r.stderr)")
        }
        XCTAssertEqual(try count(), "24", "nothing was deleted")
        for name in ["\(table); DROP TABLE \(table)", "\(table)\" ; DROP TABLE x; --", "a.b.c", "", "x y", "\"unclosed"] {
            let r = try incidentmap(["check", "--db", pg.url(), "--table", name])
            XCTAssertEqual(r.status, 69, name)
            XCTAssertTrue(r.stderr.contains("--table"), r.stderr)
        }
        XCTAssertEqual(try count(), "24")
        // Any name can be read when it is a name: quoted as SQL quotes it.
        let odd = "Incidents; \"2024\""
        try pg.psql("incidents", "CREATE TABLE \"Incidents; \"\"2024\"\"\" AS SELECT * FROM \(table)")
        let r = try incidentmap(["check", "--db", pg.url(), "--table", "\"Incidents; \"\"2024\"\"\""])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdoutText.contains("table public.\(odd): ok, 24 incidents"), r.stdoutText)
        XCTAssertEqual(try count(), "24")
    }

    func testBadRowsMissingTableAndColumns() throws {
        let table = tableName("bad")
        try pg.psql("incidents", """
            CREATE TABLE \(table) (id text, event_date text, latitude double precision, longitude double precision);
            INSERT INTO \(table) VALUES ('a', '2024-01-16', 26.97, 64.09), ('b', '2024-13-01', 27.3, 62.3), ('c', '2024-01-18', 95, 62.3)
            """)
        let r = try incidentmap(["check", "--db", pg.url(), "--table", table])
        XCTAssertEqual(r.status, 65)
        XCTAssertTrue(r.stderr.contains("error: table public.\(table):2: event_date:"), r.stderr)
        XCTAssertTrue(r.stderr.contains("error: table public.\(table):3: latitude: expected a number between -90 and 90"), r.stderr)
        let out = tmp.appendingPathComponent("never.svg")
        XCTAssertEqual(try incidentmap(["render", "--db", pg.url(), "--table", table, "--svg", "-o", out.path]).status, 65)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "nothing is written")

        let noDate = tableName("nodate")
        try pg.psql("incidents", "CREATE TABLE \(noDate) (id text, latitude float8, longitude float8); INSERT INTO \(noDate) VALUES ('a', 1, 2)")
        let m = try incidentmap(["check", "--db", pg.url(), "--table", noDate])
        XCTAssertEqual(m.status, 65)
        XCTAssertTrue(m.stderr.contains("table public.\(noDate): date: missing column"), m.stderr)

        let missing = try incidentmap(["check", "--db", pg.url(), "--table", "no_such_table"])
        XCTAssertEqual(missing.status, 69)
        XCTAssertTrue(missing.stderr.contains("table no_such_table does not exist"), missing.stderr)
        let column = try incidentmap(["check", "--db", pg.url(), "--sql", "SELECT id, nope FROM \(table)"])
        XCTAssertEqual(column.status, 69)
        XCTAssertTrue(column.stderr.contains("column \"nope\" does not exist"), column.stderr)
        let empty = tableName("empty")
        try pg.psql("incidents", "CREATE TABLE \(empty) (id text, date date, latitude float8, longitude float8)")
        let e = try incidentmap(["check", "--db", pg.url(), "--table", empty])
        XCTAssertEqual(e.status, 65)
        XCTAssertTrue(e.stderr.contains("no rows"), e.stderr)
    }

    func testCredentialsEnvironmentAndDeadServer() throws {
        let table = tableName("cred")
        try copyCSV(try worldCSV(), into: table)
        let out = tmp.appendingPathComponent("map.svg")
        let wrong = "WrongHunter2-\(UUID().uuidString.prefix(4))"
        let bad = try incidentmap(["render", "--db", pg.url(password: wrong), "--table", table, "--svg", "-o", out.path])
        XCTAssertEqual(bad.status, 69)
        XCTAssertTrue(bad.stderr.contains("password authentication failed"), bad.stderr)
        XCTAssertFalse(bad.stderr.contains(wrong), "the password is never printed: \(bad.stderr)")
        XCTAssertEqual(bad.stderr.split(separator: "\n").count, 1, bad.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
        let kv = try incidentmap(["check", "--db", "host=127.0.0.1 port=\(pg.port) user=postgres dbname=incidents password='\(wrong) x'", "--table", table])
        XCTAssertEqual(kv.status, 69)
        XCTAssertFalse(kv.stderr.contains(wrong), kv.stderr)

        // The PG* variables, and a password file.
        let env = ["PGHOST": "127.0.0.1", "PGPORT": String(pg.port), "PGUSER": "postgres", "PGDATABASE": "incidents", "PGPASSWORD": pg.password]
        let viaEnv = try runTool(incidentmapBinary.path, ["check", "--db", "", "--table", table], environment: env)
        XCTAssertEqual(viaEnv.status, 0, viaEnv.stderr)
        XCTAssertTrue(viaEnv.stdoutText.contains("ok, 24 incidents"), viaEnv.stdoutText)
        let pgpass = tmp.appendingPathComponent("pgpass")
        try "127.0.0.1:\(pg.port):incidents:postgres:\(pg.password)\n".write(to: pgpass, atomically: true, encoding: .utf8)
        chmod(pgpass.path, 0o600)
        let viaFile = try runTool(incidentmapBinary.path, ["check", "--db", "postgresql://postgres@127.0.0.1:\(pg.port)/incidents", "--table", table],
                                  environment: ["PGPASSFILE": pgpass.path])
        XCTAssertEqual(viaFile.status, 0, viaFile.stderr)

        // Nothing listens: refused at once. An address that does not answer: given up within the 10 s timeout.
        let deadPort = try PostgresServer.freePort()
        var started = Date()
        let dead = try incidentmap(["render", "--db", "postgresql://postgres:\(wrong)@127.0.0.1:\(deadPort)/incidents", "--table", table, "--svg", "-o", out.path])
        XCTAssertEqual(dead.status, 69)
        XCTAssertTrue(dead.stderr.contains("cannot connect"), dead.stderr)
        XCTAssertFalse(dead.stderr.contains(wrong), dead.stderr)
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
        started = Date()
        let silent = try incidentmap(["check", "--db", "postgresql://postgres@10.255.255.1:5432/incidents", "--table", table])
        XCTAssertEqual(silent.status, 69, silent.stderr)
        XCTAssertLessThan(Date().timeIntervalSince(started), 15, "the connect timeout holds")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }

    func testLoadTwiceUpsertsAndRoundTrips() throws {
        let csv = try worldCSV()
        let table = tableName("load")
        let first = try incidentmap(["load", csv.path, "--db", pg.url(), "--table", table])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdoutText.contains("24 incidents sent; 24 new, 0 updated, 0 unchanged"), first.stdoutText)
        XCTAssertFalse(first.stdoutText.contains(pg.password) || first.stderr.contains(pg.password))
        // It created the table: the rows went in frozen (a second load's upsert locks them again).
        try pg.psql("incidents", "CREATE EXTENSION IF NOT EXISTS pg_visibility")
        XCTAssertEqual(try pg.psql("incidents", "SELECT all_frozen > 0 AND all_frozen = pg_relation_size('\(table)') / current_setting('block_size')::int FROM pg_visibility_map_summary('\(table)')"), "t",
                       "COPY FREEZE writes its pages frozen")
        let again = try incidentmap(["load", csv.path, "--db", pg.url(), "--table", table])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stdoutText.contains("24 incidents sent; 0 new, 0 updated, 24 unchanged"), again.stdoutText)
        XCTAssertEqual(try pg.psql("incidents", "SELECT all_frozen > 0 AND all_frozen = pg_relation_size('\(table)') / current_setting('block_size')::int FROM pg_visibility_map_summary('\(table)')"), "t",
                       "a load that changes nothing writes nothing, not even a row lock")
        XCTAssertEqual(try pg.psql("incidents", "SELECT count(*) FROM \(table)"), "24")

        // What the table holds is what the incidents layer says.
        let layer = try incidentsLayer([csv.path])
        let rows = try pg.psql("incidents", """
            SELECT id, coalesce(country, 'null'), coalesce(nearest_border, 'null'), coalesce(border_distance_km::text, 'null'),
                   to_char(ST_X(geom), 'FM990.000000'), to_char(ST_Y(geom), 'FM990.000000'), ST_SRID(geom),
                   coalesce((SELECT max((c->>'killed')::int) FROM jsonb_array_elements(claims) c)::text, 'none')
            FROM \(table) ORDER BY id
            """)
        XCTAssertEqual(rows.split(separator: "\n").count, 24)
        for line in rows.split(separator: "\n") {
            let f = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            let want = try XCTUnwrap(layer[f[0]], f[0])
            XCTAssertEqual(f[1], want["country"], f[0])
            XCTAssertEqual(f[2], want["border"], f[0])
            if f[3] != "null" { XCTAssertEqual(Double(f[3])!, Double(want["border_km"]!)!, accuracy: 1e-9, f[0]) } else { XCTAssertEqual(want["border_km"], "null") }
            XCTAssertEqual(Double(f[4])!, Double(want["lon"]!)!, accuracy: 1e-6, f[0])
            XCTAssertEqual(Double(f[5])!, Double(want["lat"]!)!, accuracy: 1e-6, f[0])
            XCTAssertEqual(f[6], "4326")
            XCTAssertEqual(f[7], want["killed"], f[0])
        }
        XCTAssertEqual(try pg.psql("incidents", "SELECT count(*) FROM pg_indexes WHERE tablename = '\(table)' AND indexdef LIKE '%USING gist (geom)%'"), "1")
        // The table the first load created got its primary key after the rows.
        XCTAssertEqual(try pg.psql("incidents", "SELECT conname FROM pg_constraint WHERE conrelid = '\(table)'::regclass AND contype = 'p'"), "\(table)_pkey")
        XCTAssertEqual(try pg.psql("incidents", "SELECT resolution->>'gazetteer_id' IS NOT NULL FROM \(table) WHERE id = 'panjgur-by-name'"), "t")

        // The loaded table reads back as the file did: claims, sources and place kept.
        let back = try incidentsLayer(["--db", pg.url(), "--table", table])
        XCTAssertEqual(Set(back.keys), Set(layer.keys))
        for (id, want) in layer {
            for key in ["lon", "lat", "country", "border", "border_km", "killed", "sources", "place"] {
                XCTAssertEqual(back[id]?[key], want[key], "\(id) \(key)")
            }
        }
        // GDAL reads the table natively.
        let ogr = try runTool("ogrinfo", ["-so", "PG:host=127.0.0.1 port=\(pg.port) dbname=incidents user=postgres password=\(pg.password)", table])
        XCTAssertEqual(ogr.status, 0, ogr.stderr)
        XCTAssertTrue(ogr.stdoutText.contains("Feature Count: 24"), ogr.stdoutText)

        // A changed incident is updated, the rest left alone.
        var text = try String(contentsOf: csv, encoding: .utf8)
        text = text.replacingOccurrences(of: "kyiv,Eastern Europe,2024-03-01", with: "kyiv,Eastern Europe,2024-03-02")
        try text.write(to: csv, atomically: true, encoding: .utf8)
        let changed = try incidentmap(["load", csv.path, "--db", pg.url(), "--table", table])
        XCTAssertTrue(changed.stdoutText.contains("24 incidents sent; 0 new, 1 updated, 23 unchanged"), changed.stdoutText + changed.stderr)
        XCTAssertEqual(try pg.psql("incidents", "SELECT date_start FROM \(table) WHERE id = 'kyiv'"), "2024-03-02")

        // An incident placed by a country's or a region's name is of that precision, not
        // "province", and has no radius: its area is the unit's (so is a province's, by its name).
        let units = tmp.appendingPathComponent("units.csv")
        try "id,date,place\nS,2024-05-01,Sudan\nB,2024-05-02,Balochistan\nK,2024-05-03,Khartoum\nR,2024-05-04,Scotland\n".write(to: units, atomically: true, encoding: .utf8)
        let unitTable = tableName("units")
        let u = try incidentmap(["load", units.path, "--db", pg.url(), "--table", unitTable])
        XCTAssertEqual(u.status, 0, u.stderr)
        XCTAssertEqual(try pg.psql("incidents", "SELECT string_agg(id || ':' || location_precision || ':' || coalesce(uncertainty_km::text, 'null'), ' ' ORDER BY id) FROM \(unitTable)"),
                       "B:province:null K:exact:0 R:region:null S:country:null")
        // The table reads back as input, the unit's point not measured to a border.
        let unitsBack = try incidentsLayer(["--db", pg.url(), "--table", unitTable])
        XCTAssertEqual(unitsBack["S"]?["border_km"], "null")
        XCTAssertEqual(unitsBack["S"]?["country"], "SD")
    }

    /// Text that COPY's format must escape (backslashes, tabs, line ends, a literal \N) and JSON
    /// escapes in the sources reach the table byte for byte, in any script.
    func testTextThatCOPYEscapesRoundTrips() throws {
        let notes = "C:\\path\\N and \\N;\ttab;\nnew line; «Сараван» سراوان \"quoted\""
        let actor = "Group \\ one\tand two"
        let source = "Wire \\ \"agency\""
        func field(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        let csv = tmp.appendingPathComponent("escapes.csv")
        try ("event_id_cnty,event_date,latitude,longitude,event_type,actor1,source,notes\n"
             + "esc-1,2024-01-18,27.39,62.33,Air/drone strike,\(field(actor)),\(field(source)),\(field(notes))\n")
            .write(to: csv, atomically: true, encoding: .utf8)
        let table = tableName("esc")
        let r = try incidentmap(["load", csv.path, "--db", pg.url(), "--table", table])
        XCTAssertEqual(r.status, 0, r.stderr)
        func hex(_ s: String) -> String { s.utf8.map { String(format: "%02x", $0) }.joined() }
        XCTAssertEqual(try pg.psql("incidents", "SELECT encode(convert_to(notes, 'UTF8'), 'hex') FROM \(table)"), hex(notes))
        XCTAssertEqual(try pg.psql("incidents", "SELECT encode(convert_to(actor, 'UTF8'), 'hex') FROM \(table)"), hex(actor))
        XCTAssertEqual(try pg.psql("incidents", "SELECT encode(convert_to(sources->0->>'outlet', 'UTF8'), 'hex') FROM \(table)"), hex(source))
    }

    func testFailedLoadLeavesTheTableAsItWas() throws {
        let table = tableName("atomic")
        // 6,000 rows (two chunks and more), the 5,001st bad: the copy has begun when it is found.
        var rows = ["id,date,latitude,longitude,kind"]
        for i in 1...6_000 { rows.append("r\(i),2024-01-\(String(format: "%02d", 1 + i % 28)),\(20 + Double(i % 900) / 100),\(60 + Double(i % 700) / 100),strike") }
        let good = tmp.appendingPathComponent("good.csv")
        try (rows.joined(separator: "\n") + "\n").write(to: good, atomically: true, encoding: .utf8)
        XCTAssertEqual(try incidentmap(["load", good.path, "--db", pg.url(), "--table", table]).status, 0)
        let before = try pg.psql("incidents", "SELECT count(*), md5(string_agg(id || date_start || ST_AsText(geom), ',' ORDER BY id)) FROM \(table)")
        rows = rows.map { $0.replacingOccurrences(of: "strike", with: "clash") }
        rows[5_001] = "r5001,2024-01-05,123.5,61,clash"
        let bad = tmp.appendingPathComponent("bad.csv")
        try (rows.joined(separator: "\n") + "\n").write(to: bad, atomically: true, encoding: .utf8)
        let r = try incidentmap(["load", bad.path, "--db", pg.url(), "--table", table])
        XCTAssertEqual(r.status, 65)
        XCTAssertTrue(r.stderr.contains("bad.csv:5002: latitude: expected a number between -90 and 90"), r.stderr)
        XCTAssertEqual(try pg.psql("incidents", "SELECT count(*), md5(string_agg(id || date_start || ST_AsText(geom), ',' ORDER BY id)) FROM \(table)"), before)
        XCTAssertEqual(try pg.psql("incidents", "SELECT count(*) FROM \(table) WHERE kind = 'clash'"), "0", "no row was changed")

        // Into a table the load would create: a bad row or a duplicate id leaves no table behind.
        let fresh = tableName("fresh")
        XCTAssertEqual(try incidentmap(["load", bad.path, "--db", pg.url(), "--table", fresh]).status, 65)
        XCTAssertEqual(try pg.psql("incidents", "SELECT to_regclass('\(fresh)') IS NULL"), "t")
        let twice = tmp.appendingPathComponent("twice.csv")
        try "id,date,latitude,longitude,kind\nd1,2024-01-01,30,60,strike\n".write(to: twice, atomically: true, encoding: .utf8)
        let dup = try incidentmap(["load", twice.path, good.path, twice.path, "--db", pg.url(), "--table", fresh])
        XCTAssertNotEqual(dup.status, 0, dup.stderr)
        XCTAssertEqual(try pg.psql("incidents", "SELECT to_regclass('\(fresh)') IS NULL"), "t")

        // A table of another shape: the server refuses the rows and nothing is written.
        let other = tableName("other")
        try pg.psql("incidents", "CREATE TABLE \(other) (id text PRIMARY KEY, note text); INSERT INTO \(other) VALUES ('keep', 'me')")
        let o = try incidentmap(["load", good.path, "--db", pg.url(), "--table", other])
        XCTAssertEqual(o.status, 69)
        XCTAssertTrue(o.stderr.contains("error: database: \(other):"), o.stderr)
        XCTAssertEqual(try pg.psql("incidents", "SELECT string_agg(id || note, ',') FROM \(other)"), "keepme")
        // A database without PostGIS.
        try pg.psql("postgres", "CREATE DATABASE plain")
        let n = try incidentmap(["load", good.path, "--db", pg.url("plain"), "--table", "x"])
        XCTAssertEqual(n.status, 69)
        XCTAssertTrue(n.stderr.contains("PostGIS is not installed"), n.stderr)
    }

    func testTheServerGroupsALargeTableIntoTheMapsCells() throws {
        // 6,000 clustered ACLED-style rows (most at town coordinates, some scattered).
        let csv = tmp.appendingPathComponent("clustered.csv")
        let gen = try runTool("python3", [repositoryRoot.appendingPathComponent("Benchmarks/clustered.py").path, "6000", csv.path])
        XCTAssertEqual(gen.status, 0, gen.stderr)
        let typed = tableName("typed"), text = tableName("text")
        try copyCSV(csv, into: typed, types: ["event_date": "date", "latitude": "float8", "longitude": "float8", "fatalities": "int", "year": "int"])
        try copyCSV(csv, into: text)
        func map(_ args: [String], _ name: String) throws -> (svg: String, stderr: String) {
            let out = tmp.appendingPathComponent(name).appendingPathComponent("map.svg")
            try FileManager.default.createDirectory(at: out.deletingLastPathComponent(), withIntermediateDirectories: true)
            let r = try incidentmap(["render"] + args + ["--title", "Clustered", "--svg", "-o", out.path])
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertEqual(try runTool("rsvg-convert", ["-o", out.path + ".png", out.path]).status, 0)
            let svg = try String(contentsOf: out, encoding: .utf8)
            return (svg.replacingOccurrences(of: #""command":"[^"]*""#, with: "", options: .regularExpression), r.stderr)
        }
        for filters in [[], ["--bbox=55,24,68,33", "--from", "2024-02-01", "--to", "2024-10-31"]] {  // the second keeps 4,291 rows
            let file = try map([csv.path] + filters, "file")
            let grouped = try map(["--db", pg.url(), "--table", typed] + filters, "typed")
            let streamed = try map(["--db", pg.url(), "--table", text] + filters, "text")
            // The server sent cells, not rows; the map is the file's.
            let note = try XCTUnwrap(grouped.stderr.firstMatch(of: /grouped by the server into ([0-9,]+) cells/), grouped.stderr)
            let cells = Int(note.1.replacingOccurrences(of: ",", with: ""))!
            XCTAssertLessThan(cells, 3_000, "far fewer cells than rows")
            XCTAssertGreaterThan(cells, 10)
            XCTAssertFalse(streamed.stderr.contains("grouped by the server"), "text dates stream: \(streamed.stderr)")
            XCTAssertEqual(grouped.svg, file.svg, "cells from the server draw the file's map \(filters)")
            XCTAssertEqual(streamed.svg, file.svg)
            XCTAssertTrue(file.svg.contains("data-count="))
        }
        // With the ids a primary key, their uniqueness is the key's (no grouping by id): the same
        // map. Two ids the key tells apart but the tool reads as one ("x" and "x ") are still found.
        let keyed = tableName("keyed")
        try pg.psql("incidents", "CREATE TABLE \(keyed) AS SELECT * FROM \(typed)")
        try pg.psql("incidents", "ALTER TABLE \(keyed) ADD PRIMARY KEY (event_id_cnty)")
        let keyedMap = try map(["--db", pg.url(), "--table", keyed], "keyed")
        XCTAssertTrue(keyedMap.stderr.contains("grouped by the server"), keyedMap.stderr)
        XCTAssertEqual(keyedMap.svg, try map([csv.path], "file-again").svg, "a keyed table draws the file's map")
        try pg.psql("incidents", """
            UPDATE \(keyed) SET event_id_cnty = (SELECT min(event_id_cnty) FROM \(keyed)) || ' '
            WHERE event_id_cnty = (SELECT max(event_id_cnty) FROM \(keyed))
            """)
        let padded = try incidentmap(["render", "--db", pg.url(), "--table", keyed, "--svg", "-o", tmp.appendingPathComponent("padded.svg").path])
        XCTAssertNotEqual(padded.status, 0)
        XCTAssertTrue(padded.stderr.contains("duplicate id"), padded.stderr)
        // A geometry column in another CRS, filtered by box: the same cells.
        let projected = tableName("geom")
        try pg.psql("incidents", """
            CREATE TABLE \(projected) AS SELECT event_id_cnty, event_date, event_type, sub_event_type, location, fatalities, source,
              ST_Transform(ST_SetSRID(ST_MakePoint(longitude, latitude), 4326), 3857) AS geom FROM \(typed)
            """)
        let boxed = try map(["--db", pg.url(), "--table", projected, "--bbox=60,25,66,30"], "geom")
        XCTAssertTrue(boxed.stderr.contains("grouped by the server"), boxed.stderr)
        let fileBoxed = try map([csv.path, "--bbox=60,25,66,30"], "fileboxed")
        func cells(_ svg: String) -> [String] {
            svg.split(separator: "\n").filter { $0.contains("<g class=\"im-incident") }.map(String.init)
        }
        XCTAssertEqual(cells(boxed.svg).count, cells(fileBoxed.svg).count)
        // A row the tool would refuse: the rows stream instead, and the problem names its row.
        try pg.psql("incidents", "UPDATE \(typed) SET fatalities = -3 WHERE event_id_cnty = (SELECT min(event_id_cnty) FROM \(typed))")
        let bad = try incidentmap(["render", "--db", pg.url(), "--table", typed, "--svg", "-o", tmp.appendingPathComponent("bad.svg").path])
        XCTAssertEqual(bad.status, 65, bad.stderr)
        XCTAssertTrue(bad.stderr.contains("fatalities: expected a whole number ≥ 0, got \"-3\""), bad.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: tmp.appendingPathComponent("bad.svg").path))
        // An id used twice: streamed, and reported as a file's would be.
        try pg.psql("incidents", "UPDATE \(typed) SET fatalities = 0 WHERE fatalities < 0; INSERT INTO \(typed) SELECT * FROM \(typed) LIMIT 1")
        let twice = try incidentmap(["render", "--db", pg.url(), "--table", typed, "--svg", "-o", tmp.appendingPathComponent("twice.svg").path])
        XCTAssertEqual(twice.status, 65, twice.stderr)
        XCTAssertTrue(twice.stderr.contains("duplicate id"), twice.stderr)
    }
}
