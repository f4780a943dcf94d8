#if canImport(Glibc)
import Glibc
#endif
import FoundationEssentials

/// Opens a file below a folder without following any symbolic link below that folder: each
/// folder on the way is opened relative to its parent (`openat`) with `O_NOFOLLOW`, and so is
/// the file. The one rule for "open, don't follow" that the readers and the watcher share.
///
/// Checking a path and then opening it by name leaves a window in which a folder on the way
/// can be swapped for a link to elsewhere; a descriptor opened this way is the file that was
/// checked, or the open fails. Reads then go through the descriptor.
public enum ConfinedOpen {
    /// Why a file could not be opened.
    public enum Failure: Error, Equatable {
        /// The path is not below the folder (or has `.` / `..` parts).
        case outside
        /// The file, or a folder on the way to it, is a symbolic link.
        case link
        /// Nothing there.
        case missing
        /// Something that is not a regular file (a folder, a device, a pipe).
        case notRegular
        /// The system refused (`strerror` of its reason).
        case system(String)

        /// The reason in words, for messages.
        public var reason: String {
            switch self {
            case .outside: return "not inside the folder"
            case .link: return "it, or a folder on the way to it, is a symbolic link"
            case .missing: return "No such file or directory"
            case .notRegular: return "not a regular file"
            case .system(let text): return text
            }
        }
    }

    /// A read-only descriptor (close-on-exec, non-blocking open) of the regular file `path`
    /// (absolute) below `folder` (absolute, its own links resolved or trusted), or why not.
    public static func open(_ path: String, under folder: String) -> Result<Int32, Failure> {
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        guard path.hasPrefix(base) else { return .failure(.outside) }
        let parts = path.dropFirst(base.count).split(separator: "/").map(String.init)
        guard !parts.isEmpty, !parts.contains(where: { $0 == "." || $0 == ".." }) else { return .failure(.outside) }
        var fd = Glibc.open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(errno == ENOENT ? .missing : .system(String(cString: strerror(errno)))) }
        for name in parts.dropLast() {
            let next = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if next < 0 {
                let failure = failure(errno, at: fd, name)
                close(fd)
                return .failure(failure)
            }
            close(fd)
            fd = next
        }
        let file = openat(fd, parts.last!, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        let failure = file < 0 ? failure(errno, at: fd, parts.last!) : nil
        close(fd)
        if let failure { return .failure(failure) }
        var info = stat()
        guard fstat(file, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(file)
            return .failure(.notRegular)
        }
        return .success(file)
    }

    /// The bytes of the regular file `path` below `folder`, opened as `open(_:under:)` does and
    /// read whole from that descriptor, or why not.
    public static func read(_ path: String, under folder: String) -> Result<Data, Failure> {
        let fd: Int32
        switch open(path, under: folder) {
        case .success(let opened): fd = opened
        case .failure(let failure): return .failure(failure)
        }
        defer { close(fd) }
        return FileBytes.readWhole(fileDescriptor: fd).mapError { .system($0.reason) }
    }

    /// What an `openat` failure with `code` on `name` in the open folder `fd` means.
    private static func failure(_ code: Int32, at fd: Int32, _ name: String) -> Failure {
        var info = stat()
        if fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0, (info.st_mode & S_IFMT) == S_IFLNK { return .link }
        switch code {
        case ELOOP: return .link
        case ENOENT: return .missing
        case ENOTDIR: return .missing
        default: return .system(String(cString: strerror(code)))
        }
    }
}
