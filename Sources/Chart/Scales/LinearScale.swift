/// The identity scale: data space is scale space.
public struct LinearScale: Scale, Hashable {
    /// Creates a linear scale.
    public init() {}

    /// Returns `v` unchanged.
    public func transform(_ v: Double) -> Double { v }

    /// Returns `s` unchanged.
    public func inverse(_ s: Double) -> Double { s }

    /// matplotlib's default: `nonsingular(expander: 0.05)`, then margins; no data gives (0, 1).
    ///
    /// A single value v becomes v ± 5%·|v| before the margins (5 → 4.725…5.275), 0 becomes
    /// ±0.05 (→ ±0.055), as `plt.plot([5], [5])` shows.
    public func autoLimits(dataMin: Double, dataMax: Double, margin: Double) -> (Double, Double) {
        guard dataMin.isFinite, dataMax.isFinite, dataMin <= dataMax else { return (0, 1) }
        let (lo, hi) = Nonsingular.widen(dataMin, dataMax, expander: 0.05)
        return expandedInScaleSpace(lo, hi, margin: margin)
    }
}
