import FoundationEssentials
#if canImport(Glibc)
import Glibc

/// The memory a whole file is read into: not zeroed first, and for a large file mapped on its
/// own and backed by transparent huge pages.
///
/// `Data(count:)` zero-fills its bytes before `pread` overwrites every one of them: for a 13 MB,
/// 10⁶-row CSV that memset and its ~3,300 page faults were 18% of a whole `render` (bench/README.md,
/// "Reading a file"). A file of at least `mappedSize` bytes gets an anonymous mapping advised
/// `MADV_HUGEPAGE` (a few 2 MB faults instead of thousands of 4 KB ones, where the system allows
/// it); a smaller one comes from `malloc`. The `Data` made from it frees it.
struct ReadBuffer {
    /// Files from this size on get their own mapping.
    static let mappedSize = 1 << 20

    let base: UnsafeMutableRawPointer
    private let length: Int
    private let mapped: Bool

    /// Room for `size` (> 0) bytes, uninitialized; nil when the memory cannot be had.
    init?(size: Int) {
        if size >= ReadBuffer.mappedSize {
            let length = (size + 4095) & ~4095
            guard let p = mmap(nil, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
                  p != MAP_FAILED else { return nil }
            _ = madvise(p, length, MADV_HUGEPAGE)
            (base, self.length, mapped) = (p, length, true)
        } else {
            guard let p = malloc(size) else { return nil }
            (base, length, mapped) = (p, size, false)
        }
    }

    /// The first `count` bytes as `Data`, which owns the memory from now on.
    func data(count: Int) -> Data {
        guard count > 0 else { release(); return Data() }
        let (length, mapped) = (self.length, self.mapped)
        return Data(bytesNoCopy: base, count: count, deallocator: .custom { pointer, _ in
            if mapped { munmap(pointer, length) } else { free(pointer) }
        })
    }

    /// Frees the memory (when no `Data` was made from it).
    func release() {
        if mapped { munmap(base, length) } else { free(base) }
    }
}
#endif
