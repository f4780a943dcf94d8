/// A scale of named levels placed at index positions 0, 1, …, count − 1.
public struct CategoricalScale: Scale, Hashable {
    /// The category names in axis order.
    public let levels: [String]
    /// Slots added on each side of the occupied positions before margins (0.5: a full slot).
    public let padding: Double

    /// Creates a categorical scale over `levels` (duplicates are kept as given).
    public init(levels: [String], padding: Double = 0.5) {
        self.levels = levels
        self.padding = padding.isFinite && padding >= 0 ? padding : 0.5
    }

    /// The index position of `level`, or nil when it is not one of the levels.
    public func position(of level: String) -> Double? {
        levels.firstIndex(of: level).map(Double.init)
    }

    /// Returns `v` unchanged (positions are linear).
    public func transform(_ v: Double) -> Double { v }

    /// Returns `s` unchanged.
    public func inverse(_ s: Double) -> Double { s }

    /// Occupied positions ± `padding`, then `margin` of that span on each side.
    ///
    /// matplotlib: a categorical line plot gets plain 5% margins (3 levels → -0.1…2.1) and a
    /// bar plot ±0.4 bar halves plus 5%; half a slot on each side gives every level the same
    /// room. No data uses all levels; no levels gives (-0.5, 0.5).
    public func autoLimits(dataMin: Double, dataMax: Double, margin: Double) -> (Double, Double) {
        var lo = dataMin
        var hi = dataMax
        if !(lo.isFinite && hi.isFinite && lo <= hi) {
            lo = 0
            hi = Double(Swift.max(levels.count - 1, 0))
        }
        lo -= padding
        hi += padding
        if hi - lo <= 0 { lo -= 0.5; hi += 0.5 }
        return expandedInScaleSpace(lo, hi, margin: margin)
    }
}
