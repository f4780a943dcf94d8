import Chart
import Table

extension FigureSpec {
    /// A scatter's colour taken from a numeric column, as Vega-Lite's `color` encoding on a
    /// quantitative field: `"color": {"field": "body_mass", "scheme": "viridis"}`, with a colour
    /// bar labelled with the column's name.
    ///
    /// `scheme` is a `ColorMap` (sequential: viridis, the default, magma, plasma, inferno,
    /// cividis; diverging: RdBu, coolwarm, whose limits are symmetric about 0 when the values
    /// have both signs); `min` / `max` fix the ends (default: the column's finite extent).
    public struct ColorEncoding: Sendable, Equatable {
        /// The numeric column whose values pick the colours.
        public var field: String
        /// The colour map.
        public var scheme: ColorMap
        /// Fixed colour limits (nil: from the data).
        public var min: Double?, max: Double?

        /// Creates an encoding.
        public init(field: String, scheme: ColorMap = .viridis, min: Double? = nil, max: Double? = nil) {
            self.field = field; self.scheme = scheme; self.min = min; self.max = max
        }

        /// The keys of the object.
        static let keys = ["field", "scheme", "min", "max"]

        static func decode(_ node: FigureSpecNode) throws(SpecError) -> ColorEncoding {
            let object = try node.object(keys: keys)
            let fieldNode = try object.required("field")
            let field = try fieldNode.string()
            guard !field.isEmpty else { throw fieldNode.error(.invalidValue(expected: "a column name", found: "\"\"")) }
            var encoding = ColorEncoding(field: field)
            if let scheme = object.optional("scheme") {
                encoding.scheme = try scheme.choice(ColorMap.allCases.map { ($0.rawValue, $0) })
            }
            encoding.min = try object.optional("min")?.number()
            encoding.max = try object.optional("max")?.number()
            if let lo = encoding.min, let hi = encoding.max, !(lo < hi), let node = object.optional("max") {
                throw node.error(.invalidValue(expected: "a value above min (\(Column.format(number: lo)))", found: node.found))
            }
            return encoding
        }
    }
}
