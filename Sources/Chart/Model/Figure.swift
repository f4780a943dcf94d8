import FoundationEssentials
import Glibc
import Scene

/// A whole figure: a grid of panels at a size in pixels, with a title and a theme.
///
/// Sizes follow matplotlib: at the default 1200×800 px and 100 dpi, fonts and line widths are
/// matplotlib's defaults in points; `dpi` scales every point size (200 dpi doubles them).
public struct Figure: Sendable, Hashable {
    public var width: Int
    public var height: Int
    public var dpi: Double
    public var title: String?
    /// Panels in row-major order over `rows × columns` cells.
    public var panels: [Panel]
    public var rows: Int
    public var columns: Int
    public var theme: Theme
    /// Panels in one column share their x limits, and only the lowest panel of a column shows
    /// x tick labels and the x label (matplotlib's `subplots(sharex="col")` + `label_outer`).
    public var sharedX: Bool
    /// Panels in one row share their y limits, and only the leftmost panel of a row shows y
    /// tick labels and the y label (matplotlib's `sharey="row"`).
    public var sharedY: Bool
    /// Every panel shares one x and one y range (a facet grid: matplotlib's `subplots(sharex=True,
    /// sharey=True)`), tick labels and axis labels only where no panel lies below (x) or left (y);
    /// overrides `sharedX` and `sharedY`.
    public var sharedGrid = false
    /// Whether SVG and PDF output may embed dense series as images (the spec's `"rasterize"`);
    /// PNG output ignores it.
    public var rasterize: RasterizeMode = .auto

    public init(width: Int = 1200, height: Int = 800, dpi: Double = 100, title: String? = nil,
                panels: [Panel], rows: Int? = nil, columns: Int? = nil, theme: Theme = .light,
                sharedX: Bool = false, sharedY: Bool = false) {
        self.sharedX = sharedX; self.sharedY = sharedY
        self.width = width; self.height = height; self.dpi = dpi; self.title = title; self.panels = panels
        let c = columns ?? (rows.map { max(1, (panels.count + $0 - 1) / $0) }
            ?? Figure.defaultColumns(panels: panels.count, width: Double(width), height: Double(height)))
        self.columns = max(1, c)
        self.rows = max(1, rows ?? (panels.count + self.columns - 1) / self.columns)
        self.theme = theme
    }

    /// The column count whose cells come closest to matplotlib's 4:3 panel shape.
    static func defaultColumns(panels n: Int, width: Double, height: Double) -> Int {
        guard n > 1, width > 0, height > 0 else { return 1 }
        var best = 1, bestScore = Double.infinity
        for c in 1...n {
            let r = (n + c - 1) / c
            let score = abs(log((width / Double(c)) / (height / Double(r)) / (4.0 / 3.0)))
            if score < bestScore - 1e-9 { bestScore = score; best = c }
        }
        return best
    }

    /// True when the last grid row has fewer panels than the grid has columns, and they share
    /// that row's width instead of leaving cells empty (3 panels in 2 × 2: two above, one wide
    /// below). A facet grid keeps its empty cells: its panels compare one x and y range, so
    /// they keep one size.
    public var spreadsLastRow: Bool {
        let n = min(panels.count, rows * columns)
        return rows > 1 && !sharedGrid && n > (rows - 1) * columns && n < rows * columns
    }

    /// Device pixels per point at this figure's dpi.
    public var pixelsPerPoint: Double { dpi / 72 }
}
