import Foundation
import Incidents

/// Input formats the readers understand.
public enum InputFormat: String, CaseIterable, Sendable {
    /// The human-written YAML incident format.
    case yaml
    /// ACLED exports and other CSV (or TSV) files with coordinate or place columns.
    case csv
    /// GeoJSON FeatureCollections of points.
    case geojson
}

/// Reads incident files of any supported format and checks ids across them.
public enum InputReader {
    /// Largest input file read (bytes).
    public static let maxFileSize = 512 * 1024 * 1024

    /// The format of a file: `forced`, else its extension, else its first bytes
    /// (`{` GeoJSON; a first line with commas or tabs and no `key:` CSV; else YAML).
    public static func format(of path: String, data: Data, forced: InputFormat?) -> InputFormat {
        if let forced { return forced }
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "yaml", "yml": return .yaml
        case "csv", "tsv", "tab": return .csv
        case "geojson", "json": return .geojson
        default: break
        }
        var bytes = data.prefix(4096)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let first = bytes.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else { return .yaml }
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") { return .geojson }
        let firstLine = String(decoding: bytes.prefix { $0 != 0x0A }, as: UTF8.self)
        let looksLikeKey = firstLine.range(of: #"^\s*[A-Za-z_][A-Za-z0-9_ ]*:(\s|$)"#, options: .regularExpression) != nil
        if !looksLikeKey && !firstLine.hasPrefix("-") && !firstLine.hasPrefix("#") && (firstLine.contains(",") || firstLine.contains("\t")) {
            return .csv
        }
        return .yaml
    }

    /// The bytes of one input (memory-mapped when the system allows), or its problem.
    public static func data(of realPath: String, display path: String) throws -> Data {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: realPath, isDirectory: &isDir) else {
            throw InputErrors([InputProblem(file: path, line: 0, field: nil, message: "no such file")])
        }
        if isDir.boolValue { throw InputErrors([InputProblem(file: path, line: 0, field: nil, message: "is a directory, expected an incident file")]) }
        // A device, pipe or socket is no incident file (Foundation would call it a permission problem).
        // stat(2) follows symbolic links and returns 0 on success.
        var info = stat()
        if stat(realPath, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG {
            throw InputErrors([InputProblem(file: path, line: 0, field: nil, message: "not a regular file (a device, pipe or socket); expected an incident file")])
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: realPath))?[.size] as? Int, size > maxFileSize {
            throw InputErrors([InputProblem(file: path, line: 0, field: nil, message: "file is \(size) bytes; the limit is \(maxFileSize)")])
        }
        do { return try Data(contentsOf: URL(fileURLWithPath: realPath), options: .alwaysMapped) } catch {
            throw InputErrors([InputProblem(file: path, line: 0, field: nil, message: "cannot read (\(error.localizedDescription))")])
        }
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
            // A device, pipe or socket is no incident file (Foundation would call it a permission problem).
            // stat(2) follows symbolic links and returns 0 on success.
            var info = stat()
            if stat(realPath, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG {
                problems.append(InputProblem(file: path, line: 0, field: nil, message: "not a regular file (a device, pipe or socket); expected an incident file"))
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
                switch format(of: realPath, data: data, forced: forced) {
                case .yaml: files.append(try YAMLIncidentReader.read(data, path: path))
                case .csv: files.append(try CSVIncidentReader.read(data, path: path))
                case .geojson: files.append(try GeoJSONIncidentReader.read(data, path: path))
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
