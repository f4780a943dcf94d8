extension FigureSpec {
    /// How a series summarises the rows that share one x value (`"aggregate"`): one point per
    /// distinct x, drawn in x order (pandas' `groupby(x)[y].mean()`, seaborn's `estimator`).
    ///
    /// The default figure of a table with several rows per category (penguins by species) is
    /// bars of the mean; a spec says so with `"aggregate": "mean"`.
    public enum Aggregate: String, Sendable, Equatable, CaseIterable {
        /// The arithmetic mean of the finite y values at each x (summed in row order).
        case mean

        /// One point per distinct x of `x` (positions, NaN-free), the aggregate of its `y`
        /// values, in ascending x order.
        func apply(x: [Double], y: [Double]) -> (x: [Double], y: [Double]) {
            var sum: [Double: Double] = [:], count: [Double: Int] = [:]
            for (u, v) in zip(x, y) where u.isFinite && v.isFinite {
                sum[u, default: 0] += v
                count[u, default: 0] += 1
            }
            let xs = sum.keys.sorted()
            return (xs, xs.map { sum[$0]! / Double(count[$0]!) })
        }
    }
}
