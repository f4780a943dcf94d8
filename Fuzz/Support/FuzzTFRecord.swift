import RunLogs

/// Frames fuzzed bytes as TFRecords with correct CRCs, so a fuzz target reaches the `Event`
/// decoder instead of stopping at the first checksum.
enum FuzzTFRecord {
    /// Cuts `bytes` into payloads, each preceded by a length byte (0–255, cut to what is left),
    /// and writes each as `length`, masked CRC32C of the length, payload, masked CRC32C of the
    /// payload (all little-endian, as TensorFlow's record writer does).
    static func frame(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var at = 0
        while at < bytes.count {
            let n = min(Int(bytes[at]), bytes.count - at - 1)
            let payload = Array(bytes[(at + 1)..<(at + 1 + n)])
            at += 1 + n
            let length = withUnsafeBytes(of: UInt64(n).littleEndian, Array.init)
            out += length
            out += withUnsafeBytes(of: CRC32C.masked(CRC32C.checksum(length)).littleEndian, Array.init)
            out += payload
            out += withUnsafeBytes(of: CRC32C.masked(CRC32C.checksum(payload)).littleEndian, Array.init)
        }
        return out
    }
}
