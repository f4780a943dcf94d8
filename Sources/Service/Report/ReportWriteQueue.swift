import Dispatch
import Foundation
import PNG
import Raster

/// Encodes and writes finished pixmaps on one background thread while the caller draws the
/// next figure, so a report keeps two cores busy: drawing on the render thread, zlib + hashing
/// + the atomic write here (encoding is about half of a simple figure's time).
///
/// At most `depth` pixmaps wait (a 1200×800 pixmap is 3.8 MB), so a fast drawer blocks
/// instead of piling up memory. Work runs in submission order, so results and progress lines
/// come out in report order. The same idea as `plotline render --spec a --spec b`'s writer.
final class ReportWriteQueue: @unchecked Sendable {
    private let queue = DispatchQueue(label: "plotline.report.writer")
    private let slots: DispatchSemaphore

    /// A queue with room for `depth` waiting pixmaps.
    init(depth: Int = 2) { slots = DispatchSemaphore(value: depth) }

    /// Runs `work` on the writer thread after everything submitted before (waits for a slot).
    func submit(_ work: @escaping @Sendable () -> Void) {
        slots.wait()
        queue.async { [slots] in
            work()
            slots.signal()
        }
    }

    /// Waits until every submitted piece of work has run.
    func finish() { queue.sync {} }
}
