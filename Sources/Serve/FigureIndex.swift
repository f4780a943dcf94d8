#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import FoundationEssentials
import JSON
import NIOConcurrencyHelpers
import Platform

/// The list of figures under the served folder, as `/figures.json` serves it: kept current by
/// whoever renders them (the watch session calls `record` and `remove` after every sidecar it
/// writes), so a request costs one lock and, when something changed, one JSON encoding; never
/// a walk or a sidecar read.
///
/// `init` seeds the list once from the folder: a walk that opens every folder relative to its
/// parent without following links (`openat` with `O_NOFOLLOW`), and reads each sidecar with a
/// size cap (`maxSidecarBytes`), so a huge or linked `*.png.json` costs nothing. The document
/// names the folder only by its last component, and error messages have the watched and
/// served folders' absolute paths removed (`hiding`), so the page shows no absolute path.
public final class FigureIndex: Sendable {
    /// One figure in the list.
    public struct Entry: Codable, Sendable, Equatable {
        /// The PNG's path relative to the served folder, `/`-separated.
        public var path: String
        /// The sidecar's version; for a PNG without a sidecar its modification time in
        /// milliseconds, so the number still changes when the file does.
        public var version: Int
        /// False when the latest render failed (the PNG, if any, is the last good one).
        public var ok: Bool
        /// Why the latest render failed, from the sidecar (folders hidden).
        public var error: String?
        /// Whether the PNG exists.
        public var image: Bool
        /// Rows drawn by the latest good render (0 without a sidecar).
        public var rows: Int

        /// An entry with every field given.
        public init(path: String, version: Int, ok: Bool, error: String?, image: Bool, rows: Int) {
            self.path = path; self.version = version; self.ok = ok; self.error = error; self.image = image; self.rows = rows
        }
    }

    /// The largest sidecar read (a real one is about 200 bytes); a larger one is listed with an
    /// error naming the limit. The value is `ResourceLimits.sidecarBytes` (Table), the one
    /// documented limit; Serve links no drawing module, so a test checks the two agree.
    public static let maxSidecarBytes = 64 << 10
    /// Deepest folder level searched below the root by the seeding walk.
    public static let maxDepth = 16

    /// The served folder as a real path.
    public let root: String
    /// The folder's name as the page shows it (its last path component).
    public let name: String
    /// Absolute folder paths removed from error messages (longest first).
    private let hidden: [String]
    /// The spellings of the root that `record` accepts as prefixes of an output path.
    private let prefixes: [String]
    private let state: NIOLockedValueBox<State>

    private struct State {
        var entries: [String: Entry] = [:]
        var document: (bytes: [UInt8], etag: String)?
    }

    /// An index of `root` (which must exist), seeded from the figures already there; `hiding`
    /// lists further absolute folders to remove from error messages (the watched folder).
    public init(root: String, hiding: [String] = []) {
        let given = PathName.absoluteStandardized(root)
        let real = FigureIndex.realPath(given) ?? given
        self.root = real
        name = PathName.lastComponent(real)
        prefixes = Array(Set([given, real]))
        var folders = Set([given, real])
        for folder in hiding {
            let standard = PathName.absoluteStandardized(folder)
            folders.insert(standard)
            if let r = FigureIndex.realPath(standard) { folders.insert(r) }
        }
        hidden = folders.filter { $0 != "/" }.sorted { $0.count > $1.count }
        state = NIOLockedValueBox(State())
        rescan()
    }

    /// Replaces the list with what the folder holds now (the seeding walk of `init`).
    public func rescan() {
        var found: [String: Entry] = [:]
        let fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 {
            var pngs = Set<String>()
            FigureIndex.walk(fd, relative: "", depth: 0) { relative in
                let lower = relative.lowercased()
                if lower.hasSuffix(".png.json") { pngs.insert(String(relative.dropLast(5))) } else if lower.hasSuffix(".png") { pngs.insert(relative) }
            }
            for relative in pngs { found[relative] = entry(fromDiskAt: relative) }
        }
        state.withLockedValue { s in
            s.entries = found
            s.document = nil
        }
    }

    /// Records the latest status of the figure at `output` (an absolute path; ignored when it is
    /// not under the root). Whether the PNG exists is read from the disk.
    public func record(output: String, version: Int, ok: Bool, error: String?, rows: Int) {
        guard let relative = relativePath(output) else { return }
        var info = stat()
        let image = lstat(output, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
        let entry = Entry(path: relative, version: version, ok: ok, error: error.map(redact), image: image, rows: rows)
        state.withLockedValue { s in
            guard s.entries[relative] != entry else { return }
            s.entries[relative] = entry
            s.document = nil
        }
    }

    /// Removes the figure at `output` (its PNG and sidecar are gone).
    public func remove(output: String) {
        guard let relative = relativePath(output) else { return }
        state.withLockedValue { s in
            if s.entries.removeValue(forKey: relative) != nil { s.document = nil }
        }
    }

    /// The figures, sorted by path.
    public var entries: [Entry] {
        state.withLockedValue { s in s.entries.values.sorted { $0.path < $1.path } }
    }

    /// The JSON document `{"figures": [...], "folder": NAME}` (sorted keys, stable for equal
    /// input) and its ETag; encoded once per change.
    public func document() -> (bytes: [UInt8], etag: String) {
        state.withLockedValue { s in
            if let document = s.document { return document }
            let bytes = FigureIndex.encode(s.entries.values.sorted { $0.path < $1.path }, folder: name)
            let document = (bytes, "\"" + FigureRoutes.hash(bytes) + "\"")
            s.document = document
            return document
        }
    }

    /// The document's bytes, written directly (what `JSONEncoder` with sorted keys and unescaped
    /// slashes writes, `error` left out when nil, at a fraction of its cost: the list of 20,000
    /// figures is re-encoded after every render while the page polls). Strings, integers and
    /// booleans go through `JSONWriter`, the one JSON writer; the keys are written sorted here.
    static func encode(_ figures: [Entry], folder: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(figures.count * 96 + 64)
        out += #"{"figures":["#.utf8
        for (i, figure) in figures.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "{"))
            if let error = figure.error {
                out += #""error":"#.utf8
                JSONWriter.appendString(error, to: &out)
                out.append(UInt8(ascii: ","))
            }
            out += #""image":"#.utf8
            JSONWriter.appendBool(figure.image, to: &out)
            out += #","ok":"#.utf8
            JSONWriter.appendBool(figure.ok, to: &out)
            out += #","path":"#.utf8
            JSONWriter.appendString(figure.path, to: &out)
            out += #","rows":"#.utf8
            JSONWriter.appendInteger(figure.rows, to: &out)
            out += #","version":"#.utf8
            JSONWriter.appendInteger(figure.version, to: &out)
            out.append(UInt8(ascii: "}"))
        }
        out += #"],"folder":"#.utf8
        JSONWriter.appendString(folder, to: &out)
        out.append(UInt8(ascii: "}"))
        return out
    }

    /// `text` with every hidden folder's absolute path (and the `/` after it) removed.
    public func redact(_ text: String) -> String {
        var out = text
        for folder in hidden where out.contains(folder) {
            out = out.replacing(folder + "/", with: "")
        }
        return out
    }

    /// UTF-8 bytes with every hidden folder removed (bytes that are not UTF-8 are sent as they are).
    func redact(_ bytes: [UInt8]) -> [UInt8] {
        guard let text = String(validating: bytes, as: UTF8.self) else { return bytes }
        return Array(redact(text).utf8)
    }

    // MARK: - Disk

    /// The output's path below the root, or nil when it is elsewhere.
    private func relativePath(_ output: String) -> String? {
        let path = PathName.absoluteStandardized(output)
        for prefix in prefixes where path.hasPrefix(prefix == "/" ? "/" : prefix + "/") {
            return String(path.dropFirst(prefix == "/" ? 1 : prefix.count + 1))
        }
        return nil
    }

    /// An entry from the sidecar at `relative + ".json"` (read capped, not through links), or
    /// from the PNG's modification time when there is no usable sidecar.
    private func entry(fromDiskAt relative: String) -> Entry {
        let absolute = root + "/" + relative
        var info = stat()
        let hasImage = lstat(absolute, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
        if let sidecar = FigureIndex.readSidecar(absolute + ".json") {
            return Entry(path: relative, version: sidecar.version, ok: sidecar.ok, error: sidecar.error.map(redact),
                         image: hasImage, rows: sidecar.rows ?? 0)
        }
        let mtime = hasImage ? Int(info.st_mtim.tv_sec) * 1000 + Int(info.st_mtim.tv_nsec) / 1_000_000 : 0
        if let size = FigureIndex.oversizedSidecar(absolute + ".json") {
            return Entry(path: relative, version: mtime, ok: false,
                         error: "\(relative).json: \(size) bytes, more than the limit of \(FigureIndex.maxSidecarBytes >> 10) KiB a sidecar may have; not read",
                         image: hasImage, rows: 0)
        }
        return Entry(path: relative, version: mtime, ok: hasImage, error: hasImage ? nil : "no status", image: hasImage, rows: 0)
    }

    /// The fields of a sidecar the list needs.
    struct Sidecar: Decodable {
        var version: Int
        var ok: Bool
        var error: String?
        var rows: Int?
    }

    /// Reads a sidecar: a regular file (not a link) of at most `maxSidecarBytes`, or nil.
    static func readSidecar(_ path: String) -> Sidecar? {
        guard let bytes = try? FigureRoutes.readFile(path, limit: maxSidecarBytes) else { return nil }
        return try? JSONDecoder().decode(Sidecar.self, from: Data(bytes))
    }

    /// The size of the regular file (not a link) at `path` when it is over `maxSidecarBytes`, else nil.
    static func oversizedSidecar(_ path: String) -> Int? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) > maxSidecarBytes else { return nil }
        return Int(info.st_size)
    }

    /// Visits every non-hidden regular file or link below the open folder `fd` (which it
    /// closes), descending only into real folders opened without following links.
    private static func walk(_ fd: Int32, relative: String, depth: Int, _ visit: (String) -> Void) {
        guard depth <= maxDepth, let dir = fdopendir(fd) else { close(fd); return }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            let rel = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard fstatat(dirfd(dir), name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                let child = openat(dirfd(dir), name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                if child >= 0 { walk(child, relative: rel, depth: depth + 1, visit) }
            case S_IFREG, S_IFLNK: visit(rel)
            default: continue
            }
        }
    }

    /// `realpath(3)`, or nil when the path does not exist.
    static func realPath(_ path: String) -> String? { ServedPath.realPath(path) }
}
