extension PNG {
    /// Which deflate implementation compresses a pixmap's image data.
    ///
    /// `.runs` filters rows in Swift and compresses them with `PNG.RunDeflater`, built for chart
    /// images (matches at one pixel's and one row's distance only; level 1 only). `.libdeflate`
    /// filters rows the same way and compresses the whole image in one call to libdeflate's zlib
    /// compressor; levels 0...12. Both write the chunks themselves (`PNG.DirectWriter`). `.zlib` goes through libpng and zlib (levels 0...9, with
    /// `PNG.Strategy`), kept for the decoder tests' fixtures and as the comparison in
    /// `plotline-png-sweep` (table in `PNG.Options.default`). No command uses it. `.smallest`
    /// compresses with both `.libdeflate` (at the level) and `.runs` and keeps the smaller image
    /// data: libdeflate 9 is smaller on most figures, the run deflater on the flattest ones
    /// (by 1.5–7%), so `PNG.Options.small` is never larger than the default.
    public enum Compressor: String, Sendable, Hashable, CaseIterable {
        case runs, libdeflate, zlib, smallest

        /// The compression levels this compressor accepts.
        public var levels: ClosedRange<Int> {
            switch self {
            case .runs: return 1...1
            case .libdeflate, .smallest: return 0...12
            case .zlib: return 0...9
            }
        }
    }
}
