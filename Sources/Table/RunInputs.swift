import FoundationEssentials
import RunLogs
import Platform

/// The runs that `plotline render` paths name: a table file is a run; a folder is searched for
/// runs as TensorBoard and MLflow lay them out.
///
/// In a folder (and its subfolders, hidden ones left out): a folder holding event files
/// (`events.out.tfevents.*`) is one TensorBoard run, its files merged in name order; an MLflow
/// run folder (`meta.yaml` beside `metrics/`) is one run, and an experiment folder holds runs;
/// table files (CSV, JSON Lines, JSON; not `*.plot.json` specs or `*.png.json` sidecars) are runs
/// of their own. Run names are the folder paths below the one given (TensorBoard's run names),
/// MLflow's `mlflow.runName`, or the table's path without its extension.
public enum RunInputs {
    /// One run: its name, its table, its parameters (MLflow params, for grouping).
    public struct Run: Sendable {
        /// The name shown in legends.
        public var name: String
        /// The run's values.
        public var table: DataTable
        /// MLflow parameters (`lr` → `0.1`); empty for other runs.
        public var params: [String: String]
        /// The file or run folder read, as given or found (what a figure spec's data source names).
        public var path = ""
    }

    /// Where one run's values come from.
    public enum Source: Sendable, Equatable {
        /// A table file (or an event file named on its own).
        case file(String)
        /// A folder of TensorBoard event files.
        case events(String)
        /// An MLflow run folder.
        case mlflow(String)

        /// The file or folder.
        public var path: String {
            switch self { case .file(let p), .events(let p), .mlflow(let p): return p }
        }
    }

    /// Reads the runs of `paths` (files or folders); `notes` gets one line per run left out
    /// (no scalar values) or per run with skipped summaries.
    public static func read(_ paths: [String], options: CSVOptions = CSVOptions(),
                            notes: (String) -> Void = { _ in }) throws(DataError) -> [Run] {
        var sources: [(name: String?, source: Source)] = []
        var plainFiles: [String] = []
        for path in paths {
            if isFolder(path) {
                let found = discover(path)
                guard !found.isEmpty else {
                    throw DataError(.nothingToDraw("no TensorBoard event files, MLflow runs or tables in this folder"),
                                    at: DataLocation(source: path))
                }
                for (name, source) in found { sources.append((paths.count == 1 ? name : (PathName.lastComponent(path) + "/" + name), source)) }
            } else {
                plainFiles.append(path)
                sources.append((nil, .file(path)))
            }
        }
        let fileNames = runNames(plainFiles)
        var nextFile = 0
        var runs: [Run] = []
        var empty: [DataError] = []
        for (name, source) in sources {
            var runName = name ?? ""
            if name == nil { runName = fileNames[nextFile]; nextFile += 1 }
            do {
                let (table, params, skipped) = try read(source, options: options)
                if case .mlflow = source, let n = params["mlflow.runName"] { runName = n }
                if let skipped { notes("\(source.path): \(skipped)") }
                var p = params
                p["mlflow.runName"] = nil
                runs.append(Run(name: runName, table: table, params: p, path: source.path))
            } catch where error.kind.isNothingToDraw && sources.count > 1 {
                notes("\(error) (run left out)")
                empty.append(error)
            }
        }
        if runs.isEmpty, let first = empty.first { throw first }
        return runs
    }

    /// Reads the one run at `path` (a table or event file, a TensorBoard run folder or an MLflow
    /// run folder): what a figure spec's data source that names a folder reads.
    public static func readOne(_ path: String, options: CSVOptions = CSVOptions()) throws(DataError) -> DataTable {
        guard isFolder(path) else { return try read(.file(path), options: options).0 }
        let found = discover(path)
        guard found.count == 1, let (_, source) = found.first, source.path == path else {
            throw DataError(.notATable("a data folder must be one run (a TensorBoard run folder or an MLflow run), "
                                       + "this one holds \(found.count)"), at: DataLocation(source: path))
        }
        return try read(source, options: options).0
    }

    /// Reads one run: its table, parameters (with the MLflow run name under `mlflow.runName`)
    /// and the skipped-summary note.
    static func read(_ source: Source, options: CSVOptions) throws(DataError) -> (DataTable, [String: String], String?) {
        switch source {
        case .file(let path) where FileKind.named(path) != .tensorBoard:
            return (try FileKind.read(path: path, options: options), [:], nil)
        case .file(let folder), .events(let folder):  // one event file, or a run folder of them
            var set = EventFileSet(path: folder)
            do { try set.refresh() } catch { throw RunLogTables.dataError(error) }
            return (try RunLogTables.table(set.log, source: folder), [:], set.log.skippedSummary)
        case .mlflow(let folder):
            var run = MLflowRun(path: folder)
            do { try run.refresh() } catch { throw RunLogTables.dataError(error) }
            var params = run.params
            params["mlflow.runName"] = run.name
            return (try RunLogTables.table(run.log, source: folder), params, nil)
        }
    }

    /// The runs under `folder`, named by their paths below it (`.` for the folder itself).
    public static func discover(_ folder: String) -> [(name: String, source: Source)] {
        var out: [(String, Source)] = []
        walk(folder, relative: "", depth: 0, into: &out)
        return out
    }

    private static func walk(_ folder: String, relative: String, depth: Int, into out: inout [(String, Source)]) {
        let here = relative.isEmpty ? PathName.lastComponent(folder) : relative
        if MLflowRun.isRun(folder) {
            out.append((here, .mlflow(folder)))
            return
        }
        if !EventFileSet.eventFiles(in: folder).isEmpty { out.append((here, .events(folder))) }
        guard depth < 8, let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        var tables: [String] = []
        var folders: [String] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = folder + "/" + name
            if isFolder(path) {
                folders.append(name)
            } else if isTable(name) {
                tables.append(name)
            }
        }
        for name in tables {
            let stem = PathName.deletingExtension(name)
            let runName = tables.count == 1 && !relative.isEmpty ? relative : (relative.isEmpty ? stem : relative + "/" + stem)
            out.append((runName, .file(folder + "/" + name)))
        }
        for name in folders {
            walk(folder + "/" + name, relative: relative.isEmpty ? name : relative + "/" + name, depth: depth + 1, into: &out)
        }
    }

    /// True for a table file name a folder search reads (not a spec, a sidecar or an event file).
    static func isTable(_ name: String) -> Bool {
        FileKind.isTableInFolder(name) && FileKind.named(name) != .tensorBoard
    }

    /// True for an existing folder.
    public static func isFolder(_ path: String) -> Bool {
        var isDir: Bool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir
    }

    /// Names for files that tell them apart: the first path component that differs between them
    /// (`runs/a/metrics.csv`, `runs/b/metrics.csv` → `a`, `b`), else the file names; TensorBoard
    /// CSV exports of one tag from several runs (`run-seed1-tag-loss.csv`) by their runs (`seed1`).
    public static func runNames(_ paths: [String]) -> [String] {
        let names = distinctNames(paths)
        // TensorBoard's CSV exports of one tag (`run-seed1-tag-loss.csv`): the run's name.
        let runs = names.map { name -> String? in
            guard name.hasPrefix("run-"), let tag = name.lastRange(of: "-tag-"),
                  tag.lowerBound > name.index(name.startIndex, offsetBy: 4) else { return nil }
            return String(name[name.index(name.startIndex, offsetBy: 4)..<tag.lowerBound])
        }
        if runs.allSatisfy({ $0 != nil }), Set(runs).count == runs.count { return runs.map { $0! } }
        return names
    }

    /// The first path component that tells the paths apart, without its extension; else the stems.
    static func distinctNames(_ paths: [String]) -> [String] {
        let parts = paths.map { PathName.standardized($0).split(separator: "/").map(String.init) }
        guard let longest = parts.map(\.count).max() else { return [] }
        for k in 0..<longest {
            let column = parts.map { k < $0.count ? $0[k] : "" }
            if Set(column).count > 1 {
                let names = column.map { PathName.deletingExtension($0) }
                if Set(names).count == names.count { return names }
            }
        }
        return paths.map { PathName.deletingExtension(PathName.lastComponent($0)) }
    }
}

extension DataError.Kind {
    /// True for `.nothingToDraw`.
    public var isNothingToDraw: Bool { if case .nothingToDraw = self { return true } else { return false } }
}
