import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file written once from start to end, in large blocks that go straight to the device where
/// the system allows (Linux `O_DIRECT`), not through the page cache.
///
/// A layer of a million incidents is a gigabyte. Written through the page cache, each of its
/// pages is a new page of the cache the kernel finds and fills; on the virtual machines most
/// analysts rent, that cost 1 to 4.5 CPU-seconds a gigabyte here (the first touch of memory the
/// host has not yet backed), against 0.1 s straight to the device. The bytes are the same either
/// way. Whole blocks go directly; the last partial block, and everything on a file system that
/// refuses direct writes (tmpfs, some network file systems), go through the page cache as usual.
final class OutputFile {
    /// The platform's `O_DIRECT` (Glibc does not export it to Swift), or 0 where unknown.
    static let directFlag: Int32 = {
        #if os(Linux) && arch(x86_64)
        return 0o40000
        #elseif os(Linux) && arch(arm64)
        return 0o200000
        #else
        return 0
        #endif
    }()
    /// The alignment of a direct write's memory, length and offset: the largest logical block size
    /// devices use.
    static let block = 4_096

    private var fd: Int32
    private let name: String
    /// Whether writes still go directly (cleared for the tail, or when the system refuses).
    private(set) var direct: Bool
    private let capacity: Int
    private let buffer: UnsafeMutableRawPointer
    private var filled = 0

    /// Creates (or empties) `path`; `name` is how errors name it. `direct: false` writes through
    /// the page cache only; `capacity` is the size of each direct write (a multiple of `block`).
    init(path: String, name: String, direct: Bool = true, capacity: Int = 4 << 20) throws {
        precondition(capacity > 0 && capacity % Self.block == 0)
        self.name = name
        self.capacity = capacity
        let flags = O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC
        var fd: Int32 = -1
        var isDirect = false
        if direct && Self.directFlag != 0 {
            fd = open(path, flags | Self.directFlag, 0o644)
            isDirect = fd >= 0
        }
        if fd < 0 { fd = open(path, flags, 0o644) }
        guard fd >= 0 else { throw OutputError(path: path, message: "cannot write (\(String(cString: strerror(errno))))") }
        self.fd = fd
        self.direct = isDirect
        var memory: UnsafeMutableRawPointer?
        guard posix_memalign(&memory, Self.block, capacity) == 0, let memory else {
            Glibc.close(fd)
            throw OutputError(path: name, message: "cannot write (no memory for its buffer)")
        }
        buffer = memory
    }

    deinit {
        if fd >= 0 { Glibc.close(fd) }
        free(buffer)
    }

    /// Appends `bytes`.
    func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard var from = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            let n = min(capacity - filled, left)
            (buffer + filled).copyMemory(from: from, byteCount: n)
            filled += n
            from += n
            left -= n
            if filled == capacity {
                try put(capacity)
                filled = 0
            }
        }
    }

    /// Appends `bytes`.
    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    /// Writes what is buffered and closes the file.
    func close() throws {
        let whole = direct ? filled / Self.block * Self.block : 0
        if whole > 0 {
            try put(whole)
            (buffer).copyMemory(from: buffer + whole, byteCount: filled - whole)
            filled -= whole
        }
        if filled > 0 {
            buffered()
            try put(filled)
            filled = 0
        }
        let fd = self.fd
        self.fd = -1
        guard Glibc.close(fd) == 0 else { throw OutputError(path: name, message: "cannot write (\(String(cString: strerror(errno))))") }
    }

    /// Stops writing directly (for a tail that is not a whole block, or when refused).
    private func buffered() {
        guard direct else { return }
        direct = false
        let flags = fcntl(fd, F_GETFL)
        if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~Self.directFlag) }
    }

    /// Writes the buffer's first `count` bytes.
    private func put(_ count: Int) throws {
        var done = 0
        while done < count {
            let n = Glibc.write(fd, buffer + done, count - done)
            if n > 0 {
                done += n
                // A short direct write leaves the next one unaligned: go on through the cache.
                if done < count { buffered() }
                continue
            }
            if n < 0 && errno == EINTR { continue }
            if n < 0 && errno == EINVAL && direct {
                // The file system takes no direct writes after all.
                buffered()
                continue
            }
            throw OutputError(path: name, message: "cannot write (\(n < 0 ? String(cString: strerror(errno)) : "no progress"))")
        }
    }
}
