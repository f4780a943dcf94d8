import Geometry
import Raster

/// How a histogram series chooses its bins (numpy's `histogram_bin_edges` rules).
public typealias HistogramBins = Histogram.Rule

/// Which y axis of its panel a series is drawn against (matplotlib's `twinx`).
public enum YAxisSide: String, Sendable, Hashable, CaseIterable {
    /// The panel's own y axis, on the left.
    case left
    /// The panel's second y axis (`Panel.y2`), with its own scale and limits, on the right.
    case right
}

/// One data series of a panel: x and y values (NaN = missing) and how to draw them.
///
/// Times are seconds since the Unix epoch and categories are level indices, as the panel's
/// axis scales say; the series itself holds plain numbers. `SeriesKind` says which fields
/// each kind reads; the static constructors (`histogram`, `heatmap`, `box`, `pie`) fill them.
public struct Series: Sendable, Hashable {
    public var name: String
    public var kind: SeriesKind
    public var x: [Double]
    public var y: [Double]
    /// Nil picks the next colour of the theme's cycle.
    public var color: Color?
    /// Line width in points; nil for the theme's.
    public var lineWidth: Double?
    /// Dash pattern in multiples of the line width (matplotlib's `--` is [3.7, 1.6]); nil = solid.
    public var dash: [Double]?
    /// Marker drawn at each point (scatter always has one).
    public var marker: MarkerShape?
    /// The marker's size (diameter) in points for scatter and line markers and the legend
    /// handle; nil = the theme's. matplotlib's `markersize` is this; its scatter `s` is the
    /// square of it (pt²), so `s=9` is 3 pt. At 100 dpi 1 pt = 100/72 ≈ 1.39 px.
    public var markerSize: Double?
    /// Opacity 0...1 of lines, markers and fills.
    public var alpha: Double
    /// For bars: the bar width in data units (nil = 0.8 of the smallest x step); for boxes: the
    /// box width (nil = matplotlib's 0.15 of the smallest step, at most 0.5); for areas: unused.
    public var barWidth: Double?
    /// For bars and areas: the baseline value they grow from.
    public var baseline: Double
    /// For areas: the lower edge per point, so the area fills between `y2` and `y` (matplotlib's
    /// `fill_between(x, y, y2)`); NaN in either breaks the fill. Nil fills down to `baseline`.
    /// An area whose `lineWidth` is 0 draws no edge (a translucent band).
    public var y2: [Double]?
    /// For bars and histograms: vertical (matplotlib's `bar`) or horizontal (`barh`).
    public var barOrientation: BarOrientation
    /// For bars: series of one panel with the same non-nil group stack, each on top of the
    /// previous ones at the same x (positive values up, negative down, as matplotlib's `bottom=`).
    public var stack: String?
    /// For line, scatter and bar series: symmetric error per point, drawn as a bar of ±error
    /// along the value axis with small caps (NaN = none).
    public var yError: [Double]?
    /// For histograms: how `y` is binned.
    public var bins: HistogramBins
    /// For heat maps: the rows of the matrix, top row first (matplotlib's `imshow`: cell (i, j)
    /// centred on x = j, y = i, row 0 at the top); NaN cells are transparent.
    public var matrix: [[Double]]
    /// For heat maps: the colour map and its limits (nil = the data's finite min and max).
    public var colorMap: ColorMap
    public var colorMin: Double?
    public var colorMax: Double?
    /// For scatters: a value per point that picks its colour from `colorMap` (between
    /// `colorMin` and `colorMax`), with a colour bar labelled `labels.first`; empty = one colour.
    /// NaN values draw no marker (matplotlib's transparent "bad" colour).
    public var colorValues: [Double] = []
    /// For pies: a label per wedge; for heat maps and coloured scatters, the colour bar's label.
    public var labels: [String]
    /// For pies: draw each wedge's percentage inside it (matplotlib's `autopct="%1.1f%%"`).
    public var showsPercentages: Bool
    /// The y axis the series is drawn against; `.right` gives its panel a second y axis.
    public var yAxis: YAxisSide

    public init(_ name: String, kind: SeriesKind = .line, x: [Double], y: [Double], color: Color? = nil,
                lineWidth: Double? = nil, dash: [Double]? = nil, marker: MarkerShape? = nil, alpha: Double = 1,
                barWidth: Double? = nil, baseline: Double = 0, barOrientation: BarOrientation = .vertical,
                stack: String? = nil, yError: [Double]? = nil, bins: HistogramBins = .auto, markerSize: Double? = nil,
                yAxis: YAxisSide = .left) {
        self.name = name; self.kind = kind; self.x = x; self.y = y; self.color = color
        self.lineWidth = lineWidth; self.dash = dash; self.marker = marker; self.alpha = alpha
        self.barWidth = barWidth; self.baseline = baseline; self.barOrientation = barOrientation
        self.stack = stack; self.yError = yError; self.bins = bins; self.markerSize = markerSize
        self.matrix = []; self.colorMap = .viridis; self.colorMin = nil; self.colorMax = nil
        self.labels = []; self.showsPercentages = true; self.yAxis = yAxis; self.y2 = nil
    }

    /// A histogram of `values` (matplotlib's `hist`): adjacent filled bars from 0.
    public static func histogram(_ name: String, values: [Double], bins: HistogramBins = .auto,
                                 color: Color? = nil, orientation: BarOrientation = .vertical) -> Series {
        Series(name, kind: .histogram, x: [], y: values, color: color, barOrientation: orientation, bins: bins)
    }

    /// A heat map of `matrix` (rows, top first) in `colorMap`, with a colour bar labelled `label`.
    public static func heatmap(_ name: String, matrix: [[Double]], colorMap: ColorMap = .viridis,
                               min: Double? = nil, max: Double? = nil, label: String? = nil) -> Series {
        var s = Series(name, kind: .heatmap, x: [], y: [])
        s.matrix = matrix; s.colorMap = colorMap; s.colorMin = min; s.colorMax = max
        s.labels = label.map { [$0] } ?? []
        return s
    }

    /// A heat map of a flat row-major `values` array `width` cells wide.
    public static func heatmap(_ name: String, values: [Double], width: Int, colorMap: ColorMap = .viridis,
                               label: String? = nil) -> Series {
        let w = Swift.max(1, width)
        let rows = stride(from: 0, to: values.count, by: w).map { Array(values[$0..<Swift.min(values.count, $0 + w)]) }
        return heatmap(name, matrix: rows, colorMap: colorMap, label: label)
    }

    /// Box plots of `values` grouped by `categories` (one box per distinct category position).
    public static func box(_ name: String, categories: [Double], values: [Double], color: Color? = nil) -> Series {
        Series(name, kind: .box, x: categories, y: values, color: color)
    }

    /// A pie of `values` (wedge sizes ≥ 0) with a label per wedge.
    public static func pie(_ name: String, values: [Double], labels: [String] = [], showsPercentages: Bool = true) -> Series {
        var s = Series(name, kind: .pie, x: [], y: values)
        s.labels = labels; s.showsPercentages = showsPercentages
        return s
    }

    /// A translucent band between `low` and `high` (no edge, no legend entry): the spread drawn
    /// under an aggregate line, as seaborn's `lineplot` draws its error band.
    public static func band(x: [Double], low: [Double], high: [Double], color: Color? = nil, alpha: Double = 0.6) -> Series {
        var s = Series("", kind: .area, x: x, y: high, color: color, lineWidth: 0, alpha: alpha)
        s.y2 = low
        return s
    }

    /// matplotlib's dash patterns for `--`, `:` and `-.`, in multiples of the line width.
    public static let dashed: [Double] = [3.7, 1.6]
    public static let dotted: [Double] = [1, 1.65]
    public static let dashDot: [Double] = [6.4, 1.6, 1, 1.6]
}
