import FoundationEssentials

/// One line that stands for several: the mean or median of several curves (runs of one
/// experiment, seeds) at each x, with a band for their spread, as seaborn's `lineplot`
/// (`estimator`, `errorbar`) and TensorBoard users' "mean of runs ± std" draw it.
///
/// Alignment (the rule, decided here only):
/// - **Exact** when the curves share their x values: over the x range every curve covers,
///   each x value of any curve is in at least half of the curves (and in two). Each x of
///   the union is then a point, aggregated over the curves that have a value there; runs of
///   different lengths (a seed stopped early) keep the line going where fewer remain.
/// - **Binned** otherwise (different logging intervals, wall-time x): the range where at least
///   two curves have data (from the second-smallest first x to the second-largest last x) is
///   cut into equal bins, as many as the sparsest curve has points in that range (at least 2, at
///   most `maximumBins`); each curve contributes the mean of its points in a bin, and the bin is
///   drawn at its centre. Bins where no curve has a point are gaps (NaN).
///
/// A point aggregated over one value has no band (NaN edges). NaN and infinite values are not
/// values: they are left out, as pandas' `mean` skips NaN (whether x values are shared is
/// judged on the x values as logged, so a missing value is a gap, not another grid).
public struct SeriesAggregate: Sendable, Equatable {
    /// The line's statistic.
    public enum Statistic: String, Sendable, Hashable, CaseIterable {
        case mean, median
    }

    /// The band drawn around the line.
    public enum Band: String, Sendable, Hashable, CaseIterable {
        /// ± one sample standard deviation (n − 1) around the line.
        case std
        /// From the smallest to the largest value.
        case minmax
        /// ± the half width of the 95% confidence interval of the mean (Student's t, n − 1
        /// degrees of freedom) around the line.
        case ci95
        /// No band.
        case none

        /// How a legend says it after the statistic: " ± std", ", min–max", " ± 95% CI"; empty for none.
        public var legendText: String {
            switch self {
            case .std: return " ± std"
            case .minmax: return ", min–max"
            case .ci95: return " ± 95% CI"
            case .none: return ""
            }
        }
    }

    /// How the curves were aligned.
    public enum Alignment: String, Sendable, Equatable {
        case exact, binned
    }

    /// The most bins a binned aggregate uses.
    public static let maximumBins = 2000

    /// The x of each point.
    public var x: [Double] = []
    /// The statistic at each point (NaN: no value).
    public var y: [Double] = []
    /// The band's lower and upper edge (NaN where fewer than two values).
    public var low: [Double] = []
    public var high: [Double] = []
    /// How many curves had a value at each point.
    public var count: [Int] = []
    /// How the curves were aligned.
    public var alignment: Alignment = .exact

    /// The aggregate of `curves` (each an x and a y array; x need not be sorted).
    public init(_ curves: [(x: [Double], y: [Double])], statistic: Statistic = .mean, band: Band = .std) {
        // Every logged point (finite x; y may be missing) in x order, with its curve. Whether x
        // values are shared is judged on these: a missing value is a gap, not another grid.
        var points: [(x: Double, y: Double, curve: Int)] = []
        points.reserveCapacity(curves.reduce(0) { $0 + min($1.x.count, $1.y.count) })
        var first = [Double](repeating: .infinity, count: curves.count), last = [Double](repeating: -.infinity, count: curves.count)
        for (k, c) in curves.enumerated() {
            for i in 0..<min(c.x.count, c.y.count) where c.x[i].isFinite {
                points.append((c.x[i], c.y[i], k))
                first[k] = min(first[k], c.x[i]); last[k] = max(last[k], c.x[i])
            }
        }
        guard !points.isEmpty else { return }
        points.sort { $0.x < $1.x }
        let logged = first.indices.filter { first[$0].isFinite }
        let lo = logged.map { first[$0] }.max()!, hi = logged.map { last[$0] }.min()!
        let needed = max(2, (logged.count + 1) / 2)
        // Runs of equal x, and whether each x in the common range is in enough curves.
        var groups: [Range<Int>] = []
        var shared = logged.count == 1 || lo <= hi
        var stamp = [Int](repeating: -1, count: curves.count)
        var i = 0
        while i < points.count {
            var j = i, distinct = 0
            while j < points.count && points[j].x == points[i].x {
                if stamp[points[j].curve] != groups.count { stamp[points[j].curve] = groups.count; distinct += 1 }
                j += 1
            }
            if logged.count > 1 && points[i].x >= lo && points[i].x <= hi && distinct < needed { shared = false }
            groups.append(i..<j)
            i = j
        }
        var values: [Double] = []
        func add(_ gx: Double) {
            x.append(gx)
            count.append(values.count)
            guard !values.isEmpty else { y.append(.nan); low.append(.nan); high.append(.nan); return }
            let centre = statistic == .mean ? Self.mean(values) : Self.median(values)
            y.append(centre)
            let (l, h) = Self.band(values, around: centre, band)
            low.append(l); high.append(h)
        }
        if shared {
            alignment = .exact
            for g in groups {
                values.removeAll(keepingCapacity: true)
                for p in points[g] where p.y.isFinite { values.append(p.y) }
                // An x whose every value is missing is no point (as if not logged).
                if !values.isEmpty { add(points[g.lowerBound].x) }
            }
        } else {
            alignment = .binned
            for (gx, binValues) in Self.binned(curves.map(Self.finitePoints).filter { !$0.x.isEmpty }) {
                values = binValues
                add(gx)
            }
        }
    }

    /// The band's outline as points of an area: as they are for a line, or for a step line
    /// (which holds each value from the previous x, matplotlib's `step(where="pre")`) with a
    /// corner before each point, so the band steps with its line.
    public func bandOutline(steps: Bool) -> (x: [Double], low: [Double], high: [Double]) {
        guard steps, x.count > 1 else { return (x, low, high) }
        var ox = [x[0]], ol = [low[0]], oh = [high[0]]
        for i in 1..<x.count {
            ox += [x[i - 1], x[i]]; ol += [low[i], low[i]]; oh += [high[i], high[i]]
        }
        return (ox, ol, oh)
    }

    /// The band's edges for `values` around `centre`; NaN for fewer than two values.
    public static func band(_ values: [Double], around centre: Double, _ band: Band) -> (Double, Double) {
        guard values.count >= 2, band != .none else { return (.nan, .nan) }
        switch band {
        case .std:
            let s = standardDeviation(values)
            return (centre - s, centre + s)
        case .minmax:
            return (values.min()!, values.max()!)
        case .ci95:
            let h = studentT975(values.count - 1) * standardDeviation(values) / Double(values.count).squareRoot()
            return (centre - h, centre + h)
        case .none:
            return (.nan, .nan)
        }
    }

    /// The points of a curve where both x and y are finite.
    static func finitePoints(_ c: (x: [Double], y: [Double])) -> (x: [Double], y: [Double]) {
        var ox: [Double] = [], oy: [Double] = []
        for (a, b) in zip(c.x, c.y) where a.isFinite && b.isFinite { ox.append(a); oy.append(b) }
        return (ox, oy)
    }

    /// The values per bin over the range at least two curves cover (see the type's rule).
    static func binned(_ curves: [(x: [Double], y: [Double])]) -> [(x: Double, values: [Double])] {
        let firsts = curves.map { $0.x.min()! }.sorted(), lasts = curves.map { $0.x.max()! }.sorted()
        let lo = curves.count >= 2 ? firsts[1] : firsts[0]
        let hi = curves.count >= 2 ? lasts[lasts.count - 2] : lasts[0]
        guard lo < hi else { return [] }
        let counts = curves.map { c in c.x.filter { $0 >= lo && $0 <= hi }.count }
        let bins = min(maximumBins, max(2, counts.filter { $0 > 0 }.min() ?? 2))
        let width = (hi - lo) / Double(bins)
        var values = [[Double]](repeating: [], count: bins)
        for c in curves {
            var sum = [Double](repeating: 0, count: bins), n = [Int](repeating: 0, count: bins)
            for (a, b) in zip(c.x, c.y) where a >= lo && a <= hi {
                let k = min(bins - 1, Int((a - lo) / width))
                sum[k] += b; n[k] += 1
            }
            for k in 0..<bins where n[k] > 0 { values[k].append(sum[k] / Double(n[k])) }
        }
        return (0..<bins).map { k in (lo + (Double(k) + 0.5) * width, values[k]) }
    }

    static func mean(_ v: [Double]) -> Double { v.reduce(0, +) / Double(v.count) }

    static func median(_ v: [Double]) -> Double {
        let s = v.sorted(), n = s.count
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2
    }

    /// The sample standard deviation (n − 1), as pandas' `std`; 0 for one value.
    public static func standardDeviation(_ v: [Double]) -> Double {
        guard v.count >= 2 else { return 0 }
        let m = mean(v)
        return (v.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(v.count - 1)).squareRoot()
    }

    /// Student's t quantile at 0.975 for `df` degrees of freedom (scipy's `t.ppf(0.975, df)`,
    /// tabulated to 30, then the normal 1.96 approached as 1.96 + 2.4 / df).
    static func studentT975(_ df: Int) -> Double {
        let table: [Double] = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
                               2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
                               2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042]
        if df >= 1 && df <= table.count { return table[df - 1] }
        return 1.96 + 2.4 / Double(max(df, 1))
    }
}
