#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file replacement that a concurrent reader can never observe half-done.
///
/// `write` puts the bytes in a hidden temporary file in the target's own folder (same file
/// system, so the rename is atomic), fsyncs it, renames it over the target and fsyncs the
/// folder so the rename itself survives a crash. A reader opening the path sees either the old
/// file or the new one, whole. On any failure the temporary file is removed and the target is
/// left as it was. An existing target keeps its permission bits.
public enum AtomicFile {
    /// Atomically replaces (or creates) the file at `path` with `bytes`.
    ///
    /// Throws `FileError` naming `path`, the failed step and the system's reason: no such
    /// folder, permission denied, disk full, the target is a directory, ...
    ///
    /// A symbolic link is followed and its target replaced; a target that is not a regular file
    /// (a character device such as `/dev/stdout`, a FIFO) is written directly (`target(for:)`).
    ///
    /// `durable: false` skips the two fsyncs: the replacement is still atomic for every reader
    /// (the rename is), but a power loss may lose it. For files that are redrawn anyway, such as
    /// `watch`'s live figures (redrawn at start): each fsync waits for the disk (11 ms median on
    /// the shared 2-core VM under build load, two per file), which would bound the refresh rate.
    public static func write(_ bytes: [UInt8], to requested: String, durable: Bool = true) throws {
        let path: String
        switch target(for: requested) {
        case .direct(let p): return try writeDirect(bytes, to: p)
        case .atomic(let p): path = p
        }
        let (folder, name) = split(path)
        guard !name.isEmpty else {
            throw FileError(path: path, action: "write", step: "the path names a folder", code: EISDIR)
        }
        let (fd, tempPath) = try createTemporary(in: folder, for: name, target: path)
        var closed = false
        do {
            try preserveMode(of: path, on: fd)
            try writeAll(bytes, to: fd, path: path)
            guard !durable || fsync(fd) == 0 else { throw error(path, "fsync the temporary file") }
            closed = true
            guard close(fd) == 0 else { throw error(path, "close the temporary file") }
            guard rename(tempPath, path) == 0 else { throw error(path, "rename over the target") }
        } catch {
            if !closed { _ = close(fd) }
            _ = unlink(tempPath)
            throw error
        }
        if durable { syncFolder(folder) }
    }

    /// The folder ("." for a bare name) and the last path component.
    static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let folder = String(path[..<slash])
        return (folder.isEmpty ? "/" : folder, String(path[path.index(after: slash)...]))
    }

    /// The longest file name the file systems we write to accept (NAME_MAX).
    static let maxNameBytes = 255

    /// The hidden temporary name `.<name>.<pid>.<random>.tmp` for `name`, with `name` cut (at a
    /// character boundary) so the whole stays within NAME_MAX: a 250-byte figure name still
    /// gets a temporary file.
    public static func temporaryName(for name: String, suffix: String) -> String {
        let tail = "." + String(getpid()) + "." + suffix + ".tmp"
        var kept = Substring(name)
        while 1 + kept.utf8.count + tail.utf8.count > maxNameBytes { kept = kept.dropLast() }
        return "." + String(kept) + tail  // String + String: the generic `+ Substring` casts at run time
    }

    /// Whether `name` has the shape of a temporary name, and the process id it carries.
    public static func temporaryOwner(of name: String) -> Int32? {
        guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return nil }
        let parts = name.dropLast(4).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 4, let random = parts.last, !random.isEmpty,
              random.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isLowercase) }),
              let pid = Int32(parts[parts.count - 2]), pid > 0 else { return nil }
        return pid
    }

    /// Opens a new hidden file `.<name>.<pid>.<random>.tmp` next to the target.
    static func createTemporary(in folder: String, for name: String, target: String) throws -> (Int32, String) {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<16 {
            let suffix = String(generator.next() as UInt64, radix: 36)
            let temp = folder + "/" + temporaryName(for: name, suffix: suffix)
            let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if fd >= 0 { return (fd, temp) }
            let code = errno
            if code == EEXIST || code == EINTR { continue }
            throw FileError(path: target, action: "write", step: "create a temporary file in \(folder)", code: code)
        }
        throw FileError(path: target, action: "write", step: "create a temporary file in \(folder)", code: EEXIST)
    }

    /// Gives the temporary file the permission bits of an existing regular target.
    static func preserveMode(of path: String, on fd: Int32) throws {
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return }
        guard fchmod(fd, st.st_mode & 0o7777) == 0 else { throw error(path, "copy the target's permissions") }
    }

    /// Writes every byte, retrying short writes and EINTR.
    static func writeAll(_ bytes: [UInt8], to fd: Int32, path: String) throws {
        try bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = systemWrite(fd, raw.baseAddress! + offset, raw.count - offset)
                if n > 0 {
                    offset += n
                } else if n < 0 && errno == EINTR {
                    continue
                } else {
                    throw error(path, "write the temporary file", code: n == 0 ? EIO : errno)
                }
            }
        }
    }

    /// Flushes the folder entry so the rename is durable; a file system that cannot fsync a
    /// folder (EINVAL) is not an error: the rename has happened either way.
    static func syncFolder(_ folder: String) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        _ = close(fd)
    }

    static func error(_ path: String, _ step: String, code: Int32 = errno) -> FileError {
        FileError(path: path, action: "write", step: step, code: code)
    }
}

/// `write(2)`, reachable from inside `AtomicFile`, whose own `write` hides the global name.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
