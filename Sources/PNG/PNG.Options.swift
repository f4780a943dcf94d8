extension PNG {
    /// How `PNG.encode` compresses, and which text chunks it adds.
    public struct Options: Sendable, Hashable {
        /// The deflate level: 0 (store) ... 12 for libdeflate, 0 ... 9 for zlib (smallest, slowest last).
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

        /// The measured default: libdeflate level 1, no row filter.
        ///
        /// Chosen with `plotline-png-sweep` and callgrind (release build; libdeflate 1.14, zlib
        /// 1.2.13; 2-core AMD EPYC VM under a load of 11-13, so instructions decide and wall
        /// times only cross-check; bench/README.md) on matplotlib's W2 chart (1200×800, 2×2
        /// panels, 12 lines, legends, grid; opaque, so RGB). Instructions per encode, all
        /// threads (the striped zlib encoder's longest thread in brackets):
        ///
        /// | compressor level / filter | instructions | bytes   |
        /// | ------------------------- | ------------ | ------- |
        /// | zlib 2 / none, striped (old default) | 304 M [166 M] | 172,492 |
        /// | zlib 6 / none, striped    | 553 M [292 M] | 141,409 |
        /// | **libdeflate 1 / none**   | **66 M**     | **161,489** |
        /// | libdeflate 1 / up         | 67 M         | 164,784 |
        /// | libdeflate 1 / paeth      | 184 M        | 176,719 |
        /// | libdeflate 2 / none       | 107 M        | 156,887 |
        /// | libdeflate 4 / none       | 109 M        | 152,435 |
        /// | libdeflate 6 / none       | 123 M        | 139,691 |
        /// | libdeflate 9 / none (`small`) | 346 M    | 135,048 |
        /// | libdeflate 12 / none      | ~45× level 1 (wall) | 124,210 |
        ///
        /// Level 1 needs a fifth of the old default's instructions and under half its critical
        /// path on one thread, for a 6% smaller file; level 2 costs 61% more for 3% less. Row
        /// filters lose on these charts (libdeflate finds the matches in raw rows). On the W1–W6
        /// figures (same pixels as matplotlib's savefig files) level 1 totals 1.02× matplotlib's
        /// bytes, the old default 1.09×.
        public static let `default` = Options(compressionLevel: 1, filter: PNG.Filter.none)

        /// The measured setting for smaller files (reports kept as paid CI artifacts):
        /// libdeflate level 9, no row filter.
        ///
        /// On the W1–W6 figures it totals 0.82× matplotlib's bytes and 0.81× the default's, at
        /// about 5× the default's encode time. Level 12 gives 0.74× matplotlib's but takes 15-25×
        /// level 9's time (seconds a figure on a loaded machine); level 10 is no smaller than 9
        /// on most figures. See bench/README.md.
        public static let small = Options(compressionLevel: 9, filter: PNG.Filter.none)

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
