import Raster

/// A colour map from matplotlib, as its own 256-entry table: the sequential perceptual maps
/// viridis (its default), magma, plasma, inferno and cividis, and the diverging maps RdBu
/// (ColorBrewer) and coolwarm (Moreland), light in the middle, for values around a centre.
///
/// Values map to entries as matplotlib's `Colormap.__call__` does for a `Normalize`d value v in
/// [0, 1]: entry ⌊v·256⌋, with 1 itself in the last entry. NaN gives nil (drawn transparent, as
/// matplotlib's "bad" colour).
public enum ColorMap: String, Sendable, Hashable, CaseIterable {
    case viridis, magma, plasma, inferno, cividis
    /// Diverging: dark red (low) through near-white to dark blue (high), ColorBrewer's RdBu.
    case rdBu = "RdBu"
    /// Diverging: blue (low) through light grey to red (high), Moreland's cool-warm.
    case coolwarm

    /// True for the diverging maps, whose middle colour marks a centre value.
    public var isDiverging: Bool { self == .rdBu || self == .coolwarm }

    /// The colour limits for data from `low` to `high` when none are given: the data's extent,
    /// except that a diverging map over values of both signs gets limits symmetric about 0,
    /// so its light middle marks zero.
    public func autoLimits(low: Double, high: Double) -> (low: Double, high: Double) {
        guard isDiverging, low < 0, high > 0 else { return (low, high) }
        let m = Swift.max(-low, high)
        return (-m, m)
    }

    /// The 256 colours, darkest (low values) first.
    public var colors: [Color] { ColorMap.decoded[self] ?? [] }

    /// The colour of `value` between `low` and `high` (clamped), nil for NaN.
    public func color(_ value: Double, low: Double, high: Double) -> Color? {
        guard !value.isNaN else { return nil }
        let v = high > low ? (value - low) / (high - low) : 0.5
        let i = v.isFinite ? Int((max(0, min(1, v)) * 256).rounded(.down)) : (v > 0 ? 255 : 0)
        return colors[min(255, max(0, i))]
    }

    private static let decoded: [ColorMap: [Color]] = {
        var out: [ColorMap: [Color]] = [:]
        for map in ColorMap.allCases {
            let table: String
            switch map {
            case .viridis: table = viridisTable
            case .magma: table = magmaTable
            case .plasma: table = plasmaTable
            case .inferno: table = infernoTable
            case .cividis: table = cividisTable
            case .rdBu: table = rdBuTable
            case .coolwarm: table = coolwarmTable
            }
            let bytes = Array(table.utf8)
            out[map] = stride(from: 0, to: bytes.count - 5, by: 6).map { k in
                Color(rgb: UInt32(String(decoding: bytes[k..<(k + 6)], as: UTF8.self), radix: 16) ?? 0)
            }
        }
        return out
    }()
}
