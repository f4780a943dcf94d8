#if canImport(Glibc)
import Glibc
#endif

/// Hands memory freed by dropped tables back to the system.
///
/// Big column buffers are mmapped by glibc's malloc and return to the system when freed, but
/// the many small allocations of text columns stay in malloc's arenas: after the inputs are
/// deleted the process would keep their pages. `malloc_trim(0)` returns every free page of
/// every arena. glibc's `malloc.h` is not part of Swift's Glibc module, so the function is
/// looked up once with `dlsym` (absent on other C libraries: then this does nothing).
enum MemoryRelease {
    private typealias Trim = @convention(c) (Int) -> Int32

    private static let trim: Trim? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: Trim.self)
    }()

    /// Returns free heap pages to the system (a few milliseconds at most for a large heap).
    static func returnFreePages() {
        _ = trim?(0)
    }
}
