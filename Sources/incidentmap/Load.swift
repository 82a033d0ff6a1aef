import ArgumentParser
import Database
import Foundation
import Incidents
import Pipeline

extension IncidentMapCommand {
    struct Load: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Store resolved incidents in a PostGIS table: placed and measured as for the incidents layer, upserted by id.",
            discussion: """
            Creates the table when it is missing (geom geometry(Point, 4326) with a GiST index, id as
            primary key, claims, sources and resolution as jsonb). Loading the same file twice adds
            nothing; a row whose incident changed is updated. Everything happens in one transaction:
            a problem in any input leaves the table as it was.
              incidentmap load acled.csv --db postgresql://me@localhost/osint --table incidents
              PGHOST=db.example PGUSER=me incidentmap load a.yaml b.csv --db "" --table public.strikes
            """
        )

        @Argument(help: "Incident files: YAML, CSV (ACLED exports and others) or GeoJSON.")
        var inputs: [String]

        @Option(help: ArgumentHelp("The server: a URL (postgresql://user@host:5432/db) or a key=value string; \"\" takes the PG* variables and ~/.pgpass.", valueName: "url"))
        var db: String

        @Option(help: ArgumentHelp("The table to write (name or schema.name); created when missing.", valueName: "name"))
        var table: String

        @Option(name: .customLong("input-format"), help: "Input format (yaml, csv, geojson) when the extension and content do not tell.")
        var format: InputFormat?

        @Option(help: "Extra gazetteer entries (CSV, TSV or YAML with name, latitude, longitude, …). Repeatable.")
        var gazetteer: [String] = []

        @Flag(help: "Accept the best candidate when a place name is ambiguous or only loosely matched (recorded in the output).")
        var acceptBest = false

        @Option(help: "Province context for every place name.")
        var admin1: String?

        func validate() throws {
            if inputs.isEmpty { throw ValidationError("load needs at least one incident file") }
        }

        func run() throws {
            var request = RenderRequest()
            request.inputs = inputs
            request.format = format
            request.gazetteerOverlays = gazetteer
            request.acceptAmbiguous = acceptBest
            request.admin1 = admin1
            do {
                let result = try LoadJob.run(request, url: db.isEmpty ? nil : db, table: table)
                printWarnings(result.warnings)
                let rate = result.seconds > 0 ? Int((Double(result.sent) / result.seconds).rounded()) : 0
                print("\(result.table) on \(result.server): \(result.sent) incident\(result.sent == 1 ? "" : "s") sent; "
                      + "\(result.inserted) new, \(result.updated) updated, \(result.unchanged) unchanged "
                      + "(\(String(format: "%.1f", result.seconds)) s, \(rate) rows/s)")
            } catch {
                throw report(error)
            }
        }
    }
}
