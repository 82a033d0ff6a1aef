import ArgumentParser
import Database
import Foundation
import Pipeline
import Rendering

extension InputFormat: ExpressibleByArgument {}
extension MapTheme: ExpressibleByArgument {}

/// Options shared by `render`, `check` and `report`: what to read, how to place it, what to keep.
struct InputOptions: ParsableArguments {
    @Argument(help: "Incident files: YAML, CSV (ACLED exports and others) or GeoJSON. None: the bundled January 2024 example.")
    var inputs: [String] = []

    @Option(name: .customLong("input-format"), help: "Input format (yaml, csv, geojson) when the extension and content do not tell.")
    var format: InputFormat?

    @Option(help: ArgumentHelp("Read the incidents from PostgreSQL instead of files: a URL (postgresql://user@host:5432/db) or a key=value string; \"\" takes the PG* variables and ~/.pgpass. With --table or --sql.", valueName: "url"))
    var db: String?

    @Option(help: ArgumentHelp("With --db: the table (name or schema.name) whose rows are the incidents, read as CSV columns are (event_date, latitude, … or a PostGIS geometry column).", valueName: "name"))
    var table: String?

    @Option(help: ArgumentHelp("With --db: a SELECT whose rows are the incidents, run in a read-only transaction.", valueName: "query"))
    var sql: String?

    @Option(help: "Extra gazetteer entries (CSV, TSV or YAML with name, latitude, longitude, …). Repeatable.")
    var gazetteer: [String] = []

    @Flag(help: "Accept the best candidate when a place name is ambiguous or only loosely matched (recorded in the output).")
    var acceptBest = false

    @Option(help: "Keep incidents in this country (ISO code or name; repeatable). One country is also the context for place names.")
    var country: [String] = []

    @Option(help: "Province context for every place name.")
    var admin1: String?

    @Option(help: "Keep incidents on or after this date (2024-01-16, 16 January 2024, 2024-01).")
    var from: String?

    @Option(help: "Keep incidents on or before this date.")
    var to: String?

    @Option(help: "Keep incidents inside W,S,E,N (degrees), e.g. 60,24,67,31.")
    var bbox: String?

    func validate() throws {
        if db == nil && (table != nil || sql != nil) { throw ValidationError("--\(table != nil ? "table" : "sql") reads from a database: give --db URL too") }
        if db != nil {
            if table != nil && sql != nil { throw ValidationError("--db takes --table or --sql, not both") }
            if table == nil && sql == nil { throw ValidationError("--db needs --table NAME or --sql \"SELECT …\"") }
            if !inputs.isEmpty { throw ValidationError("--db reads the incidents from the database; give incident files or --db, not both") }
            if format != nil { throw ValidationError("--input-format is for files; a database's rows are read as CSV columns are") }
        }
        do { _ = try filter() } catch let e as FilterError { throw ValidationError(e.message) }
    }

    /// The filter these options describe.
    func filter() throws -> IncidentFilter {
        var f = IncidentFilter()
        if let from { f.from = try IncidentFilter.day(from, option: "--from") }
        if let to { f.to = try IncidentFilter.day(to, option: "--to") }
        if let bbox { f.bbox = try IncidentFilter.bbox(bbox) }
        f.countries = Set(country)
        if let a = f.from, let b = f.to, b < a { throw FilterError(message: "--to (\(b)) is before --from (\(a))") }
        return f
    }

    /// Copies these options into a request.
    func apply(to request: inout RenderRequest) throws {
        request.inputs = inputs
        if let db { request.database = DatabaseSource(url: db.isEmpty ? nil : db, table: table, sql: sql) }
        request.format = format
        request.gazetteerOverlays = gazetteer
        request.acceptAmbiguous = acceptBest
        request.admin1 = admin1
        request.filter = try filter()
    }
}

/// The command line as the SVG's metadata records it: paths cut to file names (the same input
/// and options give the same bytes wherever the files live) and the password of a `--db`
/// connection string replaced by `***`.
func recordedCommandLine() -> String {
    var out = ["incidentmap"]
    var afterDB = false
    for arg in CommandLine.arguments.dropFirst() {
        var a = arg
        if afterDB {
            a = Connection.redacted(arg)
        } else if arg.hasPrefix("--db=") {
            a = "--db=" + Connection.redacted(String(arg.dropFirst(5)))
        } else if arg.contains("/") && !arg.hasPrefix("+") {
            a = URL(fileURLWithPath: arg).lastPathComponent
        }
        afterDB = arg == "--db"
        out.append(a.contains(" ") ? "'\(a)'" : a)
    }
    return out.joined(separator: " ")
}
