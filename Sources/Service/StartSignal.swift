import Dispatch

/// A one-shot signal carrying an optional error from one thread to a waiting one: the render
/// thread's start-up outcome, or "the thread has ended" for a blocking shutdown.
final class StartSignal: Sendable {
    private let error = Locked<(any Error)?>(nil)
    private let semaphore = DispatchSemaphore(value: 0)

    /// Records the outcome (nil: success) and wakes the waiter. Call once.
    func finish(_ outcome: (any Error)?) {
        error.withLock { $0 = outcome }
        semaphore.signal()
    }

    /// Blocks until `finish`, then returns its outcome.
    func wait() -> (any Error)? {
        semaphore.wait()
        return error.withLock { $0 }
    }
}
