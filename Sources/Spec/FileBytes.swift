import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Whole-file reads that report failures as `DataError`.
enum FileBytes {
    /// Files at least this large are memory-mapped instead of read (saves a copy of the whole
    /// file; with it a 10⁷-row, 282 MB CSV renders in 0.75 s instead of 1.6 s). A mapped file
    /// that another process truncates while it is parsed raises SIGBUS, so files that are being
    /// written (`plotline watch`) go through `IncrementalTableReader`, which reads with pread.
    static let mapThreshold = 1 << 20

    /// The file's bytes: mapped read-only when large, read otherwise.
    static func read(path: String) throws(DataError) -> Data {
        #if canImport(Glibc)
        if let mapped = map(path) { return mapped }
        #endif
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
            throw DataError(.unreadable(reason), at: DataLocation(source: path))
        }
    }

    #if canImport(Glibc)
    /// The file mapped privately and read-only, or nil (small, not a regular file, or any
    /// failure: the caller then reads it and reports the error).
    static func map(_ path: String) -> Data? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, Int(st.st_size) >= mapThreshold else { return nil }
        let size = Int(st.st_size)
        guard let p = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else { return nil }
        madvise(p, size, MADV_SEQUENTIAL)
        return Data(bytesNoCopy: p, count: size, deallocator: .custom { ptr, n in munmap(ptr, n) })
    }
    #endif
}
