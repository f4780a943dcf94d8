import FoundationEssentials
import Glibc

/// How a scatter of many points is drawn so that it reads as a density, not a blob: past
/// `fullPoints` points, markers shrink and turn translucent with the point count.
///
/// The rule, for n points in the panel's scatters (every group of a split shares one size and
/// opacity, as one `scatter` call of all the points would) and a factor r = `fullPoints` / n (< 1): marker size
/// × r^¼ (at least `minimumSize` of the theme's), opacity r^½ (at least `minimumAlpha`). So
/// 10⁴ points draw at 0.56 × the size and 0.32 opacity, 10⁵ at 0.4 × and 0.15: overlapping
/// markers add up to darker regions where the points are dense, as a hand-tuned
/// `scatter(s=…, alpha=…)` would. A series' own `markerSize` or `alpha` wins over the rule, and
/// a scatter coloured by value (`Series.colorValues`) only shrinks: translucent markers would
/// blend toward the background and misstate their values on the colour bar.
enum ScatterDensity {
    /// Up to this many points a scatter draws at the theme's marker size, opaque.
    static let fullPoints = 1_000
    /// The smallest size factor and opacity the rule goes down to.
    static let minimumSize = 0.4, minimumAlpha = 0.15

    /// The (size factor, opacity) for a scatter of `count` points.
    static func scaling(count: Int) -> (size: Double, alpha: Double) {
        guard count > fullPoints else { return (1, 1) }
        let r = Double(fullPoints) / Double(count)
        return (max(minimumSize, pow(r, 0.25)), max(minimumAlpha, r.squareRoot()))
    }
}
