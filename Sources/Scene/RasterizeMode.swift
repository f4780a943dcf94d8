/// Whether the SVG and PDF players may draw a dense series as an embedded image of its pixels
/// (matplotlib's `rasterized=True`) instead of as vector marks: the figure spec's `"rasterize"`
/// key and `plotline render --rasterize`. Text, axes and sparse series always stay vector.
///
/// The rule that decides which series qualify, and the threshold, live with the players
/// (`Vector`'s `DenseSeries`); PNG output ignores the mode.
public enum RasterizeMode: String, Sendable, Hashable, CaseIterable {
    /// Only series above the documented threshold, where the image is smaller and looks the same.
    case auto
    /// Every scatter series, whatever its size.
    case always
    /// No series: every mark is a vector mark.
    case never
}
