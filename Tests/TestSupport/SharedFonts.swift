import Text

/// One `FontLibrary` for the test process, opened on first use: layout tests measure text on
/// XCTest's main thread, and opening FreeType faces per test only costs time.
///
/// `FontLibrary` belongs to one thread; XCTest runs a suite's tests one after another on the
/// main thread, which is the only thread that calls this.
nonisolated(unsafe) private var cachedFonts: FontLibrary?

public func sharedFonts() -> FontLibrary {
    if let f = cachedFonts { return f }
    let f: FontLibrary
    do { f = try FontLibrary() } catch { fatalError("the bundled fonts cannot be loaded: \(error)") }
    cachedFonts = f
    return f
}
