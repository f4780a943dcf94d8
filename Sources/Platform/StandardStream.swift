#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's standard output and error, written whole (a short write is continued, an
/// interrupted one retried), and standard input read to its end.
public enum StandardStream: Sendable {
    case output
    case error

    /// The stream's file descriptor.
    var descriptor: Int32 { self == .output ? STDOUT_FILENO : STDERR_FILENO }

    /// Writes `text` as UTF-8.
    public func write(_ text: String) {
        var text = text
        text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }

    /// Writes `bytes`.
    public func write<Bytes: Sequence<UInt8>>(bytes: Bytes) {
        let written: Void? = bytes.withContiguousStorageIfAvailable { write(UnsafeRawBufferPointer($0)) }
        if written == nil { Array(bytes).withUnsafeBytes { write($0) } }
    }

    /// Writes the raw bytes, continuing a short write and retrying an interrupted one; stops at
    /// any other failure (a closed pipe raises SIGPIPE first, as `FileHandle`'s writes did).
    public func write(_ raw: UnsafeRawBufferPointer) {
        guard var base = raw.baseAddress else { return }
        var left = raw.count
        while left > 0 {
            let n = Glibc.write(descriptor, base, left)
            if n < 0 {
                if errno == EINTR { continue }
                return
            }
            left -= n
            base += n
        }
    }

    /// Every byte of standard input up to its end.
    public static func readInput() -> [UInt8] {
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return out }
            out.append(contentsOf: chunk[..<n])
        }
    }
}
