#if canImport(Glibc)
import Glibc
#endif
import FoundationEssentials
import Platform

/// One run of an MLflow file store (`mlruns/<experiment>/<run id>/`), followed incrementally.
///
/// Metrics are the files under `metrics/` (a key with slashes is a sub-path, `metrics/train/loss`),
/// one point per line: `timestamp value step` (milliseconds since the epoch; older stores omit
/// the step, which is then 0). The run's name comes from `tags/mlflow.runName`, else
/// `run_name` in `meta.yaml`, else the run id; `params/<key>` files are kept for grouping.
/// Each refresh reads only the lines appended to each metric file; a half-written last line
/// waits, and a file that shrank makes the run read again. The small text files (`meta.yaml`,
/// `params/`, `tags/`) are read whole, each at most `textFileLimit` bytes: `plotline watch`
/// checks them (`textFiles()`) against its followed-bytes limit first, and the cap holds even
/// for a file that grows between that check and the read.
public struct MLflowRun: Sendable {
    /// The run folder.
    public let path: String
    /// The run's display name.
    public private(set) var name: String
    /// The run's parameters (`params/<key>` → value).
    public private(set) var params: [String: String] = [:]
    /// Every metric point read so far (tags are the metric keys).
    public private(set) var log = ScalarLog()

    /// The most bytes of a `meta.yaml`, `params/` or `tags/` file that `refresh` reads; a larger
    /// one is an error naming it (unlimited unless set: `render` reads what it is given).
    public var textFileLimit: Int

    private var consumed: [String: Int] = [:]
    private var lines: [String: Int] = [:]

    /// A run read from `path` (nothing is read before `refresh`), its text files capped at
    /// `textFileLimit` bytes.
    public init(path: String, textFileLimit: Int = .max) {
        self.path = path
        self.textFileLimit = textFileLimit
        name = PathName.lastComponent(path)
    }

    /// The run's metric files now (`metrics/<key>`, keys with slashes are sub-paths), in key order.
    public func metricFiles() -> [String] {
        MLflowRun.files(under: path + "/metrics").map { path + "/metrics/" + $0 }
    }

    /// The run's text files now, read whole by `refresh`: `meta.yaml`, `params/<key>`, `tags/<key>`.
    public func textFiles() -> [String] {
        [path + "/meta.yaml"] + ["params", "tags"].flatMap { folder in
            MLflowRun.files(under: path + "/" + folder).map { path + "/" + folder + "/" + $0 }
        }
    }

    /// True for a folder holding an MLflow run (`meta.yaml` beside a `metrics` folder).
    public static func isRun(_ folder: String) -> Bool {
        var isDir: Bool = false
        return FileManager.default.fileExists(atPath: folder + "/meta.yaml")
            && FileManager.default.fileExists(atPath: folder + "/metrics", isDirectory: &isDir) && isDir
    }

    /// True for a folder holding an MLflow experiment (`meta.yaml` and at least one run folder).
    public static func isExperiment(_ folder: String) -> Bool {
        FileManager.default.fileExists(atPath: folder + "/meta.yaml") && !runs(inExperiment: folder).isEmpty
    }

    /// The live (not deleted) run folders of an experiment folder, in name order.
    public static func runs(inExperiment folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.sorted().map { folder + "/" + $0 }.filter { isRun($0) && !isDeleted($0) }
    }

    /// True when the run's `meta.yaml` says `lifecycle_stage: deleted`.
    static func isDeleted(_ run: String) -> Bool {
        // Looked at before any limit is checked: only the first 64 KiB (a real one is ~300 bytes).
        guard let text = try? text(of: run + "/meta.yaml", limit: 64 << 10, truncating: true) else { return false }
        return text.split(separator: "\n").contains { $0.trimmingWhitespace == "lifecycle_stage: deleted" }
    }

    /// Reads the name, the parameters and whatever was appended to the metrics; returns true
    /// when a point was added (or the run was read again).
    @discardableResult
    public mutating func refresh() throws(RunLogError) -> Bool {
        name = try MLflowRun.runName(path, limit: textFileLimit)
        params = try MLflowRun.keyFiles(path + "/params", limit: textFileLimit)
        let metrics = MLflowRun.files(under: path + "/metrics")
        var changed = false
        var sizes: [String: Int] = [:]
        for key in metrics {
            let file = path + "/metrics/" + key
            var info = stat()
            guard stat(file, &info) == 0 else { throw RunLogError(file: file, "cannot read the file (\(String(cString: strerror(errno))))") }
            sizes[key] = Int(info.st_size)
        }
        let shrank = consumed.contains { entry in
            guard let size = sizes[entry.key] else { return true }
            return size < entry.value
        }
        if shrank {
            log = ScalarLog()
            consumed = [:]
            lines = [:]
            changed = true
        }
        for key in metrics {
            let start = consumed[key] ?? 0
            guard let size = sizes[key], size > start else {
                if consumed[key] == nil { _ = log.tagIndex(key) }
                continue
            }
            let before = log.records
            try readLines(key: key, from: start, count: size - start)
            changed = changed || log.records != before
        }
        return changed
    }

    /// Parses the whole lines in the new bytes of metric `key`.
    private mutating func readLines(key: String, from offset: Int, count: Int) throws(RunLogError) {
        let file = path + "/metrics/" + key
        guard let reader = FileReader(path: file) else {
            throw RunLogError(file: file, "cannot read the file")
        }
        guard let data = reader.read(at: offset, count: count) else {
            throw RunLogError(file: file, "cannot read the file (\(String(cString: strerror(errno))))")
        }
        let tag = log.tagIndex(key)
        let (used, line) = try MLflowRun.parseLines(data, tag: tag, file: file, firstLine: lines[key] ?? 1, into: &log)
        consumed[key] = offset + used
        lines[key] = line
    }

    /// Parses the whole lines `timestamp value step` in `bytes` into tag `tag` of `log`; returns
    /// the bytes they span (a last line without its newline waits) and the next line number.
    public static func parseLines(
        _ bytes: [UInt8], tag: Int, file: String, firstLine: Int, into log: inout ScalarLog
    ) throws(RunLogError) -> (used: Int, nextLine: Int) {
        log.setKind(tag, .scalar)
        var line = firstLine
        var start = 0
        while let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) {
            let text = String(decoding: bytes[start..<newline], as: UTF8.self).trimmingWhitespace
            if !text.isEmpty {
                let fields = text.split(separator: " ")
                guard fields.count == 3 || fields.count == 2, let ms = Double(fields[0]), let value = Double(fields[1]),
                      fields.count == 2 || Int64(fields[2]) != nil else {
                    throw RunLogError(file: file, line: line, "expected 'timestamp value step' (numbers), found '\(text.prefix(60))'")
                }
                let step = fields.count == 3 ? Int64(fields[2])! : 0
                log.append(tag, step: step, wallTime: ms / 1000, value: value)
                log.records += 1
            }
            line += 1
            start = newline + 1
        }
        return (start, line)
    }


    /// The run's name: `tags/mlflow.runName`, else `run_name:` in `meta.yaml`, else the folder name
    /// (each file at most `limit` bytes).
    static func runName(_ run: String, limit: Int = .max) throws(RunLogError) -> String {
        if let tag = try text(of: run + "/tags/mlflow.runName", limit: limit) {
            let name = tag.trimmingWhitespace
            if !name.isEmpty { return name }
        }
        if let meta = try text(of: run + "/meta.yaml", limit: limit) {
            for line in meta.split(separator: "\n") where line.hasPrefix("run_name:") {
                let name = line.dropFirst("run_name:".count).trimmingWhitespace
                if !name.isEmpty && name != "''" { return name }
            }
        }
        return PathName.lastComponent(run)
    }

    /// `key → contents` of the files under `folder` (keys with slashes are sub-paths), each at
    /// most `limit` bytes.
    static func keyFiles(_ folder: String, limit: Int = .max) throws(RunLogError) -> [String: String] {
        var out: [String: String] = [:]
        for key in files(under: folder) {
            if let text = try text(of: folder + "/" + key, limit: limit) {
                out[key] = text.trimmingWhitespace
            }
        }
        return out
    }

    /// The UTF-8 text of `file`, nil when it cannot be read (missing, or not UTF-8). At most
    /// `limit` bytes are read: a longer file throws, or with `truncating` gives its first `limit`.
    static func text(of file: String, limit: Int, truncating: Bool = false) throws(RunLogError) -> String? {
        guard let reader = FileReader(path: file) else { return nil }
        let want = limit == .max ? Int.max : limit + 1
        guard var bytes = reader.read(upToCount: want) else { return nil }
        if bytes.count > limit {
            guard truncating else {
                throw RunLogError(file: file, "more than the limit of \(limit) bytes a run's meta.yaml, params or tags file may have "
                                  + "(see \"Limits\" in docs/figure-spec.md)")
            }
            bytes = Array(bytes.prefix(limit))
        }
        return String(validating: bytes, as: UTF8.self)
    }

    /// The regular files under `folder`, as sorted paths relative to it.
    static func files(under folder: String) -> [String] {
        var out: [String] = []
        DirectoryWalk.walk(folder) { entry in
            if entry.name.hasPrefix(".") { return false }
            var isDir = false
            if !entry.isDirectory, FileManager.default.fileExists(atPath: folder + "/" + entry.relative, isDirectory: &isDir), !isDir {
                out.append(entry.relative)
            }
            return true
        }
        return out.sorted()
    }
}
