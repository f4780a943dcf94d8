#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Raster

extension PNG {
    /// Encodes `pixmap` and writes it to `path` atomically (see `AtomicFile`).
    public static func write(_ pixmap: Pixmap, to path: String, options: Options = .default) throws {
        try AtomicFile.write(encode(pixmap, options: options), to: path)
    }

    /// Reads and decodes the PNG file at `path`.
    ///
    /// Throws `FileError` when the file cannot be read, `PNGError.fileDecodeFailed` (naming
    /// the path) when it is not a readable PNG.
    public static func read(path: String) throws -> Pixmap {
        let bytes = try readFile(path)
        do {
            return try decode(bytes)
        } catch let e as PNGError {
            if case .decodeFailed(let message) = e { throw PNGError.fileDecodeFailed(path: path, message: message) }
            throw e
        }
    }

    /// The whole contents of a file (also the font programs the PDF writer embeds); throws
    /// `FileError` naming the path.
    public static func readFile(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileError(path: path, action: "read", step: "open", code: errno) }
        defer { _ = close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress!, $0.count) }
            if n > 0 {
                bytes.append(contentsOf: chunk[0..<n])
            } else if n == 0 {
                return bytes
            } else if errno != EINTR {
                throw FileError(path: path, action: "read", step: "read", code: errno)
            }
        }
    }
}

/// `read(2)`, reachable from inside `PNG`, whose own `read` hides the global name.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}
