/// A line series after reduction: points in drawing order, NaN y where the line breaks.
public struct ReducedSeries: Sendable, Hashable {
    /// x values, ascending (NaN-break points keep the x where the gap was).
    public var x: [Double]
    /// y values; NaN marks a break in the line.
    public var y: [Double]
    /// False when the input was returned unchanged (too few points, or x not sorted).
    public var isReduced: Bool

    /// Creates a series.
    public init(x: [Double] = [], y: [Double] = [], isReduced: Bool = false) {
        self.x = x
        self.y = y
        self.isReduced = isReduced
    }

    /// The number of points.
    public var count: Int { x.count }
}
