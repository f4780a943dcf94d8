import Dispatch
import Foundation
import Raster

/// Encodes and writes finished figures on a serial background queue, in order, so the drawing
/// thread can draw the next figure meanwhile; the first failure is kept and reported by `finish`.
final class PixmapWriter: @unchecked Sendable {
    private let queue = DispatchQueue(label: "plotline.writer")
    private let lock = NSLock()
    private var firstError: Error?

    /// Queues `pixmap` to be written atomically to `path`, then a log line.
    func write(_ pixmap: Pixmap, to path: String, summary: String) {
        queue.async { [self] in
            if self.failed { return }
            do {
                try OutputFile.write(pixmap, to: path)
                print("wrote \(path) (\(summary))")
            } catch {
                lock.withLock { if firstError == nil { firstError = error } }
            }
        }
    }

    private var failed: Bool { lock.withLock { firstError != nil } }

    /// Waits for every queued write; returns the first error, if any.
    @discardableResult
    func finish() -> Error? {
        queue.sync {}
        return lock.withLock { firstError }
    }
}
