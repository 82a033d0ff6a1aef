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
    public static func data(of realPath: String, display path: String) throws -> MappedInput {
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
        do { return try MappedInput(path: realPath) } catch {
            throw InputErrors([InputProblem(file: path, line: 0, field: nil, message: "cannot read (\(error))")])
        }
    }
}

/// A file mapped read-only and private, whose pages a reader can drop behind itself.
///
/// A large input is read once from start to end; the pages already read are dropped
/// (`madvise(MADV_DONTNEED)`; the kernel reads them from the file again if they are touched),
/// so a run's resident memory does not grow with the file.
public final class MappedInput {
    /// The file's bytes.
    public let data: Data
    private let base: UnsafeMutableRawPointer?
    private let length: Int
    private var released = 0
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// Maps the file at `path`.
    public init(path: String) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw MappingError(message: String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw MappingError(message: String(cString: strerror(errno))) }
        length = Int(info.st_size)
        guard length > 0 else {
            base = nil
            data = Data()
            return
        }
        guard let p = mmap(nil, length, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else {
            throw MappingError(message: String(cString: strerror(errno)))
        }
        base = p
        // The Data owns the mapping: it is unmapped when the last copy of the Data goes.
        data = Data(bytesNoCopy: p, count: length, deallocator: .custom { p, n in munmap(p, n) })
    }

    /// Drops from memory the whole pages before `offset`. An offset below the previous one
    /// starts a new pass over the file.
    public func release(before offset: Int) {
        guard let base else { return }
        let page = MappedInput.pageSize
        if offset < released { released = 0 }
        let end = min(offset, length) / page * page
        guard end > released else { return }
        _ = madvise(base + released, end - released, MADV_DONTNEED)
        released = end
    }
}

/// Why a file could not be mapped.
public struct MappingError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
