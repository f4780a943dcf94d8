#if canImport(Glibc)
import Glibc
#endif

/// Asks the kernel to back a large buffer with transparent huge pages (2 MB) before it is first
/// written, where the system allows it (`madvise` mode, Debian's default).
///
/// A 1200 × 800 pixmap (3.8 MB) and its packed PNG rows (2.9 MB) are fresh memory in every
/// one-shot `render`: touched 4 KB at a time they cost about 1,650 page faults for one figure,
/// a third of W1's system time (bench/README.md, "Page faults"). Only the 2 MB-aligned interior
/// of the buffer is advised; smaller buffers, and systems where THP is off, are left as they are.
public enum HugePages {
    /// The size of a transparent huge page on x86-64 and arm64 (4 KB base pages).
    static let size = 2 << 20

    /// Advises the 2 MB-aligned part of `count` bytes at `base` to use huge pages.
    public static func advise(_ base: UnsafeMutableRawPointer, count: Int) {
        #if os(Linux)
        guard count >= size else { return }
        let start = (Int(bitPattern: base) + size - 1) & ~(size - 1)
        let end = (Int(bitPattern: base) + count) & ~(size - 1)
        guard end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(pointer, end - start, MADV_HUGEPAGE)
        #endif
    }
}
