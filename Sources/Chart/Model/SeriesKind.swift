/// What a series draws.
///
/// Every kind reads the series' `x` and `y`, except `heatmap` (its `matrix`) and `pie` (its
/// `y`, the wedge sizes). `box` reads `x` as the category of each `y` value (long format: one
/// box per distinct x); `histogram` bins `y` (its `x` is ignored).
public enum SeriesKind: String, Sendable, Hashable, CaseIterable {
    case line, scatter, step, area, bar, histogram, heatmap, box, pie

    /// True for kinds drawn as filled rectangles on a baseline (bars and histograms).
    public var isBarLike: Bool { self == .bar || self == .histogram }
}

/// Which way bars grow (matplotlib's `bar` and `barh`).
public enum BarOrientation: String, Sendable, Hashable, CaseIterable {
    /// Bars rise from the baseline; positions along x.
    case vertical
    /// Bars run right from the baseline; the series' `x` values are positions along the panel's
    /// vertical axis and its `y` values lengths along the horizontal one (matplotlib's
    /// `barh(y, width)`), so the panel's `y` axis spec describes the positions.
    case horizontal
}
