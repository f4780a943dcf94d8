import Foundation
import Raster
import Service

/// Encodes and writes finished figures on a background thread (`Service.BackgroundWriter`), in
/// order, so the drawing thread can draw the next figure meanwhile; at most two pixmaps wait.
/// The first failure is kept and reported by `finish`, and later figures are skipped.
final class PixmapWriter: @unchecked Sendable {
    private let writer = BackgroundWriter(label: "plotline.render.writer")
    private let lock = NSLock()
    private var firstError: Error?

    /// Queues `pixmap` to be written atomically to `path`, then a log line.
    func write(_ pixmap: Pixmap, to path: String, summary: String) {
        writer.submit { [self] in
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
        writer.finish()
        return lock.withLock { firstError }
    }
}
