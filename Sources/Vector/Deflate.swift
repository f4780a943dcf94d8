import CZlib

/// zlib-wrapped deflate (RFC 1950), the `/FlateDecode` filter of PDF streams.
enum Deflate {
    /// `bytes` compressed at `level` (zlib's 6 is its default; the output is the same on every
    /// run for the same zlib, which PDF determinism relies on).
    static func compress(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8] {
        var bound = compressBound(uLong(bytes.count))
        var out = [UInt8](repeating: 0, count: Int(bound))
        let status = out.withUnsafeMutableBufferPointer { dst in
            bytes.withUnsafeBufferPointer { src in
                compress2(dst.baseAddress, &bound, src.baseAddress, uLong(src.count), level)
            }
        }
        // compressBound is an upper bound, so only a broken zlib fails here.
        precondition(status == Z_OK, "zlib compress2 failed (\(status))")
        out.removeSubrange(Int(bound)...)
        return out
    }
}
