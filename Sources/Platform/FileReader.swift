#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file open for reading by descriptor: reads of a count of bytes from the current position
/// or from an offset, closed when the reader is released.
public final class FileReader {
    private let fd: Int32

    /// Opens `path` for reading; nil when it cannot be opened.
    public init?(path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        self.fd = fd
    }

    deinit { close(fd) }

    /// Up to `count` bytes from the current position (fewer at the end of the file); nil when
    /// the read fails.
    public func read(upToCount count: Int) -> [UInt8]? {
        read(count: count) { Glibc.read(fd, $0, $1) }
    }

    /// Up to `count` bytes starting at `offset` (fewer at the end of the file); nil when the
    /// read fails.
    public func read(at offset: Int, count: Int) -> [UInt8]? {
        var position = offset
        return read(count: count) { base, want in
            let n = pread(fd, base, want, off_t(position))
            if n > 0 { position += n }
            return n
        }
    }

    /// Reads with `step` until `count` bytes, the end of the file or an error.
    private func read(count: Int, _ step: (UnsafeMutableRawPointer, Int) -> Int) -> [UInt8]? {
        guard count > 0 else { return [] }
        var out: [UInt8] = []
        let chunk = min(count, 1 << 20)
        var buffer = [UInt8](repeating: 0, count: chunk)
        while out.count < count {
            let want = min(chunk, count - out.count)
            let n = buffer.withUnsafeMutableBytes { step($0.baseAddress!, want) }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { break }
            out.append(contentsOf: buffer[..<n])
        }
        return out
    }
}
