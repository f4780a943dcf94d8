import FoundationEssentials
import Glibc

/// Ticks on a symlog axis: decades on the logarithmic sides and 0 in the linear part, after
/// matplotlib's `SymmetricalLogLocator.tick_values` (base 10).
public struct SymlogLocator: TickLocator, Hashable {
    /// The scale's linear threshold.
    public let linthresh: Double
    /// Multiples of each decade to tick ([1] for major ticks).
    public let subs: [Double]

    /// Creates a locator for a symlog scale with threshold `linthresh`.
    public init(linthresh: Double = 1, subs: [Double] = [1]) {
        self.linthresh = linthresh.isFinite && linthresh > 0 ? linthresh : 1
        self.subs = subs.isEmpty ? [1] : subs
    }

    /// Creates a locator matching `scale`.
    public init(scale: SymlogScale, subs: [Double] = [1]) {
        self.init(linthresh: scale.linthresh, subs: subs)
    }

    /// Ticks for the view; `maxCount` is matplotlib's `numticks` (default 15): decades are
    /// strided so that about that many remain.
    public func ticks(min: Double, max: Double, maxCount: Int) -> [Double] {
        guard min.isFinite, max.isFinite else { return [] }
        let vmin = Swift.min(min, max)
        let vmax = Swift.max(min, max)
        let t = linthresh
        if -t <= vmin && vmin < vmax && vmax <= t {
            return Array(Set([vmin, 0, vmax])).sorted()
        }
        let hasA = vmin < -t
        let hasC = vmax > t
        let hasB = (hasA && vmax > -t) || (hasC && vmin < t)

        func logRange(_ lo: Double, _ hi: Double) -> (Double, Double) {
            (floor(log(lo) / log(10.0)), ceil(log(hi) / log(10.0)))
        }
        var (aLo, aHi) = (0.0, 0.0)
        if hasA { (aLo, aHi) = logRange(abs(Swift.min(-t, vmax)), abs(vmin) + 1) }
        var (cLo, cHi) = (0.0, 0.0)
        if hasC { (cLo, cHi) = logRange(Swift.max(t, vmin), vmax + 1) }
        var total = (aHi - aLo) + (cHi - cLo)
        if hasB { total += 1 }
        let numticks = Swift.max(maxCount, 2)
        let stride = Swift.max(PythonFloat.floorDivide(total, Double(numticks - 1)), 1)

        var decades: [Double] = []
        if hasA {
            var exps: [Double] = []
            var e = aLo
            while e < aHi { exps.append(e); e += stride }
            decades.append(contentsOf: exps.reversed().map { -pow(10, $0) })
        }
        if hasB { decades.append(0) }
        if hasC {
            var e = cLo
            while e < cHi { decades.append(pow(10, e)); e += stride }
        }
        if subs.count > 1 || subs[0] != 1 {
            return decades.flatMap { d in d == 0 ? [0] : subs.map { $0 * d } }
        }
        return decades
    }
}
