import Foundation
import Incidents

/// Input formats the readers understand.
public enum InputFormat: String, CaseIterable, Sendable {
    case yaml
}

/// Reads incident files of any supported format and checks ids across them.
public enum InputReader {
    /// Largest input file read (bytes).
    public static let maxFileSize = 512 * 1024 * 1024

    /// The format of `path`: `forced`, else from the extension, else YAML.
    public static func format(of path: String, forced: InputFormat?) -> InputFormat {
        if let forced { return forced }
        return .yaml
    }

    /// Reads every file; throws all problems of all files at once. Messages and
    /// outputs name each file by `displayNames[path]` when given (else its path).
    public static func read(_ paths: [String], format forced: InputFormat? = nil, displayNames: [String: String] = [:]) throws -> [IncidentFile] {
        var files: [IncidentFile] = []
        var problems: [InputProblem] = []
        for realPath in paths {
            let path = displayNames[realPath] ?? realPath
            let data: Data
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: realPath, isDirectory: &isDir) else {
                problems.append(InputProblem(file: path, line: 0, field: nil, message: "no such file"))
                continue
            }
            if isDir.boolValue {
                problems.append(InputProblem(file: path, line: 0, field: nil, message: "is a directory, expected an incident file"))
                continue
            }
            if let size = (try? FileManager.default.attributesOfItem(atPath: realPath))?[.size] as? Int, size > maxFileSize {
                problems.append(InputProblem(file: path, line: 0, field: nil, message: "file is \(size) bytes; the limit is \(maxFileSize)"))
                continue
            }
            do { data = try Data(contentsOf: URL(fileURLWithPath: realPath)) } catch {
                problems.append(InputProblem(file: path, line: 0, field: nil, message: "cannot read (\(error.localizedDescription))"))
                continue
            }
            do {
                switch format(of: realPath, forced: forced) {
                case .yaml: files.append(try YAMLIncidentReader.read(data, path: path))
                }
            } catch let e as InputErrors {
                problems += e.problems
            }
        }
        // Ids must be unique across all files.
        var firstSeen: [String: InputLocation] = [:]
        for f in files {
            for inc in f.incidents {
                if let first = firstSeen[inc.id] {
                    problems.append(InputProblem(file: inc.location.file, line: inc.fieldLines["id"] ?? inc.location.line, field: "id",
                                                 message: "duplicate id \"\(inc.id)\" (first at \(first))"))
                } else {
                    firstSeen[inc.id] = InputLocation(file: inc.location.file, line: inc.fieldLines["id"] ?? inc.location.line)
                }
            }
        }
        if !problems.isEmpty { throw InputErrors(problems) }
        return files
    }
}
