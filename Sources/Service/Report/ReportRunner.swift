// The report runner: renders a report's figures and writes the PNGs, manifest and indexes.
//
// Design. Figures are built and drawn on the calling thread, which owns the fonts, the figure
// renderer and the scene player for the whole run (as the render queue's thread does; a report
// is one batch, so it needs no queue, no coalescing and no second owner of the fonts). Each
// finished pixmap goes to a `BackgroundWriter`, whose two workers encode it (zlib), hash it
// and write it atomically while the next figure is drawn: drawing a line figure costs about
// half of its deflate + write, so one drawer and two writers keep both cores of a CI runner
// busy. Inputs are read once, hashed and parsed from memory (`ReportInputs`). A figure that
// fails (bad data, a bad figure spec, an unreadable file) becomes an error entry naming the file
// and line or key path, its stale PNG is removed, and the run goes on.
//
// Determinism: PNGs carry no time; the manifest and indexes name files relative to the report's
// folder and list figures in report order, so identical inputs give identical bytes. Render
// times, the one varying value, live in `timings.json`.
//
// Measured (release, 2-core VM, bench/report/run.sh; bench/README.md): W6 (20 figures of
// 1200×800) in 198 ms against gnuplot's 764 ms and matplotlib's 2,516 ms; 500 figures in 3.8 s.
//
// Credits: `--shard K/N` is the flag of Jest and Playwright (they slice contiguous ranges; we
// take every N-th figure, so one heavy section spreads over all machines);
// byte-identical output is the reproducible-builds discipline (no time stamps, stable order,
// relative paths; reproducible-builds.org); the baseline comparison is pytest-mpl's workflow
// (`BaselineComparison`).
import Chart
import Foundation
import PNG
import Raster
import Scene
import Spec
import Text
import Vector

/// Renders a report and writes its output folder.
public enum ReportRunner {
    /// What to render, where, and how to report progress.
    public struct Options: Sendable {
        /// The output folder (created if needed).
        public var outputDirectory: String
        /// Render only this shard; nil renders everything.
        public var shard: ReportShard?
        /// The fonts folder; nil finds the bundled fonts as `FontLibrary` does.
        public var fontsDirectory: String?
        /// A baseline report folder to compare the new PNGs with; nil compares nothing.
        public var baselineDirectory: String?
        /// How far a pixel may move before a figure counts as changed.
        public var tolerance = ImageTolerance()
        /// How `index.md` links to the figures: relative, or under the published report's base URL.
        public var links = ReportLinks.relative
        /// Files and folders outside the report's folder that its figures may read
        /// (`--allow-read`); nil reads anything (library callers). The CLI always confines.
        public var allowRead: [String]?
        /// How figure PNGs are compressed (`plotline report --png small` gives `PNG.Options.small`).
        public var png = PNG.Options.default
        /// Called after each figure from a writer thread, one call at a time, `completed` counting up
        /// (two writers: figures finish nearly, not exactly, in report order).
        public var progress: (@Sendable (ReportProgress) -> Void)?

        /// Options for a whole report written to `outputDirectory`.
        public init(outputDirectory: String) { self.outputDirectory = outputDirectory }
    }

    /// What a run produced.
    public struct Outcome: Sendable {
        /// The manifest written.
        public var manifest: ReportManifest
        /// Render times per output.
        public var timings: ReportTimings
        /// The comparison with the baseline, when one was given.
        public var comparison: ComparisonReport?

        /// The documented exit status: 1 when a figure failed, else 2 when the comparison found
        /// differences, else 0.
        public var exitStatus: Int32 { ReportExitStatus.of(manifest: manifest, comparison: comparison) }
    }

    /// Renders `spec` (or its shard) into `options.outputDirectory` and writes the manifest,
    /// `timings.json`, `index.md` and `index.html` (and `comparison.json` with a baseline).
    ///
    /// Figure failures do not throw: they are entries of the manifest. Throws only when nothing
    /// sensible can be written: no fonts, an output folder that cannot be made, a write that fails.
    public static func run(_ spec: ReportSpec, options: Options) throws -> Outcome {
        let out = options.outputDirectory
        do { try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true) } catch {
            throw ReportOutputError(path: out, reason: "cannot create the output folder (\((error as NSError).localizedDescription))")
        }
        let fonts = try FontLibrary(fontsDirectory: options.fontsDirectory)
        let renderer = FigureRenderer(fonts: fonts)
        let player = ScenePlayer(fonts: fonts, rasterizer: Rasterizer())
        let confinement = options.allowRead.map {
            ReadConfinement(root: spec.directory, allowed: $0, rootName: "the report's folder")
        } ?? .unconfined
        let inputs = ReportInputs(directory: spec.directory, specName: (spec.source as NSString).lastPathComponent,
                                  confinement: confinement)
        let selected = spec.figures.filter { options.shard?.contains($0.index) ?? true }
        let results = Locked([(entry: ReportManifest.Figure, ms: Double)?](repeating: nil, count: selected.count))
        let writer = BackgroundWriter(label: "plotline.report.writer", workers: 2, depth: 3)
        let completed = Locked(0)
        let clock = ContinuousClock()
        let total = selected.count, progress = options.progress

        for (slot, figure) in selected.enumerated() {
            let start = clock.now
            var read: [ReportManifest.Input] = []
            var entry = ReportManifest.Figure(index: figure.index, name: figure.name, section: figure.section, output: figure.output)
            let path = out + "/" + figure.output
            let pixmap: Pixmap
            var vectors: [(name: String, bytes: [UInt8])] = []
            do {
                let built = try inputs.figure(for: figure, inputs: &read)
                try RenderWorker.check(built)
                let scene = renderer.scene(for: built)
                pixmap = try player.render(scene)
                for format in figure.alsoWrite {
                    let bytes = try FigureEncoder.encode(scene, as: format, player: player, dpi: built.dpi, pngOptions: options.png)
                    vectors.append(((RenderJob.path(figure.output, as: format) as NSString).lastPathComponent, bytes))
                }
            } catch {
                entry.inputs = read
                entry.error = ErrorText.describe(error)
                let ms = milliseconds(clock.now - start)
                writer.submit { [entry] in
                    _ = try? FileManager.default.removeItem(atPath: path)  // never leave a stale figure behind
                    results.withLock { $0[slot] = (entry, ms) }
                    completed.withLock { done in
                        done += 1
                        progress?(ReportProgress(completed: done, total: total, name: entry.name, milliseconds: ms, error: entry.error))
                    }
                }
                continue
            }
            entry.inputs = read
            let drawn = milliseconds(clock.now - start)
            writer.submit { [entry, vectors] in
                var entry = entry
                let writeStart = clock.now
                do {
                    let bytes = try PNG.encode(pixmap, options: options.png)
                    try AtomicFile.write(bytes, to: path)
                    for v in vectors {
                        try AtomicFile.write(v.bytes, to: (path as NSString).deletingLastPathComponent + "/" + v.name)
                        entry.also.append(v.name)
                    }
                    entry.sha256 = SHA256.hex(bytes)
                    entry.bytes = bytes.count
                    entry.width = pixmap.width
                    entry.height = pixmap.height
                } catch {
                    entry.error = "cannot write \(figure.output): \(error)"
                }
                let ms = drawn + milliseconds(clock.now - writeStart)
                results.withLock { $0[slot] = (entry, ms) }
                completed.withLock { done in
                    done += 1
                    progress?(ReportProgress(completed: done, total: total, name: entry.name, milliseconds: ms, error: entry.error))
                }
            }
        }
        writer.finish()

        let finished = results.withLock { $0 }.compactMap { $0 }
        let manifest = ReportManifest(title: spec.title, sections: spec.sections, figureCount: spec.figures.count,
                                      shard: options.shard, figures: finished.map(\.entry))
        var timings = ReportTimings()
        for r in finished { timings.milliseconds[r.entry.output] = r.ms }
        var comparison: ComparisonReport?
        if let baseline = options.baselineDirectory {
            comparison = try BaselineComparison.run(
                outputDirectory: out, figures: manifest.figures.filter { $0.error == nil }.map(\.output),
                baselineDirectory: baseline, tolerance: options.tolerance, diffDirectory: out + "/diff")
        }
        try ReportOutput.write(manifest: manifest, timings: timings, comparison: comparison, links: options.links, to: out)
        return Outcome(manifest: manifest, timings: timings, comparison: comparison)
    }

    static func milliseconds(_ d: Duration) -> Double {
        Double(d.components.seconds) * 1e3 + Double(d.components.attoseconds) * 1e-15
    }
}
