import Dispatch

/// Runs encode-and-write work on one background thread while the caller draws the next figure,
/// so a batch keeps two cores busy: drawing on the render thread; zlib, hashing and the atomic
/// write here (encoding is about half of a simple figure's time).
///
/// At most `depth` pieces of work wait (each holds a pixmap: 3.8 MB at 1200×800), so a fast
/// drawer blocks in `submit` instead of piling up memory. Work runs in submission order, so
/// results and log lines come out in the order the figures were drawn. `plotline report` and
/// `plotline render --spec a --spec b` both use it.
public final class BackgroundWriter: @unchecked Sendable {
    // @unchecked: both members are thread-safe Dispatch objects, set once.
    private let queue: DispatchQueue
    private let slots: DispatchSemaphore

    /// A writer with room for `depth` waiting pieces of work (at least 1).
    public init(label: String = "plotline.writer", depth: Int = 2) {
        queue = DispatchQueue(label: label)
        slots = DispatchSemaphore(value: max(1, depth))
    }

    /// Runs `work` on the writer thread after everything submitted before; waits while `depth`
    /// pieces are already waiting.
    public func submit(_ work: @escaping @Sendable () -> Void) {
        slots.wait()
        queue.async { [slots] in
            work()
            slots.signal()
        }
    }

    /// Returns when every piece of work submitted so far has run.
    public func finish() { queue.sync {} }
}
