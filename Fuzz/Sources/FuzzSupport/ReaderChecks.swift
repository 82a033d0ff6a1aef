import Foundation
import Geometry
import Incidents

/// What every reader promises about any input: it returns or throws `InputErrors`, never
/// traps; every problem names the file, says something, and prints as one line with no
/// control character; every incident it returns has an id, a date that does not run
/// backwards and, when it has a point, a valid one.
public enum ReaderChecks {
    /// Runs `read` on `data` and checks what comes back; a broken promise traps, which libFuzzer records as a crash.
    public static func check(path: String, _ read: () throws -> IncidentFile) {
        do {
            let file = try read()
            precondition(file.path == path, "the file is named \(file.path), not \(path)")
            for incident in file.incidents {
                precondition(!incident.id.isEmpty, "an incident without an id")
                precondition(incident.location.file == path, "an incident names \(incident.location.file), not \(path)")
                precondition(incident.date.start <= incident.date.end, "a date range that runs backwards: \(incident.date)")
                if let p = incident.coordinates {
                    precondition(p.lon.isFinite && p.lat.isFinite && abs(p.lon) <= 180 && abs(p.lat) <= 90, "an invalid point \(p)")
                }
                precondition(!incident.place.isEmpty || incident.coordinates != nil, "an incident with neither place nor point")
            }
        } catch let errors as InputErrors {
            precondition(!errors.problems.isEmpty, "InputErrors without a problem")
            for p in errors.problems {
                precondition(p.file == path, "a problem names \(p.file), not \(path): \(p)")
                precondition(!p.message.isEmpty, "a problem without a message")
                precondition(p.line >= 0, "a negative line: \(p)")
                let text = p.description
                precondition(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\t" }, "a message with a control character: \(text.debugDescription)")
            }
        } catch {
            preconditionFailure("a reader threw \(type(of: error)), not InputErrors: \(error)")
        }
    }
}
