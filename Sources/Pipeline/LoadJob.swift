import Database
import Foundation
import Geometry
import Incidents
import Rendering

/// What `incidentmap load` did.
public struct LoadResult: Sendable {
    /// The table, as messages name it (`public.incidents`), and the server.
    public var table: String, server: String
    /// Incidents sent to the server, and of those: new rows, rows changed, rows already as sent.
    public var sent = 0, inserted = 0, updated = 0
    public var unchanged: Int { sent - inserted - updated }
    /// Seconds from connecting to the commit.
    public var seconds = 0.0
    /// Warnings of the incidents.
    public var warnings: [InputProblem] = []
    /// One summary per input.
    public var summaries: [InputSummary] = []
}

/// Stores resolved incidents in a PostGIS table: every incident placed and measured as for the
/// incidents layer, copied (`COPY … FROM STDIN`) into a temporary table, then upserted by id in
/// the same transaction. A problem in any input, a failed copy or a failed upsert rolls the
/// transaction back: the table is as it was.
public enum LoadJob {
    /// The columns of a table `load` creates, in order, with their types.
    public static let columns: [(name: String, type: String)] = [
        ("id", "text NOT NULL PRIMARY KEY"),
        ("date", "text NOT NULL"), ("date_start", "date NOT NULL"), ("date_end", "date NOT NULL"), ("date_precision", "text NOT NULL"),
        ("time", "text"), ("kind", "text NOT NULL"), ("actor", "text"), ("target", "text"), ("origin", "text"), ("place", "text"),
        ("country", "text"), ("country_declared", "text"), ("province", "text"), ("province_name", "text"),
        ("district", "text"), ("district_name", "text"), ("location_precision", "text NOT NULL"), ("uncertainty_km", "double precision"),
        ("border_distance_km", "double precision"), ("nearest_border", "text"),
        ("claims", "jsonb"), ("sources", "jsonb"), ("resolution", "jsonb"), ("warnings", "jsonb"), ("extra", "jsonb"),
        ("notes", "text"), ("input", "text"), ("geom", "geometry(Point, 4326) NOT NULL"),
    ]

    /// Loads the incidents `request` reads into `table` on the server `url` names (nil: `PG*`).
    public static func run(_ request: RenderRequest, url: String?, table tableText: String) throws -> LoadResult {
        let started = Date()
        let table = try TableName(parsing: tableText)
        // The server first: a dead server or a wrong password fails before any input is read.
        let connection = try Connection(url)
        guard try DatabaseInput.spatialTypes(connection).values.contains("geometry") else {
            throw DatabaseError("\(connection.display): PostGIS is not installed in this database (CREATE EXTENSION postgis; needs a superuser or the database owner)")
        }
        var result = LoadResult(table: table.display, server: connection.display)
        let stream = try IncidentStream(request, measuresDetail: true)
        let sink = CopySink()
        let encoder = LayerEncoder(names: ["copy"], writer: GeoJSONWriter(precision: request.precision),
                                   perIncident: LayerBuilder(gazetteer: stream.gazetteer, extent: BoundingBox(minX: -180, minY: -90, maxX: 180, maxY: 90)),
                                   custom: { r, out in CopyRow.append(r, to: &out) })

        try connection.execute("BEGIN")
        do {
            let names = columns.map { Connection.quoted($0.name) }.joined(separator: ", ")
            let definition = columns.map { "\(Connection.quoted($0.name)) \($0.type)" }.joined(separator: ", ")
            let unkeyed = definition.replacingOccurrences(of: " PRIMARY KEY", with: "")
            // A table this transaction creates takes the rows with COPY … FREEZE (written once, as
            // visible to all, nothing for VACUUM to revisit) and gets its primary key and spatial
            // index in one build each after them, rather than an index entry per row. An existing
            // empty table takes them straight from COPY (nothing to upsert against), its spatial
            // index built after; else they go through a temporary table and an upsert.
            let created = try connection.execute("SELECT to_regclass($1) IS NULL", [table.sql]).value(0, 0) == "t"
            if created {
                try connection.execute("CREATE TABLE \(table.sql) (\(unkeyed))")
            } else {
                try connection.execute("CREATE TABLE IF NOT EXISTS \(table.sql) (\(definition))")
            }
            let empty = try created || connection.execute("SELECT NOT EXISTS (SELECT 1 FROM \(table.sql))").value(0, 0) == "t"
            let index = Connection.quoted(String((table.name + "_geom_idx").utf8.prefix(63)) ?? "incidentmap_geom_idx")
            if !empty {
                try connection.execute("CREATE INDEX IF NOT EXISTS \(index) ON \(table.sql) USING gist (geom)")
                try connection.execute("CREATE TEMPORARY TABLE incidentmap_load (\(unkeyed)) ON COMMIT DROP")
            }
            var streamFailure: InputErrors?
            _ = try connection.copyIn("COPY \(empty ? table.sql : "incidentmap_load") (\(names)) FROM STDIN WITH (FORMAT binary\(created ? ", FREEZE" : ""))") { send in
                sink.send = send
                defer { sink.send = nil }
                try CopyRow.header.withUnsafeBytes { try send($0) }
                try stream.run(encoder: encoder, sinks: [sink])
                if let failure = stream.failure {
                    streamFailure = failure
                    throw failure
                }
                try CopyRow.trailer.withUnsafeBytes { try send($0) }
            }
            result.sent = sink.rows
            if let streamFailure { throw streamFailure }
            if empty {
                if created {
                    let key = Connection.quoted(String((table.name + "_pkey").utf8.prefix(63)) ?? "incidentmap_pkey")
                    try connection.execute("ALTER TABLE \(table.sql) ADD CONSTRAINT \(key) PRIMARY KEY (id)")
                }
                try connection.execute("CREATE INDEX IF NOT EXISTS \(index) ON \(table.sql) USING gist (geom)")
                result.inserted = sink.rows
            } else {
            // Upsert by id: a row already there is rewritten only when something differs, so a
            // second load of the same file changes nothing. Rows the table already holds as sent
            // are left out before the insert, which would otherwise lock each of them.
            let updates = columns.dropFirst().map { "\(Connection.quoted($0.name)) = EXCLUDED.\(Connection.quoted($0.name))" }.joined(separator: ", ")
            // The columns but the id, of the row `alias` names.
            func row(_ alias: String) -> String {
                columns.dropFirst().map { "\(alias).\(Connection.quoted($0.name))" }.joined(separator: ", ")
            }
            let (mine, theirs, held, sent) = (row("t"), row("EXCLUDED"), row("h"), row("l"))
            let counts = try connection.execute("""
                WITH written AS (
                  INSERT INTO \(table.sql) AS t (\(names)) SELECT \(names) FROM incidentmap_load l
                  WHERE NOT EXISTS (SELECT 1 FROM \(table.sql) h WHERE h.id = l.id AND (\(held)) IS NOT DISTINCT FROM (\(sent)))
                  ON CONFLICT (id) DO UPDATE SET \(updates) WHERE (\(mine)) IS DISTINCT FROM (\(theirs))
                  RETURNING (xmax = 0) AS inserted)
                SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM written
                """)
            result.inserted = counts.value(0, 0).flatMap { Int($0) } ?? 0
            result.updated = counts.value(0, 1).flatMap { Int($0) } ?? 0
            }
            try connection.execute("COMMIT")
        } catch {
            _ = try? connection.execute("ROLLBACK")
            if let e = error as? DatabaseError { throw DatabaseError("\(table.display): \(e.message)") }
            throw error
        }
        result.seconds = Date().timeIntervalSince(started)
        result.warnings = stream.shownWarnings
        result.summaries = stream.summaries
        return result
    }
}

/// Hands the COPY rows the encoding threads made to the server, in input order, a chunk at a time.
final class CopySink: IncidentSink, @unchecked Sendable {
    // Safe: used on the stream's delivering queue only (and by the calling thread after the run).
    var send: ((UnsafeRawBufferPointer) throws -> Void)?
    private(set) var rows = 0
    private var run = PieceRun()

    var wantsDetail: Bool { false }

    func consume(_ e: EncodedChunk, kept k: Int, pieces: Pieces, detailed: ResolvedIncident?) throws {
        guard let piece = pieces.get(0) else { return }
        rows += 1
        if let done = run.add(piece.range) { try write(done.range, e) }
    }

    func endChunk(_ e: EncodedChunk) throws {
        if let done = run.take() { try write(done.range, e) }
    }

    private func write(_ r: Range<Int>, _ e: EncodedChunk) throws {
        guard let send else { return }
        try e.buffers[0].withUnsafeBytes { try send(UnsafeRawBufferPointer(rebasing: $0[r])) }
    }
}

/// One incident as a row of PostgreSQL's binary COPY format, in `LoadJob.columns` order: each
/// value its length and its bytes, so the server parses no dates, numbers or points from text and
/// nothing is escaped (text is sent as it is; jsonb as its version byte and the JSON text).
enum CopyRow {
    /// What a binary COPY starts with: the signature, no flags, no header extension.
    static let header: [UInt8] = Array("PGCOPY\n".utf8) + [0xFF, 0x0D, 0x0A, 0x00] + [0, 0, 0, 0] + [0, 0, 0, 0]
    /// What it ends with: a row of -1 fields.
    static let trailer: [UInt8] = [0xFF, 0xFF]

    static func append(_ r: ResolvedIncident, to out: inout [UInt8]) {
        fields(r, r.incident, &out)
    }

    /// The row's fields; the incident is passed on its own so that it is read in place, not
    /// copied out of the resolved incident (a copy retains and releases each of its strings).
    private static func fields(_ r: ResolvedIncident, _ i: Incident, _ out: inout [UInt8]) {
        int16(Int16(LoadJob.columns.count), &out)
        text(i.id, &out)
        field(&out) { IncidentFeature.isoDigits(i.date, &$0) }
        date(i.date.start, &out)
        date(i.date.end, &out)
        text(i.date.precision.rawValue, &out)
        text(i.date.time, &out)
        text(i.kind, &out)
        text(i.actor, &out)
        text(i.target, &out)
        text(i.origin, &out)
        text(i.place.isEmpty ? nil : i.place, &out)
        text(r.country, &out)
        text(i.country, &out)
        text(r.province, &out)
        text(r.provinceName, &out)
        text(r.district, &out)
        text(r.districtName, &out)
        text(r.locationPrecisionName, &out)
        float8(r.uncertaintyKm, &out)
        float8(r.border.map { ($0.distanceKm * 10).rounded() / 10 }, &out)
        text(r.border?.borderID, &out)
        if i.claims.isEmpty { null(&out) } else { jsonb(&out) { IncidentFeature.claims(i.claims, &$0) } }
        if i.sources.isEmpty { null(&out) } else { jsonb(&out) { IncidentFeature.sources(i.sources, &$0) } }
        if let p = r.placing, let query = p.recordQuery { jsonb(&out) { IncidentFeature.appendResolution(p, query: query, place: i.place, &$0) } } else { null(&out) }
        if r.warnings.isEmpty { null(&out) } else {
            jsonb(&out) { o in
                o.append(UInt8(ascii: "["))
                for (k, w) in r.warnings.enumerated() {
                    if k > 0 { o.append(UInt8(ascii: ",")) }
                    JSONText.appendString(w.message, to: &o)
                }
                o.append(UInt8(ascii: "]"))
            }
        }
        // The extra columns but those that repeat a column of the row, as in the layer.
        let at = out.count
        var any = false
        jsonb(&out) { o in
            o.append(UInt8(ascii: "{"))
            for (key, value) in i.extra where !IncidentFeature.repeats(key, value, of: i) {
                if any { o.append(UInt8(ascii: ",")) }
                any = true
                JSONText.appendString(key, to: &o)
                o.append(UInt8(ascii: ":"))
                JSONText.append(value, to: &o)
            }
            o.append(UInt8(ascii: "}"))
        }
        if !any {
            out.removeSubrange(at...)
            null(&out)
        }
        text(i.notes, &out)
        field(&out) { o in
            JSONText.appendUTF8(i.location.file, to: &o)
            if i.location.line > 0 { o.append(UInt8(ascii: ":")); NumberFormat.appendInteger(UInt64(i.location.line), to: &o) }
        }
        point(r.point, &out)
    }

    @inline(__always) static func int16(_ v: Int16, _ out: inout [UInt8]) {
        withUnsafeBytes(of: v.bigEndian) { out.append(contentsOf: $0) }
    }

    @inline(__always) static func int32(_ v: Int32, _ out: inout [UInt8]) {
        withUnsafeBytes(of: v.bigEndian) { out.append(contentsOf: $0) }
    }

    /// NULL: a length of -1 and no bytes.
    @inline(__always) static func null(_ out: inout [UInt8]) { int32(-1, &out) }

    /// A field whose bytes `write` appends, after their length.
    @inline(__always) static func field(_ out: inout [UInt8], _ write: (inout [UInt8]) -> Void) {
        let at = out.count
        int32(0, &out)
        write(&out)
        withUnsafeBytes(of: Int32(out.count - at - 4).bigEndian) { out.replaceSubrange(at..<(at + 4), with: $0) }
    }

    /// A text value as its UTF-8 bytes; nil is NULL.
    static func text(_ s: String?, _ out: inout [UInt8]) {
        guard let s else { return null(&out) }
        int32(Int32(s.utf8.count), &out)
        JSONText.appendUTF8(s, to: &out)
    }

    /// PostgreSQL's day 0, 2000-01-01, as a `CivilDay` number.
    static let dateEpoch = CivilDay.number(year: 2000, month: 1, day: 1)

    /// A date: days since 2000-01-01.
    static func date(_ d: CalendarDate, _ out: inout [UInt8]) {
        int32(4, &out)
        int32(Int32(CivilDay.number(year: d.year, month: d.month, day: d.day) - dateEpoch), &out)
    }

    /// A double precision value (IEEE 754, big endian); nil is NULL.
    static func float8(_ v: Double?, _ out: inout [UInt8]) {
        guard let v else { return null(&out) }
        int32(8, &out)
        withUnsafeBytes(of: v.bitPattern.bigEndian) { out.append(contentsOf: $0) }
    }

    /// A jsonb value: its format version (1) and the JSON text `write` makes.
    @inline(__always) static func jsonb(_ out: inout [UInt8], _ write: (inout [UInt8]) -> Void) {
        field(&out) { o in
            o.append(1)
            write(&o)
        }
    }

    /// A point as EWKB with SRID 4326 (little endian), the binary form PostGIS receives.
    static func point(_ p: LonLat, _ out: inout [UInt8]) {
        int32(25, &out)
        out.append(contentsOf: [0x01, 0x01, 0x00, 0x00, 0x20, 0xE6, 0x10, 0x00, 0x00] as [UInt8])
        withUnsafeBytes(of: p.lon.bitPattern.littleEndian) { out.append(contentsOf: $0) }
        withUnsafeBytes(of: p.lat.bitPattern.littleEndian) { out.append(contentsOf: $0) }
    }
}
