import Foundation

/// A failure to write an output; nothing was replaced.
public struct OutputError: Error, CustomStringConvertible, Sendable {
    /// The path that could not be written.
    public var path: String
    /// Why.
    public var message: String
    public var description: String { "\(path): \(message)" }
}

/// Writes outputs so that nothing is ever left half-written: files go to a
/// temporary name beside the target and are renamed into place; a directory
/// of layers is built beside the target and swapped in whole.
public enum AtomicOutput {
    /// Writes `data` to `path` through a temporary file in the same directory.
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
            throw OutputError(path: path, message: "is a directory, expected a file path")
        }
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        guard FileManager.default.createFile(atPath: tmp.path, contents: data) else {
            throw OutputError(path: path, message: "cannot write in \(dir.path) (missing directory or no permission)")
        }
        // rename(2) replaces the target atomically on the same file system.
        if rename(tmp.path, path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: tmp)
            throw OutputError(path: path, message: "cannot move the finished file into place (\(reason))")
        }
    }

    /// Writes `files` (name → contents) as the directory `path`, replacing
    /// the named files all together. Other files already in the directory are kept.
    public static func writeDirectory(_ files: [(String, Data)], to path: String) throws {
        let fm = FileManager.default
        let target = URL(fileURLWithPath: path)
        let parent = target.deletingLastPathComponent()
        var isDir: ObjCBool = false
        let exists = fm.fileExists(atPath: path, isDirectory: &isDir)
        if exists && !isDir.boolValue { throw OutputError(path: path, message: "exists and is not a directory") }
        if !fm.fileExists(atPath: parent.path) {
            do { try fm.createDirectory(at: parent, withIntermediateDirectories: true) } catch {
                throw OutputError(path: path, message: "cannot create parent directory (\(error.localizedDescription))")
            }
        }
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).tmp-\(pid)")
        let old = parent.appendingPathComponent(".\(target.lastPathComponent).old-\(pid)")
        try? fm.removeItem(at: staging)
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw OutputError(path: path, message: "cannot create a directory beside it (\(error.localizedDescription))")
        }
        do {
            for (name, data) in files {
                guard fm.createFile(atPath: staging.appendingPathComponent(name).path, contents: data) else {
                    throw OutputError(path: path + "/" + name, message: "cannot write")
                }
            }
            if exists {
                // Keep the user's other files: link them into the new directory first.
                let ours = Set(files.map(\.0))
                for item in try fm.contentsOfDirectory(atPath: path) where !ours.contains(item) {
                    try fm.copyItem(at: target.appendingPathComponent(item), to: staging.appendingPathComponent(item))
                }
                guard rename(path, old.path) == 0 else { throw OutputError(path: path, message: "cannot replace (\(String(cString: strerror(errno))))") }
                guard rename(staging.path, path) == 0 else {
                    let reason = String(cString: strerror(errno))
                    _ = rename(old.path, path)
                    throw OutputError(path: path, message: "cannot replace (\(reason))")
                }
                try? fm.removeItem(at: old)
            } else {
                guard rename(staging.path, path) == 0 else { throw OutputError(path: path, message: "cannot create (\(String(cString: strerror(errno))))") }
            }
        } catch {
            try? fm.removeItem(at: staging)
            if let e = error as? OutputError { throw e }
            throw OutputError(path: path, message: error.localizedDescription)
        }
    }
}
