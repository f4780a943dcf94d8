#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A value behind a POSIX mutex: the only shared mutable state of the Service module (and of Report).
///
/// Why not `Mutex` from Synchronization: on Linux it locks with raw futex system calls inside
/// the (uninstrumented) standard library, so the thread sanitizer sees no ordering between two
/// critical sections and reports every access under the lock as a race (measured: 22 reports
/// in one `swift test --sanitize=thread --filter ServiceTests` run, all inside `withLock`).
/// `pthread_mutex_lock` is intercepted by the sanitizer, so with this lock a report is a real
/// race. Uncontended, both cost one atomic exchange each way.
public final class Locked<Value>: @unchecked Sendable {
    // @unchecked: `value` is read and written only between lock and unlock of `mutex`.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var value: Value

    public init(_ value: Value) {
        self.value = value
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        let code = pthread_mutex_init(mutex, nil)
        precondition(code == 0, "pthread_mutex_init failed: \(code)")
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deinitialize(count: 1)
        mutex.deallocate()
    }

    /// Runs `body` with exclusive access to the value. `body` must not call back into this lock.
    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
