import FoundationEssentials
import Glibc

/// Nice ticks at multiples of 1, 2, 2.5, 5 × 10ⁿ: matplotlib's default `AutoLocator`
/// (`MaxNLocator(nbins='auto', steps=[1, 2, 2.5, 5, 10])`), followed step by step.
///
/// The returned ticks cover the view: the first is at or below `min` and the last at or above
/// `max` when a tick falls outside, exactly as matplotlib's `tick_values`.
public struct MaxNLocator: TickLocator, Hashable {
    /// Allowed step mantissas in [1, 10], ascending, starting at 1 and ending at 10.
    public let steps: [Double]
    /// Upper bound for the number of intervals (matplotlib caps 'auto' at 9).
    public let maxBins: Int
    /// The fewest ticks inside the view before a smaller step is tried.
    public let minTicks: Int

    /// Creates a locator; invalid steps fall back to [1, 2, 2.5, 5, 10].
    public init(steps: [Double] = [1, 2, 2.5, 5, 10], maxBins: Int = 9, minTicks: Int = 2) {
        let valid = steps.count >= 2 && steps.first == 1 && steps.last == 10
            && zip(steps, steps.dropFirst()).allSatisfy { $0 < $1 }
        self.steps = valid ? steps : [1, 2, 2.5, 5, 10]
        self.maxBins = Swift.max(1, maxBins)
        self.minTicks = Swift.max(1, minTicks)
    }

    /// Ticks for the view; `maxCount` is matplotlib's tick space, clipped to
    /// [max(1, minTicks − 1), maxBins] and used as the number of bins.
    public func ticks(min vmin: Double, max vmax: Double, maxCount: Int) -> [Double] {
        guard vmin.isFinite, vmax.isFinite else { return [] }
        let nbins = Swift.min(Swift.max(maxCount, Swift.max(1, minTicks - 1)), maxBins)
        let (lo, hi) = Nonsingular.widen(vmin, vmax, expander: 1e-13, tiny: 1e-14)
        return rawTicks(lo, hi, nbins: nbins)
    }

    /// matplotlib's `scale_range`: the power of ten of the raw step, and an offset when the
    /// range is far from zero relative to its width.
    static func scaleRange(_ vmin: Double, _ vmax: Double, n: Int) -> (scale: Double, offset: Double) {
        let dv = abs(vmax - vmin)
        let meanv = (vmax + vmin) / 2
        var offset = 0.0
        if !(abs(meanv) / dv < 100) {
            offset = copysign(pow(10, PythonFloat.floorDivide(log10(abs(meanv)), 1)), meanv)
        }
        let scale = pow(10, PythonFloat.floorDivide(log10(dv / Double(n)), 1))
        return (scale, offset)
    }

    private func rawTicks(_ vmin: Double, _ vmax: Double, nbins: Int) -> [Double] {
        let (scale, offset) = MaxNLocator.scaleRange(vmin, vmax, n: nbins)
        let lo = vmin - offset
        let hi = vmax - offset
        // matplotlib's `_staircase`: 0.1·steps (without 10), steps, then 10·steps[1].
        var extended = steps.dropLast().map { 0.1 * $0 } + steps + [10 * steps[1]]
        for i in extended.indices { extended[i] *= scale }
        let rawStep = (hi - lo) / Double(nbins)
        let istep = extended.firstIndex { $0 >= rawStep } ?? (extended.count - 1)
        var result: [Double] = []
        for step in extended[...istep].reversed() {
            let bestMin = PythonFloat.floorDivide(lo, step) * step
            let edge = EdgeInteger(step: step, offset: offset)
            let low = edge.lessOrEqual(lo - bestMin)
            let high = edge.greaterOrEqual(hi - bestMin)
            result.removeAll(keepingCapacity: true)
            var k = low
            var inside = 0
            while k < high + 1 {
                let t = k * step + bestMin
                result.append(t)
                if t <= hi && t >= lo { inside += 1 }
                k += 1
            }
            if inside >= minTicks { break }
        }
        return result.map { $0 + offset }
    }
}
