import FoundationEssentials
import Glibc

/// A base-10 logarithmic scale; zero and negative values are invalid and not drawn.
public struct LogScale: Scale, Hashable {
    /// Creates a base-10 log scale.
    public init() {}

    /// log10(v); -inf for 0 and NaN for negative values (callers drop invalid values first).
    public func transform(_ v: Double) -> Double { log10(v) }

    /// 10^s.
    public func inverse(_ s: Double) -> Double { pow(10, s) }

    /// True for finite v > 0.
    public func isValid(_ v: Double) -> Bool { v.isFinite && v > 0 }

    /// matplotlib's `LogLocator.nonsingular` then margins in log space; no data gives (1, 10).
    ///
    /// Pass the smallest *positive* value as `dataMin` (matplotlib's `minpos`); if it is not
    /// positive, the decade below `dataMax` is used. A single value v widens to the decades
    /// strictly around it (5 → 1…10, 1e6 → 1e5…1e7) before the margins.
    public func autoLimits(dataMin: Double, dataMax: Double, margin: Double) -> (Double, Double) {
        guard dataMin.isFinite, dataMax.isFinite, dataMin <= dataMax, dataMax > 0 else { return (1, 10) }
        var lo = dataMin > 0 ? dataMin : LogScale.decadeBelow(dataMax)
        var hi = dataMax
        if lo == hi {
            lo = LogScale.decadeBelow(lo)
            hi = LogScale.decadeAbove(hi)
        }
        return expandedInScaleSpace(lo, hi, margin: margin)
    }

    /// The largest power of ten strictly below positive `x` (matplotlib's `_decade_less`).
    static func decadeBelow(_ x: Double) -> Double {
        let d = pow(10, floor(log10(x)))
        return d == x ? d / 10 : d
    }

    /// The smallest power of ten strictly above positive `x` (matplotlib's `_decade_greater`).
    static func decadeAbove(_ x: Double) -> Double {
        let d = pow(10, ceil(log10(x)))
        return d == x ? d * 10 : d
    }
}
