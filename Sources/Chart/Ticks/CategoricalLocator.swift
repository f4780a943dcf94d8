import FoundationEssentials
import Glibc

/// Ticks at the category positions 0, 1, …, count − 1 inside the view.
///
/// matplotlib's `StrCategoryLocator` ticks every level; this one keeps every k-th level when
/// more than `maxCount` would be shown, so labels never need to overlap.
public struct CategoricalLocator: TickLocator, Hashable {
    /// The number of levels.
    public let count: Int

    /// Creates a locator for `count` levels.
    public init(count: Int) {
        self.count = Swift.max(0, count)
    }

    /// Integer positions inside [min, max] and [0, count − 1], every k-th when too many.
    public func ticks(min: Double, max: Double, maxCount: Int) -> [Double] {
        guard min.isFinite, max.isFinite, count > 0 else { return [] }
        let first = Swift.max(0, Int(ceil(Swift.min(min, max)).clamped(-1, Double(count))))
        let last = Swift.min(count - 1, Int(floor(Swift.max(min, max)).clamped(-1, Double(count))))
        guard first <= last else { return [] }
        let n = last - first + 1
        let stride = (n + Swift.max(1, maxCount) - 1) / Swift.max(1, maxCount)
        return Swift.stride(from: first, through: last, by: stride).map(Double.init)
    }
}

extension Double {
    /// The value limited to [lo, hi].
    func clamped(_ lo: Double, _ hi: Double) -> Double { Swift.min(Swift.max(self, lo), hi) }
}
