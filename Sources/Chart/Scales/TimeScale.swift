/// A linear scale over time in seconds since 1970-01-01T00:00:00 UTC (no leap seconds).
///
/// matplotlib works in days since the epoch; seconds keep integers exact up to 2^53 s and
/// microseconds exact for ±285 years around 1970.
public struct TimeScale: Scale, Hashable {
    /// Creates a time scale.
    public init() {}

    /// Returns `v` unchanged (time is linear).
    public func transform(_ v: Double) -> Double { v }

    /// Returns `s` unchanged.
    public func inverse(_ s: Double) -> Double { s }

    /// Data limits plus margins; a single instant widens by ±2 years (730 days) and no data
    /// gives 1970-01-01…1970-01-02, as matplotlib's `AutoDateLocator.nonsingular`.
    public func autoLimits(dataMin: Double, dataMax: Double, margin: Double) -> (Double, Double) {
        guard dataMin.isFinite, dataMax.isFinite, dataMin <= dataMax else { return (0, 86_400) }
        var lo = dataMin
        var hi = dataMax
        if hi - lo < 1e-6 * 86_400 {
            lo -= 2 * 365 * 86_400
            hi += 2 * 365 * 86_400
        }
        return expandedInScaleSpace(lo, hi, margin: margin)
    }
}
