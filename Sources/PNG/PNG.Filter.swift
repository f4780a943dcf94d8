import CPNGShim

extension PNG {
    /// The PNG row filter(s) libpng may use before deflate.
    ///
    /// A single filter is applied to every row; `.all` lets libpng pick, per row, the filter
    /// whose output has the smallest sum of absolute values (the PNG specification's heuristic).
    public enum Filter: String, Sendable, Hashable, CaseIterable {
        case none, sub, up, average, paeth, all

        /// The `png_set_filter` mask.
        var mask: Int32 {
            switch self {
            case .none: return Int32(PLOTLINE_PNG_FILTER_NONE)
            case .sub: return Int32(PLOTLINE_PNG_FILTER_SUB)
            case .up: return Int32(PLOTLINE_PNG_FILTER_UP)
            case .average: return Int32(PLOTLINE_PNG_FILTER_AVG)
            case .paeth: return Int32(PLOTLINE_PNG_FILTER_PAETH)
            case .all: return Int32(PLOTLINE_PNG_FILTER_ALL)
            }
        }
    }
}
