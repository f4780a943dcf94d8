// The report runner: renders a report's figures and writes the PNGs, manifest and indexes.
//
// Design. Every figure is a `RenderJob` on a `RenderQueue`, as for `watch` and `render`: the
// queue's thread owns the fonts, the figure renderer and the scene player for the whole run,
// and builds, checks and draws each figure (`FigurePipeline`). Each finished pixmap goes to a
// `BackgroundWriter` (`RenderJob.Encoding.background`), whose two workers encode it (zlib),
// hash it and write it atomically while the next figure is drawn: drawing a line figure costs about
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
import FoundationEssentials
import PNG
import Raster
import Scene
import Service
import Table
import Text
import Vector
import Platform

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
        /// Whether every written file (figures, manifest, indexes) and its folder are fsynced
        /// before `run` returns (`plotline report --fsync`); by default each file replaces the
        /// old one atomically, as `render` writes (a power loss right after may lose it).
        public var durable = false
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
            throw ReportOutputError(path: out, reason: "cannot create the output folder (\(ErrorText.describe(error)))")
        }
        // The render queue's thread owns the fonts and builds, checks and draws each figure
        // (`FigurePipeline`); two background writers deflate, hash and write while it draws the next.
        let queue = try RenderQueue(fontsDirectory: options.fontsDirectory)
        defer { queue.shutdownAndJoin() }
        let confinement = options.allowRead.map {
            ReadConfinement(root: spec.directory, allowed: $0, rootName: "the report's folder")
        } ?? .unconfined
        // Used only by the render thread, one figure after another (the jobs' builders).
        let inputs = RenderThreadOnly(ReportInputs(directory: spec.directory, specName: PathName.lastComponent(spec.source),
                                                   confinement: confinement))
        let selected = spec.figures.filter { options.shard?.contains($0.index) ?? true }
        let results = Locked([(entry: ReportManifest.Figure, ms: Double)?](repeating: nil, count: selected.count))
        let writer = BackgroundWriter(label: "plotline.report.writer", workers: 2, depth: 3)
        let completed = Locked(0)
        let total = selected.count, progress = options.progress

        for (slot, figure) in selected.enumerated() {
            let entry = Locked(ReportManifest.Figure(index: figure.index, name: figure.name, section: figure.section, output: figure.output))
            let path = out + "/" + figure.output
            // The formats: the entry's, else the figure spec's own (read here), else the
            // report's; the PNG always (`OutputFormats`).
            var job = RenderJob(output: path, makeFigureAndFormats: {
                var read: [ReportManifest.Input] = []
                var noticed = ReadWarnings()
                defer { entry.withLock { $0.inputs = read; $0.warnings = noticed.lines } }
                let built = try inputs.value.figure(for: figure, inputs: &read, warnings: &noticed)
                return (built.figure, figure.formats.beside(spec: built.specFormats))
            })
            job.pngOptions = options.png
            job.durable = options.durable
            job.encoding = .background(writer)
            job.onWritten = { written in
                entry.withLock { e in
                    e.also = written.files.dropFirst().map { PathName.lastComponent($0) }
                    e.sha256 = written.png.map { SHA256.hex($0) }
                    e.bytes = written.bytes
                    e.width = written.width
                    e.height = written.height
                    e.warnings += written.notes
                }
            }
            let finished: @Sendable (Result<RenderResult, RenderError>) -> Void = { result in
                var ms = 0.0
                switch result {
                case .success(let r):
                    ms = r.milliseconds
                case .failure(let error):
                    let reason: String
                    if case .failed(_, _, let why) = error { reason = why } else { reason = "\(error)" }
                    entry.withLock { $0.error = reason }
                    // Never leave a stale figure behind, in any format (the output names are the report's own).
                    for format in OutputFormat.allCases { _ = try? FileManager.default.removeItem(atPath: RenderJob.path(path, as: format)) }
                }
                let done: ReportManifest.Figure = entry.withLock { $0 }
                results.withLock { $0[slot] = (done, ms) }
                completed.withLock { count in
                    count += 1
                    progress?(ReportProgress(completed: count, total: total, name: done.name, milliseconds: ms, error: done.error))
                }
            }
            do {
                try queue.submit(job, completion: finished)
            } catch {
                preconditionFailure("ReportRunner: the render queue refused a job before its shutdown: \(error)")
            }
        }
        queue.shutdownAndJoin()

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
        // What an earlier run wrote here and this one did not (a figure or format taken out) goes.
        ReportStaleOutputs.remove(previous: ReportStaleOutputs.previous(in: out), current: manifest, folder: out)
        try ReportOutput.write(manifest: manifest, timings: timings, comparison: comparison, links: options.links, durable: options.durable, to: out)
        return Outcome(manifest: manifest, timings: timings, comparison: comparison)
    }

    static func milliseconds(_ d: Duration) -> Double {
        Double(d.components.seconds) * 1e3 + Double(d.components.attoseconds) * 1e-15
    }
}

/// A value that only the render thread touches, one job after another (a report's input cache,
/// used by the jobs' figure builders): `Sendable` by that discipline, not by a lock.
final class RenderThreadOnly<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
