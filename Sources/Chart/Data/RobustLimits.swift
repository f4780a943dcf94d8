import FoundationEssentials

/// Axis limits that ignore extreme outliers such as the loss spike of a training run's first
/// steps, on request.
///
/// The limits are the `lowerQuantile`…`upperQuantile` range of the finite values (numpy's
/// default linear interpolation), each side replaced by the true extreme when that extreme lies
/// within `tolerance` × the quantile span of it: a series without spikes keeps its full range,
/// and only a tail far outside the bulk is cut. Then `margin` of the span is added on each side.
/// Quantiles of more than `sampleLimit` values are taken from an evenly strided sample of that
/// many values (deterministic; the limits only need to be close).
public struct RobustLimits: Sendable, Hashable {
    /// The lower quantile, e.g. 0.01.
    public let lowerQuantile: Double
    /// The upper quantile, e.g. 0.99.
    public let upperQuantile: Double
    /// How far beyond a quantile (in quantile spans) the extreme may lie and still be kept.
    public let tolerance: Double
    /// The fraction of the span added on each side.
    public let margin: Double
    /// The most values sorted to find the quantiles.
    public let sampleLimit: Int

    /// Creates the rule; quantiles are clamped to [0, 1] and ordered.
    public init(lowerQuantile: Double = 0.01, upperQuantile: Double = 0.99, tolerance: Double = 0.5,
                margin: Double = 0.05, sampleLimit: Int = 100_000) {
        let a = Swift.min(Swift.max(lowerQuantile.isNaN ? 0 : lowerQuantile, 0), 1)
        let b = Swift.min(Swift.max(upperQuantile.isNaN ? 1 : upperQuantile, 0), 1)
        self.lowerQuantile = Swift.min(a, b)
        self.upperQuantile = Swift.max(a, b)
        self.tolerance = Swift.max(tolerance, 0)
        self.margin = Swift.max(margin, 0)
        self.sampleLimit = Swift.max(sampleLimit, 2)
    }

    /// The limits for `values` (NaN and ±inf ignored), or nil when none is finite.
    ///
    /// A degenerate result is widened as `LinearScale.autoLimits` widens it.
    public func limits(_ values: [Double]) -> (Double, Double)? {
        var lo = Double.infinity, hi = -Double.infinity
        var finiteCount = 0
        for v in values where v.isFinite {
            lo = Swift.min(lo, v); hi = Swift.max(hi, v)
            finiteCount += 1
        }
        guard finiteCount > 0 else { return nil }
        let stride = Swift.max(1, (values.count + sampleLimit - 1) / sampleLimit)
        var sample: [Double] = []
        sample.reserveCapacity(Swift.min(values.count, sampleLimit + 1))
        var i = 0
        while i < values.count {
            if values[i].isFinite { sample.append(values[i]) }
            i += stride
        }
        if sample.isEmpty { sample = [lo, hi] }
        sample.sort()
        let qlo = Quantile.linear(sortedValues: sample, q: lowerQuantile)
        let qhi = Quantile.linear(sortedValues: sample, q: upperQuantile)
        let span = qhi - qlo
        let low = qlo - lo <= tolerance * span ? lo : qlo
        let high = hi - qhi <= tolerance * span ? hi : qhi
        return LinearScale().autoLimits(dataMin: low, dataMax: high, margin: margin)
    }
}

/// Quantiles of sorted data as numpy computes them.
enum Quantile {
    /// numpy's default ('linear') quantile of ascending `sortedValues`, q in [0, 1], including
    /// numpy's lerp that is exact at both ends.
    static func linear(sortedValues v: [Double], q: Double) -> Double {
        guard let last = v.last else { return .nan }
        let index = q * Double(v.count - 1)
        let i = Swift.min(Int(index.rounded(.down)), v.count - 1)
        let t = index - Double(i)
        guard i + 1 < v.count else { return last }
        let a = v[i], b = v[i + 1]
        let diff = b - a
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t
    }
}
