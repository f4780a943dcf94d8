#if canImport(Glibc)
import Glibc
#endif

/// What a path below a root is now, found without following any symbolic link below the root:
/// every folder is opened relative to its parent with `O_NOFOLLOW` (`openat`), the last name is
/// examined with `fstatat(AT_SYMLINK_NOFOLLOW)`.
///
/// The watcher checks an event's path with it right before acting on it (and the render thread
/// right before reading), so a folder swapped for a link to elsewhere after the event
/// (`mkdir x; rmdir x; ln -s OUTSIDE x`) or a link to an outside file created at run time is
/// never followed; at start-up the tree walk skips links the same way.
enum ConfinedPath: Equatable {
    /// A regular file, reached through real folders only.
    case file
    /// A real folder.
    case folder
    /// The name, or a folder on the way to it, is a symbolic link.
    case link
    /// Nothing there (or something that is neither file, folder nor link).
    case missing
    /// The path is not below the root.
    case outside

    /// Examines `path` (absolute) below `root` (absolute, standardized).
    static func examine(_ path: String, under root: String) -> ConfinedPath {
        let base = root.hasSuffix("/") ? root : root + "/"
        guard path.hasPrefix(base) else { return .outside }
        let parts = path.dropFirst(base.count).split(separator: "/").map(String.init)
        guard !parts.isEmpty, !parts.contains(where: { $0 == "." || $0 == ".." }) else { return .outside }
        var fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return .missing }
        defer { close(fd) }
        for folder in parts.dropLast() {
            let next = openat(fd, folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if next < 0 {
                var info = stat()
                let isLink = fstatat(fd, folder, &info, AT_SYMLINK_NOFOLLOW) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
                return isLink ? .link : .missing
            }
            close(fd)
            fd = next
        }
        var info = stat()
        guard fstatat(fd, parts.last!, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        case S_IFLNK: return .link
        default: return .missing
        }
    }

    /// The first `count` bytes of the file open as `fd` (opened through no link with
    /// `ConfinedOpen`), or fewer: none when it cannot be read.
    static func head(of fd: Int32, count: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count, 0) }
        return n < 0 ? [] : Array(bytes[..<n])
    }
}
