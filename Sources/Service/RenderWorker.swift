import Chart
import PNG
import Raster
import Scene
import Table
import Text
import Vector

/// The render thread's side of a `RenderQueue`: it owns the fonts, the figure renderer and the
/// scene player (rasterizer scratch buffers, glyph and marker caches) and reuses them for every
/// job, which it runs through the `FigurePipeline`. Not `Sendable`: it is created on the render
/// thread and never leaves it.
final class RenderWorker {
    let core: RenderQueueCore
    let fonts: FontLibrary
    let renderer: FigureRenderer
    let player: ScenePlayer
    /// The last figure's pixmap, drawn over by the next figure of the same size (kept only up
    /// to `maxSparePixels`: one 16384² figure must not leave 1 GB resident for good; after a
    /// larger one the rasterizer's scratch is freed too).
    var spare: Pixmap?
    /// The largest pixmap kept for reuse: 4 Mpx (16 MB), above any usual figure (1200×800 is 1 Mpx).
    static let maxSparePixels = 4 << 20
    /// How many encoded pixmaps of background jobs (`render` with several specs, `report`) wait
    /// in `core.returnedPixmaps` at most, each at most `maxSparePixels`: drawing over them saves
    /// a fresh 1200×800 pixmap's ~1,000 page faults and the kernel's zeroing of 4 MB, ~1 ms a
    /// figure (W6: 20 figures). The writers' depth (3) keeps no more in flight anyway.
    static let maxReturned = 3

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
            render(work)
        }
        core.markExited()
    }

    /// One job through the `FigurePipeline`: drawn here, then written here or handed to the
    /// job's background writer. Never throws; every failure becomes `.failed` and leaves the
    /// output file as it was.
    func render(_ work: RenderSchedule.Work) {
        let job = work.job
        let clock = ContinuousClock()
        let start = clock.now
        let elapsed: @Sendable () -> Double = {
            let d = clock.now - start
            return Double(d.components.seconds) * 1e3 + Double(d.components.attoseconds) * 1e-15
        }
        let pipeline = FigurePipeline(renderer: renderer, player: player)
        var drawn: FigurePipeline.Drawn
        core.enterRender(job.output)
        do {
            if case .onRenderThread = job.encoding {
                drawn = try pipeline.draw(job, reusing: spare.take())
            } else {
                drawn = try pipeline.draw(job, reusing: core.returnedPixmaps.withLock { $0.popLast() })
            }
        } catch {
            core.exitRender()
            core.finish(work, .failed(reason: ErrorText.describe(error), milliseconds: elapsed()))
            return
        }
        core.exitRender()
        switch job.encoding {
        case .onRenderThread:
            let outcome = RenderWorker.write(&drawn, elapsed: elapsed)
            if let pixmap = drawn.pixmap {
                if pixmap.width * pixmap.height <= RenderWorker.maxSparePixels {
                    spare = pixmap
                } else {
                    // Neither its pixmap nor the rasterizer's scratch of its size stays resident.
                    player.rasterizer.releaseScratch()
                    MemoryRelease.returnFreePages()
                }
            }
            core.finish(work, outcome)
        case .background(let writer):
            core.handOff(work)
            let core = self.core
            let handed = HandedOff(consume drawn)  // the writer's pixmap is its own: encoded in place, no copy
            writer.submit {
                let outcome = RenderWorker.write(&handed.drawn, elapsed: elapsed)
                // Taken out of the box, so the render thread holds the only reference and draws
                // over it in place (no copy on write).
                if let pixmap = handed.drawn.pixmap.take(), pixmap.width * pixmap.height <= RenderWorker.maxSparePixels {
                    core.returnedPixmaps.withLock { if $0.count < RenderWorker.maxReturned { $0.append(pixmap) } }
                }
                core.finishHandedOff(work, outcome)
            }
        }
    }

    /// The writing stage of a drawn job, with its outcome for the queue.
    static func write(_ drawn: inout FigurePipeline.Drawn, elapsed: () -> Double) -> RenderSchedule.Outcome {
        do {
            let written = try FigurePipeline.write(&drawn)
            drawn.job.onWritten?(written)
            return .written(bytes: written.bytes, milliseconds: elapsed())
        } catch {
            return .failed(reason: ErrorText.describe(error), milliseconds: elapsed())
        }
    }
}

/// A drawn job on its way to a background writer, in a box so the writer can take the pixmap
/// out once it is encoded (`RenderQueueCore.returnedPixmaps`).
private final class HandedOff: @unchecked Sendable {
    // @unchecked: made on the render thread and then used only by the one writer it is given to.
    var drawn: FigurePipeline.Drawn

    init(_ drawn: FigurePipeline.Drawn) { self.drawn = drawn }
}
