// ContentHash: the one content hash of Plotline's files and dumps.
//
// Design: 64-bit FNV-1a (Fowler–Noll–Vo: xor each byte in, multiply by the FNV prime), written
// once here and used wherever two places must agree on a hash or a hash must stay stable across
// runs and machines (Swift's `Hasher` is seeded per process): the PNG hash `watch` writes in a
// figure's status sidecar and the ETag `--serve` sends for the same file (a client compares
// them), the fingerprint of bytes a followed file has already given (`ReadFingerprint`), and
// the hashes of paths and images in a Scene dump. It is not a cryptographic hash: a report's
// manifest uses SHA-256 (Report's `SHA256`) for content a reader may want to verify. A module of
// its own with no dependencies, so the HTTP server (which draws nothing) and the readers can use
// it without linking anything else.

/// The 64-bit FNV-1a hash of bytes fed in order: tiny, fast, and the same on every run.
public struct FNV1a64: Sendable, Hashable {
    /// The hash of no bytes (FNV's 64-bit offset basis).
    public static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    /// The 64-bit FNV prime.
    public static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// The hash of the bytes fed so far.
    public private(set) var value: UInt64 = FNV1a64.offsetBasis

    /// A hash of no bytes.
    public init() {}

    /// Feeds one byte.
    public mutating func add(byte: UInt8) {
        value = (value ^ UInt64(byte)) &* FNV1a64.prime
    }

    /// Feeds bytes in order.
    public mutating func add(_ bytes: some Sequence<UInt8>) {
        var h = value
        let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            for byte in buffer { h = (h ^ UInt64(byte)) &* FNV1a64.prime }
        }
        if done == nil { for byte in bytes { h = (h ^ UInt64(byte)) &* FNV1a64.prime } }
        value = h
    }

    /// Feeds a 64-bit word as its eight bytes, least significant first (a Double's bit pattern).
    public mutating func add(word: UInt64) {
        for i in 0..<8 { add(byte: UInt8(truncatingIfNeeded: word >> (8 * i))) }
    }

    /// The hash as 16 lower-case hex digits, zero-padded.
    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The hash of `bytes` as 16 hex digits.
    public static func hex(of bytes: some Sequence<UInt8>) -> String {
        var h = FNV1a64()
        h.add(bytes)
        return h.hex
    }
}
