/// The numbers behind one box of a box plot, after matplotlib's `cbook.boxplot_stats` with its
/// defaults: quartiles by numpy's linear percentile, whiskers at the most extreme values within
/// 1.5 IQR of the box, everything beyond them a flier.
public struct BoxStatistics: Sendable, Hashable {
    public let q1: Double, median: Double, q3: Double
    /// The whisker ends: the lowest value ≥ q1 − 1.5·IQR and the highest ≤ q3 + 1.5·IQR.
    public let whiskerLow: Double, whiskerHigh: Double
    /// Values outside the whiskers, ascending.
    public let fliers: [Double]

    /// The statistics of the finite `values`; nil when there are none.
    public init?(_ values: [Double], whisker: Double = 1.5) {
        let v = values.filter(\.isFinite).sorted()
        guard !v.isEmpty else { return nil }
        let q1 = Quantile.linear(sortedValues: v, q: 0.25), q3 = Quantile.linear(sortedValues: v, q: 0.75)
        self.q1 = q1; self.q3 = q3
        median = Quantile.linear(sortedValues: v, q: 0.5)
        let iqr = q3 - q1
        let lowLimit = q1 - whisker * iqr, highLimit = q3 + whisker * iqr
        // matplotlib falls back to the quartile when no value lies between limit and box.
        let lo = v.first(where: { $0 >= lowLimit }).map { Swift.min($0, q1) } ?? q1
        let hi = v.last(where: { $0 <= highLimit }).map { Swift.max($0, q3) } ?? q3
        whiskerLow = lo; whiskerHigh = hi
        fliers = v.filter { $0 < lo || $0 > hi }
    }
}
