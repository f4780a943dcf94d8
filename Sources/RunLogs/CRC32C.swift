import CCRC32C

/// CRC-32C (Castagnoli), as TFRecord frames use it: the CPU's CRC instruction where there is
/// one (SSE 4.2, ARMv8 CRC), else slicing-by-8.
///
/// Eight 256-entry tables let the portable loop fold eight input bytes per step with eight
/// lookups (Intel's "slicing-by-8", M. Kounavis and F. Berry, 2005); the byte-at-a-time Sarwate
/// table is the tail loop. `portableChecksum` is always the table version (tests compare both).
public enum CRC32C {
    /// True when the CPU's instruction is used.
    public static let usesHardware = plotline_crc32c_hw_available() != 0

    /// The reflected Castagnoli polynomial.
    static let polynomial: UInt32 = 0x82F6_3B78

    /// The eight slicing tables, 256 entries each, in one flat array.
    static let tables: [UInt32] = {
        var t = [UInt32](repeating: 0, count: 8 * 256)
        for i in 0..<256 {
            var c = UInt32(i)
            for _ in 0..<8 { c = c & 1 != 0 ? (c >> 1) ^ polynomial : c >> 1 }
            t[i] = c
        }
        for k in 1..<8 {
            for i in 0..<256 {
                let previous = t[(k - 1) * 256 + i]
                t[k * 256 + i] = (previous >> 8) ^ t[Int(previous & 0xFF)]
            }
        }
        return t
    }()

    /// The CRC-32C of `count` bytes at `start`.
    @inline(__always)
    public static func checksum(_ start: UnsafeRawPointer, count: Int) -> UInt32 {
        usesHardware ? plotline_crc32c_hw(start, count) : portableChecksum(start, count: count)
    }

    /// The CRC-32C of `count` bytes at `start` by slicing-by-8, whatever the CPU.
    public static func portableChecksum(_ start: UnsafeRawPointer, count: Int) -> UInt32 {
        tables.withUnsafeBufferPointer { t in
            var crc: UInt32 = 0xFFFF_FFFF
            var p = start
            var n = count
            while n >= 8 {
                let word = UInt64(littleEndian: p.loadUnaligned(as: UInt64.self)) ^ UInt64(crc)
                crc = t[7 * 256 + Int(word & 0xFF)] ^ t[6 * 256 + Int((word >> 8) & 0xFF)]
                    ^ t[5 * 256 + Int((word >> 16) & 0xFF)] ^ t[4 * 256 + Int((word >> 24) & 0xFF)]
                    ^ t[3 * 256 + Int((word >> 32) & 0xFF)] ^ t[2 * 256 + Int((word >> 40) & 0xFF)]
                    ^ t[1 * 256 + Int((word >> 48) & 0xFF)] ^ t[Int(word >> 56)]
                p += 8
                n -= 8
            }
            while n > 0 {
                crc = (crc >> 8) ^ t[Int((crc ^ UInt32(p.load(as: UInt8.self))) & 0xFF)]
                p += 1
                n -= 1
            }
            return ~crc
        }
    }

    /// The CRC-32C of `bytes`.
    public static func checksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBytes { checksum($0.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!, count: $0.count) }
    }

    /// TFRecord's masked form of a CRC (rotated right by 15 bits plus a constant), which keeps a
    /// CRC of data that holds CRCs from being trivially related to it.
    @inline(__always)
    public static func masked(_ crc: UInt32) -> UInt32 {
        ((crc >> 15) | (crc << 17)) &+ 0xA282_EAD8
    }
}
