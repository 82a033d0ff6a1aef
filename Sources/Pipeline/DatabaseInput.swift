import Database
import Foundation
import Geometry
import Incidents

/// Incidents read from PostgreSQL: a table or a query (`--db URL --table NAME | --sql "SELECT …"`).
public struct DatabaseSource: Sendable, Equatable {
    /// The server (URL or key=value string); nil: libpq's `PG*` variables and `~/.pgpass`.
    public var url: String?
    /// The table (`name` or `schema.name`, quoted as SQL).
    public var table: String?
    /// A query whose rows are the incidents, run in a read-only transaction.
    public var sql: String?

    /// How messages name the source before the server has said which table it is ("table
    /// incidents", "query"); never the server, whose URL may hold a password.
    var name: String { table.map { "table \($0)" } ?? "query" }

    public init(url: String?, table: String?, sql: String?) {
        self.url = url
        self.table = table
        self.sql = sql
    }
}

/// The statement that reads a source's incidents, and how its rows are read.
struct PlannedQuery {
    /// One SELECT: every column under the name the CSV rules read, coordinates from a geometry
    /// column when there are no latitude and longitude columns, the filters the columns allow.
    var query: String
    /// The source as messages name it ("table public.incidents", "query").
    var source: String
    /// The rows' reader (its column names are the query's).
    var reader: TableRowReader
    /// The query's column names and types (pg_type oids), in order.
    var columns: [String]
    var types: [UInt32]
    /// The filters, as conditions on the query's own columns, when they can all be done exactly in
    /// SQL (a `date` column, numeric coordinates); nil when one cannot.
    var exactFilter: [String]?
    /// Whether the id column is a table column that a unique index of its own covers (a primary key,
    /// as `load` makes): no two rows have the same id as stored.
    var idIsUnique = false
}

enum DatabaseInput {
    /// Column names tried first for the geometry, when a table has several.
    static let geometryNames = ["geom", "geometry", "the_geom", "wkb_geometry", "location", "point", "shape"]

    // Built-in pg_type oids (stable across PostgreSQL versions).
    static let dateTypes: Set<UInt32> = [1082]
    static let timestampTypes: Set<UInt32> = [1114, 1184]
    static let numberTypes: Set<UInt32> = [20, 21, 23, 700, 701, 1700]

    /// Plans the query of `source` with the pre-filters `filter` allows.
    static func plan(_ connection: Connection, _ source: DatabaseSource, filter: IncidentFilter) throws -> PlannedQuery {
        var from: String, name: String, idPrefix: String
        var table: (schema: String, name: String, kind: String)?
        if let t = source.table {
            let tn = try TableName(parsing: t)
            let found = try connection.execute("""
                SELECT n.nspname, c.relname, c.relkind::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.oid = to_regclass($1)
                """, [tn.sql])
            guard found.rows == 1, let schema = found.value(0, 0), let rel = found.value(0, 1) else {
                throw DatabaseError("\(connection.display): table \(tn.display) does not exist (or this role cannot see it)")
            }
            table = (schema, rel, found.value(0, 2) ?? "r")
            from = tn.sql
            name = "table \(schema).\(rel)"
            idPrefix = rel
        } else if let sql = source.sql {
            var text = sql.trimmingCharacters(in: .whitespacesAndNewlines)
            while text.hasSuffix(";") { text = String(text.dropLast()).trimmingCharacters(in: .whitespacesAndNewlines) }
            guard !text.isEmpty else { throw DatabaseError("--sql: the query is empty") }
            // Only a query can be read from (the server refuses the rest anyway, in words that
            // would be about the subquery it is wrapped in).
            let first = text.replacingOccurrences(of: #"^(\s|--[^\n]*\n|/\*.*?\*/)*"#, with: "", options: .regularExpression)
                .prefix { $0.isLetter }.lowercased()
            guard ["select", "with", "values", "table"].contains(first) else {
                throw DatabaseError("--sql: expected one SELECT (or WITH … SELECT, VALUES, TABLE), got \(first.isEmpty ? "something else" : first.uppercased())")
            }
            from = "(\n\(text)\n) AS incidentmap_query"
            name = "query"
            idPrefix = "query"
        } else {
            throw DatabaseError("--db needs --table NAME or --sql \"SELECT …\"")
        }

        // The columns and their types, from a run of the query that returns no rows (read-only).
        try connection.execute("BEGIN TRANSACTION READ ONLY")
        let described: QueryResult
        do {
            described = try connection.execute("SELECT * FROM \(from) LIMIT 0")
            try connection.execute("ROLLBACK")
        } catch let e as DatabaseError {
            _ = try? connection.execute("ROLLBACK")
            throw DatabaseError("\(name): \(e.message)")
        }
        let names = (0..<described.columns).map { described.name($0) }
        let types = (0..<described.columns).map { described.type($0) }
        let spatial = try spatialTypes(connection)

        // Coordinates from a geometry column when no latitude/longitude columns are there.
        let plain = TableRowReader(columns: names, source: name, idPrefix: idPrefix)
        var geometry: Int?
        if plain.column(for: "latitude") == nil && plain.column(for: "longitude") == nil {
            let candidates = names.indices.filter { spatial[types[$0]] != nil }
            geometry = geometryNames.lazy.compactMap { g in candidates.first { names[$0].lowercased() == g } }.first ?? candidates.first
        }
        func column(_ c: Int) -> String { (source.sql != nil ? "incidentmap_query." : "") + Connection.quoted(names[c]) }

        var outNames: [String] = [], exprs: [String] = [], outSources: [Int?] = []
        for c in names.indices {
            if c == geometry {
                let g = spatial[types[c]] == "geography" ? "\(column(c))::geometry" : column(c)
                // The rules of a GeoJSON file's features (`AreaPlacement`): a line's middle, else a
                // point on the surface.
                let point = "ST_Transform(CASE WHEN GeometryType(\(g)) = 'LINESTRING' THEN ST_LineInterpolatePoint(\(g), 0.5) ELSE ST_PointOnSurface(\(g)) END, 4326)"
                outNames += ["latitude", "longitude"]
                exprs += ["ST_Y(\(point))", "ST_X(\(point))"]
                outSources += [nil, nil]
            } else if spatial[types[c]] != nil {
                continue  // another geometry: its hex would only bloat the extra columns
            } else {
                outNames.append(names[c])
                exprs.append(column(c))
                outSources.append(c)
            }
        }
        let jsonTypes: Set<UInt32> = [114, 3802]  // json, jsonb
        let reader = TableRowReader(columns: outNames, source: name, idPrefix: idPrefix,
                                    jsonColumns: Set(outSources.indices.filter { outSources[$0].map { jsonTypes.contains(types[$0]) } ?? false }))
        if !reader.problems.isEmpty { throw InputErrors(reader.problems) }

        // A timestamp is read as its day (in UTC).
        if let d = reader.column(for: "date"), let c = outSources[d], timestampTypes.contains(types[c]) {
            exprs[d] = "(\(exprs[d]))::date"
        }

        var conditions: [String] = []
        if let d = reader.column(for: "date"), let c = outSources[d], dateTypes.contains(types[c]) || timestampTypes.contains(types[c]) {
            conditions += days(timestampTypes.contains(types[c]) ? "(\(column(c)))::date" : column(c), filter)
        }
        if let b = filter.bbox {
            let env = "ST_MakeEnvelope(\(b.minX), \(b.minY), \(b.maxX), \(b.maxY), 4326)"
            if let g = geometry {
                if let t = table, spatial[types[g]] == "geometry", let srid = try geometrySRID(connection, t.schema, t.name, names[g]), srid > 0 {
                    // The box, densified so that its edges stay edges in the table's CRS; its
                    // bounding box is a superset the spatial index answers.
                    let box = srid == 4326 ? env : "ST_Transform(ST_Segmentize(\(env), 0.25), \(srid))"
                    conditions.append("\(column(g)) && \(box)")
                }
            } else if let la = reader.column(for: "latitude"), let lo = reader.column(for: "longitude"),
                      let lc = outSources[la], let oc = outSources[lo], numberTypes.contains(types[lc]), numberTypes.contains(types[oc]) {
                conditions.append(inside(b, lat: column(lc), lon: column(oc)))
            }
        }

        var query = "SELECT " + zip(exprs, outNames).map { "\($0) AS \(Connection.quoted($1))" }.joined(separator: ", ") + " FROM \(from)"
        if !conditions.isEmpty { query += " WHERE " + conditions.joined(separator: " AND ") }
        // A table's rows come in their stored order (a sequential or bitmap scan, with
        // synchronized scans off: see `Cursor`), as a file's come in its order: a table copied
        // from a CSV file gives the file's bytes, and the same table the same bytes. No ORDER BY:
        // sorting a large table would cost the server a sort the order does not need.

        // The types of the query's columns: a geometry gives two float8, a timestamp a date.
        var outTypes = outSources.map { $0.map { types[$0] } ?? 701 }
        if let d = reader.column(for: "date"), outSources[d].map({ timestampTypes.contains(types[$0]) }) == true { outTypes[d] = 1082 }
        var exact: [String]? = []
        if filter.from != nil || filter.to != nil {
            if let d = reader.column(for: "date"), dateTypes.contains(outTypes[d]) {
                exact! += days(Connection.quoted(outNames[d]), filter)
            } else { exact = nil }
        }
        if let b = filter.bbox {
            if let la = reader.column(for: "latitude"), let lo = reader.column(for: "longitude"),
               numberTypes.contains(outTypes[la]), numberTypes.contains(outTypes[lo]) {
                exact?.append(inside(b, lat: Connection.quoted(outNames[la]), lon: Connection.quoted(outNames[lo])))
            } else { exact = nil }
        }
        if !filter.countries.isEmpty { exact = nil }  // decided by the country polygons
        var planned = PlannedQuery(query: query, source: name, reader: reader, columns: outNames, types: outTypes, exactFilter: exact)
        if let t = table, ["r", "p"].contains(t.kind), let i = reader.column(for: "id"), let c = outSources[i] {
            let unique = try connection.execute("""
                SELECT EXISTS (SELECT 1 FROM pg_index x JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = x.indkey[0]
                               WHERE x.indrelid = to_regclass($1) AND x.indisunique AND x.indnkeyatts = 1
                                 AND x.indpred IS NULL AND x.indexprs IS NULL AND a.attname = $2)
                """, [Connection.quoted(t.schema) + "." + Connection.quoted(t.name), names[c]])
            planned.idIsUnique = unique.value(0, 0) == "t"
        }
        return planned
    }

    /// `--from`/`--to` as conditions on the day `day` (an SQL date).
    static func days(_ day: String, _ filter: IncidentFilter) -> [String] {
        (filter.from.map { ["\(day) >= DATE '\($0)'"] } ?? []) + (filter.to.map { ["\(day) <= DATE '\($0)'"] } ?? [])
    }

    /// `--bbox` as a condition on numeric latitude and longitude (inclusive, as `BoundingBox.contains`).
    static func inside(_ b: BoundingBox, lat: String, lon: String) -> String {
        "\(lat) BETWEEN \(b.minY) AND \(b.maxY) AND \(lon) BETWEEN \(b.minX) AND \(b.maxX)"
    }

    /// The oids of PostGIS's geometry and geography types in this database (none without PostGIS).
    static func spatialTypes(_ connection: Connection) throws -> [UInt32: String] {
        let r = try connection.execute("SELECT oid::text, typname::text FROM pg_type WHERE typname IN ('geometry', 'geography')")
        var out: [UInt32: String] = [:]
        for i in 0..<r.rows { if let o = r.value(i, 0).flatMap({ UInt32($0) }), let n = r.value(i, 1) { out[o] = n } }
        return out
    }

    /// The SRID a table's geometry column declares (nil when it declares none).
    static func geometrySRID(_ connection: Connection, _ schema: String, _ table: String, _ column: String) throws -> Int? {
        let r = try connection.execute("""
            SELECT srid FROM geometry_columns WHERE f_table_schema = $1 AND f_table_name = $2 AND f_geometry_column = $3
            """, [schema, table, column])
        return r.rows == 1 ? r.value(0, 0).flatMap { Int($0) } : nil
    }
}
