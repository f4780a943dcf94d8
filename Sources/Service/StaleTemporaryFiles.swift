#if canImport(Glibc)
import Glibc
#endif
import Platform
import PNG

/// Finds and removes the hidden temporary files (`.NAME.PID.RAND.tmp`, `AtomicFile`'s shape)
/// that a plotline process killed mid-write (`kill -9`, a power cut) left behind.
///
/// Only files whose process is gone are removed (`kill(pid, 0)` fails with `ESRCH`), so a
/// second plotline writing into the same folder keeps its files; folders are opened without
/// following links, so nothing outside the tree is touched.
public enum StaleTemporaryFiles {
    /// Deepest folder level searched.
    static let maxDepth = 32

    /// Removes the stale temporary files under `root`; returns their paths.
    @discardableResult
    public static func remove(under root: String) -> [String] {
        var removed: [String] = []
        let fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 { sweep(fd, path: PathName.absoluteStandardized(root), depth: 0, into: &removed) }
        return removed
    }

    /// Whether a temporary file written by process `pid` is stale (that process is gone).
    static func isStale(pid: Int32) -> Bool {
        pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH
    }

    private static func sweep(_ fd: Int32, path: String, depth: Int, into removed: inout [String]) {
        guard depth <= maxDepth, let dir = fdopendir(fd) else { close(fd); return }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            guard let name = String(validating: bytes, as: UTF8.self), name != ".", name != ".." else { continue }
            var info = stat()
            guard fstatat(dirfd(dir), name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR where !name.hasPrefix("."):
                let child = openat(dirfd(dir), name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                if child >= 0 { sweep(child, path: path + "/" + name, depth: depth + 1, into: &removed) }
            case S_IFREG:
                guard let pid = AtomicFile.temporaryOwner(of: name), isStale(pid: pid) else { continue }
                if unlinkat(dirfd(dir), name, 0) == 0 { removed.append(path + "/" + name) }
            default:
                continue
            }
        }
    }
}
