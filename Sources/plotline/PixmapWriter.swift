import Foundation
import Raster
import Service

/// Encodes and writes finished figures on two background threads (`Service.BackgroundWriter`)
/// while the drawing thread draws the next figure; at most three pixmaps wait. Two figures
/// deflate at once, yet the "wrote" lines come out in submission order. The first failure is
/// kept and reported by `finish`, and later figures are skipped.
///
/// Two workers, because a figure deflates in about twice the time it takes to draw: with one,
/// the last figures queue behind each other (W1, two figures: 37 → 31 ms whole process).
final class PixmapWriter: @unchecked Sendable {
    private let writer = BackgroundWriter(label: "plotline.render.writer", workers: 2, depth: 3)
    private let lock = NSLock()
    private var firstError: Error?
    /// Log lines of finished figures not yet printed, by submission index.
    private var lines: [Int: String] = [:]
    private var submitted = 0
    private var printed = 0

    /// Queues `pixmap` to be written atomically to `path`, then a log line.
    func write(_ pixmap: Pixmap, to path: String, summary: String) {
        submit(path: path, summary: summary) { try OutputFile.write(pixmap, to: path) }
    }

    /// Queues encoded bytes (an SVG or PDF) to be written atomically to `path`, then a log line.
    func write(bytes: [UInt8], to path: String, summary: String) {
        submit(path: path, summary: summary) { try OutputFile.write(bytes: bytes, to: path) }
    }

    private func submit(path: String, summary: String, _ write: @escaping @Sendable () throws -> Void) {
        let index = lock.withLock { () -> Int in submitted += 1; return submitted - 1 }
        writer.submit { [self] in
            var line = ""
            if !self.failed {
                do {
                    try write()
                    line = "wrote \(path) (\(summary))"
                } catch {
                    lock.withLock { if firstError == nil { firstError = error } }
                }
            }
            finished(index, line)
        }
    }

    /// Records figure `index`'s line and prints every line whose predecessors are all done.
    private func finished(_ index: Int, _ line: String) {
        lock.withLock {
            lines[index] = line
            while let next = lines.removeValue(forKey: printed) {
                if !next.isEmpty { print(next) }
                printed += 1
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
