import ContentHash
import FoundationEssentials
import Glibc
import JSON
import PNG
import Table

/// The sidecar status file written beside each watched figure (`<name>.png.json`).
///
/// Pollers (the Python helper, the browser page) read this small file instead of the PNG:
/// `version` grows by one with every render, good or bad; `hash` is the content hash of the
/// PNG on disk (FNV-1a 64, hex); `ok` says whether the latest render wrote it, and `error`
/// (`file:line: message`) why not; the previous good PNG then stays. `warnings` lists the first
/// values the figure could not draw (cells that are not numbers in numeric columns, drawn as
/// missing values) and `warningCount` counts them all; `notes` lists what else was read
/// differently from the bytes as written (`ReadWarnings.notes`: an encoding fallback, invalid
/// dates read as missing, summaries that are not scalars). Written atomically.
public struct WatchStatus: Decodable, Sendable, Equatable {
    /// A value the figure could not draw: where it is and what it says.
    public struct Warning: Decodable, Sendable, Equatable {
        /// The data file.
        public var file: String
        /// The 1-based line (nil for whole-document JSON, whose key path is in `column`'s message).
        public var line: Int?
        /// The column's name.
        public var column: String
        /// The cell's text.
        public var value: String

        /// A warning with every field given.
        public init(file: String, line: Int?, column: String, value: String) {
            self.file = file; self.line = line; self.column = column; self.value = value
        }
    }

    /// At most this many warnings are listed (`warningCount` has the total).
    public static let warningLimit = 20

    /// Grows by one with every finished render of this figure.
    public var version: Int
    /// FNV-1a 64 of the PNG file on disk, as 16 hex digits (empty before the first good render).
    public var hash: String
    /// True when the latest render wrote the PNG.
    public var ok: Bool
    /// Why the latest render failed (`file:line: message`), nil when it succeeded.
    public var error: String?
    /// The rows drawn (the longest table) by the latest good render.
    public var rows: Int
    /// Render-thread milliseconds of the latest render.
    public var ms: Double
    /// The input file the figure comes from (data file or spec).
    public var input: String
    /// Why there is no figure yet though nothing is wrong ("waiting for data": a header without
    /// rows, an event file without scalars yet); nil otherwise. `ok` is false, `error` nil.
    public var waiting: String?
    /// The first values the latest good render could not draw (at most `warningLimit`).
    public var warnings: [Warning]
    /// How many values the latest good render could not draw in all.
    public var warningCount: Int
    /// What else the latest good render's reading noticed, one line each (absent when nothing).
    public var notes: [String] = []
    /// The files Plotline wrote beside the PNG (the figure's other formats: `fig.svg`, `fig.pdf`),
    /// by file name in the PNG's folder, with each file's content hash as written (FNV-1a 64,
    /// hex); absent when none. When the figure's formats shrink (its spec edited or deleted), the
    /// watcher removes the dropped ones, and only while their content still has that hash.
    public var also: [String: String] = [:]

    /// A status with every field given.
    public init(version: Int, hash: String, ok: Bool, error: String?, rows: Int, ms: Double, input: String,
                warnings: [Warning] = [], warningCount: Int = 0) {
        self.version = version; self.hash = hash; self.ok = ok; self.error = error
        self.rows = rows; self.ms = ms; self.input = input
        self.warnings = warnings; self.warningCount = warningCount
    }

    private enum CodingKeys: String, CodingKey {
        case version, hash, ok, error, rows, ms, input, waiting, warnings, warningCount, notes, also
    }

    /// Decodes a sidecar; one written before warnings (or `waiting`) existed reads as having none.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decode(Int.self, forKey: .version)
        hash = try c.decode(String.self, forKey: .hash)
        ok = try c.decode(Bool.self, forKey: .ok)
        error = try c.decodeIfPresent(String.self, forKey: .error)
        rows = try c.decode(Int.self, forKey: .rows)
        ms = try c.decode(Double.self, forKey: .ms)
        input = try c.decode(String.self, forKey: .input)
        waiting = try c.decodeIfPresent(String.self, forKey: .waiting)
        warnings = try c.decodeIfPresent([Warning].self, forKey: .warnings) ?? []
        warningCount = try c.decodeIfPresent(Int.self, forKey: .warningCount) ?? warnings.count
        notes = try c.decodeIfPresent([String].self, forKey: .notes) ?? []
        also = try c.decodeIfPresent([String: String].self, forKey: .also) ?? [:]
    }

    /// The sidecar as a JSON value, written with `JSONValue.prettyText` like every other JSON file
    /// Plotline writes: the keys in `CodingKeys`' order, `error`, `waiting` and a warning's
    /// `line` only when there is one, `notes` and `also` only when not empty (`also` by file name).
    /// `init(from:)` reads it back.
    var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("version", .number(Double(version))), ("hash", .string(hash)), ("ok", .bool(ok)),
        ]
        if let error { members.append(("error", .string(error))) }
        members += [("rows", .number(Double(rows))), ("ms", .number(ms)), ("input", .string(input))]
        if let waiting { members.append(("waiting", .string(waiting))) }
        members.append(("warnings", .array(warnings.map { w in
            var fields: [(key: String, value: JSONValue)] = [("file", .string(w.file))]
            if let line = w.line { fields.append(("line", .number(Double(line)))) }
            fields += [("column", .string(w.column)), ("value", .string(w.value))]
            return .object(fields)
        })))
        members.append(("warningCount", .number(Double(warningCount))))
        if !notes.isEmpty { members.append(("notes", .array(notes.map { .string($0) }))) }
        if !also.isEmpty { members.append(("also", .object(also.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))) }
        return .object(members)
    }

    /// The sidecar path of a PNG output.
    public static func path(for output: String) -> String { output + ".json" }

    /// Reads the sidecar of `output`, or nil when there is none, it does not decode, it is a
    /// link, or it is larger than `limits.sidecarBytes` (then `problem` gets a line naming the
    /// file and the limit, and nothing is read).
    public static func read(for output: String, limits: ResourceLimits = .standard,
                            problem: (String) -> Void = { _ in }) -> WatchStatus? {
        let sidecar = path(for: output)
        let fd = open(sidecar, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        if let why = limits.sidecarProblem(Int(info.st_size), path: sidecar) {
            problem(why)
            return nil
        }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard n >= 0 else { return nil }
        return try? JSONDecoder().decode(WatchStatus.self, from: Data(bytes[..<n]))
    }

    /// Writes the sidecar of `output` atomically (temp file, fsync, rename); with `root`, only
    /// below that folder and through no link (`AtomicFile.write(_:to:under:)`). `durable: false`
    /// skips the fsyncs (see `AtomicFile.write`).
    public func write(for output: String, under root: String? = nil, durable: Bool = true) throws {
        let bytes = Array(json.prettyText().utf8)
        if let root {
            try AtomicFile.write(bytes, to: WatchStatus.path(for: output), under: root, durable: durable)
        } else {
            try AtomicFile.write(bytes, to: WatchStatus.path(for: output), durable: durable)
        }
    }

    /// FNV-1a 64 of the file at `path` as 16 hex digits (`FNV1a64`, the hash `--serve` sends as
    /// the file's ETag), or "" when it cannot be read.
    public static func contentHash(of path: String) -> String {
        guard case .success(let data) = FileBytes.readWhole(path) else { return "" }
        return FNV1a64.hex(of: data)
    }
}
