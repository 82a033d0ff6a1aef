import ArgumentParser
import Database
import Foundation
import Gazetteer
import Incidents
import Pipeline
import Projection

/// `incidentmap`: maps of armed incidents from reports, as GeoJSON layers and SVG.
@main
struct IncidentMapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incidentmap",
        abstract: "Turn reports of armed incidents into GeoJSON layers and SVG maps.",
        subcommands: [Render.self, Check.self, Report.self, Geocode.self, Load.self],
        defaultSubcommand: nil
    )
}

/// Exit codes (sysexits.h): what kind of failure ended the run.
enum Exit {
    static let usage = ExitCode(64)       // EX_USAGE: a bad option value, such as a CRS PROJ rejects
    static let dataError = ExitCode(65)   // EX_DATAERR: an input file has problems
    static let noInput = ExitCode(66)     // EX_NOINPUT: bundled data or a file an option names missing
    static let unavailable = ExitCode(69) // EX_UNAVAILABLE: the database refused, failed or is unreachable
    static let cantCreate = ExitCode(73)  // EX_CANTCREAT: an output could not be written
}

/// Prints `error` to standard error as the user should see it and returns the exit code.
func report(_ error: Error) -> ExitCode {
    var stderr = StandardError()
    switch error {
    case let e as InputErrors:
        for p in e.problems { print("error: \(p)", to: &stderr) }
        let files = Set(e.problems.map(\.file)).count
        print("\(e.problems.count) problem\(e.problems.count == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s"); nothing was written", to: &stderr)
        return Exit.dataError
    case let e as ProjectionError:
        print("error: --crs: \(e)", to: &stderr)
        return Exit.usage
    case let e as OptionFileError:
        print("error: \(e)", to: &stderr)
        return Exit.noInput
    case let e as OutputError:
        print("error: \(e)", to: &stderr)
        return Exit.cantCreate
    case let e as FilterError:
        print("error: \(e)", to: &stderr)
        return e.isUsage ? Exit.usage : Exit.dataError
    case let e as DatabaseError:
        print("error: database: \(e)", to: &stderr)
        return Exit.unavailable
    case let e as WorldviewError:
        print("error: \(e)", to: &stderr)
        return Exit.usage
    case let e as GazetteerDataError:
        print("error: gazetteer: \(e)", to: &stderr)
        return Exit.noInput
    default:
        print("error: \(error)", to: &stderr)
        return ExitCode.failure
    }
}

/// Prints warnings to standard error, the same way in every command: a long list is summed up
/// after the first hundred, with where to find them all: the incidents layer when the run wrote
/// one (`layers`), else how to write it.
func printWarnings(_ warnings: [InputProblem], layers: Bool = false) {
    var stderr = StandardError()
    for w in warnings.prefix(100) { print("\(w)", to: &stderr) }
    guard warnings.count > 100 else { return }
    let whereToSee = layers ? "each is in the warnings property of incidents.geojson" : "render --geojson writes each incident's warnings"
    print("… \(warnings.count - 100) more warnings (\(whereToSee))", to: &stderr)
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) { FileHandle.standardError.write(Data(string.utf8)) }
}
