import FoundationEssentials
import Glibc
import RunLogs
import Platform

/// Follows the runs behind one watched figure for `plotline watch`: a TensorBoard run folder
/// (its event files) or an MLflow experiment folder (its runs), reading only appended records
/// and lines on each refresh.
public struct RunLogFollower: Sendable {
    /// The folder a figure follows.
    public enum Source: Sendable, Hashable {
        /// A folder of TensorBoard event files: one run.
        case events(String)
        /// An MLflow experiment folder: its runs, overlaid.
        case mlflowExperiment(String)

        /// The folder.
        public var folder: String {
            switch self { case .events(let f), .mlflowExperiment(let f): return f }
        }
    }

    /// What is followed.
    public let source: Source
    /// The limits applied: an event file or an MLflow metric, `meta.yaml`, `params/` or `tags/`
    /// file over `followedBytes` is an error before it is read.
    public let limits: ResourceLimits
    private var events: EventFileSet?
    private var runs: [String: MLflowRun] = [:]

    /// A follower of `source` (nothing is read before `refresh`).
    public init(source: Source, limits: ResourceLimits = .standard) {
        self.source = source
        self.limits = limits
        if case .events(let folder) = source { events = EventFileSet(path: folder) }
    }

    /// The figure source a changed file belongs to: the folder of an event file, or the
    /// experiment of a file inside an MLflow run (`<experiment>/<run>/metrics/...`, `params/`,
    /// `tags/`, `meta.yaml`); nil for other files.
    public static func source(for path: String) -> Source? {
        let name = PathName.lastComponent(path)
        if EventFileSet.isEventFileName(name) { return .events(PathName.deletingLastComponent(path)) }
        guard ["/metrics/", "/params/", "/tags/"].contains(where: path.contains) || name == "meta.yaml" else { return nil }
        var folder = PathName.deletingLastComponent(path)
        while folder.count > 1 {
            let up = PathName.deletingLastComponent(folder)
            if MLflowRun.isRun(folder) && ["metrics", "params", "tags", "meta.yaml"].contains(where: { path.hasPrefix(folder + "/" + $0) }) {
                return .mlflowExperiment(up)
            }
            if up == folder { break }
            folder = up
        }
        return nil
    }

    /// Reads what was appended and returns every run's table (runs with no point yet left out;
    /// throws `nothingToDraw` when no run has one).
    public mutating func refresh() throws(DataError) -> [RunInputs.Run] {
        switch source {
        case .events(let folder):
            var set = events ?? EventFileSet(path: folder)
            do { try checkFollowed(set.currentFiles()) } catch { events = nil; throw error }
            do { try set.refresh() } catch { events = nil; throw RunLogTables.dataError(error) }
            events = set
            var table = try RunLogTables.table(set.log, source: folder)
            // What `render` says as a note, the sidecar keeps (`ReadWarnings.notes`).
            if let skipped = set.log.skippedSummary { table.readNotes.append("\(folder): \(skipped)") }
            return [RunInputs.Run(name: PathName.lastComponent(folder), table: table, params: [:], path: folder)]
        case .mlflowExperiment(let folder):
            let folders = MLflowRun.runs(inExperiment: folder)
            runs = runs.filter { folders.contains($0.key) }
            var out: [RunInputs.Run] = []
            for f in folders {
                var run = runs[f] ?? MLflowRun(path: f, textFileLimit: limits.followedBytes)
                do { try checkFollowed(run.metricFiles() + run.textFiles()) } catch { runs[f] = nil; throw error }
                do { try run.refresh() } catch { runs[f] = nil; throw RunLogTables.dataError(error) }
                runs[f] = run
                if run.log.pointCount > 0 {
                    out.append(RunInputs.Run(name: run.name, table: try RunLogTables.table(run.log, source: f), params: run.params, path: f))
                }
            }
            guard !out.isEmpty else {
                throw DataError(.nothingToDraw("no MLflow run has a metric value yet"), at: DataLocation(source: folder))
            }
            return out
        }
    }

    /// Throws for the first of `files` over `limits.followedBytes` (nothing of it read yet);
    /// a file that vanished meanwhile is left to the reader's own error.
    private func checkFollowed(_ files: [String]) throws(DataError) {
        for file in files {
            var info = stat()
            if stat(file, &info) == 0 { try limits.checkFollowed(Int(info.st_size), source: file) }
        }
    }
}
