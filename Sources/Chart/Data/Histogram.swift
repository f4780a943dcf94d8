import Foundation

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
    public init(_ values: [Double], rule: Rule = .auto) {
        let data = values.filter(\.isFinite)
        guard let dataMin = data.min(), let dataMax = data.max() else {
            edges = [0, 1]
            counts = [0]
            return
        }
        var first = dataMin, last = dataMax
        if first == last { first -= 0.5; last += 0.5 }
        let n = Histogram.binCount(data, rule: rule, first: first, last: last)
        var e = (0...n).map { Double($0) * ((last - first) / Double(n)) + first }
        e[n] = last
        edges = e
        var c = [Int](repeating: 0, count: n)
        let norm = Double(n) / (last - first)
        for v in data {
            var i = Swift.min(Int((v - first) * norm), n - 1)
            if v < e[i] { i -= 1 } else if i < n - 1 && v >= e[i + 1] { i += 1 }
            c[Swift.max(0, Swift.min(i, n - 1))] += 1
        }
        counts = c
    }

    /// The number of equal-width bins numpy would use.
    static func binCount(_ data: [Double], rule: Rule, first: Double, last: Double) -> Int {
        let n = Double(data.count)
        let ptp = (data.max() ?? 0) - (data.min() ?? 0)
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
        return Swift.max(1, Swift.min(Int(((last - first) / width).rounded(.up)), 1_000_000))
    }
}
