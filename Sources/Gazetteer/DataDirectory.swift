import Foundation

/// Finds the bundled gazetteer data (`Gazetteer/data` in the repository).
public enum DataDirectory {
    /// The environment variable that overrides the data directory.
    public static let environmentVariable = "INCIDENTMAP_DATA"

    /// The data directory: `$INCIDENTMAP_DATA`, else `Gazetteer/data` found above
    /// the running executable, else above this source file (a build from source),
    /// else nil.
    public static func locate() -> URL? {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment[environmentVariable], !env.isEmpty {
            return URL(fileURLWithPath: env, isDirectory: true)
        }
        var starts: [URL] = []
        if let exe = Bundle.main.executableURL { starts.append(exe.resolvingSymlinksInPath().deletingLastPathComponent()) }
        starts.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent())
        for start in starts {
            var dir = start
            for _ in 0..<8 {
                let candidate = dir.appendingPathComponent("Gazetteer/data", isDirectory: true)
                if fm.fileExists(atPath: candidate.appendingPathComponent("places.tsv").path) { return candidate }
                let installed = dir.appendingPathComponent("share/incidentmap/data", isDirectory: true)
                if fm.fileExists(atPath: installed.appendingPathComponent("places.tsv").path) { return installed }
                dir.deleteLastPathComponent()
            }
        }
        return nil
    }
}
