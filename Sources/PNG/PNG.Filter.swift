import CPNGShim

extension PNG {
    /// The PNG row filter(s) applied before deflate.
    ///
    /// A single filter is applied to every row; `.all` picks, per row, the filter
    /// whose output has the smallest sum of absolute values (the PNG specification's heuristic).
    public enum Filter: String, Sendable, Hashable, CaseIterable {
        case none, sub, up, average, paeth, all

        /// The PNG filter-type byte of a single filter (0 none ... 4 Paeth); 0 for `.all`, which
        /// chooses per row.
        var typeByte: UInt8 {
            switch self {
            case .none, .all: return 0
            case .sub: return 1
            case .up: return 2
            case .average: return 3
            case .paeth: return 4
            }
        }

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
