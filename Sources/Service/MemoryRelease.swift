#if canImport(Glibc)
import Glibc
#endif

/// Hands memory freed by dropped tables back to the system, or, for a one-shot batch, keeps it.
///
/// Big column buffers are mmapped by glibc's malloc and return to the system when freed, but
/// the many small allocations of text columns stay in malloc's arenas: after the inputs are
/// deleted the process would keep their pages. `malloc_trim(0)` returns every free page of
/// every arena. glibc's `malloc.h` is not part of Swift's Glibc module, so the function is
/// looked up once with `dlsym` (absent on other C libraries: then this does nothing).
public enum MemoryRelease {
    private typealias Trim = @convention(c) (Int) -> Int32
    private typealias Option = @convention(c) (Int32, Int32) -> Int32

    private static let trim: Trim? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: Trim.self)
    }()

    /// Returns free heap pages to the system (a few milliseconds at most for a large heap).
    static func returnFreePages() {
        _ = trim?(0)
    }

    /// For a one-shot command drawing figures one after another (`render --spec a --spec b`):
    /// buffers up to 32 MB come from malloc's heap instead of their own mmap, and freed heap
    /// pages stay in the process, so each figure's 3–4 MB buffers (PNG scanlines, pixmaps)
    /// reuse the last figure's pages instead of faulting in fresh zeroed ones: about 700 page
    /// faults and 3 MB of kernel zeroing a 1200×800 figure (W6: ~4% of the process's CPU time).
    /// The pages go back at exit; not for long-running processes (`watch`, `--serve`).
    public static func keepFreedPages() {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Option.self)
        _ = mallopt(-3, 32 << 20)   // M_MMAP_THRESHOLD: glibc's largest, 32 MB on 64-bit
        _ = mallopt(-1, 512 << 20)  // M_TRIM_THRESHOLD: keep up to 512 MB of free heap
        // The heap grows 64 MB at a time (address space only: untouched pages cost nothing),
        // and that range is backed by 2 MB transparent huge pages where the system allows them
        // (`madvise` mode): a figure's fresh pixmap and PNG rows then fault in a few huge pages
        // instead of ~1,650 small ones (bench/README.md, "Page faults").
        _ = mallopt(-2, 64 << 20)   // M_TOP_PAD
        _ = mallopt(-8, 1)          // M_ARENA_MAX: the writer threads allocate from this heap too
        // Grow the heap now (a 24 MB block, freed at once: with the top pad, ~88 MB of address
        // space) and advise that whole range. Advising the heap as it was (a few hundred KB at
        // start-up) did not reach the buffers: the kernel maps later brk growth as a new region
        // without the advice. A heap that outgrows this range gets small pages beyond it; one
        // that cannot grow by brk (malloc then maps the block) is left unadvised.
        let before = Int(bitPattern: sbrk(0))
        guard let block = malloc(24 << 20) else { return }
        let top = Int(bitPattern: sbrk(0))
        free(block)
        let start = (max(before, Int(bitPattern: block)) + (2 << 20) - 1) & ~((2 << 20) - 1)
        if before > 0, top > start, let base = UnsafeMutableRawPointer(bitPattern: start) {
            _ = madvise(base, top - start, MADV_HUGEPAGE)
        }
    }
}
