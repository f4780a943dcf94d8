#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The list of figures under a folder, as `/figures.json` serves it to the browser page.
///
/// Built fresh for each request from the files on disk (a walk plus one small sidecar read per
/// figure), so the server keeps no state that could go stale and never talks to the render
/// thread. A figure is a `*.png`, a `*.png.json` sidecar, or both (a first render that failed
/// leaves a sidecar and no PNG).
public struct FigureIndex: Sendable {
    /// One figure in the list.
    public struct Entry: Codable, Sendable, Equatable {
        /// The PNG's path relative to the served folder, `/`-separated.
        public var path: String
        /// The sidecar's version; for a PNG without a sidecar its modification time in
        /// milliseconds, so the number still changes when the file does.
        public var version: Int
        /// False when the latest render failed (the PNG, if any, is the last good one).
        public var ok: Bool
        /// Why the latest render failed, from the sidecar.
        public var error: String?
        /// Whether the PNG exists.
        public var image: Bool
        /// Rows drawn by the latest good render (0 without a sidecar).
        public var rows: Int
    }

    /// The figures, sorted by path.
    public var entries: [Entry]
    /// The folder scanned.
    public var folder: String

    /// Deepest folder level searched below the root (a guard against link loops and odd trees).
    public static let maxDepth = 16

    /// Scans `root` (a real path) for figures; hidden files and folders are skipped and
    /// symlinked folders are not followed.
    public init(root: String) {
        folder = root
        var pngs = Set<String>()
        FigureIndex.walk(root, relative: "", depth: 0) { relative in
            let lower = relative.lowercased()
            if lower.hasSuffix(".png.json") { pngs.insert(String(relative.dropLast(5))) }
            else if lower.hasSuffix(".png") { pngs.insert(relative) }
        }
        entries = pngs.sorted().map { relative in
            let absolute = root + "/" + relative
            var info = stat()
            let hasImage = stat(absolute, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
            if let status = WatchStatus.read(for: absolute) {
                return Entry(path: relative, version: status.version, ok: status.ok, error: status.error,
                             image: hasImage, rows: status.rows)
            }
            let mtime = hasImage ? Int(info.st_mtim.tv_sec) * 1000 + Int(info.st_mtim.tv_nsec) / 1_000_000 : 0
            return Entry(path: relative, version: mtime, ok: hasImage, error: hasImage ? nil : "no status", image: hasImage, rows: 0)
        }
    }

    /// The JSON document: `{"figures": [...], "folder": ...}` with sorted keys, stable for
    /// equal input.
    public func json() -> [UInt8] {
        struct Document: Encodable { var figures: [Entry]; var folder: String }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? Array(encoder.encode(Document(figures: entries, folder: folder)))) ?? Array(#"{"figures":[]}"#.utf8)
    }

    private static func walk(_ folder: String, relative: String, depth: Int, _ visit: (String) -> Void) {
        guard depth <= maxDepth, let dir = opendir(folder) else { return }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            let path = folder + "/" + name, rel = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: walk(path, relative: rel, depth: depth + 1, visit)
            case S_IFREG, S_IFLNK: visit(rel)
            default: continue
            }
        }
    }
}
