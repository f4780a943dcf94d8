/// Chooses tick positions for a view interval; a pure function of its inputs.
public protocol TickLocator: Sendable {
    /// Tick positions (data space, ascending) for the view [min, max].
    ///
    /// `maxCount` is how many labels fit along the axis (see `maxTickCount`); each locator says
    /// how it uses it. Ticks may lie just outside the view, as matplotlib's do: the caller drops
    /// the ones it does not draw.
    func ticks(min: Double, max: Double, maxCount: Int) -> [Double]
}

extension TickLocator {
    /// How many tick labels fit along an axis: labels `labelExtent` long (along the axis) with
    /// at least `minSpacing` between them; at least 1.
    ///
    /// matplotlib's `Axis.get_tick_space` is the same idea with the extent fixed at 3 (x) or
    /// 2 (y) times the font size; measuring the real labels is better when they are known.
    public static func maxTickCount(axisLength: Double, labelExtent: Double, minSpacing: Double) -> Int {
        let pitch = Swift.max(labelExtent, 0) + Swift.max(minSpacing, 0)
        guard axisLength.isFinite, axisLength > 0, pitch > 0 else { return 1 }
        let n = ((axisLength + Swift.max(minSpacing, 0)) / pitch).rounded(.down)
        return Swift.max(1, Int(Swift.min(n, 10_000)))
    }
}
