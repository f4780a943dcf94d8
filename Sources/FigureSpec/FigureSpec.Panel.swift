import Chart
import Table

extension FigureSpec {
    /// One panel of a spec: title, axes, grid, legend and series.
    public struct Panel: Sendable, Equatable {
        /// The panel title.
        public var title: String?
        /// The x axis.
        public var x: Axis
        /// The y axis.
        public var y: Axis
        /// The right-hand y axis (matplotlib's `twinx`) of the series with `"axis": "right"`.
        public var y2: Axis?
        /// Whether to draw the major grid (default true).
        public var grid: Bool?
        /// The axes the grid follows: `"grid": "x"` or `"y"` (default both, matplotlib's
        /// `grid(True, axis=...)`).
        public var gridAxis: GridAxis?
        /// Also draw the minor grid (`"minor_grid": true`; default false).
        public var minorGrid: Bool?
        /// Where the legend goes (default best).
        public var legend: LegendPlacement?
        /// The series, drawn in order.
        public var series: [Series]
        /// The y axis of each series, in series order (its `"axis"` key: `"left"`, the default,
        /// or `"right"`); shorter than `series` means left for the rest, and it is
        /// empty when every series is on the left.
        public var seriesAxes: [YAxisSide] = []
        /// Grouped bars: the fraction of each category slot that the panel's bar series share side
        /// by side (`"group": true` is 0.8, matplotlib's default bar width); nil draws them over
        /// each other. Series of one stack share one place in the group.
        public var group: Double?
        /// Reference lines, spans and text, in data units (times as seconds since the epoch).
        public var annotations: [Annotation]

        /// Creates a panel.
        public init(title: String? = nil, x: Axis = Axis(), y: Axis = Axis(), grid: Bool? = nil,
                    legend: LegendPlacement? = nil, series: [Series], group: Double? = nil, annotations: [Annotation] = []) {
            self.title = title; self.x = x; self.y = y; self.grid = grid; self.legend = legend; self.series = series
            self.group = group; self.annotations = annotations
        }

        static let keys = ["title", "x", "y", "y2", "grid", "minor_grid", "legend", "group", "annotations", "series"]

        /// The grid strings: the one axis whose ticks the grid follows, or both.
        static let gridChoices: KeyValuePairs<String, GridAxis> = ["x": .x, "y": .y, "both": .both]

        /// The legend strings: matplotlib's `loc` words, then `outside` (right of the plot area),
        /// `below` (under it, in columns) and `none`.
        static let legendChoices: KeyValuePairs<String, LegendPlacement> = [
            "best": .best, "upper right": .upperRight, "upper left": .upperLeft, "lower left": .lowerLeft,
            "lower right": .lowerRight, "right": .right, "center left": .centerLeft, "center right": .centerRight,
            "lower center": .lowerCenter, "upper center": .upperCenter, "center": .center,
            "outside": .outside, "below": .below, "none": .none,
        ]

        /// Every `"legend"` string, in the schema's order (`--legend` lists them in its usage error).
        public static var legendNames: [String] { legendChoices.map(\.key) }

        /// The placement a `"legend"` string names (the spec key's and `--legend`'s one
        /// spelling), or nil for any other string.
        public static func legendPlacement(named name: String) -> LegendPlacement? {
            legendChoices.first { $0.key == name }?.value
        }

        static func decode(_ node: FigureSpecNode, dataSources: [String]) throws(SpecError) -> Panel {
            let object = try node.object(keys: keys)
            var panel = Panel(series: [])
            panel.title = try object.optional("title")?.string()
            if let x = object.optional("x") { panel.x = try Axis.decode(x) }
            if let y = object.optional("y") { panel.y = try Axis.decode(y) }
            if let y2 = object.optional("y2") { panel.y2 = try Axis.decode(y2) }
            if let grid = object.optional("grid") {
                switch grid.value {
                case .bool(let on): panel.grid = on
                case .string:
                    panel.grid = true
                    panel.gridAxis = try grid.choice(gridChoices)
                default: throw grid.wrongType("true, false, \"x\" or \"y\"")
                }
            }
            panel.minorGrid = try object.optional("minor_grid")?.bool()
            panel.legend = try object.optional("legend")?.choice(legendChoices)
            for element in try object.required("series").array() {
                let (axis, rest) = try Panel.takeAxis(element)
                panel.series.append(try Series.decode(rest, dataSources: dataSources))
                panel.seriesAxes.append(axis)
            }
            if !panel.seriesAxes.contains(.right) {
                panel.seriesAxes = []
                if let y2 = object.optional("y2") {
                    throw y2.error(.conflict("\"y2\" applies only to a panel with a series on \"axis\": \"right\""))
                }
            }
            if let group = object.optional("group") {
                switch group.value {
                case .bool(let on): panel.group = on ? 0.8 : nil
                case .number: panel.group = try group.number(in: 0.01...1, "a fraction of the slot from 0.01 to 1")
                default: throw group.wrongType("true, false or a fraction of the slot")
                }
            }
            if let annotations = object.optional("annotations") {
                for element in try annotations.array() { panel.annotations.append(try FigureSpec.annotation(element)) }
            }
            return panel
        }

        /// A series object's `"axis"` member (`"left"` or `"right"`) and the object without it, for
        /// `Series.decode`; a series that is not an object is returned as it is.
        static func takeAxis(_ node: FigureSpecNode) throws(SpecError) -> (YAxisSide, FigureSpecNode) {
            guard case .object(let members) = node.value else { return (.left, node) }
            let found = members.filter { $0.key == "axis" }
            guard let first = found.first else { return (.left, node) }
            let axisNode = node.member("axis", first.value)
            if found.count > 1 { throw axisNode.error(.duplicateKey) }
            if case .null = first.value.value { return (.left, node) }
            let side = try axisNode.choice(YAxisSide.allCases.map { ($0.rawValue, $0) })
            return (side, node.replacing(.object(members.filter { $0.key != "axis" })))
        }
    }

    /// One axis of a spec panel: label, scale and limits.
    public struct Axis: Sendable, Equatable {
        /// The scale names a spec can use.
        public enum Scale: String, Sendable, Equatable, CaseIterable {
            case linear, log, symlog, time, category
        }

        /// The axis label (default: the column name when every series uses the same one).
        public var label: String?
        /// The scale (default: time for time columns, category for text columns, else linear).
        public var scale: Scale?
        /// The symlog scale's linear range around zero (default 2, as matplotlib).
        public var linthresh: Double?
        /// The fixed lower limit in data units (seconds since the epoch on a time axis); nil is automatic.
        public var min: Double?
        /// The fixed upper limit, as `min`.
        public var max: Double?
        /// Automatic limits that ignore extreme outliers (Chart's `RobustLimits`); linear axes.
        public var robust: Bool?
        /// A category axis' levels in this order, before any level the series bring (Vega-Lite's
        /// `scale.domain`); nil: the levels in order of first appearance over the panel's series.
        public var categories: [String]?

        /// Creates an axis.
        public init(label: String? = nil, scale: Scale? = nil, linthresh: Double? = nil, min: Double? = nil, max: Double? = nil) {
            self.label = label; self.scale = scale; self.linthresh = linthresh; self.min = min; self.max = max
        }

        static let keys = ["label", "scale", "linthresh", "min", "max", "robust", "categories"]

        static func decode(_ node: FigureSpecNode) throws(SpecError) -> Axis {
            let object = try node.object(keys: keys)
            var axis = Axis()
            axis.label = try object.optional("label")?.string()
            axis.scale = try object.optional("scale")?.choice(Scale.allCases.map { ($0.rawValue, $0) })
            if let t = object.optional("linthresh") {
                axis.linthresh = try t.positive()
                guard axis.scale == .symlog else {
                    throw t.error(.conflict("linthresh applies only to \"scale\": \"symlog\""))
                }
            }
            axis.robust = try object.optional("robust")?.bool()
            if let categories = object.optional("categories") {
                if let scale = axis.scale, scale != .category {
                    throw categories.error(.conflict("categories apply only to a category axis (\"scale\": \"category\" or none)"))
                }
                var levels: [String] = []
                for element in try categories.array() {
                    let level = try element.string()
                    guard !levels.contains(level) else {
                        throw element.error(.invalidValue(expected: "a category not listed before", found: element.found))
                    }
                    levels.append(level)
                }
                axis.categories = levels
            }
            axis.min = try object.optional("min").map { node throws(SpecError) in try limit(node) }
            axis.max = try object.optional("max").map { node throws(SpecError) in try limit(node) }
            if let lo = axis.min, let hi = axis.max, !(lo < hi), let node = object.optional("max") {
                throw node.error(.invalidValue(expected: "a value above min (\(Column.format(number: lo)))", found: node.found))
            }
            if axis.scale == .log, let lo = axis.min, lo <= 0, let node = object.optional("min") {
                throw node.error(.invalidValue(expected: "a positive number on a log axis", found: node.found))
            }
            return axis
        }

        /// A number, or a date / date-time string (seconds since the epoch) for time axes.
        static func limit(_ node: FigureSpecNode) throws(SpecError) -> Double {
            switch node.value {
            case .number: return try node.number()
            case .string(let text):
                guard let parsed = TimeParser.parse(text) else {
                    throw node.error(.invalidValue(expected: "a number or a date such as \"2012-01-31\"", found: node.found))
                }
                return parsed.seconds
            default:
                throw node.wrongType("a number or a date string")
            }
        }
    }
}
