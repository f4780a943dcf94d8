import FoundationEssentials
import Glibc

/// Histogram bins and counts, with numpy's `histogram_bin_edges` rules.
///
/// NaN and ±inf are ignored (numpy raises). Equal-width bins span the data's [min, max]
/// (min − 0.5 … max + 0.5 when all values are equal); every bin is half-open except the last,
/// which includes the maximum, as numpy's `histogram`.
public struct Histogram: Sendable, Hashable {
    /// How the number of bins is chosen.
    public enum Rule: Sendable, Hashable {
        /// Exactly this many bins (at least 1).
        case count(Int)
        /// numpy's 'auto': the smaller width of Sturges and Freedman–Diaconis, i.e. the larger
        /// number of bins, with FD's width kept at least half the √n rule's (numpy's cap on the
        /// bin count); Sturges alone when the interquartile range is 0.
        case auto
        /// log2(n) + 1 bins (Sturges).
        case sturges
        /// Width 2·IQR·n^(−1/3) (Freedman–Diaconis).
        case freedmanDiaconis
        /// √n bins.
        case sqrt
    }

    /// The bin edges, ascending; one more than the counts.
    public let edges: [Double]
    /// The number of finite values in each bin.
    public let counts: [Int]

    /// Bins `values` by `rule`; no finite value gives edges [0, 1] and a count of 0.
    ///
    /// One pass finds the extremes and whether any value is NaN or infinite; only then are the
    /// finite values copied out (a 10⁶-sample histogram: 8 MB less to fault in and copy).
    public init(_ values: [Double], rule: Rule = .auto) {
        guard let (dataMin, dataMax, allFinite) = Histogram.extremes(values) else {
            self.init([], equalEdges: [0, 1])
            return
        }
        let data = allFinite ? values : values.filter(\.isFinite)
        let (first, last) = Histogram.range(dataMin, dataMax)
        let n = Histogram.binCount(data, rule: rule, first: first, last: last, dataMin: dataMin, dataMax: dataMax)
        var e: [Double]
        if (last - first).isFinite {
            e = (0...n).map { Double($0) * ((last - first) / Double(n)) + first }
        } else {
            // Wider than the largest double: interpolate, so no step overflows.
            e = (0...n).map { k in
                let t = Double(k) / Double(n)
                return first * (1 - t) + last * t
            }
        }
        e[0] = first
        e[n] = last
        self.init(data, equalEdges: e)
    }

    /// The smallest and largest finite value and whether every value is finite, in one pass;
    /// nil when no value is finite.
    static func extremes(_ values: [Double]) -> (min: Double, max: Double, allFinite: Bool)? {
        values.withUnsafeBufferPointer { buffer in
            var lo = Double.infinity, hi = -Double.infinity
            var finite = 0
            for v in buffer where v.isFinite {
                // Strict comparisons keep the first of equal values, as `min()` and `max()` do (-0.0, 0.0).
                if v < lo { lo = v }
                if v > hi { hi = v }
                finite += 1
            }
            return finite == 0 ? nil : (lo, hi, finite == buffer.count)
        }
    }

    /// Counts `values` into given equal-width `edges` (at least two, ascending), as
    /// `numpy.histogram(values, bins=edges)`: values outside the edges are not counted. Bins
    /// shared by several histograms (`Histogram.commonEdges`) come this way.
    public init(_ values: [Double], edges: [Double]) {
        guard edges.count >= 2, let first = edges.first, let last = edges.last, first < last else {
            self.init(values)
            return
        }
        self.init(values.filter { $0.isFinite && $0 >= first && $0 <= last }, equalEdges: edges)
    }

    /// The bin edges numpy gives `hist([a, b, …], bins=rule)`: the rule applied to every
    /// group's finite values pooled, so all groups share one set of bins and their bars line
    /// up (seaborn's `histplot(hue=…, common_bins=True)`).
    public static func commonEdges(_ groups: [[Double]], rule: Rule = .auto) -> [Double] {
        Histogram(groups.flatMap { $0 }, rule: rule).edges
    }

    /// Counts finite `data`, all within the edges, into the equal-width bins of `e`.
    ///
    /// A value's bin is estimated from its position in the span and then moved until
    /// `e[i] <= v < e[i + 1]` (the last bin includes the maximum): the edges decide, so the
    /// estimate may be a multiply by `n / span` instead of a divide per value.
    private init(_ data: [Double], equalEdges e: [Double]) {
        let n = e.count - 1, first = e[0], last = e[n]
        edges = e
        var c = [Int](repeating: 0, count: n)
        // The position in bins (from halves when the span overflows; a subnormal span's
        // reciprocal would overflow, so it divides), never an unchecked conversion.
        let span = last - first, halfSpan = last * 0.5 - first * 0.5
        let scale = Double(n) / span
        let multiplies = span.isFinite && scale.isFinite
        let top = Double(n - 1)
        e.withUnsafeBufferPointer { e in
            c.withUnsafeMutableBufferPointer { c in
                for v in data {
                    let position = multiplies ? (v - first) * scale
                        : (span.isFinite ? (v - first) / span : (v * 0.5 - first * 0.5) / halfSpan) * Double(n)
                    var i = position.isFinite ? Int(Swift.max(0, Swift.min(position, top))) : 0
                    while i > 0 && v < e[i] { i -= 1 }
                    while i < n - 1 && v >= e[i + 1] { i += 1 }
                    c[i] += 1
                }
            }
        }
        counts = c
    }

    /// The binned range: the data's [min, max], widened to [min − 0.5, max + 0.5] when all values
    /// are equal (numpy). Where ±0.5 does not change a value (|v| ≥ 2⁵³, where numpy's bins
    /// would be empty and the bar invisible), by 5% of it each way instead, and never past the
    /// largest double, so the range is never empty.
    static func range(_ dataMin: Double, _ dataMax: Double) -> (first: Double, last: Double) {
        guard dataMin == dataMax else { return (dataMin, dataMax) }
        var first = dataMin - 0.5, last = dataMax + 0.5
        if first == dataMin || last == dataMax {
            let half = dataMin.magnitude * 0.05
            first = dataMin - half
            last = dataMax + half
        }
        if !first.isFinite { first = dataMin }
        if !last.isFinite { last = dataMax }
        return (first, last)
    }

    /// The number of equal-width bins numpy would use.
    /// `dataMin` and `dataMax` are the extremes of `data` (finite values, not empty).
    static func binCount(_ data: [Double], rule: Rule, first: Double, last: Double, dataMin: Double, dataMax: Double) -> Int {
        if case .count(let k) = rule { return Swift.max(1, Swift.min(k, 1_000_000)) }
        let n = Double(data.count)
        // The spread, halved and doubled back so that it stays finite (or is the largest double).
        let halfPtp = dataMax * 0.5 - dataMin * 0.5
        let ptp = halfPtp * 2 <= .greatestFiniteMagnitude ? halfPtp * 2 : .greatestFiniteMagnitude
        func iqr() -> Double {
            let sorted = data.sorted()
            return Quantile.linear(sortedValues: sorted, q: 0.75) - Quantile.linear(sortedValues: sorted, q: 0.25)
        }
        let width: Double
        switch rule {
        case .count(let k):
            return Swift.max(1, Swift.min(k, 1_000_000))
        case .sqrt:
            width = ptp / n.squareRoot()
        case .sturges:
            width = ptp / (log2(n) + 1)
        case .freedmanDiaconis:
            width = 2 * iqr() * pow(n, -1.0 / 3.0)
        case .auto:
            let fd = Swift.max(2 * iqr() * pow(n, -1.0 / 3.0), ptp / n.squareRoot() / 2)
            let sturges = ptp / (log2(n) + 1)
            width = fd > 0 ? Swift.min(fd, sturges) : sturges
        }
        guard width > 0, width.isFinite else { return 1 }
        // Ratios of the span, from halves when the span is wider than the largest double.
        let span = last - first
        func ratio(_ unit: Double) -> Double { span.isFinite ? span / unit : (last * 0.5 - first * 0.5) / (unit * 0.5) }
        let bins = ratio(width).rounded(.up)
        guard !bins.isNaN else { return 1 }
        // No more bins than there are doubles in the range (a subnormal or ulp-wide range would
        // otherwise ask for a million bins with equal edges).
        let representable = ratio(Swift.max(first.magnitude.ulp, last.magnitude.ulp)).rounded(.down)
        return Swift.max(1, Int(Swift.min(bins, representable.isNaN ? 1 : representable, 1_000_000)))
    }
}
