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

/// Values made once per key, as the threads meet them: looked up under a shared lock, made
/// outside it (other threads go on), and kept as the first thread to finish made it; a key's
/// value is the same whichever thread makes it.
public final class Memo<Key: Hashable, Value>: @unchecked Sendable {
    // Safe: `values` is read under `lock` shared and written under it alone.
    private var values: [Key: Value] = [:]
    private let lock = ReadWriteLock()

    public init() {}

    /// The value kept for `key`, made by `make` the first time.
    public func value(_ key: Key, make: () throws -> Value) rethrows -> Value {
        if let known = lock.reading({ values[key] }) { return known }
        let made = try make()
        return lock.writing {
            if let known = values[key] { return known }
            values[key] = made
            return made
        }
    }
}
