extension PNG {
    /// How `PNG.encode` compresses, and which text chunks it adds.
    public struct Options: Sendable, Hashable {
        /// The zlib level, 0 (store) ... 9 (smallest, slowest).
        public var compressionLevel: Int
        /// The PNG row filter(s).
        public var filter: PNG.Filter
        /// The zlib strategy.
        public var strategy: PNG.Strategy
        /// `tEXt` chunks, written before the image data in this order.
        public var text: [PNG.TextChunk]

        public init(compressionLevel: Int, filter: PNG.Filter, strategy: PNG.Strategy,
                    text: [PNG.TextChunk] = []) {
            self.compressionLevel = compressionLevel
            self.filter = filter
            self.strategy = strategy
            self.text = text
        }

        /// DEFAULT_DOC
        public static let `default` = Options(compressionLevel: 6, filter: .all, strategy: .default)

        /// The same options with `text` replaced.
        public func withText(_ text: [PNG.TextChunk]) -> Options {
            var o = self
            o.text = text
            return o
        }

        func validate() throws {
            guard (0...9).contains(compressionLevel) else {
                throw PNGError.invalidOptions("compression level \(compressionLevel) is outside 0...9")
            }
        }
    }
}
