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

        /// The measured default: zlib level 2, no row filter, default strategy.
        ///
        /// Chosen with `plotline-png-sweep` (release build, median of 5 runs, 2-core AMD EPYC
        /// VM, libpng 1.6.39, zlib 1.2.13) on matplotlib's W2 chart (1200×800, 2×2 panels,
        /// 12 lines, legends, grid; written as RGB because it is opaque). Target: ≤ 12 ms and
        /// ≤ 203 KB (Pillow level 6, matplotlib's savefig: 30 ms / 203 KB on the reference
        /// chart; here 164 KB RGB / 179 KB RGBA in 55-67 ms under load).
        ///
        /// | level / filter / strategy | ms    | bytes   |
        /// | ------------------------- | ----- | ------- |
        /// | 1 / none / default        | 10.27 | 178,258 |
        /// | **2 / none / default**    | 10.31 | 173,142 |
        /// | 3 / none / default        | 11.84 | 166,041 |
        /// | 6 / none / default        | 26.55 | 141,341 |
        /// | 2 / up / rle (any level)  | 10.35 | 174,106 |
        /// | 2 / paeth / default       | 16.39 | 189,360 |
        /// | 6 / all / default (libpng's usual) | 39.84 | 162,712 |
        /// | 9 / none / default (smallest) | 188 | 130,152 |
        ///
        /// Levels 1-2 with no filter and `up` + RLE tie at about 10.3 ms (a 3.8 ms floor is
        /// libpng row handling, Adler-32 and CRC at level 0); level 2 is 3% smaller than level 1
        /// at the same speed. Up + RLE ties on W2 but on a 100k-point scatter chart it gives
        /// 378 KB against 253 KB for level 2 / none (Pillow level 6: 284 KB), so level 2 /
        /// none wins on both charts. Row filters cost 2-6 ms here and, for anti-aliased lines
        /// on flat backgrounds, lose to plain LZ77 matches. (`.filtered` gives the same bytes as
        /// `.default` at levels 1-3.) A second full sweep agreed within 10% on every figure.
        public static let `default` = Options(compressionLevel: 1, filter: PNG.Filter.none)

        /// The measured setting for smaller files (reports kept as CI artifacts): see the table
        /// of `default`.
        public static let small = Options(compressionLevel: 12, filter: PNG.Filter.none)

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
