#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole file (the font programs to embed).
enum FileBytes {
    struct ReadError: Error, CustomStringConvertible {
        var path: String, code: Int32
        var description: String { "cannot read \(path): \(String(cString: strerror(code)))" }
    }

    static func read(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ReadError(path: path, code: errno) }
        defer { _ = close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if n > 0 { bytes.append(contentsOf: chunk[0..<n]) } else if n == 0 { return bytes } else if errno != EINTR {
                throw ReadError(path: path, code: errno)
            }
        }
    }
}
