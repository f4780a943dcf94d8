/// Labels category positions with their level names.
public struct CategoricalFormatter: TickFormatter, Hashable {
    /// The category names in axis order.
    public let levels: [String]

    /// Creates a formatter for `levels`.
    public init(levels: [String]) {
        self.levels = levels
    }

    /// The level name at each integer position; "" between or outside the levels.
    public func format(_ ticks: [Double]) -> TickLabels {
        TickLabels(labels: ticks.map { t in
            let i = t.rounded()
            guard t.isFinite, abs(t - i) < 1e-9, i >= 0, i < Double(levels.count) else { return "" }
            return levels[Int(i)]
        })
    }
}
