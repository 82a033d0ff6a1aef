import Foundation
import Incidents
import XCTest

/// Hostile inputs (`Corpus/`, listed with their expected failures in `Corpus/manifest.tsv`):
/// each must stop the run with its exit status and a message naming the file, line or JSON
/// path and field, without a crash or a hang, and must leave a previous output untouched and
/// no temporary file behind.
final class CorpusTests: XCTestCase {
    static let corpus = repositoryRoot.appendingPathComponent("Tests/EndToEndTests/Corpus")

    /// Seconds one run may take before it is killed and the case fails (CORPUS_TIMEOUT overrides it,
    /// e.g. for sanitizer builds).
    static let timeout = ProcessInfo.processInfo.environment["CORPUS_TIMEOUT"].flatMap(Double.init) ?? 10

    var tmp: URL!

    override func setUpWithError() throws {
        tmp = FileManager.default.temporaryDirectory.appendingPathComponent("incidentmap-corpus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        // A case may have left a directory read-only; make everything removable again.
        if let walker = FileManager.default.enumerator(atPath: tmp.path) {
            for case let item as String in walker { chmod(tmp.appendingPathComponent(item).path, 0o755) }
        }
        try? FileManager.default.removeItem(at: tmp)
    }

    /// One line of the manifest.
    struct Case {
        var name: String
        var args: String
        var exit: Int32
        var pattern: String
        var line: Int
        /// An input generated at test time rather than a file of the corpus.
        var generated: Bool { name.hasPrefix("@") }
        var fileName: String { generated ? String(name.dropFirst()) : name }
    }

    static func manifest() throws -> [Case] {
        let text = try String(contentsOf: corpus.appendingPathComponent("manifest.tsv"), encoding: .utf8)
        var cases: [Case] = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cols.count == 4, let exit = Int32(cols[2]) else {
                throw NSError(domain: "manifest.tsv", code: i + 1, userInfo: [NSLocalizedDescriptionKey: "manifest.tsv:\(i + 1): expected 4 tab-separated columns"])
            }
            cases.append(Case(name: cols[0], args: cols[1], exit: exit, pattern: cols[3], line: i + 1))
        }
        return cases
    }

    /// Words split on spaces; '…' groups words (and '' is an empty word).
    static func words(_ s: String) -> [String] {
        var out: [String] = [], word = "", quoted = false, started = false
        for c in s {
            if c == "'" { quoted.toggle(); started = true; continue }
            if c == " " && !quoted {
                if started { out.append(word) }
                word = ""; started = false
                continue
            }
            word.append(c); started = true
        }
        if started { out.append(word) }
        return out
    }

    // MARK: - The corpus

    func testManifestListsEveryCorpusFileAndTheCorpusIsLargeEnough() throws {
        let cases = try Self.manifest()
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path)).subtracting(["manifest.tsv"])
        let listed = Set(cases.filter { !$0.generated }.map(\.name))
        XCTAssertEqual(files.subtracting(listed).sorted(), [], "corpus files without a manifest line")
        let inputs = cases.filter { $0.generated || files.contains($0.name) }
        XCTAssertGreaterThanOrEqual(inputs.count, 40)
        for ext in ["yaml", "csv", "geojson"] {
            XCTAssertGreaterThanOrEqual(inputs.filter { $0.fileName.hasSuffix("." + ext) }.count, 10, ext)
        }
        XCTAssertEqual(Set(cases.map(\.name)).count, cases.count, "a case is listed twice")
        for c in cases { XCTAssertNoThrow(try NSRegularExpression(pattern: c.pattern), "manifest.tsv:\(c.line)") }
    }

    func testEveryCaseFailsCleanlyAndLeavesThePreviousOutputAlone() throws {
        let cases = try Self.manifest()
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path))
        // One good render, copied in front of every case as the output it must not touch.
        let good = tmp.appendingPathComponent("good")
        let example = repositoryRoot.appendingPathComponent("Examples/january-2024.yaml").path
        let first = try incidentmap(["render", example, "--svg", "--geojson", "-o", good.path])
        XCTAssertEqual(first.status, 0, first.stderr)
        let corpusBefore = try Self.snapshot(Self.corpus)
        for c in cases {
            try check(c, isFile: files.contains(c.name), good: good)
        }
        XCTAssertEqual(try Self.snapshot(Self.corpus), corpusBefore, "a run wrote into the corpus")
    }

    func check(_ c: Case, isFile: Bool, good: URL) throws {
        let label = "\(c.name) (manifest.tsv:\(c.line))"
        let dir = tmp.appendingPathComponent("case-\(c.line)")
        let inputs = dir.appendingPathComponent("inputs"), work = dir.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let out = work.appendingPathComponent("out")
        try FileManager.default.copyItem(at: good, to: out)
        let example = inputs.appendingPathComponent("january-2024.yaml")
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Examples/january-2024.yaml"), to: example)
        var input: URL?
        if c.generated {
            let url = inputs.appendingPathComponent(c.fileName)
            try Self.generate(c.fileName, at: url)
            input = url
        } else if isFile {
            input = Self.corpus.appendingPathComponent(c.name)
        }
        let unwritable = work.appendingPathComponent("unwritable")
        if getuid() == 0 {
            // root writes through any mode: nothing can be created under a regular file instead.
            XCTAssertTrue(FileManager.default.createFile(atPath: unwritable.path, contents: Data("a file, not a directory\n".utf8)))
        } else {
            try FileManager.default.createDirectory(at: unwritable, withIntermediateDirectories: false)
            chmod(unwritable.path, 0o555)
        }

        let template = c.args == "-" ? "render {file} --svg --geojson -o {out}" : c.args
        if template.contains("{file}") && input == nil { XCTFail("\(label): no such corpus file"); return }
        let args = Self.words(template).map { word in
            word.replacingOccurrences(of: "{file}", with: input?.path ?? "")
                .replacingOccurrences(of: "{out}", with: out.path)
                .replacingOccurrences(of: "{example}", with: example.path)
                .replacingOccurrences(of: "{unwritable}", with: unwritable.path)
                .replacingOccurrences(of: "{tmp}", with: work.path)
        }
        let before = try Self.snapshot(dir)
        let started = Date()
        let (r, timedOut) = try Self.run(args, timeout: Self.timeout)
        let seconds = Date().timeIntervalSince(started)
        if timedOut {
            XCTFail("\(label): killed after \(Self.timeout) s (a hang on hostile input)")
            return
        }
        XCTAssertEqual(r.status, c.exit, "\(label): exit status; stderr:\n\(r.stderr)")
        let regex = try NSRegularExpression(pattern: c.pattern)
        XCTAssertNotNil(regex.firstMatch(in: r.stderr, range: NSRange(r.stderr.startIndex..., in: r.stderr)),
                        "\(label): stderr does not match /\(c.pattern)/:\n\(r.stderr)")
        for sign in ["Fatal error", "Backtrace", "Illegal instruction", "Segmentation", "Stack dump", "AddressSanitizer", "Trace/breakpoint"] {
            XCTAssertFalse(r.stderr.contains(sign), "\(label): \(sign) in stderr:\n\(r.stderr)")
        }
        let controls = r.stderr.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value) }
        XCTAssertTrue(controls.isEmpty, "\(label): control characters reach the terminal: \(controls.map { String($0.value, radix: 16) })")
        if let input {
            // Every error names the file it is about.
            for line in r.stderr.split(separator: "\n") where line.hasPrefix("error: ") {
                XCTAssertTrue(line.contains(input.lastPathComponent), "\(label): an error does not name the file: \(line)")
            }
        }
        XCTAssertTrue(r.stdout.isEmpty, "\(label): wrote to standard output")
        // Nothing written, replaced or left behind anywhere in the case's directory (the previous
        // output, the inputs, the temporary names beside them).
        let after = try Self.snapshot(dir)
        if after != before {
            let changed = Set(after.keys).symmetricDifference(before.keys).union(after.keys.filter { before[$0] != nil && before[$0] != after[$0] })
            XCTFail("\(label): files changed, appeared or vanished: \(changed.sorted())")
        }
        if seconds > 3 { print("\(label): slow, \(String(format: "%.1f", seconds)) s") }
        try? FileManager.default.removeItem(at: dir)
    }

    /// Every file under `root` (hidden ones included): its bytes, or its size for large files.
    static func snapshot(_ root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isDirectoryKey, .fileSizeKey]) else { return [:] }
        for case let url as URL in walker {
            let values = try url.resourceValues(forKeys: [.isDirectoryKey, .fileSizeKey])
            let key = String(url.path.dropFirst(root.path.count))
            if values.isDirectory == true { files[key + "/"] = Data(); continue }
            let size = values.fileSize ?? 0
            files[key] = size > 16 << 20 ? Data("\(size) bytes".utf8) : try Data(contentsOf: url)
        }
        return files
    }

    // MARK: - Inputs too large to commit

    /// Writes the input `name` of the manifest's `@` cases.
    static func generate(_ name: String, at url: URL) throws {
        let mb = 1 << 20
        func write(_ s: String) throws { try Data(s.utf8).write(to: url) }
        let incident = "incidents:\n  - id: a1\n    date: 2024-01-16\n    place: Quetta\n"
        switch name {
        case "yaml-deep-100000.yaml":
            try write(incident + "    extra: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n")
        case "yaml-huge-line.yaml":
            try write(incident + "    notes: " + String(repeating: "x", count: 5 * mb) + "\n")
        case "yaml-oversized.yaml":
            // A sparse file one byte over the 512 MB limit: refused by its size, never read.
            XCTAssertTrue(FileManager.default.createFile(atPath: url.path, contents: Data(incident.utf8)))
            let handle = try FileHandle(forWritingTo: url)
            try handle.truncate(atOffset: UInt64(512 * mb + 1))
            try handle.close()
        case "csv-huge-line.csv":
            try write("id,date,place,notes\nA,2024-01-16,Quetta," + String(repeating: "x", count: 5 * mb) + "\n")
        case "csv-huge-quoted-field.csv":
            let lines = String(repeating: String(repeating: "x", count: 1000) + "\n", count: 1100)
            try write("id,date,place,notes\nA,2024-01-16,Quetta,\"" + lines + "\"\n")
        case "csv-too-many-columns.csv":
            try write((0..<70_000).map { "c\($0)" }.joined(separator: ",") + "\n" + String(repeating: "1,", count: 69_999) + "1\n")
        case "geojson-deep-100000.geojson":
            try write(#"{"type":"FeatureCollection","features":"# + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}")
        case "geojson-huge-line.geojson":
            try write(#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"g1","notes":""#
                      + String(repeating: "x", count: 5 * mb) + #"","date":"2024-02-30","place":"Quetta"},"geometry":null}]}"#)
        default:
            throw NSError(domain: "CorpusTests", code: 1, userInfo: [NSLocalizedDescriptionKey: "no generator for \(name)"])
        }
    }

    // MARK: - Running with a time limit

    /// Runs incidentmap; kills it (and reports `timedOut`) when it runs longer than `timeout` seconds.
    static func run(_ args: [String], timeout: Double) throws -> (ProcessResult, timedOut: Bool) {
        let p = Process()
        p.executableURL = incidentmapBinary
        p.arguments = args
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        let exited = DispatchSemaphore(value: 0)
        p.terminationHandler = { _ in exited.signal() }
        try p.run()
        // Both pipes are drained concurrently so a full pipe cannot block the child.
        final class Box: @unchecked Sendable { var data = Data() }
        let outBox = Box(), errBox = Box()
        let group = DispatchGroup()
        for (pipe, box) in [(out, outBox), (err, errBox)] {
            group.enter()
            DispatchQueue.global().async {
                box.data = pipe.fileHandleForReading.readDataToEndOfFile()
                group.leave()
            }
        }
        var timedOut = false
        if exited.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            kill(p.processIdentifier, SIGKILL)
            exited.wait()
        }
        group.wait()
        return (ProcessResult(status: p.terminationStatus, stdout: outBox.data, stderr: String(decoding: errBox.data, as: UTF8.self)), timedOut)
    }

    // MARK: - Limits too large to reach through the command line in a test

    func testReadersRefuseMoreThanTheirLimits() throws {
        func problems(_ read: () throws -> Void) -> [String] {
            do { try read(); return [] } catch let e as InputErrors { return e.problems.map(\.description) } catch { return ["\(error)"] }
        }
        let yaml = Data(("incidents:\n" + (1...3).map { "  - {id: a\($0), date: 2024-01-16, place: Quetta}\n" }.joined()).utf8)
        XCTAssertEqual(problems { _ = try YAMLIncidentReader.read(yaml, path: "x.yaml", limits: .init(maxIncidents: 2)) },
                       ["x.yaml:1: incidents: 3 incidents; the limit is 2 (split the file, or use CSV or GeoJSON for large data sets)"])
        XCTAssertEqual(problems { _ = try YAMLIncidentReader.read(yaml, path: "x.yaml", limits: .init(maxValues: 10)) },
                       ["x.yaml:3: more than 10 values (lists, mappings and scalars); split the file, or use CSV or GeoJSON for large data sets"])
        XCTAssertEqual(problems { _ = try YAMLIncidentReader.read(yaml, path: "x.yaml", limits: .init(maxDepth: 2)) },
                       ["x.yaml:2: lists and mappings nested deeper than 2 levels; not read"])
        XCTAssertEqual(problems { _ = try YAMLIncidentReader.read(yaml, path: "x.yaml", limits: .init(maxLineBytes: 40)) },
                       ["x.yaml:2: line longer than 40 bytes"])
        XCTAssertEqual(problems { _ = try YAMLIncidentReader.read(yaml, path: "x.yaml") }, [])

        let feature = #"{"type": "Feature", "properties": {"date": "2024-01-16"}, "geometry": {"type": "Point", "coordinates": [62, 27]}}"#
        let geojson = Data((#"{"type": "FeatureCollection", "features": ["# + Array(repeating: feature, count: 3).joined(separator: ",\n") + "]}").utf8)
        XCTAssertEqual(problems { _ = try GeoJSONIncidentReader.read(geojson, path: "x.geojson", maxFeatures: 2) },
                       ["x.geojson: features: 3 features; the limit is 2 (split the file)"])
        XCTAssertEqual(problems { _ = try GeoJSONIncidentReader.read(geojson, path: "x.geojson") }, [])

        let csv = Data(("id,date,place\n" + (1...3).map { "a\($0),2024-01-16,Quetta\n" }.joined()).utf8)
        XCTAssertEqual(problems { _ = try CSVIncidentReader.read(csv, path: "x.csv", limits: .init(maxRows: 2)) },
                       ["x.csv:4: more than 2 rows; split the file"])
    }
}
