import Chart
import FoundationEssentials
import PNG
import Raster
import Scene
import Table
import Text
import Vector
import Platform

/// The one figure → file pipeline: a job's figure (finished, or built from a spec on the spot)
/// → Scene → pixels or vector bytes → encoded bytes → atomic file, for `render`, `watch` and
/// `report` alike (each submits `RenderJob`s to a `RenderQueue`, whose thread runs it).
///
/// Two stages, so that a batch can overlap drawing with encoding:
/// - `draw` runs on the render thread, which owns the fonts, renderer and player: it builds the
///   figure, checks its canvas (`Canvas`, the one size/dpi rule; figures parsed from specs and
///   flags were checked at their edge already), lays it out, rasterizes it (into the spare
///   pixmap when the job encodes on the render thread) and encodes the vector formats (they need
///   the fonts).
/// - `write` runs wherever the job's `RenderJob.Encoding` says: it deflates the PNG (libpng via
///   the PNG module) and writes every file atomically (`-`: standard output; a device, FIFO or
///   link target as `AtomicFile.target` decides; below `outputRoot` without following links when
///   the job is confined; fsynced unless the job is a live, non-durable one).
///
/// A failure at any step leaves every file as it was and becomes the job's error, one line
/// naming the file (`FigurePipeline.WriteError` for the writing step).
struct FigurePipeline {
    let renderer: FigureRenderer
    let player: ScenePlayer

    /// What the render thread hands to the writing stage: the pixels (or nothing, for a vector
    /// main output) and every vector file's bytes.
    struct Drawn: @unchecked Sendable {
        // @unchecked: a Pixmap is a value owned by exactly one stage at a time; the render thread
        // gives it up when it hands this over.
        var job: RenderJob
        var figure: Figure
        var pixmap: Pixmap?
        /// Encoded vector files: the main output's when it is SVG or PDF, then `alsoWrite`'s.
        var vectors: [(path: String, bytes: [UInt8])]
        /// Every file of the job in the order written to `WrittenFigure.files`: the main first.
        var paths: [String] = []
        /// What the layout left out for lack of room (`FigureRenderer.layout`), for the user.
        var omitted: String?
    }

    /// Stage 1, on the render thread: build, check, lay out, draw, encode vectors.
    ///
    /// `spare` is consumed, and passed on with `take()`, so the player holds its only reference
    /// and draws over it in place: a borrowed parameter kept the caller's reference alive, and
    /// the first write then copied all 4 MB (copy on write) instead of reusing them.
    func draw(_ job: RenderJob, reusing spare: consuming Pixmap?) throws -> Drawn {
        let (figure, asked) = try job.figure()
        _ = try Canvas(of: figure)
        let (scene, omitted) = renderer.layout(for: figure)
        var drawn = Drawn(job: job, figure: figure, pixmap: nil, vectors: [])
        drawn.omitted = omitted
        for format in job.formats(alsoWrite: asked) {
            let path = job.path(as: format)
            drawn.paths.append(path)
            if format == .png {
                drawn.pixmap = try player.render(scene, reusing: spare.take())
            } else {
                drawn.vectors.append((path, try FigureEncoder.encode(scene, as: format, player: player, dpi: figure.dpi, rasterize: figure.rasterize)))
            }
        }
        return drawn
    }

    /// Stage 2, on any thread: encode the PNG and write every file; returns what was written.
    /// The PNG is encoded in the pixmap's own memory (`PNG.encode(overwriting:)`): afterwards
    /// `drawn.pixmap` is only good to draw the next figure over.
    static func write(_ drawn: inout Drawn) throws -> WrittenFigure {
        let job = drawn.job
        var written = WrittenFigure(output: job.output, width: drawn.figure.width, height: drawn.figure.height)
        written.notes = drawn.omitted.map { [$0] } ?? []
        if var pixmap = drawn.pixmap.take() {
            let path = job.path(as: .png)
            let bytes: [UInt8]
            do {
                defer { drawn.pixmap = pixmap }
                bytes = try PNG.encode(overwriting: &pixmap, options: job.pngOptions)
            } catch {
                throw WriteError(path: path, reason: ErrorText.describe(error))
            }
            try write(bytes, to: path, job: job)
            written.png = bytes
            if path == job.output { written.bytes = bytes.count }
        }
        for (path, bytes) in drawn.vectors {
            try write(bytes, to: path, job: job)
            if path == job.output { written.bytes = bytes.count }
        }
        written.files = drawn.paths
        return written
    }

    /// Writes one file of a job: standard output for `-`, else atomically (confined to the
    /// job's `outputRoot` when it has one).
    static func write(_ bytes: [UInt8], to path: String, job: RenderJob) throws(WriteError) {
        if path == "-" {
            StandardStream.output.write(bytes: bytes)
            return
        }
        do {
            if let root = job.outputRoot {
                try AtomicFile.write(bytes, to: path, under: root, durable: job.durable)
            } else {
                try AtomicFile.write(bytes, to: path, durable: job.durable)
            }
        } catch let error as FileError {
            throw WriteError(path: path, reason: WriteError.reason(error, path: path, confined: job.outputRoot != nil))
        } catch {
            throw WriteError(path: path, reason: ErrorText.describe(error))
        }
    }

    /// A file of a figure that could not be written: "cannot write PATH: why".
    struct WriteError: Error, CustomStringConvertible {
        var path: String
        var reason: String

        var description: String { "cannot write \(path): \(reason)" }

        /// The user's words for a failed write: a missing folder or a file in a folder's place
        /// is named as such; otherwise the system's reason and the step that failed.
        static func reason(_ error: FileError, path: String, confined: Bool) -> String {
            let folder = PathName.deletingLastComponent(path)
            if !confined, !folder.isEmpty {
                var isFolder: Bool = false
                if !FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
                    return "the folder \(folder) does not exist"
                }
                if !isFolder { return "\(folder) is not a folder" }
            }
            return "\(error.reason) (\(error.step))"
        }
    }
}
