import Foundation
@testable import Pipeline
import XCTest

/// `OutputFile` writes the bytes it is given, in order, whether its blocks go straight to the
/// device or through the page cache, whatever the sizes of the pieces, and where the file system
/// refuses direct writes.
final class OutputFileTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("incidentmap-OutputFileTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    /// Pieces of awkward sizes (empty, one byte, one short of a block, a block, one past it, one
    /// short of the buffer, the buffer, past it) and a long run of random ones.
    private func pieces() -> [[UInt8]] {
        var g = SystemRandomNumberGenerator()
        let capacity = 3 * OutputFile.block
        var sizes = [0, 1, OutputFile.block - 1, OutputFile.block, OutputFile.block + 1, capacity - 1, capacity, capacity + 1, 5 * capacity + 17]
        for _ in 0..<300 { sizes.append(Int.random(in: 0...(2 * OutputFile.block), using: &g)) }
        return sizes.enumerated().map { k, n in (0..<n).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ k) } }
    }

    private func write(_ pieces: [[UInt8]], to path: String, direct: Bool) throws -> Bool {
        let f = try OutputFile(path: path, name: "test", direct: direct, capacity: 3 * OutputFile.block)
        let wasDirect = f.direct
        for p in pieces { try f.write(p) }
        try f.close()
        return wasDirect
    }

    /// Whether the file system at `path` is one known to take direct writes (ext4, XFS, Btrfs),
    /// from the longest mount point holding it in /proc/self/mounts.
    private func takesDirectWrites(_ path: String) -> Bool {
        guard OutputFile.directFlag != 0, let h = FileHandle(forReadingAtPath: "/proc/self/mounts") else { return false }
        let text = String(decoding: h.readDataToEndOfFile(), as: UTF8.self)
        let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        var best = (length: -1, type: "")
        for line in text.split(separator: "\n") {
            let f = line.split(separator: " ")
            guard f.count >= 3 else { continue }
            let point = String(f[1])
            let inside = point == "/" || real == point || real.hasPrefix(point + "/")
            if inside && point.count > best.length { best = (point.count, String(f[2])) }
        }
        return ["ext4", "xfs", "btrfs"].contains(best.type)
    }

    func testTheFileHoldsTheBytesWrittenDirectOrNot() throws {
        let all = pieces()
        let expected = all.flatMap { $0 }
        for direct in [true, false] {
            // Every prefix length class: the whole run, and runs that end on and off a block.
            for cut in [all.count, 3, 4, 5, 8, 9] {
                let path = dir.appendingPathComponent("out-\(direct)-\(cut)").path
                let wasDirect = try write(Array(all.prefix(cut)), to: path, direct: direct)
                if !direct { XCTAssertFalse(wasDirect) }
                if direct && takesDirectWrites(dir.path) { XCTAssertTrue(wasDirect, "ext4, XFS and Btrfs take direct writes") }
                let got = try Data(contentsOf: URL(fileURLWithPath: path))
                XCTAssertEqual(got, Data(all.prefix(cut).flatMap { $0 }), "direct \(direct), \(cut) pieces")
            }
        }
        XCTAssertEqual(try Data(contentsOf: dir.appendingPathComponent("out-true-\(all.count)")), Data(expected))
    }

    /// On Linux x86-64 and arm64 the temporary directory's file system (ext4 on this machine and
    /// CI's) takes direct writes; tmpfs (/dev/shm) does not, and the bytes are the same.
    func testAFileSystemWithoutDirectWritesGetsTheSameBytes() throws {
        let all = pieces()
        let shm = URL(fileURLWithPath: "/dev/shm/incidentmap-OutputFileTests-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: shm.path, contents: nil) else {
            throw XCTSkip("no /dev/shm on this machine")
        }
        defer { try? FileManager.default.removeItem(at: shm) }
        _ = try write(all, to: shm.path, direct: true)
        XCTAssertEqual(try Data(contentsOf: shm), Data(all.flatMap { $0 }))
    }

    func testAnUnwritablePlaceIsAnErrorNamingIt() {
        let path = dir.appendingPathComponent("missing/dir/out.geojson").path
        XCTAssertThrowsError(try OutputFile(path: path, name: "out.geojson")) { error in
            XCTAssertTrue("\(error)".contains(path), "\(error)")
            XCTAssertTrue("\(error)".contains("cannot write"), "\(error)")
        }
    }
}
