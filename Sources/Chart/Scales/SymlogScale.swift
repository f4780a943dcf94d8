import FoundationEssentials
import Glibc

/// A symmetric log scale: linear within ±linthresh, logarithmic (base 10) outside, as
/// matplotlib's `SymmetricalLogTransform` with `linscale = 1`.
public struct SymlogScale: Scale, Hashable {
    /// Half-width of the linear region around zero (> 0).
    public let linthresh: Double
    /// Decades' worth of scale space given to the linear region (matplotlib's `linscale`).
    public let linscale: Double
    private let linscaleAdjusted: Double

    /// Creates a symlog scale; a non-positive or non-finite threshold becomes 1.
    public init(linthresh: Double = 1, linscale: Double = 1) {
        self.linthresh = linthresh.isFinite && linthresh > 0 ? linthresh : 1
        self.linscale = linscale.isFinite && linscale > 0 ? linscale : 1
        self.linscaleAdjusted = self.linscale / (1 - 1 / 10)
    }

    /// Linear inside ±linthresh, sign(v)·linthresh·(linscale' + log10(|v|/linthresh)) outside.
    public func transform(_ v: Double) -> Double {
        let a = abs(v)
        if a <= linthresh { return v * linscaleAdjusted }
        let s = linthresh * (linscaleAdjusted + log10(a / linthresh))
        return v < 0 ? -s : s
    }

    /// The inverse of `transform`.
    public func inverse(_ s: Double) -> Double {
        let a = abs(s)
        if a <= linscaleAdjusted * linthresh { return s / linscaleAdjusted }
        let v = linthresh * pow(10, a / linthresh - linscaleAdjusted)
        return s < 0 ? -v : v
    }

    /// matplotlib's default `nonsingular(expander: 0.05)`, then margins in symlog space;
    /// no data gives (0, 1).
    public func autoLimits(dataMin: Double, dataMax: Double, margin: Double) -> (Double, Double) {
        guard dataMin.isFinite, dataMax.isFinite, dataMin <= dataMax else { return (0, 1) }
        let (lo, hi) = Nonsingular.widen(dataMin, dataMax, expander: 0.05)
        return expandedInScaleSpace(lo, hi, margin: margin)
    }
}
