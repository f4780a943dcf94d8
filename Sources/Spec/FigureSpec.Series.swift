import Chart
import Geometry

extension FigureSpec {
    /// One series of a spec panel: which columns of which data source, and how to draw them.
    public struct Series: Sendable, Equatable {
        /// The data source name; nil when the spec has only one.
        public var data: String?
        /// The x column; nil draws against the row number (0, 1, 2, ...).
        public var x: String?
        /// The y column.
        public var y: String
        /// What to draw (default line).
        public var kind: SeriesKind?
        /// The legend label (default: the y column name).
        public var label: String?
        /// The colour (default: the theme's cycle colour at the series' position in its panel).
        public var color: ColorValue?
        /// The line width in points (default: the theme's, 1.5).
        public var width: Double?
        /// The dash pattern in multiples of the line width; nil is solid.
        public var dash: [Double]?
        /// The marker drawn at each point.
        public var marker: MarkerShape?
        /// The opacity, 0...1 (default 1).
        public var alpha: Double?
        /// TensorBoard's smoothing weight in [0, 1): draws the raw values faintly (alpha 0.25)
        /// under their exponential moving average, in the same colour. Nil or 0: no smoothing.
        public var smooth: Double?

        /// Creates a series.
        public init(data: String? = nil, x: String? = nil, y: String, kind: SeriesKind? = nil, label: String? = nil,
                    color: ColorValue? = nil, width: Double? = nil, dash: [Double]? = nil, marker: MarkerShape? = nil,
                    alpha: Double? = nil, smooth: Double? = nil) {
            self.data = data; self.x = x; self.y = y; self.kind = kind; self.label = label; self.color = color
            self.width = width; self.dash = dash; self.marker = marker; self.alpha = alpha; self.smooth = smooth
        }

        static let keys = ["data", "x", "y", "kind", "label", "color", "width", "dash", "marker", "alpha", "smooth"]

        static let kindChoices: KeyValuePairs<String, SeriesKind> = [
            "line": .line, "scatter": .scatter, "step": .step, "area": .area, "bar": .bar,
        ]

        static let dashChoices: KeyValuePairs<String, [Double]?> = [
            "solid": nil, "dashed": Chart.Series.dashed, "dotted": Chart.Series.dotted, "dashdot": Chart.Series.dashDot,
        ]

        static func decode(_ node: FigureSpecNode, dataSources: [String]) throws(SpecError) -> Series {
            let object = try node.object(keys: keys)
            var series = Series(y: try object.required("y").string())
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
            series.color = try object.optional("color").map { node throws(SpecError) in try ColorValue.decode(node) }
            series.width = try object.optional("width")?.positive("a positive width in points (at most 100)", limit: 100)
            if let dash = object.optional("dash") { series.dash = try decodeDash(dash) }
            if let marker = object.optional("marker") {
                guard let shape = MarkerShape(rawValue: try marker.string()) else {
                    throw marker.error(.notOneOf(choices: MarkerShape.allCases.map(\.rawValue), found: marker.found))
                }
                series.marker = shape
            }
            series.alpha = try object.optional("alpha")?.number(in: 0...1, "a number from 0 to 1")
            if let smooth = object.optional("smooth") {
                let w = try smooth.number()
                guard w >= 0, w < 1 else {
                    throw smooth.error(.invalidValue(expected: "a weight from 0 up to (not including) 1", found: smooth.found))
                }
                series.smooth = w
            }
            return series
        }

        /// A named style, or an array of on/off lengths in multiples of the line width.
        private static func decodeDash(_ node: FigureSpecNode) throws(SpecError) -> [Double]? {
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
