#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A depth-first walk of a folder's tree in name order, without following symbolic links to
/// folders: each entry is given as its path relative to the root.
public enum DirectoryWalk {
    /// One entry met on the walk.
    public struct Entry {
        /// The path relative to the root (`a/b.csv`).
        public let relative: String
        /// The entry's own name (`b.csv`).
        public let name: String
        /// True for a folder (not a link to one).
        public let isDirectory: Bool
        /// True for a regular file (not a link to one).
        public let isRegularFile: Bool
    }

    /// Visits every entry under `root`; `visit` returns false to skip a folder's contents.
    /// Returns false when `root` itself cannot be read as a folder.
    @discardableResult
    public static func walk(_ root: String, _ visit: (Entry) -> Bool) -> Bool {
        guard let names = sortedNames(root) else { return false }
        walk(root, names: names, prefix: "", depth: 0, visit)
        return true
    }

    private static func walk(_ root: String, names: [String], prefix: String, depth: Int, _ visit: (Entry) -> Bool) {
        for name in names {
            let relative = prefix.isEmpty ? name : prefix + "/" + name
            var info = stat()
            guard lstat(root + "/" + relative, &info) == 0 else { continue }
            let type = info.st_mode & S_IFMT
            let entry = Entry(relative: relative, name: name, isDirectory: type == S_IFDIR, isRegularFile: type == S_IFREG)
            guard visit(entry), entry.isDirectory, depth < 64,
                  let children = sortedNames(root + "/" + relative) else { continue }
            walk(root, names: children, prefix: relative, depth: depth + 1, visit)
        }
    }

    /// The names in folder `path` (without `.` and `..`), sorted; nil when it cannot be listed.
    static func sortedNames(_ path: String) -> [String]? {
        guard let dir = opendir(path) else { return nil }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names.sorted()
    }
}
