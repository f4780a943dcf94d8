import FoundationEssentials
import Glibc

/// Which ticks a base-10 log axis labels besides the decades: 2 and 5 × 10ⁿ while the view
/// spans fewer than `maxDecades` decades, so a view of one or two decades has enough labelled
/// values to read off (matplotlib's `LogFormatter(labelOnlyBase=False)` with its sub-label
/// set narrowed to the "1-2-5" series).
///
/// When 1, 2, 5 × 10ⁿ are more labels than fit (a short axis), 1 and 3 × 10ⁿ are labelled
/// instead (about half a decade apart, so still evenly spaced on the log axis); the unlabelled
/// 2…9 × 10ⁿ stay minor ticks (`AxisModel.minorTicks`).
enum LogAxisLabels {
    /// Views spanning fewer decades than this get 2 and 5 × 10ⁿ labels.
    static let maxDecades = 3.0

    /// The multiples of each decade labelled, in order of preference.
    static let multiples: [[Double]] = [[1, 2, 5], [1, 3]]

    /// The labelled ticks (ascending, inside [low, high]) for a view of fewer than `maxDecades`
    /// decades: the first of `multiples` that gives at least two ticks and at most `maxCount`,
    /// else nil (decades only).
    static func subDecadeTicks(low: Double, high: Double, maxCount: Int) -> [Double]? {
        guard low > 0, high > low, low.isFinite, high.isFinite else { return nil }
        let span = log10(high) - log10(low)
        guard span < maxDecades else { return nil }
        let eps = span * 1e-9
        for set in multiples {
            var ticks: [Double] = []
            for decade in Int(floor(log10(low)))...Int(ceil(log10(high))) {
                for m in set {
                    let t = m * pow(10, Double(decade))
                    let e = log10(t)
                    if e >= log10(low) - eps && e <= log10(high) + eps { ticks.append(t) }
                }
            }
            if ticks.count >= 2 && ticks.count <= max(2, maxCount) { return ticks }
        }
        return nil
    }
}
