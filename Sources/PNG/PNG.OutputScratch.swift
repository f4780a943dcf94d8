#if canImport(Glibc)
import Glibc
#endif

extension PNG {
    /// The deflate output's worst-case buffer, mapped on its own in small pages.
    ///
    /// The bound is about the raw scanlines' size (2.9 MB at 1200×800) while a chart compresses
    /// to a few percent of it. From malloc's heap, which a one-shot render backs with 2 MB huge
    /// pages (`MemoryRelease.keepFreedPages`), the first byte written faulted in and zeroed a whole
    /// huge page for ~100 KB of output; mapped here without huge pages, only the 4 KB pages
    /// written are touched (bench/README.md, "Without Foundation proper").
    struct OutputScratch {
        /// The buffer's first byte.
        let base: UnsafeMutablePointer<UInt8>
        /// Bytes mapped (nil: taken from malloc, where mapping failed or the bound is small).
        private let mapped: Int?

        /// A buffer of at least `capacity` bytes, uninitialized.
        init(capacity: Int) {
            #if canImport(Glibc)
            if capacity >= 1 << 20,
               let p = mmap(nil, capacity, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), p != MAP_FAILED {
                _ = madvise(p, capacity, MADV_NOHUGEPAGE)
                base = p.assumingMemoryBound(to: UInt8.self)
                mapped = capacity
                return
            }
            #endif
            base = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, capacity))
            mapped = nil
        }

        /// Gives the buffer back.
        func release() {
            #if canImport(Glibc)
            if let mapped {
                munmap(base, mapped)
                return
            }
            #endif
            base.deallocate()
        }
    }
}
