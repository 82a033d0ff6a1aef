import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// Output of a finished process.
struct ProcessResult {
    var status: Int32
    var stdout: Data
    var stderr: String
    var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
}

/// The built `incidentmap` binary, beside the test bundle in the build folder.
let incidentmapBinary: URL = {
    let dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for candidate in [dir, dir.deletingLastPathComponent()] {
        let url = candidate.appendingPathComponent("incidentmap")
        if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    return dir.appendingPathComponent("incidentmap")
}()

/// The repository root (three levels above this file).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Runs an executable (a path, or a tool name found through /usr/bin/env).
@discardableResult
func runTool(_ executable: String, _ args: [String], cwd: URL? = nil, environment: [String: String] = [:]) throws -> ProcessResult {
    let p = Process()
    if !environment.isEmpty { p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
    if executable.hasPrefix("/") {
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = args
    } else {
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [executable] + args
    }
    if let cwd { p.currentDirectoryURL = cwd }
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = FileHandle.nullDevice
    try p.run()
    // Read both pipes concurrently so a full pipe cannot block the child.
    final class Box: @unchecked Sendable { var data = Data() }
    let errBox = Box()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
        errBox.data = err.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    let errData = errBox.data
    p.waitUntilExit()
    return ProcessResult(status: p.terminationStatus, stdout: outData, stderr: String(decoding: errData, as: UTF8.self))
}

/// Runs incidentmap.
@discardableResult
func incidentmap(_ args: [String], cwd: URL? = nil) throws -> ProcessResult {
    try runTool(incidentmapBinary.path, args, cwd: cwd)
}

/// A parsed SVG: every element with its attributes, parent chain and text.
final class SVGDocument: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var ancestors: [Int]
        var text = ""
    }
    private(set) var elements: [Element] = []
    private var stack: [Int] = []
    private(set) var parsed = false

    init(_ data: Data) {
        super.init()
        let parser = XMLParser(data: data)
        parser.delegate = self
        parsed = parser.parse()
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        elements.append(Element(name: name, attributes: attributes, ancestors: stack))
        stack.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }

    /// An element's text is its own; a `<text>` or `tspan` element's is also that of the `tspan`s
    /// inside it (the Latin runs of a right-to-left line, a label's lines): what a reader sees.
    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard let i = stack.last else { return }
        elements[i].text += string
        for j in stack.dropLast() where elements[j].name == "text" || elements[j].name == "tspan" { elements[j].text += string }
    }

    var root: Element { elements[0] }

    /// Elements inside the element with `id`.
    func descendants(ofID id: String) -> [Element] {
        guard let i = elements.firstIndex(where: { $0.attributes["id"] == id }) else { return [] }
        return elements.filter { $0.ancestors.contains(i) }
    }

    /// Direct children of the root.
    var rootChildren: [Element] { elements.filter { $0.ancestors == [0] } }
}

/// Parses "translate(x,y)" or "translate(x y)".
func translate(_ transform: String?) -> (Double, Double)? {
    guard let t = transform, let open = t.range(of: "translate("), let close = t[open.upperBound...].firstIndex(of: ")") else { return nil }
    let nums = t[open.upperBound..<close].split(whereSeparator: { $0 == "," || $0 == " " }).compactMap { Double($0) }
    return nums.count == 2 ? (nums[0], nums[1]) : nil
}

/// Compares `data` with `Snapshots/<name>`; records the file only when RECORD_SNAPSHOTS=1.
/// A missing snapshot is a failure (a golden file is recorded on purpose, never by accident).
func assertSnapshot(_ data: Data, named name: String, file: StaticString = #filePath, line: UInt = #line) throws {
    let dir = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent("Snapshots")
    let url = dir.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try data.write(to: url)
        print("recorded snapshot \(name)")
        return
    }
    let actualURL = FileManager.default.temporaryDirectory.appendingPathComponent("actual-" + name)
    guard let expected = try? Data(contentsOf: url) else {
        try? data.write(to: actualURL)
        XCTFail("no snapshot \(name); actual output in \(actualURL.path) (RECORD_SNAPSHOTS=1 to record it)", file: file, line: line)
        return
    }
    if expected != data {
        try? data.write(to: actualURL)
        XCTFail("\(name) differs from its snapshot; actual output in \(actualURL.path) (RECORD_SNAPSHOTS=1 to accept)", file: file, line: line)
    }
}

/// Results of concurrent tasks, by index.
final class IndexedResults<T>: @unchecked Sendable {
    // Safe: every access holds the lock.
    private let lock = NSLock()
    private var values: [Int: T] = [:]

    func set(_ i: Int, _ value: T) {
        lock.lock()
        values[i] = value
        lock.unlock()
    }

    func inOrder(_ count: Int) -> [T] {
        lock.lock()
        defer { lock.unlock() }
        return (0..<count).map { values[$0]! }
    }
}

/// `body(i)` for every i below `count`, on all cores; the results in index order.
func concurrentMap<T>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    let results = IndexedResults<T>()
    DispatchQueue.concurrentPerform(iterations: count) { results.set($0, body($0)) }
    return results.inOrder(count)
}

/// A test case with a fresh scratch directory, `tmp`, removed after each test.
class ScratchTestCase: XCTestCase {
    var tmp: URL!

    override func setUpWithError() throws {
        tmp = FileManager.default.temporaryDirectory.appendingPathComponent("incidentmap-\(type(of: self))-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: tmp)
    }

    /// Writes `csv` to a file of the scratch directory, renders it with `options` into `output`
    /// (a name in the scratch directory) and checks that the run succeeded; the output's URL.
    func render(csv: String, _ options: [String], to output: String) throws -> URL {
        let input = tmp.appendingPathComponent("input-\(output).csv")
        try csv.write(to: input, atomically: true, encoding: .utf8)
        let out = tmp.appendingPathComponent(output)
        let r = try incidentmap(["render", input.path] + options + ["-o", out.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        return out
    }
}

/// A fixed pseudo-random sequence (Knuth's MMIX linear congruential generator): test data that
/// is spread as if at random and the same on every run.
struct SeededRandom {
    private var state: UInt64
    init(_ seed: UInt64) { state = seed }

    /// The next number of the sequence, in [0, 1).
    mutating func next() -> Double {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Double(state >> 11) / Double(1 << 53)
    }
}

/// A feature's properties with its `id`: an incident's id is the feature's member (RFC 7946
/// §3.2), not repeated among its properties.
func propertiesWithID(_ feature: [String: Any]) -> [String: Any] {
    var p = feature["properties"] as? [String: Any] ?? [:]
    if p["id"] == nil, let id = feature["id"] { p["id"] = id }
    return p
}
