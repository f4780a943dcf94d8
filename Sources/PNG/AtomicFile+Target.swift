#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension AtomicFile {
    /// Where the bytes for a path go: through a temporary file renamed over a regular file (or a
    /// new one), or straight into something that is not a regular file.
    public enum Target: Equatable, Sendable {
        /// Atomically replace (or create) the regular file at this path.
        case atomic(String)
        /// Open and write in place: a character device (`/dev/stdout`, `/dev/null`), a FIFO or
        /// a socket, which a rename would replace instead of writing into.
        case direct(String)
    }

    /// The target for `path`: symbolic links are followed (a link to a regular file is replaced
    /// atomically at the path it points to, so the link stays a link), and an existing target
    /// that is not a regular file or folder is written directly.
    public static func target(for path: String) -> Target {
        var resolved = path
        for _ in 0..<40 {  // the kernel's own limit on nested links is 40
            var st = stat()
            guard lstat(resolved, &st) == 0 else { return .atomic(resolved) }
            switch st.st_mode & S_IFMT {
            case S_IFLNK:
                guard let next = readLink(resolved) else { return .atomic(resolved) }
                if next.hasPrefix("/") {
                    resolved = next
                } else {
                    let (folder, _) = split(resolved)
                    resolved = folder == "/" ? "/" + next : folder + "/" + next
                }
            case S_IFREG, S_IFDIR:
                return .atomic(resolved)
            default:
                return .direct(resolved)
            }
        }
        return .direct(path)  // a loop of links: opening it fails with ELOOP, which is reported
    }

    /// The contents of a symbolic link.
    static func readLink(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink(path, &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Writes `bytes` into an existing non-regular file (device, FIFO) without replacing it.
    static func writeDirect(_ bytes: [UInt8], to path: String) throws {
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileError(path: path, action: "write", step: "open", code: errno) }
        do {
            try writeAll(bytes, to: fd, path: path)
        } catch {
            _ = close(fd)
            throw error
        }
        _ = close(fd)
    }
}
