import Foundation

/// One slot per task of a `concurrentPerform`: each task writes its own slot once, and the
/// values are read after `concurrentPerform` returned.
public final class Slots<Value>: @unchecked Sendable {
    // Safe: distinct tasks write distinct slots of a buffer allocated once (no shared array
    // header is mutated), and `concurrentPerform` returning orders the writes before the reads.
    private let buffer: UnsafeMutableBufferPointer<Value>

    public init(count: Int, empty: Value) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: empty)
    }

    deinit {
        buffer.baseAddress?.deinitialize(count: buffer.count)
        buffer.deallocate()
    }

    public func set(_ i: Int, _ value: Value) { buffer[i] = value }

    public var values: [Value] { Array(buffer) }
}

/// Work spread over the cores.
public enum Concurrent {
    /// `task(k)` for each k in `0..<count`, run on every core (`concurrentPerform`), the results
    /// in k's order; the error of the first failed k is thrown.
    public static func map<T>(_ count: Int, _ task: @Sendable (Int) throws -> T) throws -> [T] {
        let slots = Slots<Result<T, Error>?>(count: count, empty: nil)
        DispatchQueue.concurrentPerform(iterations: count) { k in slots.set(k, Result { try task(k) }) }
        return try slots.values.map { try $0!.get() }
    }

    /// `task` over `0..<count` in runs of `length` indexes, a run a task (for work whose set-up,
    /// such as a GEOS context, is worth sharing among a few items), on every core; the runs'
    /// results one after another, in order.
    public static func map<T>(_ count: Int, inRunsOf length: Int, _ task: @Sendable (Range<Int>) throws -> [T]) throws -> [T] {
        let runs = stride(from: 0, to: count, by: length).map { $0..<min(count, $0 + length) }
        return try map(runs.count) { try task(runs[$0]) }.flatMap { $0 }
    }
}
