import ContentHash
#if canImport(Glibc)
import Glibc
#endif

/// What a followed file held when it was read, kept small, to tell an append from a rewrite.
///
/// A file that grew is only taken for an append if the bytes already read are still there. Up to
/// `wholeLimit` bytes that is checked exactly: a 64-bit FNV-1a hash (`FNV1a64`) of everything read, compared
/// with a hash of the file's same bytes now. Beyond it (re-reading the whole prefix on every
/// append would make following quadratic) the first and last `window` bytes read and a 4 KiB
/// sample at every power-of-two offset are compared byte for byte; a rewrite that keeps all of
/// those, the inode and a larger size goes unnoticed (docs/figure-spec.md, "Following files").
/// Memory stays below 300 KiB per file whatever its size.
struct ReadFingerprint: Sendable, Equatable {
    /// Up to this many bytes read, the check covers every byte.
    static let wholeLimit = 1 << 20
    /// Bytes kept from the start and from just before the offset.
    static let window = 64 << 10
    /// Bytes kept at each power-of-two offset from `window` on.
    static let sampleSize = 4 << 10

    /// The number of bytes read (the file offset the next read starts at).
    private(set) var length = 0
    private var hash = FNV1a64()
    private var head: [UInt8] = []
    private var tail: [UInt8] = []
    /// Offset → the bytes read there (up to `sampleSize`).
    private var samples: [Int: [UInt8]] = [:]


    /// Records bytes read at offset `length`.
    mutating func add(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        let start = length, end = length + bytes.count
        if start < ReadFingerprint.wholeLimit { hash.add(bytes) }
        if head.count < ReadFingerprint.window { head.append(contentsOf: bytes.prefix(ReadFingerprint.window - head.count)) }
        if bytes.count >= ReadFingerprint.window {
            tail = Array(bytes.suffix(ReadFingerprint.window))
        } else {
            tail.append(contentsOf: bytes)
            if tail.count > ReadFingerprint.window { tail.removeFirst(tail.count - ReadFingerprint.window) }
        }
        var offset = ReadFingerprint.window
        while offset < end {
            let have = samples[offset]?.count ?? 0
            let from = max(offset + have, start), to = min(offset + ReadFingerprint.sampleSize, end)
            if from < to { samples[offset, default: []].append(contentsOf: bytes[(from - start)..<(to - start)]) }
            offset <<= 1
        }
        length = end
    }

    /// Whether the open file `fd` still holds the bytes read (false on any read failure).
    func matches(fileDescriptor fd: Int32) -> Bool {
        guard length > 0 else { return true }
        if length <= ReadFingerprint.wholeLimit {
            guard let bytes = ReadFingerprint.read(fd, at: 0, count: length) else { return false }
            var now = FNV1a64()
            now.add(bytes)
            return now == hash
        }
        if ReadFingerprint.read(fd, at: 0, count: head.count) != head { return false }
        if ReadFingerprint.read(fd, at: length - tail.count, count: tail.count) != tail { return false }
        for (offset, bytes) in samples where ReadFingerprint.read(fd, at: offset, count: bytes.count) != bytes {
            return false
        }
        return true
    }

    /// Exactly `count` bytes at `offset` of `fd`, or nil (an error, or the file is shorter).
    static func read(_ fd: Int32, at offset: Int, count: Int) -> [UInt8]? {
        var out = [UInt8](repeating: 0, count: count)
        var got = 0
        let ok = out.withUnsafeMutableBytes { buffer -> Bool in
            while got < count {
                let n = pread(fd, buffer.baseAddress! + got, count - got, off_t(offset + got))
                if n > 0 { got += n; continue }
                if n < 0, errno == EINTR { continue }
                return false
            }
            return true
        }
        return ok ? out : nil
    }
}
