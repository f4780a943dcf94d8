import Chart
import Foundation
import Spec

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
        /// Gets one line per finished render (path, rows, ms).
        public var log: @Sendable (String) -> Void = { print($0) }
        /// Gets one line per failed render.
        public var logError: @Sendable (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }

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
        /// The data files each spec reads.
        var specInputs: [String: Set<String>] = [:]
        /// The latest status of each output, and the queue version it describes.
        var statuses: [String: (status: WatchStatus, queueVersion: UInt64)] = [:]
        /// Rows of the figure the render thread built last for each output.
        var rows: [String: Int] = [:]
    }

    /// A session for `root` whose figures `queue` draws.
    public init(root: String, queue: RenderQueue, options: Options = Options()) {
        self.root = FolderWatcher.standardize(root)
        self.queue = queue
        self.options = options
    }

    /// True for a `*.plot.json` spec.
    public static func isSpec(_ path: String) -> Bool { path.lowercased().hasSuffix(".plot.json") }

    /// True for a data file: .csv, .tsv, .jsonl, .ndjson or .json (not a spec, not a sidecar).
    public static func isData(_ path: String) -> Bool {
        let lower = path.lowercased()
        if isSpec(lower) || lower.hasSuffix(".png.json") { return false }
        return [".csv", ".tsv", ".jsonl", ".ndjson", ".json"].contains { lower.hasSuffix($0) }
    }

    /// The PNG an input draws to: `<name>.png` in the output folder (keeping the input's
    /// subfolder) or beside the input. Two data files with one stem in one folder
    /// (`metrics.csv`, `metrics.jsonl`) draw to `metrics.csv.png` and `metrics.jsonl.png`, so
    /// neither overwrites the other.
    public func output(for input: String) -> String {
        let name = (input as NSString).lastPathComponent
        let stem: String
        if WatchSession.isSpec(name) {
            stem = String(name.dropLast(".plot.json".count))
        } else if WatchSession.dataSiblings(of: input).isEmpty {
            stem = (name as NSString).deletingPathExtension
        } else {
            stem = name
        }
        var folder = (input as NSString).deletingLastPathComponent
        if let out = options.outputDirectory {
            let base = FolderWatcher.standardize(out)
            folder = folder.hasPrefix(root) ? base + folder.dropFirst(root.count) : base
        }
        return folder + "/" + stem + ".png"
    }

    /// The other data files beside `input` with the same name but for the extension.
    static func dataSiblings(of input: String) -> [String] {
        let folder = (input as NSString).deletingLastPathComponent
        let name = (input as NSString).lastPathComponent
        let stem = (name as NSString).deletingPathExtension
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        return names.filter { $0 != name && isData($0) && ($0 as NSString).deletingPathExtension == stem && !$0.hasPrefix(".") }
    }

    /// The spec `<stem>.plot.json` beside a data file `<stem>.<ext>`, when there is one: it
    /// replaces the data file's default figure (both would draw `<stem>.png`).
    static func replacingSpec(of input: String) -> String? {
        let stem = ((input as NSString).lastPathComponent as NSString).deletingPathExtension
        let spec = (input as NSString).deletingLastPathComponent + "/" + stem + ".plot.json"
        return FileManager.default.fileExists(atPath: spec) ? spec : nil
    }

    /// Draws every input under the root (use it at start and with `--once`).
    public func renderAll() {
        handle(FolderWatcher.files(under: root))
    }

    /// The number of figures whose latest render failed.
    public var failures: Int { state.withLock { $0.statuses.values.filter { !$0.status.ok }.count } }

    /// Submits renders for changed paths: specs first (their inputs are learned), then data
    /// files with the specs that read them. A deleted input that had a figure keeps its last
    /// good PNG, and its sidecar records the deletion as an error (so a poller knows the figure
    /// is stale); re-creating the file renders it again and clears the error.
    public func handle(_ paths: [String]) {
        var specs: Set<String> = []
        for path in paths where WatchSession.isSpec(path) {
            if FileManager.default.fileExists(atPath: path) {
                if let spec = try? FigureSpec.load(path: path) {
                    let inputs = Set(spec.data.map { FolderWatcher.standardize($0.resolvedPath) })
                    state.withLock { $0.specInputs[path] = inputs }
                }
                specs.insert(path)
            } else {
                state.withLock { $0.specInputs[path] = nil }
                markDeleted(input: path)
            }
        }
        for path in paths where WatchSession.isData(path) {
            let exists = FileManager.default.fileExists(atPath: path)
            let readers = state.withLock { s -> [String] in
                if !exists { s.readers[path] = nil }
                return s.specInputs.filter { $0.value.contains(path) }.map(\.key)
            }
            specs.formUnion(readers)
            if let spec = WatchSession.replacingSpec(of: path) {
                // The user's spec of the same name draws this figure; the default one would
                // overwrite it. Draw the spec again (it may read this file under another key).
                specs.insert(FolderWatcher.standardize(spec))
            } else if exists {
                submit(input: path, build: { try self.dataFigure(path) })
            } else {
                markDeleted(input: path)
            }
        }
        for spec in specs.sorted() { submit(input: spec, build: { try self.specFigure(spec) }) }
    }

    /// Records that `input` is gone: a job for its output that fails with `InputDeleted` (through
    /// the queue, so it is ordered with the renders before it). Inputs that never had a figure
    /// are left alone.
    func markDeleted(input: String) {
        let output = output(for: input)
        guard state.withLock({ $0.statuses[output] != nil }) else { return }
        submit(input: input, build: { throw InputDeleted(path: input) })
    }

    func submit(input: String, build: @escaping @Sendable () throws -> (Figure, Int)) {
        let output = output(for: input)
        try? FileManager.default.createDirectory(atPath: (output as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        let job = RenderJob(output: output) { [state] in
            let (figure, rows) = try build()
            state.withLock { $0.rows[output] = rows }
            return figure
        }
        _ = try? queue.submit(job) { result in self.finished(input: input, output: output, result) }
    }

    /// Runs on the render thread after each render: updates and writes the sidecar, logs a line.
    func finished(input: String, output: String, _ result: Result<RenderResult, RenderError>) {
        let version: UInt64, error: String?, ms: Double
        switch result {
        case .success(let r): version = r.version; error = nil; ms = r.milliseconds
        case .failure(.failed(_, let v, let reason)): version = v; error = reason; ms = 0
        case .failure: return
        }
        if error != nil, !FileManager.default.fileExists(atPath: input), !FileManager.default.fileExists(atPath: output) {
            // Input and figure both deleted: the figure is gone, so is its status.
            state.withLock { _ = $0.statuses.removeValue(forKey: output) }
            try? FileManager.default.removeItem(atPath: WatchStatus.path(for: output))
            return
        }
        let hash = error == nil ? WatchStatus.contentHash(of: output) : nil
        let status: WatchStatus? = state.withLock { s in
            let previous = s.statuses[output]
            if let previous, previous.queueVersion >= version { return nil }  // a superseded request's answer
            var status = previous?.status ?? WatchStatus(version: 0, hash: "", ok: false, error: nil, rows: 0, ms: 0, input: input)
            status.version += 1
            status.ok = error == nil
            status.error = error
            status.ms = (ms * 100).rounded() / 100
            if let hash { status.hash = hash; status.rows = s.rows[output] ?? 0 }
            s.statuses[output] = (status, version)
            return status
        }
        guard let status else { return }
        if let error {
            options.logError("error: \(output): \(error)")
        } else {
            options.log("rendered \(output) (\(status.rows) rows, \(String(format: "%.1f", ms)) ms)")
        }
        // The sidecar last: whoever sees the new version also finds the log line written.
        do { try status.write(for: output) } catch { options.logError("error: cannot write \(WatchStatus.path(for: output)): \(error)") }
    }

    /// A data file's default figure and row count; runs on the render thread.
    func dataFigure(_ path: String) throws -> (Figure, Int) {
        let table: DataTable
        if path.lowercased().hasSuffix(".json") {
            table = try TableReader.read(path: path)
        } else {
            var reader = state.withLock { $0.readers.removeValue(forKey: path) } ?? IncrementalTableReader(path: path)
            _ = try reader.refresh(path: path)  // on error the reader is dropped: the next render reads whole
            table = reader.table
            state.withLock { $0.readers[path] = reader }
        }
        return (try DefaultFigure.make(table, options: options.renderOptions), table.rowCount)
    }

    /// A spec's figure and its longest table's row count; runs on the render thread.
    func specFigure(_ path: String) throws -> (Figure, Int) {
        let spec = try FigureSpec.load(path: path)
        let inputs = Set(spec.data.map { FolderWatcher.standardize($0.resolvedPath) })
        state.withLock { $0.specInputs[path] = inputs }
        let tables = try spec.readTables(confinement: ReadConfinement(root: root, allowed: options.allowRead))
        return (try spec.figure(tables: tables), tables.values.map(\.rowCount).max() ?? 0)
    }
}
