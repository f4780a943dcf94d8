import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Whole-file reads that report failures as `DataError`.
enum FileBytes {
    /// The file's bytes, read with one `read` loop into a buffer of the file's size (Foundation's
    /// `Data(contentsOf:)` grows its buffer as it goes: 1.6 s instead of 0.75 s for a 10⁷-row,
    /// 282 MB CSV). Not memory-mapped: a file that another process truncates while it is parsed
    /// would then raise SIGBUS, and `plotline watch` reads files that are being written.
    static func read(path: String) throws(DataError) -> Data {
        #if canImport(Glibc)
        if let data = readWhole(path) { return data }
        #endif
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
            throw DataError(.unreadable(reason), at: DataLocation(source: path))
        }
    }

    #if canImport(Glibc)
    /// The regular file at `path` read whole, or nil on any failure (the caller then reads it
    /// through Foundation and reports the error). A file that grows while it is read is read
    /// up to the size it had when opened; one that shrinks ends early.
    static func readWhole(_ path: String) -> Data? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(st.st_size)
        var data = Data(count: size)
        var got = 0
        let ok = data.withUnsafeMutableBytes { (buf: UnsafeMutableRawBufferPointer) -> Bool in
            while got < size {
                let n = Glibc.read(fd, buf.baseAddress! + got, size - got)
                if n > 0 { got += n; continue }
                if n == 0 { return true }          // the file shrank: keep what was read
                if errno == EINTR { continue }
                return false
            }
            return true
        }
        guard ok else { return nil }
        if got < size { data.removeSubrange(got..<size) }
        return data
    }
    #endif
}
