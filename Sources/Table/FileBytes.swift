import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Plotline's one whole-file reader: tables, figure and report specs, manifests, the files a
/// report merge copies and the outputs a watch hashes are all read here, so every read failure
/// names the system's reason the same way and no read zero-fills its buffer first.
/// (`FileReader` in Platform reads ranges of a file, for the logs followed from their end.)
public enum FileBytes {
    /// The file's bytes, read with one `read` loop into a buffer of the file's size (Foundation's
    /// `Data(contentsOf:)` grows its buffer as it goes: 1.6 s instead of 0.75 s for a 10⁷-row,
    /// 282 MB CSV). Not memory-mapped: a file that another process truncates while it is parsed
    /// would then raise SIGBUS, and `plotline watch` reads files that are being written.
    ///
    /// Failures are one clean line naming the file and the system's reason (`No such file or
    /// directory`, `Is a directory`), never a Foundation error dump. With `noFollow` a symbolic
    /// link as the last component is refused (for paths already resolved by `ReadConfinement`).
    static func read(path: String, source: String? = nil, noFollow: Bool = false) throws(DataError) -> Data {
        #if canImport(Glibc)
        switch readWhole(path, noFollow: noFollow) {
        case .success(let data): return data
        case .failure(let failure): throw DataError(.unreadable(failure.reason), at: DataLocation(source: source ?? path))
        }
        #else
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw DataError(.unreadable("\((error as NSError).localizedDescription)"), at: DataLocation(source: source ?? path))
        }
        #endif
    }

    /// Why a file could not be read, as the system words it (`No such file or directory`,
    /// `it is a folder`).
    public struct Failure: Error, CustomStringConvertible {
        /// The reason, without the file's name.
        public let reason: String
        public var description: String { reason }
    }

    #if canImport(Glibc)
    /// The regular file at `path` read whole, or the reason it could not be. A file that grows
    /// while it is read is read up to the size it had when opened; one that shrinks ends early.
    public static func readWhole(_ path: String, noFollow: Bool = false) -> Result<Data, Failure> {
        let fd = open(path, O_RDONLY | O_CLOEXEC | (noFollow ? O_NOFOLLOW : 0))
        guard fd >= 0 else {
            return .failure(Failure(reason: errno == ELOOP && noFollow ? "it is a symbolic link" : String(cString: strerror(errno))))
        }
        defer { close(fd) }
        return readWhole(fileDescriptor: fd)
    }

    /// The regular file open as `fd` read whole from its start, or the reason it could not be
    /// (positioned reads: the descriptor's offset does not matter). Does not close `fd`.
    static func readWhole(fileDescriptor fd: Int32) -> Result<Data, Failure> {
        var st = stat()
        guard fstat(fd, &st) == 0 else { return .failure(Failure(reason: String(cString: strerror(errno)))) }
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            return .failure(Failure(reason: (st.st_mode & S_IFMT) == S_IFDIR ? "it is a folder" : "not a regular file"))
        }
        let size = Int(st.st_size)
        guard size > 0 else { return .success(Data()) }
        guard let buffer = ReadBuffer(size: size) else { return .failure(Failure(reason: String(cString: strerror(ENOMEM)))) }
        var got = 0
        while got < size {
            let n = pread(fd, buffer.base + got, size - got, off_t(got))
            if n > 0 { got += n; continue }
            if n == 0 { break }          // the file shrank: keep what was read
            if errno == EINTR { continue }
            let failure = errno
            buffer.release()
            return .failure(Failure(reason: String(cString: strerror(failure))))
        }
        return .success(buffer.data(count: got))
    }
    #endif

    #if canImport(Glibc)
    /// The bytes of the file open as `fd` (see `readWhole(fileDescriptor:)`), failures named as
    /// `source`; with `limits`, a file over `followedBytes` is refused before it is read.
    static func read(fileDescriptor fd: Int32, source: String, limits: ResourceLimits? = nil) throws(DataError) -> Data {
        if let limits {
            var st = stat()
            if fstat(fd, &st) == 0 { try limits.checkFollowed(Int(st.st_size), source: source) }
        }
        switch readWhole(fileDescriptor: fd) {
        case .success(let data): return data
        case .failure(let failure): throw DataError(.unreadable(failure.reason), at: DataLocation(source: source))
        }
    }
    #endif

    /// The offset of the first NUL byte, if any (a NUL never appears in a text table).
    static func firstNUL(_ buffer: UnsafeRawBufferPointer) -> Int? {
        guard let base = buffer.baseAddress, !buffer.isEmpty, let hit = memchr(base, 0, buffer.count) else { return nil }
        return base.distance(to: UnsafeRawPointer(hit))
    }
}
