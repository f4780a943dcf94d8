import FoundationEssentials
import Glibc

/// TensorBoard's scalar smoothing: a debiased exponential moving average.
///
/// With weight w, last₀ = 0 and k counting the finite values seen so far,
/// lastₖ = w·lastₖ₋₁ + (1 − w)·v and smoothed = lastₖ / (1 − wᵏ), so the first point equals
/// the first value instead of being pulled towards 0. Non-finite values (NaN, ±inf) pass
/// through unchanged and do not update the average; a series whose values are all equal is
/// returned as is (TensorBoard does the same, to avoid rounding noise on a flat line).
public struct EMASmoother: Sendable, Hashable {
    /// The smoothing weight in [0, 1]: 0 returns the data, values near 1 smooth heavily.
    public let weight: Double

    /// Creates a smoother; the weight is clamped to [0, 1] (NaN becomes 0).
    public init(weight: Double) {
        self.weight = weight.isNaN ? 0 : Swift.min(Swift.max(weight, 0), 1)
    }

    /// The smoothed values, one per input value.
    public func smooth(_ values: [Double]) -> [Double] {
        guard let first = values.first else { return [] }
        if values.allSatisfy({ $0 == first }) { return values }
        var result = values
        var last = 0.0
        var count = 0.0
        for (i, v) in values.enumerated() where v.isFinite {
            last = last * weight + (1 - weight) * v
            count += 1
            let debias = weight == 1 ? 1 : 1 - pow(weight, count)
            result[i] = last / debias
        }
        return result
    }
}
