import Chart
import PNG
import Raster
import Scene
import Spec
import Text
import Vector

/// The render thread's side of a `RenderQueue`: it owns the fonts, the figure renderer and the
/// scene player (rasterizer scratch buffers, glyph and marker caches) and reuses them for every
/// job. Not `Sendable`: it is created on the render thread and never leaves it.
final class RenderWorker {
    let core: RenderQueueCore
    let fonts: FontLibrary
    let renderer: FigureRenderer
    let player: ScenePlayer
    /// The last figure's pixmap, drawn over by the next figure of the same size (kept only up
    /// to `maxSparePixels`: one 16384² figure must not leave 1 GB resident for good).
    var spare: Pixmap?
    /// The largest pixmap kept for reuse: 4 Mpx (16 MB), above any usual figure (1200×800 is 1 Mpx).
    static let maxSparePixels = 4 << 20

    /// Opens the fonts; must run on the render thread (FreeType objects stay on their thread).
    init(core: RenderQueueCore, fontsDirectory: String?) throws {
        self.core = core
        fonts = try FontLibrary(fontsDirectory: fontsDirectory)
        renderer = FigureRenderer(fonts: fonts)
        player = ScenePlayer(fonts: fonts, rasterizer: Rasterizer())
    }

    /// The thread's loop: render jobs until the queue stops and nothing waits, then tell
    /// everyone waiting for the exit.
    func run() {
        while let work = core.nextWork() {
            core.finish(work, render(work.job))
        }
        core.markExited()
    }

    /// The render step: build, lay out, draw, encode, write atomically. Never throws; every
    /// failure becomes `.failed` and leaves the output file as it was.
    func render(_ job: RenderJob) -> RenderSchedule.Outcome {
        core.enterRender(job.output)
        defer { core.exitRender() }
        let clock = ContinuousClock()
        let start = clock.now
        func elapsed() -> Double {
            let d = clock.now - start
            return Double(d.components.seconds) * 1e3 + Double(d.components.attoseconds) * 1e-15
        }
        do {
            let figure = try job.figure()
            try RenderWorker.check(figure)
            let scene = renderer.scene(for: figure)
            let pixmap = try player.render(scene, reusing: spare.take())
            let bytes = try PNG.encode(pixmap, options: job.pngOptions)
            if pixmap.width * pixmap.height <= RenderWorker.maxSparePixels {
                spare = consume pixmap
            } else {
                _ = consume pixmap
                MemoryRelease.returnFreePages()
            }
            if let root = job.outputRoot {
                try AtomicFile.write(bytes, to: job.output, under: root, durable: job.durable)
            } else {
                try AtomicFile.write(bytes, to: job.output, durable: job.durable)
            }
            for format in job.alsoWrite where format != .png {
                let vector = try FigureEncoder.encode(scene, as: format, player: player, dpi: figure.dpi)
                let path = RenderJob.path(job.output, as: format)
                if let root = job.outputRoot {
                    try AtomicFile.write(vector, to: path, under: root, durable: job.durable)
                } else {
                    try AtomicFile.write(vector, to: path, durable: job.durable)
                }
            }
            return .written(bytes: bytes.count, milliseconds: elapsed())
        } catch {
            return .failed(reason: ErrorText.describe(error), milliseconds: elapsed())
        }
    }

    /// Refuses figures that layout cannot draw (it expects a drawable size and a sane dpi), so
    /// a bad job fails with a message instead of trapping the render thread.
    static func check(_ figure: Figure) throws(FigureCheckError) {
        guard figure.width >= 1, figure.height >= 1, figure.width <= Pixmap.maxSide, figure.height <= Pixmap.maxSide,
              figure.width * figure.height <= Pixmap.maxArea
        else { throw .size(width: figure.width, height: figure.height) }
        guard figure.dpi.isFinite, figure.dpi >= 1, figure.dpi <= 2400 else { throw .dpi(figure.dpi) }
    }
}

/// A figure the render thread refuses before layout.
enum FigureCheckError: Error, CustomStringConvertible {
    case size(width: Int, height: Int)
    case dpi(Double)

    var description: String {
        switch self {
        case .size(let w, let h):
            return "invalid figure size \(w)×\(h): each side must be 1...\(Pixmap.maxSide) and the area at most \(Pixmap.maxArea) pixels"
        case .dpi(let d):
            return "invalid dpi \(d): must be 1...2400"
        }
    }
}
