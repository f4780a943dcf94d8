import Chart
import Geometry
import Table

extension FigureSpec {
    /// One series of a spec panel: which columns of which data source, and how to draw them.
    ///
    /// Which column keys a kind reads: line, scatter, step, area and bar read `x` (optional) and
    /// `y`; box reads `x` (the category of each row) and `y` (its value); histogram reads one
    /// values column, `y` (or `x`, for a horizontal histogram); pie reads `y` (wedge sizes) and
    /// `labels`; heatmap reads `columns` (wide: one matrix row per table row) or `x`, `y` and
    /// `value` (long: one cell per table row). Kind-specific keys on another kind are errors.
    public struct Series: Sendable, Equatable {
        /// The data source name; nil when the spec has only one.
        public var data: String?
        /// The x column; nil draws against the row number (0, 1, 2, ...).
        public var x: String?
        /// The y column (nil only for a heat map with `columns` and a histogram of `x`).
        public var y: String?
        /// A column whose values split the series into groups: one series, colour and legend
        /// entry per group (line, scatter, step, area, bar, box).
        public var by: String?
        /// What to draw (default line).
        public var kind: SeriesKind?
        /// The legend label (default: the y column name); for a heat map, its colour bar's label.
        public var label: String?
        /// The colour (default: the theme's cycle colour at the series' position in its panel).
        public var color: ColorValue?
        /// For scatters: colours from a numeric column (`"color": {"field": …}`), instead of `color`.
        public var colorBy: ColorEncoding?
        /// The line width in points (default: the theme's, 1.5).
        public var width: Double?
        /// The dash pattern in multiples of the line width; nil is solid.
        public var dash: [Double]?
        /// The marker drawn at each point.
        public var marker: MarkerShape?
        /// The marker size (diameter) in points (default: the theme's, 6); at 100 dpi 1 pt is
        /// 100/72 ≈ 1.39 px, and matplotlib's scatter `s` is this squared.
        public var markerSize: Double?
        /// The opacity, 0...1 (default 1).
        public var alpha: Double?
        /// TensorBoard's smoothing weight in [0, 1): draws the raw values faintly (alpha 0.25)
        /// under their exponential moving average, in the same colour. Nil or 0: no smoothing.
        public var smooth: Double?
        /// For histograms: how the values are binned (default numpy's "auto").
        public var bins: HistogramBins?
        /// For bars and histograms: vertical (default) or horizontal.
        public var orientation: BarOrientation?
        /// For bars: the stack group; bars of one panel with the same name pile up per x.
        public var stack: String?
        /// For line, scatter and bar series: the column of symmetric y errors.
        public var error: String?
        /// For heat maps: the colour map (default viridis) and its limits (default: the data's).
        public var colorMap: ColorMap?
        /// The value at the colour map's low end.
        public var vmin: Double?
        /// The value at the colour map's high end.
        public var vmax: Double?
        /// For heat maps in wide form: the matrix columns, left to right.
        public var columns: [String]?
        /// For heat maps in long form: the cell value column.
        public var value: String?
        /// For heat maps: draw every column of the table as one matrix (a 2-D `.npy` array whole),
        /// on numeric axes: column index along x, row index along y (matplotlib's `imshow(a)`).
        public var matrix: Bool?
        /// For pies: the column of wedge labels.
        public var labels: String?
        /// For pies: whether to print each wedge's percentage (default true).
        public var percentages: Bool?
        /// The lower edge's column: an area fills between it and `y` (matplotlib's
        /// `fill_between`) instead of down to 0.
        public var y2: String?
        /// One point per distinct x: the mean or median of the rows sharing it (per group with
        /// `by`), as seaborn's `lineplot` / `barplot` estimator; see `SeriesAggregate`. Lines and
        /// steps draw `band` around it, bars draw it as error bars. nil draws every row.
        public var aggregate: SeriesAggregate.Statistic?
        /// With `aggregate`: the spread drawn around it, std (default), minmax (lines and steps
        /// only), ci95 or none.
        public var band: SeriesAggregate.Band?

        /// Creates a series.
        public init(data: String? = nil, x: String? = nil, y: String?, kind: SeriesKind? = nil, label: String? = nil,
                    color: ColorValue? = nil, width: Double? = nil, dash: [Double]? = nil, marker: MarkerShape? = nil,
                    markerSize: Double? = nil, alpha: Double? = nil, smooth: Double? = nil, bins: HistogramBins? = nil,
                    orientation: BarOrientation? = nil, stack: String? = nil, error: String? = nil,
                    colorMap: ColorMap? = nil, vmin: Double? = nil, vmax: Double? = nil, columns: [String]? = nil,
                    value: String? = nil, labels: String? = nil, percentages: Bool? = nil) {
            self.data = data; self.x = x; self.y = y; self.kind = kind; self.label = label; self.color = color
            self.width = width; self.dash = dash; self.marker = marker; self.markerSize = markerSize
            self.alpha = alpha; self.smooth = smooth; self.bins = bins; self.orientation = orientation
            self.stack = stack; self.error = error; self.colorMap = colorMap; self.vmin = vmin; self.vmax = vmax
            self.columns = columns; self.value = value; self.labels = labels; self.percentages = percentages
        }

        static let keys = ["data", "x", "y", "by", "kind", "label", "color", "width", "dash", "marker", "markersize", "alpha",
                           "smooth", "bins", "orientation", "stack", "error", "colormap", "vmin", "vmax", "columns",
                           "value", "matrix", "labels", "percentages", "y2", "aggregate", "band"]

        static let kindChoices: KeyValuePairs<String, SeriesKind> = [
            "line": .line, "scatter": .scatter, "step": .step, "area": .area, "bar": .bar,
            "histogram": .histogram, "heatmap": .heatmap, "box": .box, "pie": .pie,
        ]

        static let dashChoices: KeyValuePairs<String, [Double]?> = [
            "solid": nil, "dashed": Chart.Series.dashed, "dotted": Chart.Series.dotted, "dashdot": Chart.Series.dashDot,
        ]

        static let binRules: KeyValuePairs<String, HistogramBins> = [
            "auto": .auto, "sturges": .sturges, "fd": .freedmanDiaconis, "sqrt": .sqrt,
        ]

        /// The kinds each kind-specific key applies to (checked after the kind is known).
        static let kindsOfKey: KeyValuePairs<String, [SeriesKind]> = [
            "by": [.line, .scatter, .step, .area, .bar, .box, .histogram],
            "markersize": [.line, .scatter],
            "smooth": [.line, .scatter, .step, .area, .bar],
            "bins": [.histogram],
            "orientation": [.bar, .histogram],
            "stack": [.bar],
            "error": [.line, .scatter, .bar],
            "colormap": [.heatmap], "vmin": [.heatmap], "vmax": [.heatmap], "columns": [.heatmap], "value": [.heatmap],
            "matrix": [.heatmap],
            "labels": [.pie], "percentages": [.pie],
            "y2": [.area], "aggregate": [.line, .step, .area, .bar], "band": [.line, .step, .area, .bar],
        ]

        static func decode(_ node: FigureSpecNode, dataSources: [String]) throws(SpecError) -> Series {
            let object = try node.object(keys: keys)
            var series = Series(y: try object.optional("y")?.string())
            series.by = try object.optional("by")?.string()
            if let data = object.optional("data") {
                let name = try data.string()
                guard dataSources.contains(name) else {
                    throw data.error(.noSuchDataSource(name, available: dataSources))
                }
                series.data = name
            } else if dataSources.count > 1 {
                _ = try object.required(
                    "data", note: "the spec has \(dataSources.count) data sources: \(dataSources.joined(separator: ", "))")
            }
            series.x = try object.optional("x")?.string()
            series.kind = try object.optional("kind")?.choice(kindChoices)
            series.label = try object.optional("label")?.string()
            if let node = object.optional("color") {
                if case .object = node.value {
                    guard (series.kind ?? .line) == .scatter else {
                        throw node.error(.invalidValue(expected: "a colour string (colour by a column is for scatter series)", found: "an object"))
                    }
                    series.colorBy = try ColorEncoding.decode(node)
                } else {
                    series.color = try ColorValue.decode(node)
                }
            }
            series.width = try object.optional("width")?.positive("a positive width in points (at most 100)", limit: 100)
            if let dash = object.optional("dash") { series.dash = try decodeDash(dash) }
            if let marker = object.optional("marker") {
                guard let shape = MarkerShape(rawValue: try marker.string()) else {
                    throw marker.error(.notOneOf(choices: MarkerShape.allCases.map(\.rawValue), found: marker.found))
                }
                series.marker = shape
            }
            series.markerSize = try object.optional("markersize")?.positive("a positive size in points (at most 100)", limit: 100)
            series.alpha = try object.optional("alpha")?.number(in: 0...1, "a number from 0 to 1")
            if let smooth = object.optional("smooth") {
                let w = try smooth.number()
                guard w >= 0, w < 1 else {
                    throw smooth.error(.invalidValue(expected: "a weight from 0 up to (not including) 1", found: smooth.found))
                }
                series.smooth = w
            }
            if let bins = object.optional("bins") { series.bins = try decodeBins(bins) }
            series.orientation = try object.optional("orientation")?.choice(BarOrientation.allCases.map { ($0.rawValue, $0) })
            series.stack = try object.optional("stack")?.string()
            series.error = try object.optional("error")?.string()
            series.colorMap = try object.optional("colormap")?.choice(
                ColorMap.allCases.map { ($0.rawValue, $0) })
            series.vmin = try object.optional("vmin")?.number()
            series.vmax = try object.optional("vmax")?.number()
            if let lo = series.vmin, let hi = series.vmax, !(lo < hi), let node = object.optional("vmax") {
                throw node.error(.invalidValue(expected: "a value above vmin (\(Column.format(number: lo)))", found: node.found))
            }
            if let columns = object.optional("columns") {
                let elements = try columns.array()
                guard !elements.isEmpty else {
                    throw columns.error(.invalidValue(expected: "at least one column name", found: "an empty array"))
                }
                var names: [String] = []
                for element in elements { names.append(try element.string()) }
                series.columns = names
            }
            series.value = try object.optional("value")?.string()
            series.matrix = try object.optional("matrix")?.bool()
            series.labels = try object.optional("labels")?.string()
            series.percentages = try object.optional("percentages")?.bool()
            series.y2 = try object.optional("y2")?.string()
            series.aggregate = try object.optional("aggregate")?.choice(SeriesAggregate.Statistic.allCases.map { ($0.rawValue, $0) })
            series.band = try object.optional("band")?.choice(SeriesAggregate.Band.allCases.map { ($0.rawValue, $0) })
            if series.band != nil, series.aggregate == nil, let band = object.optional("band") {
                throw band.error(.conflict("\"band\" is the spread around an aggregate: give \"aggregate\": \"mean\" or \"median\" too"))
            }
            try checkKindKeys(series, object)
            return series
        }

        /// Kind-specific keys on other kinds, and each kind's column keys.
        private static func checkKindKeys(_ series: Series, _ object: FigureSpecObject) throws(SpecError) {
            let kind = series.kind ?? .line
            for (key, kinds) in kindsOfKey where !kinds.contains(kind) {
                guard let node = object.optional(key) else { continue }
                let names = kinds.map { "\"\($0.rawValue)\"" }
                let list = names.count == 1 ? names[0]
                    : names.dropLast().joined(separator: ", ") + " or " + names[names.count - 1]
                throw node.error(.conflict("\"\(key)\" applies only to \"kind\": \(list)"))
            }
            func conflict(_ key: String, _ what: String) -> SpecError {
                (object.optional(key) ?? object.node).error(.conflict(what))
            }
            switch kind {
            case .histogram:
                if series.x != nil, series.y != nil {
                    throw conflict("x", "a histogram takes one values column: \"y\" (or \"x\" for a horizontal histogram), not both")
                }
                if series.x != nil, series.orientation == .vertical {
                    throw conflict("orientation", "a histogram of \"x\" is horizontal; use \"y\" for a vertical one")
                }
                if series.x == nil, series.y == nil { _ = try object.required("y", note: "the histogram's values column") }
            case .heatmap:
                if series.matrix == true {
                    for key in ["columns", "x", "y", "value"] where object.optional(key) != nil {
                        throw conflict(key, "a heat map with \"matrix\": true draws every column of its table; it takes no \"\(key)\"")
                    }
                } else if series.columns != nil {
                    // Wide form: "y" may name the rows' labels (a DataFrame's index, as seaborn labels them).
                    for key in ["x", "value"] where object.optional(key) != nil {
                        throw conflict(key, "a heat map takes either \"columns\" (wide, with \"y\" naming the rows) or \"x\", \"y\" and \"value\" (long), not both")
                    }
                } else {
                    let note = "a heat map takes \"matrix\": true, \"columns\", or \"x\", \"y\" and \"value\""
                    _ = try object.required("x", note: note)
                    _ = try object.required("y", note: note)
                    _ = try object.required("value", note: note)
                }
            case .pie:
                if object.optional("x") != nil { throw conflict("x", "a pie takes \"y\" (wedge sizes) and \"labels\", not \"x\"") }
                _ = try object.required("y")
            case .box:
                _ = try object.required("y", note: "the box plot's values column")
            default:
                _ = try object.required("y")
            }
        }

        /// A bin count from 1 to 10000, or a rule name.
        private static func decodeBins(_ node: FigureSpecNode) throws(SpecError) -> HistogramBins {
            switch node.value {
            case .number:
                let n = try node.integer()
                guard (1...10_000).contains(n) else {
                    throw node.error(.invalidValue(expected: "a bin count from 1 to 10000", found: node.found))
                }
                return .count(n)
            case .string:
                return try node.choice(binRules)
            default:
                throw node.wrongType("a bin count or one of \"auto\", \"sturges\", \"fd\", \"sqrt\"")
            }
        }

        /// A named style, or an array of on/off lengths in multiples of the line width.
        static func decodeDash(_ node: FigureSpecNode) throws(SpecError) -> [Double]? {
            switch node.value {
            case .string:
                return try node.choice(dashChoices)
            case .array:
                let elements = try node.array()
                guard (1...16).contains(elements.count) else {
                    throw node.error(.invalidValue(expected: "1 to 16 on/off lengths", found: "\(elements.count) values"))
                }
                var lengths: [Double] = []
                for element in elements { lengths.append(try element.number(in: 0...1000, "a length from 0 to 1000")) }
                guard lengths.reduce(0, +) > 0 else {
                    throw node.error(.invalidValue(expected: "lengths with a positive sum", found: "only zeros"))
                }
                return lengths
            default:
                throw node.wrongType("\"solid\", \"dashed\", \"dotted\", \"dashdot\" or an array of lengths")
            }
        }
    }
}
