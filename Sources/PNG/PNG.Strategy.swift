import CPNGShim

extension PNG {
    /// The zlib deflate strategy.
    ///
    /// `.rle` searches only for runs (distance 1): fast, and good on filtered chart images whose
    /// rows are mostly flat; `.filtered` favours literals for small filtered values.
    public enum Strategy: String, Sendable, Hashable, CaseIterable {
        case `default`, filtered, rle

        /// The zlib constant (`Z_DEFAULT_STRATEGY`, `Z_FILTERED`, `Z_RLE`).
        var zlibValue: Int32 {
            switch self {
            case .default: return Int32(PLOTLINE_PNG_STRATEGY_DEFAULT)
            case .filtered: return Int32(PLOTLINE_PNG_STRATEGY_FILTERED)
            case .rle: return Int32(PLOTLINE_PNG_STRATEGY_RLE)
            }
        }
    }
}
