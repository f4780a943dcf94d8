/// A one-dimensional scale: data space → scale space, where one affine map reaches pixels.
///
/// The non-linear part of an axis (log, symlog) lives here; `AxisTransform` adds the affine part,
/// as matplotlib's `transScale` followed by `transLimits + transAxes`.
public protocol Scale: Sendable {
    /// Maps a data value into scale space (identity, log10, symlog).
    func transform(_ v: Double) -> Double
    /// Maps a scale-space value back to data space.
    func inverse(_ s: Double) -> Double
    /// True when `v` can be shown on this scale (finite; log scales also need v > 0).
    func isValid(_ v: Double) -> Bool
    /// View limits for data in [dataMin, dataMax]: widened when degenerate, plus `margin`
    /// (a fraction of the span, 0.05 in matplotlib) on each side measured in scale space.
    ///
    /// Pass `dataMin > dataMax` (e.g. `+inf, -inf`) or non-finite values for "no data"; the
    /// result is then the scale's empty-view default. Never returns NaN or infinities.
    func autoLimits(dataMin: Double, dataMax: Double, margin: Double) -> (Double, Double)
}

extension Scale {
    /// Finite values are valid unless a scale says otherwise.
    public func isValid(_ v: Double) -> Bool { v.isFinite }

    /// View limits for a collection of values, ignoring NaN, ±inf and values invalid for the scale.
    public func autoLimits(of values: some Sequence<Double>, margin: Double = 0.05) -> (Double, Double) {
        var lo = Double.infinity
        var hi = -Double.infinity
        for v in values where v.isFinite && isValid(v) {
            if v < lo { lo = v }
            if v > hi { hi = v }
        }
        return autoLimits(dataMin: lo, dataMax: hi, margin: margin)
    }

    /// Widens [lo, hi] by `margin` of its span on both sides, measured in scale space.
    func expandedInScaleSpace(_ lo: Double, _ hi: Double, margin: Double) -> (Double, Double) {
        let t0 = transform(lo)
        let t1 = transform(hi)
        var delta = (t1 - t0) * margin
        if !delta.isFinite { delta = 0 }
        let a = inverse(t0 - delta)
        let b = inverse(t1 + delta)
        return a.isFinite && b.isFinite ? (a, b) : (lo, hi)
    }
}

/// Widening of degenerate ranges, after matplotlib's `transforms.nonsingular`.
public enum Nonsingular {
    /// Returns (vmin, vmax) ordered and widened so that the span is not vanishingly small.
    ///
    /// Non-finite input gives (-expander, expander). A range whose span is at most `tiny` times
    /// its largest magnitude grows by `expander` times each end's magnitude (or ±expander at 0).
    public static func widen(_ vmin: Double, _ vmax: Double, expander: Double = 0.001,
                             tiny: Double = 1e-15) -> (Double, Double) {
        guard vmin.isFinite, vmax.isFinite else { return (-expander, expander) }
        var lo = Swift.min(vmin, vmax)
        var hi = Swift.max(vmin, vmax)
        let maxAbs = Swift.max(abs(lo), abs(hi))
        if maxAbs < (1e6 / tiny) * Double.leastNormalMagnitude {
            lo = -expander
            hi = expander
        } else if hi - lo <= maxAbs * tiny {
            if hi == 0 && lo == 0 {
                lo = -expander
                hi = expander
            } else {
                lo -= expander * abs(lo)
                hi += expander * abs(hi)
            }
        }
        return (lo, hi)
    }
}
