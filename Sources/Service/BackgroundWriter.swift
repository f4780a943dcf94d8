import Dispatch

/// Runs encode-and-write work on one background thread while the caller draws the next figure,
/// so a batch keeps two cores busy: drawing on the render thread; zlib, hashing and the atomic
/// write here (encoding is about half of a simple figure's time).
///
/// At most `depth` pieces of work wait or run (each holds a pixmap: 3.8 MB at 1200×800), so a
/// fast drawer blocks in `submit` instead of piling up memory. With one worker, work runs in
/// submission order (log lines in drawing order: `plotline render --spec a --spec b`); with
/// two, two figures encode at once, in any order (`plotline report`, which files results by
/// slot). Two workers beside the drawer, because a 1200×800 line figure costs about 5 ms to
/// draw and 10 ms to deflate and write: one writer would leave the drawer waiting.
public final class BackgroundWriter: @unchecked Sendable {
    // @unchecked: both members are thread-safe Dispatch objects, set once.
    private let queue: DispatchQueue
    private let slots: DispatchSemaphore

    /// A writer running `workers` pieces of work at once (1 or more), with room for `depth`
    /// pieces waiting or running (at least `workers`).
    public init(label: String = "plotline.writer", workers: Int = 1, depth: Int = 2) {
        let workers = max(1, workers)
        queue = workers == 1 ? DispatchQueue(label: label) : DispatchQueue(label: label, attributes: .concurrent)
        slots = DispatchSemaphore(value: max(workers + 1, depth))
    }

    /// Runs `work` on a writer thread (after everything submitted before, with one worker);
    /// waits while `depth` pieces are already waiting or running.
    public func submit(_ work: @escaping @Sendable () -> Void) {
        slots.wait()
        queue.async { [slots] in
            work()
            slots.signal()
        }
    }

    /// Returns when every piece of work submitted so far has run.
    public func finish() { queue.sync(flags: .barrier) {} }
}
