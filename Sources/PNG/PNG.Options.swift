extension PNG {
    /// How `PNG.encode` compresses, and which text chunks it adds.
    public struct Options: Sendable, Hashable {
        /// The deflate level: 0 (store) ... 12 for libdeflate, 0 ... 9 for zlib (smallest, slowest
        /// last); 1 for the run deflater, which has one setting.
        public var compressionLevel: Int
        /// The PNG row filter(s).
        public var filter: PNG.Filter
        /// The zlib strategy (`.zlib` only; libdeflate takes `.default`).
        public var strategy: PNG.Strategy
        /// The deflate implementation.
        public var compressor: PNG.Compressor
        /// `tEXt` chunks, written before the image data in this order.
        public var text: [PNG.TextChunk]

        public init(compressionLevel: Int, filter: PNG.Filter, strategy: PNG.Strategy = .default,
                    text: [PNG.TextChunk] = [], compressor: PNG.Compressor = .libdeflate) {
            self.compressionLevel = compressionLevel
            self.filter = filter
            self.strategy = strategy
            self.text = text
            self.compressor = compressor
        }

        /// The measured default: the run deflater (`PNG.RunDeflater`), no row filter.
        ///
        /// Chosen with `plotline-png-sweep --sizes` (release build, 2-core AMD EPYC VM under a
        /// load of 6-8, median of 15 encodes; bench/README.md "PNG encoder for charts") on the
        /// W1–W6 figures, matplotlib's pixels re-encoded so only the encoder differs:
        ///
        /// | encoder                  | bytes, W1–W6 (9 figures) | vs matplotlib's files | ms a figure |
        /// | ------------------------ | ------------------------ | --------------------- | ----------- |
        /// | libdeflate 1 (before)    | 963,861                  | 1.02×                 | 7.6-18      |
        /// | **runs (default)**       | **845,444**              | **0.89×**             | **1.1-8.8** |
        /// | libdeflate 9 (`small`)   | 777,513                  | 0.82×                 | 39-190      |
        ///
        /// The run deflater is 12% smaller than libdeflate level 1 in total (larger only on W4's
        /// 10⁵ markers, +8%) and 5-10× faster on the flat figures (W1, W3, W5, W6: 1.1-2.2 ms
        /// against 8-18 ms), as fast on the literal-heavy W4. Earlier choice, kept for the record
        /// (matplotlib's W2 chart, callgrind): libdeflate 1 took 66 M instructions for 161,489
        /// bytes, a fifth of striped zlib 2's 304 M; row filters lost there (up +2%, paeth +9%).
        public static let `default` = Options(compressionLevel: 1, filter: PNG.Filter.none, compressor: .runs)

        /// The measured setting for smaller files (reports kept as paid CI artifacts):
        /// libdeflate level 9, no row filter, or the run deflater's image data where that is
        /// smaller (`.smallest`: the flattest figures), so never larger than `default`.
        ///
        /// On the W1–W6 figures it totals 0.82× matplotlib's bytes and 0.92× the default's, at
        /// 20-60× the default's encode time. Level 12 gives 0.74× matplotlib's but takes 15-25×
        /// level 9's time (seconds a figure on a loaded machine); level 10 is no smaller than 9
        /// on most figures. See bench/README.md.
        public static let small = Options(compressionLevel: 9, filter: PNG.Filter.none, compressor: .smallest)

        /// The same options with `text` replaced.
        public func withText(_ text: [PNG.TextChunk]) -> Options {
            var o = self
            o.text = text
            return o
        }

        func validate(for compressor: PNG.Compressor? = nil) throws {
            let compressor = compressor ?? self.compressor
            let levels = compressor.levels
            guard levels.contains(compressionLevel) else {
                throw PNGError.invalidOptions(
                    "compression level \(compressionLevel) is outside \(levels.lowerBound)...\(levels.upperBound) (\(compressor))")
            }
            guard compressor == .zlib || strategy == .default else {
                throw PNGError.invalidOptions("strategy \(strategy) applies to the zlib compressor only")
            }
        }
    }
}
