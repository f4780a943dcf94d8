extension PNG {
    /// Which deflate implementation compresses a pixmap's image data.
    ///
    /// `.libdeflate` (the default) filters rows in Swift and compresses the whole image in one
    /// call to libdeflate's zlib compressor, writing the chunks itself (`PNG.ChunkWriter`);
    /// levels 0...12. `.zlib` goes through libpng and zlib (levels 0...9, with
    /// `PNG.Strategy`), kept for the decoder tests' fixtures and as the comparison in
    /// `plotline-png-sweep` (table in `PNG.Options.default`). No command uses it.
    public enum Compressor: String, Sendable, Hashable, CaseIterable {
        case libdeflate, zlib

        /// The compression levels this compressor accepts.
        public var levels: ClosedRange<Int> {
            switch self {
            case .libdeflate: return 0...12
            case .zlib: return 0...9
            }
        }
    }
}
