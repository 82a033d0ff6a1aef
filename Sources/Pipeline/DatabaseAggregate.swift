import Database
import Foundation
import Gazetteer
import Geometry
import Incidents

/// The aggregated map of a large table with the grouping done by the server: the rows of each
/// grid cell (the renderer's cells, from the rows' extent) counted by kind, with their summed
/// coordinates and tolls, so that a million rows send thousands of cells. The cells are those the
/// same rows from a file give; the map is the same but for what only single rows tell (the
/// warnings of a declared country that differs from the point's, and the country of an incident
/// whose cell's centre of mass lies in another country).
///
/// The server groups only rows it can vouch for as the tool would read them: coordinates in
/// numeric columns (or a geometry), a `date` date column, whole tolls, ids present and unique,
/// precision values the tool knows, and filters it can apply exactly. Anything else (a name to
/// place, a value the tool would refuse) and the rows stream instead, so that every problem is
/// reported as from a file.
enum DatabaseAggregate {
    /// What the server says of the rows before grouping them.
    struct Summary {
        var count: Int
        var bounds: BoundingBox
        var first: CalendarDate, last: CalendarDate
    }

    /// The aggregated map's collector filled by the server, or nil when the rows must stream
    /// (they cannot be grouped by the server, or there are few enough to draw one by one).
    static func collect(_ source: DatabaseSource, filter: IncidentFilter, request: RenderRequest, gazetteer: Gazetteer) throws -> MapCollector? {
        let connection = try Connection(source.url)
        let planned: PlannedQuery
        do { planned = try DatabaseInput.plan(connection, source, filter: filter) } catch is InputErrors { return nil }
        guard let sql = grouping(planned) else { return nil }
        try connection.execute("BEGIN TRANSACTION READ ONLY")
        defer { _ = try? connection.execute("ROLLBACK") }
        do {
            guard let summary = try summarize(connection, sql, planned) else { return nil }
            if request.aggregate == .auto && summary.count <= MapCollector.detailLimit { return nil }
            let collector = MapCollector()
            let cells = try groups(connection, sql, size: RenderJob.cellSize(summary.bounds) / HexBins.fineCellsPerHexagon)
            // Whether every id is unique is asked on a connection of its own while the map is
            // drawn (on one core: the server's scan takes the other).
            let ids = IDCheck(url: source.url, sql, planned)
            var countries = Set<String>()
            for g in cells.cells { if let c = gazetteer.country(at: g.centre) { countries.insert(c.id) } }
            let outlets = try firstOutlets(connection, sql, planned)
            // Cells of another size (when the outliers are left out of the sizing) are asked for
            // again, on a connection of their own: this one is done when `collect` returns.
            let url = source.url
            collector.fill(count: summary.count, bounds: summary.bounds, first: summary.first, last: summary.last,
                           countries: countries, outlets: outlets, cells: cells, tollsGiven: sql.givesToll, idsUnique: ids.result) { size in
                let again = try Connection(url)
                try again.execute("BEGIN TRANSACTION READ ONLY")
                defer { _ = try? again.execute("ROLLBACK") }
                return try groups(again, sql, size: size)
            }
            return collector
        } catch let e as DatabaseError {
            throw DatabaseError("\(planned.source): \(e.message)")
        }
    }

    /// The expressions the grouping needs, over the planned query's rows (`r`), or nil when the
    /// server cannot read the rows exactly as the tool would.
    struct Grouping {
        var from: String
        var lat: String, lon: String, date: String, killed: String
        /// Whether the rows give a death toll (a fatalities column; `killed` is "0" without one).
        var givesToll: Bool { killed != "0" }
        /// The columns the kind is read from (kind, sub_event_type, event_type: the first not blank).
        var kindColumns: [String]
        var checks: [String]
        var id: String?
        /// The id column as stored (as text), beside `id` (trimmed).
        var rawID: String?
        var source: String?
    }

    static func grouping(_ p: PlannedQuery) -> Grouping? {
        let r = p.reader
        guard let exact = p.exactFilter, let la = r.column(for: "latitude"), let lo = r.column(for: "longitude"),
              DatabaseInput.numberTypes.contains(p.types[la]), DatabaseInput.numberTypes.contains(p.types[lo]),
              let d = r.column(for: "date"), DatabaseInput.dateTypes.contains(p.types[d]) else { return nil }
        func col(_ i: Int) -> String { "r." + Connection.quoted(p.columns[i]) }
        func trimmed(_ i: Int) -> String { "NULLIF(btrim(\(col(i))::text, E' \\t\\r\\n'), '')" }
        let lat = col(la) + "::float8", lon = col(lo) + "::float8"
        var checks = ["\(col(la)) IS NULL OR \(col(lo)) IS NULL OR NOT (\(lat) BETWEEN -90 AND 90) OR NOT (\(lon) BETWEEN -180 AND 180)",
                      "\(col(d)) IS NULL"]
        // Kind as the CSV rules take it: kind, else sub_event_type, else event_type.
        let kinds = ["kind", "sub_event_type", "event_type"].compactMap { r.column(for: $0) }.map(col)
        var killed = "0"
        // An integer column is checked as a number (a regular expression over its text cost a
        // second per million rows); any other as the CSV rules read its text.
        let integers: Set<UInt32> = [20, 21, 23]
        if let f = r.column(for: "fatalities") {
            if integers.contains(p.types[f]) {
                checks.append("\(col(f)) < 0 OR \(col(f)) >= 1000000000000000")
                killed = "COALESCE(\(col(f))::bigint, 0)"
            } else {
                let t = trimmed(f)
                checks.append("\(t) IS NOT NULL AND \(t) !~ '^[0-9]{1,15}$'")
                killed = "COALESCE(\(t)::bigint, 0)"
            }
        }
        var id: String?, rawID: String?
        if let i = r.column(for: "id") {
            checks.append("\(trimmed(i)) IS NULL")
            id = trimmed(i)
            rawID = col(i) + "::text"
        }
        if let g = r.column(for: "geo_precision") {
            checks.append(integers.contains(p.types[g]) ? "\(col(g)) NOT IN (1, 2, 3)" : "\(trimmed(g)) NOT IN ('1', '2', '3')")
        }
        if let l = r.column(for: "location_precision") {
            let known = LocationPrecision.writtenNames.map { "'\($0)'" }.joined(separator: ", ")
            checks.append("lower(\(trimmed(l))) NOT IN (\(known))")
        }
        let source = r.column(for: "source").flatMap { [114, 3802].contains(p.types[$0]) ? nil : trimmed($0) }  // not json
        // The exact filters name the query's columns, which are r's.
        let from = "(\(p.query)) AS r" + (exact.isEmpty ? "" : " WHERE " + exact.map { "(\($0))" }.joined(separator: " AND "))
        return Grouping(from: from, lat: lat, lon: lon, date: col(d), killed: killed, kindColumns: kinds, checks: checks, id: id, rawID: rawID, source: source)
    }

    /// The rows' count, extent and dates; nil when a row would be a problem (the rows then
    /// stream, and the problem is reported with its row).
    static func summarize(_ connection: Connection, _ g: Grouping, _ p: PlannedQuery) throws -> Summary? {
        let bad = g.checks.map { "count(*) FILTER (WHERE \($0))" }.joined(separator: " + ")
        let r = try connection.execute("""
            SELECT count(*), \(bad), min(\(g.lon)), max(\(g.lon)), min(\(g.lat)), max(\(g.lat)), min(\(g.date))::text, max(\(g.date))::text
            FROM \(g.from)
            """)
        guard r.rows == 1, let n = r.value(0, 0).flatMap({ Int($0) }), n > 0, r.value(0, 1) == "0",
              let w = r.value(0, 2).flatMap(Double.init), let e = r.value(0, 3).flatMap(Double.init),
              let s = r.value(0, 4).flatMap(Double.init), let nn = r.value(0, 5).flatMap(Double.init),
              case .success(let first)? = r.value(0, 6).map(DateParsing.parse), case .success(let last)? = r.value(0, 7).map(DateParsing.parse) else { return nil }
        return Summary(count: n, bounds: BoundingBox(minX: w, minY: s, maxX: e, maxY: nn), first: first.start, last: last.end)
    }

    /// Whether the rows' ids are unique as the tool reads them (trimmed), asked on a connection of
    /// its own while the caller goes on: the server scans the rows on a core the drawing leaves
    /// free. A table whose id column has its own unique index only needs ids that would collide once
    /// trimmed looked for.
    final class IDCheck: @unchecked Sendable {
        // Safe: `answer` is written once on the checking queue before `done` is signalled, and read
        // only after waiting for it.
        private var answer: Result<Bool, Error> = .success(true)
        private let done = DispatchGroup()

        private let source: String

        init(url: String?, _ g: Grouping, _ p: PlannedQuery) {
            source = p.source
            guard let id = g.id else { return }
            let sql = p.idIsUnique && g.rawID != nil
                ? "SELECT NOT EXISTS (SELECT 1 FROM \(g.from) WHERE \(g.rawID!) <> \(id))"
                : "SELECT NOT EXISTS (SELECT 1 FROM \(g.from) GROUP BY \(id) HAVING count(*) > 1)"
            done.enter()
            DispatchQueue.global().async { [self] in
                defer { done.leave() }
                answer = Result {
                    let connection = try Connection(url)
                    try connection.execute("BEGIN TRANSACTION READ ONLY")
                    defer { _ = try? connection.execute("ROLLBACK") }
                    // One process: the drawing has the client's other core.
                    try connection.execute("SET LOCAL max_parallel_workers_per_gather = 0")
                    return try connection.execute(sql).value(0, 0) == "t"
                }
            }
        }

        /// Waits for the server's answer: true when no two rows share an id.
        func result() throws -> Bool {
            done.wait()
            do { return try answer.get() } catch let e as DatabaseError { throw DatabaseError("\(source): \(e.message)") }
        }
    }

    /// The rows grouped by grid cell of `size` degrees (the renderer's `cellKey`) and kind.
    static func groups(_ connection: Connection, _ g: Grouping, size: Double) throws -> ServerCells {
        let kind = "COALESCE(" + (g.kindColumns.map { "NULLIF(btrim(\($0)::text, E' \\t\\r\\n'), '')" } + ["'unspecified'"]).joined(separator: ", ") + ")"
        var out = ServerCells(size: size, cells: [])
        var categories: [String: IncidentCategory] = [:]
        // Row by row: a uniform million rows make a few hundred thousand cells, which held as one
        // result took 40 MB more than the cells themselves.
        // In binary: the client then keeps up with the server without parsing numbers from text.
        try connection.forEachRow("""
            SELECT floor(\(g.lon) / \(size))::bigint, floor(\(g.lat) / \(size))::bigint, \(kind), count(*), sum(\(g.lon)), sum(\(g.lat)), sum(\(g.killed))::bigint
            FROM \(g.from) GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            """, binary: true) { r in
            guard let cx = r.int64(0, 0), let cy = r.int64(0, 1), let n = r.int64(0, 3), let sx = r.float64(0, 4), let sy = r.float64(0, 5) else { return }
            let kind = String(decoding: r.bytes(0, 2), as: UTF8.self)
            let category = categories[kind] ?? IncidentCategory(kind: kind)
            categories[kind] = category
            out.cells.append(ServerCell(key: RenderJob.cellKey(column: cx, row: cy), category: category, count: Int(n), sumLon: sx, sumLat: sy,
                                        killed: Int(r.int64(0, 6) ?? 0)))
        }
        return out
    }

    /// The first 50 outlets of the rows' sources, in the rows' order (as a file's are taken).
    static func firstOutlets(_ connection: Connection, _ g: Grouping, _ p: PlannedQuery) throws -> [String] {
        guard let source = g.source else { return [] }
        // The rows' order is the one a scan from the table's first page gives (as the cursor reads
        // them): not a parallel scan's, nor one joining another scan midway, which differ from run to run.
        try connection.execute("SET LOCAL max_parallel_workers_per_gather = 0")
        try connection.execute("SET LOCAL synchronize_seqscans = off")
        let r = try connection.execute("SELECT \(source) FROM \(g.from) LIMIT 5000")
        var outlets: [String] = []
        for i in 0..<r.rows where outlets.count < 50 {
            for o in TableRowReader.outlets(r.value(i, 0) ?? "") where !outlets.contains(o) && outlets.count < 50 { outlets.append(o) }
        }
        return outlets
    }
}

/// One grid cell and kind as the server counted it.
struct ServerCell: Sendable {
    /// The renderer's `cellKey` of the cell.
    var key: Int64
    var category: IncidentCategory
    var count: Int
    var sumLon: Double, sumLat: Double
    var killed: Int
    var centre: LonLat { LonLat(lon: sumLon / Double(count), lat: sumLat / Double(count)) }
}

/// The cells of one grid size.
struct ServerCells: Sendable {
    var size: Double
    var cells: [ServerCell]
}
