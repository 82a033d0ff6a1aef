import Foundation

/// A lock for tables that are read on every row by all the placing threads and written rarely
/// (a cell's candidates, a tile's grid, a memoised lookup): readers do not wait for one another,
/// as they did with a mutex, where two threads taking turns spent a third of the run asleep.
public final class ReadWriteLock: @unchecked Sendable {
    // Safe: the pthread lock is the synchronisation; it lives at a fixed heap address.
    private let lock = UnsafeMutablePointer<pthread_rwlock_t>.allocate(capacity: 1)

    /// Creates an unlocked lock.
    public init() {
        // pthread_rwlock_init returns 0 on success; it fails only without memory.
        precondition(pthread_rwlock_init(lock, nil) == 0, "pthread_rwlock_init failed")
    }

    deinit {
        pthread_rwlock_destroy(lock)
        lock.deallocate()
    }

    /// `body` while holding the lock shared with other readers.
    @inline(__always)
    public func reading<T>(_ body: () throws -> T) rethrows -> T {
        pthread_rwlock_rdlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        return try body()
    }

    /// `body` while holding the lock alone.
    @inline(__always)
    public func writing<T>(_ body: () throws -> T) rethrows -> T {
        pthread_rwlock_wrlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        return try body()
    }
}
