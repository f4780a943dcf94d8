#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension AtomicFile {
    /// Atomically replaces the file at `path`, which must lie below the folder `root`, without
    /// following a symbolic link anywhere below `root`; checked when writing, not before.
    ///
    /// The folders between `root` and the file are opened one at a time relative to their
    /// parent with `O_NOFOLLOW` (`openat`), and the temporary file is made, renamed and synced
    /// relative to the last one (`renameat`), so a folder swapped for a link to elsewhere at any
    /// moment makes the write fail (`ELOOP`/`ENOTDIR`) instead of landing outside. Throws
    /// `FileError`; `EXDEV` when `path` is not below `root`. `durable: false` skips the fsyncs,
    /// as in `write(_:to:durable:)`.
    public static func write(_ bytes: [UInt8], to path: String, under root: String, durable: Bool = true) throws {
        let (folderFD, name) = try openParent(of: path, under: root)
        defer { close(folderFD) }
        var generator = SystemRandomNumberGenerator()
        var fd: Int32 = -1, temp = ""
        for _ in 0..<16 {
            temp = temporaryName(for: name, suffix: String(generator.next() as UInt64, radix: 36))
            fd = openat(folderFD, temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
            if fd >= 0 || (errno != EEXIST && errno != EINTR) { break }
        }
        guard fd >= 0 else { throw error(path, "create a temporary file") }
        var closed = false
        do {
            var st = stat()
            if fstatat(folderFD, name, &st, AT_SYMLINK_NOFOLLOW) == 0, (st.st_mode & S_IFMT) == S_IFREG {
                guard fchmod(fd, st.st_mode & 0o7777) == 0 else { throw error(path, "copy the target's permissions") }
            }
            try writeAll(bytes, to: fd, path: path)
            guard !durable || fsync(fd) == 0 else { throw error(path, "fsync the temporary file") }
            closed = true
            guard close(fd) == 0 else { throw error(path, "close the temporary file") }
            guard renameat(folderFD, temp, folderFD, name) == 0 else { throw error(path, "rename over the target") }
        } catch {
            if !closed { _ = close(fd) }
            _ = unlinkat(folderFD, temp, 0)
            throw error
        }
        if durable { _ = fsync(folderFD) }
    }

    /// Removes the file at `path` below `root` through no link (as `write(_:to:under:)` finds
    /// its folder); a missing file is not an error.
    public static func remove(_ path: String, under root: String) throws {
        let (folderFD, name) = try openParent(of: path, under: root)
        defer { close(folderFD) }
        guard unlinkat(folderFD, name, 0) == 0 || errno == ENOENT else {
            throw FileError(path: path, action: "remove", step: "unlink", code: errno)
        }
    }

    /// Opens the folder holding `path` by walking from `root` without following links; returns
    /// its descriptor and the file's name.
    static func openParent(of path: String, under root: String) throws -> (Int32, String) {
        let base = root.hasSuffix("/") ? root : root + "/"
        guard path.hasPrefix(base) else {
            throw FileError(path: path, action: "write", step: "the file must lie below \(root)", code: EXDEV)
        }
        let parts = path.dropFirst(base.count).split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let name = parts.last, !name.isEmpty, !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else {
            throw FileError(path: path, action: "write", step: "the path below \(root) must be plain names", code: EINVAL)
        }
        var fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw error(path, "open the output folder \(root)") }
        for folder in parts.dropLast() {
            let next = openat(fd, folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            let code = errno
            close(fd)
            guard next >= 0 else {
                let why = code == ELOOP || code == ENOTDIR ? "\(folder) is not a folder (a symbolic link is not followed)" : "open the folder \(folder)"
                throw FileError(path: path, action: "write", step: why, code: code)
            }
            fd = next
        }
        return (fd, name)
    }
}
