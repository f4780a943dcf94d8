extension SeriesAggregate {
    /// One point per distinct x of one table's rows: the statistic of the y values sharing it
    /// and the half length of its error bar under `band` (pandas' `groupby(x)[y].agg`, seaborn's
    /// `barplot` estimator and `errorbar`), in ascending x order.
    ///
    /// Rows whose x or y is not finite are left out; an x with one value has a NaN spread (no
    /// error bar). Values are taken in row order, so a mean is summed as the rows come. The
    /// spread is symmetric: half the band's width (`band(_:around:_:)` around the mean).
    public static func perX(x: [Double], y: [Double], statistic: Statistic,
                            band: Band) -> (x: [Double], y: [Double], spread: [Double]) {
        var members: [Double: [Double]] = [:]
        for (u, v) in zip(x, y) where u.isFinite && v.isFinite { members[u, default: []].append(v) }
        let xs = members.keys.sorted()
        var ys: [Double] = [], spread: [Double] = []
        for u in xs {
            let m = members[u]!
            ys.append(statistic == .mean ? mean(m) : median(m))
            if m.count < 2 || band == .none {
                spread.append(.nan)
            } else {
                let (low, high) = SeriesAggregate.band(m, around: mean(m), band)
                spread.append((high - low) / 2)
            }
        }
        return (xs, ys, spread)
    }
}
