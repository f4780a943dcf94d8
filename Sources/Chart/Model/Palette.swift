import Raster

/// A categorical colour cycle a figure can pick instead of its theme's: matplotlib's Tableau
/// palettes. tab20 pairs each tab10 hue with a light tint (blue, light blue, orange, light
/// orange, …), for up to 20 series or groups told apart by colour alone.
public enum Palette: String, Sendable, Hashable, CaseIterable {
    case tab10, tab20

    /// The colours, in cycle order.
    public var colors: [Color] {
        switch self {
        case .tab10: return Theme.tab10
        case .tab20: return Palette.tab20Colors
        }
    }

    /// matplotlib's `tab20` (`_tab20_data`).
    static let tab20Colors: [Color] = [
        0x1f77b4, 0xaec7e8, 0xff7f0e, 0xffbb78, 0x2ca02c, 0x98df8a, 0xd62728, 0xff9896, 0x9467bd, 0xc5b0d5,
        0x8c564b, 0xc49c94, 0xe377c2, 0xf7b6d2, 0x7f7f7f, 0xc7c7c7, 0xbcbd22, 0xdbdb8d, 0x17becf, 0x9edae5,
    ].map { Color(rgb: $0) }
}
