import Chart
import FigureSpec
import Dispatch
import FoundationEssentials
import Glibc
import PNG
import Table
import Vector
import Platform

/// What `plotline watch` draws for a folder: a default figure per data file and the figure of
/// every `*.plot.json` spec, rendered through a `RenderQueue`, each with a sidecar status file.
///
/// Hand it paths that changed (`handle`) or ask it to draw everything (`renderAll`); it
/// submits one latest-wins job per affected output. Jobs build their figures on the render
/// thread, so a burst of appends reads the file only for the renders that happen. Growing
/// CSV / TSV / JSON Lines files are followed with `IncrementalTableReader` (only the appended
/// bytes are read; a half-written last line waits; a shrunk or replaced file is read whole);
/// after an error the next render reads the file whole again. A spec is re-rendered when it or
/// any of its data files change.
///
/// When a figure renders is `RefreshCadence`'s call: at once when it has no render in flight,
/// else one more render right after the one in flight, so under a steady stream of appends a
/// figure is never more than one render behind (`Options.quietPeriod` and `maximumRate` tune
/// it). What reading the tables noticed (`ReadWarnings`: values drawn as missing, read notes)
/// goes into the sidecar.
public final class WatchSession: Sendable {
    /// Where outputs go and how lines are logged.
    public struct Options: Sendable {
        /// The folder for PNGs (the input's path below the root is kept); nil: beside the input.
        public var outputDirectory: String?
        /// Files and folders outside the root that specs may read (`--allow-read`); a spec's
        /// data paths must otherwise lead inside the root, after resolving links.
        public var allowRead: [String] = []
        /// Options for the default figures of data files.
        public var renderOptions = RenderOptions()
        /// The limits on what one input may make the watcher hold (`followedBytes` per data file).
        public var limits = ResourceLimits.standard
        /// The folder's formats (`watch --format`), written for every figure besides its PNG
        /// (which the sidecar and the live page follow): SVG and PDF beside it, same name. A
        /// spec's own `"formats"` replace them for its figure (`OutputFormats`, the one rule).
        public var alsoWrite: [OutputFormat] = []
        /// Gets one line per finished render (path, rows, ms).
        public var log: @Sendable (String) -> Void = { print($0) }
        /// Gets one line per failed render.
        public var logError: @Sendable (String) -> Void = { StandardStream.error.write($0 + "\n") }
        /// Merges a burst of changes that reaches an idle figure into one render, in seconds
        /// (0: the first change renders at once). Never delays a figure under a steady stream.
        public var quietPeriod = 0.0
        /// At most this many renders per second of one figure (nil: as fast as it renders).
        public var maximumRate: Double?
        /// Whether PNGs and sidecars are fsynced before they replace the old ones. A live watch
        /// turns it off (its figures are redrawn at start anyway; two fsyncs per file would
        /// bound the refresh rate); files are replaced atomically either way.
        public var durableWrites = true
        /// Gets each output's status right after its sidecar was written, and nil once the
        /// output and its sidecar are gone (it keeps the `--serve` page's figure list current).
        /// Called with the session's lock held, so that a figure's last word is the last call
        /// (a render finishing while its PNG is deleted by hand cannot bring the figure back
        /// after its removal): it must not call back into the session.
        public var onStatus: @Sendable (_ output: String, _ status: WatchStatus?) -> Void = { _, _ in }
        /// Runs on the render thread after a figure's sidecar is written and checked, right
        /// before its status is published: a seam for tests that delete files at that moment
        /// (nothing else sets it).
        var beforePublishing: @Sendable (_ output: String) -> Void = { _ in }

        /// Outputs beside their inputs, default figures, lines to standard output and error.
        public init() {}
    }

    /// The folder watched (absolute, standardized).
    public let root: String
    /// The queue that draws the figures.
    public let queue: RenderQueue
    let options: Options
    let state = Locked(State())

    struct State {
        /// Followed data files (only the render thread refreshes them).
        var readers: [String: IncrementalTableReader] = [:]
        /// Followed TensorBoard run folders and MLflow experiments, by folder.
        var followers: [String: RunLogFollower] = [:]
        /// The data files each spec reads.
        var specInputs: [String: Set<String>] = [:]
        /// The latest status of each output, and the queue version it describes.
        var statuses: [String: (status: WatchStatus, queueVersion: UInt64)] = [:]
        /// Rows of the figure the render thread built last for each output.
        var rows: [String: Int] = [:]
        /// What reading the tables of that figure noticed.
        var warnings: [String: ReadWarnings] = [:]
        /// When each figure renders next (see `RefreshCadence`).
        var cadence = RefreshCadence()
        /// The latest way to build each figure, with its input; taken when its render is submitted.
        var builds: [String: (input: String, makeFolder: Bool, build: @Sendable () throws -> Built)] = [:]
        /// The files beside each PNG that its latest good render wrote (SVG, PDF), by output.
        var besides: [String: [String]] = [:]
        /// What the latest drawing of each output left out for lack of room (`WrittenFigure.notes`).
        var layoutNotes: [String: [String]] = [:]
    }

    /// A session for `root` whose figures `queue` draws.
    public init(root: String, queue: RenderQueue, options: Options = Options()) {
        self.root = PathName.absoluteStandardized(root)
        self.queue = queue
        self.options = options
        let settings = RefreshCadence.Settings(
            quietPeriod: max(0, options.quietPeriod), minimumInterval: options.maximumRate.map { $0 > 0 ? 1 / $0 : 0 } ?? 0)
        state.withLock { $0.cadence.settings = settings }
    }

    /// True for a `*.plot.json` spec.
    public static func isSpec(_ path: String) -> Bool { FolderInput.isFigureSpec(path) }

    /// True for a data file a folder holds, by `FileKind` (.csv, .tsv, .jsonl, .json, event
    /// files ...; not a spec, not a sidecar).
    public static func isData(_ path: String) -> Bool { FileKind.isTableInFolder(path) }

    /// The PNG an input draws to: `<name>.png` in the output folder (keeping the input's
    /// subfolder) or beside the input. Two data files with one stem in one folder
    /// (`metrics.csv`, `metrics.jsonl`) draw to `metrics.csv.png` and `metrics.jsonl.png`, so
    /// neither overwrites the other.
    public func output(for input: String) -> String {
        let name = PathName.lastComponent(input)
        let stem: String
        if RunInputs.isFolder(input) {
            stem = name  // a TensorBoard run or an MLflow experiment: `<folder>.png` beside it
        } else if WatchSession.isSpec(name) {
            stem = FolderInput.figureName(name)
        } else if WatchSession.dataSiblings(of: input).isEmpty {
            stem = PathName.deletingExtension(name)
        } else {
            stem = name
        }
        var folder = PathName.deletingLastComponent(input)
        if let out = options.outputDirectory {
            let base = PathName.absoluteStandardized(out)
            folder = folder.hasPrefix(root) ? base + folder.dropFirst(root.count) : base
        }
        return folder + "/" + stem + ".png"
    }

    /// The other data files beside `input` with the same name but for the extension.
    static func dataSiblings(of input: String) -> [String] {
        let folder = PathName.deletingLastComponent(input)
        let name = PathName.lastComponent(input)
        let stem = PathName.deletingExtension(name)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        return names.filter { $0 != name && isData($0) && PathName.deletingExtension($0) == stem && !$0.hasPrefix(".") }
    }

    /// The spec `<stem>.plot.json` beside a data file `<stem>.<ext>`, when there is one: it
    /// replaces the data file's default figure (both would draw `<stem>.png`).
    static func replacingSpec(of input: String) -> String? {
        let stem = PathName.deletingExtension(PathName.lastComponent(input))
        let spec = PathName.deletingLastComponent(input) + "/" + stem + FolderInput.figureSpecSuffix
        return FileManager.default.fileExists(atPath: spec) ? spec : nil
    }

    /// Draws every input under the root (use it at start and with `--once`).
    public func renderAll() {
        handle(FolderWatcher.files(under: root, report: options.logError), merge: false)
    }

    /// The number of figures whose latest render failed.
    public var failures: Int { state.withLock { $0.statuses.values.filter { !$0.status.ok && $0.status.waiting == nil }.count } }

    /// Submits renders for changed paths: specs first (their inputs are learned), then data
    /// files with the specs that read them. A deleted input that had a figure keeps its last
    /// good PNG, and its sidecar records the deletion as an error (so a poller knows the figure
    /// is stale); re-creating the file renders it again and clears the error.
    ///
    /// Each affected figure renders when `RefreshCadence` says: at once when it has no render in
    /// flight, else right after that render. `merge: false` skips the quiet period.
    ///
    /// Each path is examined as it is now, through no link (`ConfinedPath`): a link, or a path
    /// through a folder that became a link, is not followed (as at start-up) and counts as gone.
    public func handle(_ paths: [String], merge: Bool = true) {
        var specs: Set<String> = []
        var kinds: [String: ConfinedPath] = [:]
        for path in paths {
            let kind = ConfinedPath.examine(path, under: root)
            kinds[path] = kind
            if kind == .link, WatchSession.isSpec(path) || WatchSession.isData(path) {
                options.logError("watch: not following \(path): it is, or lies under, a symbolic link")
            }
        }
        for path in paths where WatchSession.isSpec(path) {
            if kinds[path] == .file {
                if let spec = try? FigureSpec.load(path: path) {
                    let inputs = Set(spec.data.map { PathName.absoluteStandardized($0.resolvedPath) })
                    state.withLock { $0.specInputs[path] = inputs }
                }
                specs.insert(path)
            } else {
                state.withLock { $0.specInputs[path] = nil }
                markDeleted(input: path)
            }
        }
        var logSources: [RunLogFollower.Source] = []
        for path in paths {
            if let source = RunLogFollower.source(for: path), !logSources.contains(source) { logSources.append(source) }
        }
        for source in logSources {
            let folder = source.folder
            if FileManager.default.fileExists(atPath: folder) {
                schedule(input: folder, merge: merge, build: { try self.logFigure(source) })
            } else {
                state.withLock { _ = $0.followers.removeValue(forKey: folder) }
                markDeleted(input: folder)
            }
        }
        var released = false
        for path in paths where WatchSession.isData(path) && RunLogFollower.source(for: path) == nil {
            let exists = kinds[path] == .file
            let readers = state.withLock { s -> [String] in
                if !exists, s.readers.removeValue(forKey: path) != nil { released = true }
                return s.specInputs.filter { $0.value.contains(path) }.map(\.key)
            }
            specs.formUnion(readers)
            if let spec = WatchSession.replacingSpec(of: path) {
                // The user's spec of the same name draws this figure; the default one would
                // overwrite it. Draw the spec again (it may read this file under another key).
                specs.insert(PathName.absoluteStandardized(spec))
            } else if exists {
                for sibling in adoptSiblings(of: path) where !paths.contains(sibling) {
                    schedule(input: sibling, merge: merge, build: { try self.dataFigure(sibling) })
                }
                schedule(input: path, merge: merge, build: { try self.dataFigure(path) })
            } else {
                markDeleted(input: path)
            }
        }
        for spec in specs.sorted() { schedule(input: spec, merge: merge, build: { try self.specFigure(spec) }) }
        forgetFiguresDeletedByHand(paths.filter { kinds[$0] != .file })
        // A deleted input's table is gone: give its memory back, not just to malloc.
        if released { MemoryRelease.returnFreePages() }
    }

    /// Drops the status of every known figure whose PNG or sidecar someone deleted while its
    /// PNG is gone (`rm fig.png fig.png.json`, or the input with them, in any order): the figure
    /// leaves the `--serve` page instead of staying as a stale card, and a sidecar written in
    /// between (an input deleted first renders "input deleted" at once) is removed too.
    func forgetFiguresDeletedByHand(_ gone: [String]) {
        for path in gone where path.hasSuffix(".png") || path.hasSuffix(".png.json") {
            let output = path.hasSuffix(".json") ? String(path.dropLast(".json".count)) : path
            guard !FileManager.default.fileExists(atPath: output),
                  state.withLock({ $0.statuses[output] != nil }), let gone = forget(output) else { continue }
            removeBesides(gone.also, of: output, keeping: [], why: "its PNG was deleted")
            try? AtomicFile.remove(WatchStatus.path(for: output), under: outputRoot)
        }
    }

    /// Records that `input` is gone: a job for its output that fails with `InputDeleted` (through
    /// the queue, so it is ordered with the renders before it). Inputs that never had a figure
    /// are left alone.
    func markDeleted(input: String) {
        let output = output(for: input)
        guard state.withLock({ $0.statuses[output] != nil }) else { return }
        // No folder is made for it: `rm -rf sub` must not bring `sub` back.
        schedule(input: input, merge: false, makeFolder: false, build: { throw InputDeleted(path: input) })
    }

    /// Records how `input`'s figure is built now and renders it when the cadence says.
    func schedule(input: String, merge: Bool, makeFolder: Bool = true, build: @escaping @Sendable () throws -> Built) {
        let output = output(for: input)
        let decision = state.withLock { s in
            s.builds[output] = (input, makeFolder, build)
            return s.cadence.changed(output, at: WatchSession.now(), merge: merge)
        }
        act(decision, output: output)
    }

    /// Carries out a cadence decision for `output`: submit its render, or set a timer.
    func act(_ decision: RefreshCadence.Decision, output: String) {
        switch decision {
        case .none:
            return
        case .renderAt(let time):
            let delay = max(0, time - WatchSession.now())
            DispatchQueue.global().asyncAfter(deadline: .now() + delay) {
                let next = self.state.withLock { $0.cadence.due(output, at: WatchSession.now()) }
                self.act(next, output: output)
            }
        case .renderNow:
            guard let (input, makeFolder, build) = state.withLock({ $0.builds[output] }) else { return }
            submit(input: input, output: output, makeFolder: makeFolder, build: build)
        }
    }

    func submit(input: String, output: String, makeFolder: Bool, build: @escaping @Sendable () throws -> Built) {
        if makeFolder, options.outputDirectory != nil {
            try? FileManager.default.createDirectory(atPath: PathName.deletingLastComponent(output),
                                                     withIntermediateDirectories: true)
        }
        let folderFormats = OutputFormats(folder: options.alsoWrite)
        var job = RenderJob(output: output, makeFigureAndFormats: { [state] in
            state.withLock { $0.cadence.started(output) }
            let built = try build()
            state.withLock {
                $0.rows[output] = built.rows
                $0.warnings[output] = built.warnings
            }
            return (built.figure, folderFormats.beside(spec: built.specFormats))
        })
        job.onWritten = { [state] written in
            state.withLock {
                $0.besides[output] = Array(written.files.dropFirst())
                $0.layoutNotes[output] = written.notes
            }
        }
        job.durable = options.durableWrites
        job.outputRoot = outputRoot
        do {
            try queue.submit(job) { result in
                self.finished(input: input, output: output, result)
                let next = self.state.withLock { $0.cadence.finished(output, at: WatchSession.now()) }
                self.act(next, output: output)
            }
        } catch {
            // The queue was shut down: nothing renders any more.
        }
    }

    /// Monotonic seconds, for the cadence.
    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }

    /// The folder outputs are written below (never through a link below it).
    var outputRoot: String { options.outputDirectory.map(PathName.absoluteStandardized) ?? root }

    /// When `input` gained same-stem siblings (`metrics.jsonl` beside `metrics.csv`), every one
    /// of them now draws `<name>.<ext>.png`: removes the stale `<stem>.png` and its sidecar that
    /// one of them drew before (only when its sidecar names one of them as input), and returns
    /// the siblings to draw under their new names then (else none).
    func adoptSiblings(of input: String) -> [String] {
        let siblings = WatchSession.dataSiblings(of: input)
        guard !siblings.isEmpty else { return [] }
        let folder = PathName.deletingLastComponent(input)
        let stem = PathName.deletingExtension(PathName.lastComponent(input))
        let spellings = Set(([input] + siblings.map { folder + "/" + $0 }))
        let stale = output(for: folder + "/" + stem + FolderInput.figureSpecSuffix)
        if let status = WatchStatus.read(for: stale, limits: options.limits, problem: { options.logError("warning: \($0)") }), spellings.contains(status.input) {
            try? AtomicFile.remove(stale, under: outputRoot)
            removeBesides(status.also, of: stale, keeping: [], why: "its figure is now drawn under new names")
            try? AtomicFile.remove(WatchStatus.path(for: stale), under: outputRoot)
            state.withLock { s in
                s.statuses[stale] = nil
                s.rows[stale] = nil
                options.onStatus(stale, nil)
            }
            options.log("removed \(stale): \(spellings.sorted().map { PathName.lastComponent($0) }.joined(separator: ", ")) now draw one PNG each")
            return siblings.map { folder + "/" + $0 }
        }
        return []
    }

    /// Runs on the render thread after each render: updates and writes the sidecar, logs a line.
    func finished(input: String, output: String, _ result: Result<RenderResult, RenderError>) {
        let version: UInt64, error: String?, ms: Double
        switch result {
        case .success(let r): version = r.version; error = nil; ms = r.milliseconds
        case .failure(.failed(_, let v, let reason)): version = v; error = reason; ms = 0
        case .failure: return
        }
        let waiting = error.flatMap(WaitingForData.reason(fromFailure:))
        let inputGone = error != nil && !FileManager.default.fileExists(atPath: input)
        // What this figure wrote beside its PNG before (the sidecar on disk when this session
        // has not rendered it yet: the spec may have been edited while no watch ran).
        let before = state.withLock { $0.statuses[output]?.status.also }
            ?? WatchStatus.read(for: output, limits: options.limits)?.also ?? [:]
        if inputGone, !FileManager.default.fileExists(atPath: output) {
            // Input and figure both deleted: the figure is gone, so are its status and the
            // files it wrote beside the PNG.
            forget(output)
            removeBesides(before, of: output, keeping: [], why: "its input is gone")
            try? AtomicFile.remove(WatchStatus.path(for: output), under: outputRoot)
            return
        }
        let hash = error == nil ? WatchStatus.contentHash(of: output) : nil
        // The files beside the PNG now: those just written (with their hashes, so that only a
        // file still as Plotline wrote it is ever removed), none once the input is gone (its
        // PNG stays, marked stale by the sidecar; an SVG or PDF has no sidecar to say so), else
        // those of the last good render (a failed render leaves every file as it was).
        var besides = before
        if hash != nil {
            let folder = PathName.deletingLastComponent(output)
            let files = state.withLock { $0.besides[output] } ?? []
            besides = [:]
            for file in files {
                let name = PathName.lastComponent(file)
                besides[name] = WatchStatus.contentHash(of: folder + "/" + name)
            }
        } else if inputGone {
            besides = [:]
        }
        removeBesides(before, of: output, keeping: Set(besides.keys),
                      why: inputGone ? "its input is gone" : "the figure's formats no longer include it")
        let update: (WatchStatus, WatchStatus?)? = state.withLock { s in
            let previous = s.statuses[output]
            if let previous, previous.queueVersion >= version { return nil }  // a superseded request's answer
            var status = previous?.status ?? WatchStatus(version: 0, hash: "", ok: false, error: nil, rows: 0, ms: 0, input: input)
            status.version += 1
            status.ok = error == nil
            status.error = waiting == nil ? error : nil
            status.waiting = waiting
            status.ms = (ms * 100).rounded() / 100
            status.also = besides
            if let hash {
                status.hash = hash
                status.rows = s.rows[output] ?? 0
                let read = s.warnings[output] ?? ReadWarnings()
                status.warnings = read.values.map {
                    WatchStatus.Warning(file: $0.file, line: $0.line, column: $0.column, value: $0.value)
                }
                status.warningCount = read.valueCount
                status.notes = read.notes + (s.layoutNotes[output] ?? [])
            }
            s.statuses[output] = (status, version)
            return (status, previous?.status)
        }
        guard let (status, previous) = update else { return }
        if status.warningCount != previous?.warningCount ?? 0, status.warningCount > 0, let first = firstWarningLine(status) {
            let more = status.warningCount - 1
            options.logError("\(first)\(more > 0 ? " (and \(more) more values that are not numbers)" : "")")
        }
        for note in status.notes where !(previous?.notes.contains(note) ?? false) {
            options.logError("warning: \(note)")
        }
        if let waiting {
            options.log("waiting for data: \(output): \(waiting)")
        } else if let error {
            options.logError("error: \(output): \(error)")
        } else {
            options.log("rendered \(output) (\(status.rows) rows, \(CFormat.string("%.1f", ms)) ms)")
        }
        // The sidecar last: whoever sees the new version also finds the log line written.
        do { try status.write(for: output, under: outputRoot, durable: options.durableWrites) } catch {
            options.logError("error: cannot write \(WatchStatus.path(for: output)): \(error)")
        }
        if inputGone, !FileManager.default.fileExists(atPath: output) {
            // The PNG went while this status was written (`rm` of the input, the PNG and the
            // sidecar one after another, the sidecar's removal seen before this write): the
            // figure is gone after all, and no stale sidecar may bring its card back.
            forget(output)
            try? AtomicFile.remove(WatchStatus.path(for: output), under: outputRoot)
            return
        }
        options.beforePublishing(output)
        state.withLock { s in
            // Only while this render's status is still the figure's: a figure forgotten since
            // (its PNG deleted by hand between the check above and here) stays forgotten, and
            // a newer render's status is published by that render.
            if s.statuses[output]?.queueVersion == version { options.onStatus(output, status) }
        }
    }

    /// Drops `output`'s status and tells `onStatus` the figure is gone, in one step under the
    /// lock; returns the status it had (nil: this session knew none).
    @discardableResult
    func forget(_ output: String) -> WatchStatus? {
        state.withLock { s in
            let gone = s.statuses.removeValue(forKey: output)
            options.onStatus(output, nil)
            return gone?.status
        }
    }

    /// A figure built on the render thread, with the rows it draws (the longest table), what
    /// reading its tables noticed, and its spec's own `"formats"` (nil: no spec, or no key; then
    /// the folder's `Options.alsoWrite` apply, as `OutputFormats` decides).
    typealias Built = (figure: Figure, rows: Int, warnings: ReadWarnings, specFormats: [OutputFormat]?)

    /// Removes the files a figure wrote beside its PNG (`WatchStatus.also`) that are not in
    /// `keeping`, each only when it is still the file Plotline wrote: a name of the PNG's stem
    /// with a format's extension, in the PNG's folder, a regular file with the recorded content
    /// hash. A file changed or replaced by someone else is left alone. Logs one line per file.
    func removeBesides(_ besides: [String: String], of output: String, keeping: Set<String>, why: String) {
        let folder = PathName.deletingLastComponent(output)
        let stem = PathName.deletingExtension(PathName.lastComponent(output))
        let names = Set(OutputFormat.allCases.map { stem + "." + $0.fileExtension })
        for (name, hash) in besides.sorted(by: { $0.key < $1.key }) where !keeping.contains(name) {
            let path = folder + "/" + name
            guard names.contains(name), path != output, !hash.isEmpty,
                  case .file = ConfinedPath.examine(path, under: outputRoot),
                  WatchStatus.contentHash(of: path) == hash else { continue }
            do {
                try AtomicFile.remove(path, under: outputRoot)
                options.log("removed \(path): \(why)")
            } catch {
                options.logError("error: cannot remove \(path): \(error)")
            }
        }
    }

    /// The first warning of a status as one log line.
    private func firstWarningLine(_ status: WatchStatus) -> String? {
        status.warnings.first.map { w in
            DataWarning(file: w.file, line: w.line, column: w.column, value: w.value).description
        }
    }

    /// What reading several tables noticed: the first `WatchStatus.warningLimit` values, the
    /// total, and the tables' read notes.
    static func warnings(of tables: [DataTable]) -> ReadWarnings {
        ReadWarnings(tables: tables, limit: WatchStatus.warningLimit)
    }

    /// A data file's default figure and row count; runs on the render thread.
    func dataFigure(_ path: String) throws -> Built {
        let table = try dataTable(path)
        let figure = try WatchSession.defaultFigure(table, path: path, options: options.renderOptions).figure
        if let why = DefaultFigure.nothingToDraw(figure, tables: [table]) { throw WaitingForData(input: path, reason: why) }
        return (figure, table.rowCount, WatchSession.warnings(of: [table]), nil)
    }

    /// The default spec this session draws for the data file at `path` (nil when no spec key
    /// draws it yet: `DefaultFigure.speclessFlag`): the spec `plotline render FILE --print-spec
    /// DIR/NAME.plot.json` writes with the same figure flags, DIR the file's folder. The file is
    /// read as a render reads it (followed from where the last read stopped).
    public func defaultSpec(_ path: String) throws -> FigureSpec? {
        let path = PathName.absoluteStandardized(path)
        return try WatchSession.defaultFigure(dataTable(path), path: path, options: options.renderOptions).spec
    }

    /// The default figure of a data file's table under `options` (the figure flags), drawn as
    /// `plotline render` draws it: from its default spec, which reads the file from its own
    /// folder with `options.read`, or by `DefaultFigure.make` for what no spec key draws yet.
    static func defaultFigure(_ table: DataTable, path: String, options: RenderOptions) throws(DataError) -> (spec: FigureSpec?, figure: Figure) {
        if DefaultFigure.speclessFlag(options) != nil { return (nil, try DefaultFigure.make(table, options: options)) }
        let name = PathName.lastComponent(path)
        let spec = try DefaultFigure.spec([(name: name, path: name, table: table)], options: options, read: options.read,
                                          source: path, directory: PathName.deletingLastComponent(path))
        return (spec, try DefaultFigure.figure(spec, tables: [DefaultFigure.dataName: table]))
    }

    /// The default figure of a TensorBoard run folder's or MLflow experiment's runs under
    /// `options`, drawn as `plotline render FOLDER` draws it: from the default spec whose data
    /// paths are the run folders relative to the folder's parent (where its figure is written),
    /// or by `DefaultFigure.make` for what no spec key draws yet.
    static func defaultFigure(runs: [RunInputs.Run], folder: String, options: RenderOptions) throws(DataError) -> (spec: FigureSpec?, figure: Figure) {
        if DefaultFigure.speclessFlag(options) != nil {
            return (nil, try DefaultFigure.make(runs: runs.map { (name: $0.name, table: $0.table) }, params: runs.map(\.params),
                                                options: options))
        }
        let parent = PathName.deletingLastComponent(folder)
        let inputs = runs.map { run in
            (name: run.name, path: run.path.hasPrefix(parent + "/") ? String(run.path.dropFirst(parent.count + 1)) : run.path, table: run.table)
        }
        let spec = try DefaultFigure.spec(inputs, options: options, read: options.read, source: folder, directory: parent)
        let tables = Dictionary(zip(spec.data.map(\.name), runs.map(\.table)), uniquingKeysWith: { a, _ in a })
        return (spec, try DefaultFigure.figure(spec, tables: tables))
    }

    /// The default spec this session draws for a TensorBoard run folder or an MLflow experiment
    /// (nil when no spec key draws it yet): the spec `plotline render FOLDER --print-spec`
    /// writes in the folder's parent with the same figure flags.
    public func defaultSpec(runsOf source: RunLogFollower.Source) throws -> FigureSpec? {
        var follower = RunLogFollower(source: source, limits: options.limits)
        return try WatchSession.defaultFigure(runs: follower.refresh(), folder: source.folder, options: options.renderOptions).spec
    }

    /// A data file's table, read (or followed, for growing CSV / TSV / JSON Lines) through a
    /// descriptor opened under the root; runs on the render thread.
    func dataTable(_ path: String) throws -> DataTable {
        // Opened once here, just before reading, through no link (the path may have become one
        // since the event), and read from that descriptor.
        guard case .success(let fd) = ConfinedOpen.open(path, under: root) else {
            throw InputDeleted(path: path)
        }
        defer { close(fd) }
        let head = ConfinedPath.head(of: fd, count: 8192)
        if !path.lowercased().hasSuffix(".npy"), let nul = head.firstIndex(of: 0) {  // .npy is binary by design
            state.withLock { _ = $0.readers.removeValue(forKey: path) }
            throw BinaryInput(path: path, offset: nul)
        }
        let table: DataTable
        if path.lowercased().hasSuffix(".json") || path.lowercased().hasSuffix(".npy") {  // replaced whole, read whole
            table = try TableReader.read(fileDescriptor: fd, source: path, options: options.renderOptions.read.forPath(path),
                                         limits: options.limits)
        } else {
            var reader = state.withLock { $0.readers.removeValue(forKey: path) }
                ?? IncrementalTableReader(path: path, options: options.renderOptions.read, limits: options.limits)
            _ = try reader.refresh(fileDescriptor: fd)  // on error the reader is dropped: the next render reads whole
            table = reader.table
            state.withLock { $0.readers[path] = reader }
        }
        return table
    }

    /// The figure of a TensorBoard run or MLflow experiment, followed incrementally; runs on
    /// the render thread. No value yet is "waiting for data", not an error.
    func logFigure(_ source: RunLogFollower.Source) throws -> Built {
        let folder = source.folder
        var follower = state.withLock { $0.followers.removeValue(forKey: folder) } ?? RunLogFollower(source: source, limits: options.limits)
        let result = Result<[RunInputs.Run], DataError> { () throws(DataError) in try follower.refresh() }
        let runs: [RunInputs.Run]
        switch result {
        case .success(let r):
            runs = r
        case .failure(let error):
            if error.kind.isNothingToDraw {
                state.withLock { $0.followers[folder] = follower }
                throw WaitingForData(input: folder, reason: "\(error)")
            }
            throw error  // the follower is dropped: the next render reads the files whole
        }
        state.withLock { $0.followers[folder] = follower }
        let figure = try WatchSession.defaultFigure(runs: runs, folder: folder, options: options.renderOptions).figure
        return (figure, runs.map(\.table.rowCount).max() ?? 0, WatchSession.warnings(of: runs.map(\.table)), nil)
    }

    /// A spec's figure, its longest table's row count, and its own `"formats"` (which replace
    /// the folder's `--format` for this figure; the PNG is written either way); runs on the render thread.
    ///
    /// A data file that cannot be read while the spec itself has been replaced meanwhile (a
    /// Python `Figure` committing new generations of its arrays faster than this render reads
    /// them) is not an error: the newer spec is read instead, up to `specRereads` times.
    func specFigure(_ path: String) throws -> Built {
        var attempt = 0
        while true {
            let bytes = try specBytes(path)
            let spec = try FigureSpec.parse(bytes: bytes, source: path, directory: PathName.deletingLastComponent(path))
            let inputs = Set(spec.data.map { PathName.absoluteStandardized($0.resolvedPath) })
            state.withLock { $0.specInputs[path] = inputs }
            let tables: [String: DataTable]
            do {
                tables = try spec.readTables(confinement: ReadConfinement(root: root, allowed: options.allowRead))
            } catch {
                attempt += 1
                if attempt <= WatchSession.specRereads, let now = try? specBytes(path), now != bytes { continue }
                throw error
            }
            return try built(spec, tables)
        }
    }

    /// How often `specFigure` reads a replaced spec again before a data file's error stands.
    static let specRereads = 3

    /// A spec's bytes, read through no link below the root (it may have become one since the event).
    private func specBytes(_ path: String) throws -> Data {
        switch ConfinedOpen.read(path, under: root) {
        case .success(let read): return read
        case .failure(.missing), .failure(.link), .failure(.outside): throw InputDeleted(path: path)
        case .failure(let failure): throw SpecError(.unreadable(failure.reason), source: path)
        }
    }

    private func built(_ spec: FigureSpec, _ tables: [String: DataTable]) throws -> Built {
        let ordered = tables.keys.sorted().compactMap { tables[$0] }
        return (try spec.figure(tables: tables), tables.values.map(\.rowCount).max() ?? 0, WatchSession.warnings(of: ordered),
                spec.formats)
    }
}
