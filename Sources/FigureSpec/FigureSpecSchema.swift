// FigureSpecSchema: the figure spec as a JSON Schema (draft 2020-12), printed by
// `plotline schema` and committed as docs/figure-spec.schema.json, the one contract between
// the decoder, the docs and the Python figure API (`python/plotline/figure.py`).
//
// Design. The schema is generated, not written: every object's property list is the decoder's
// own key table (`FigureSpec.keys`, `Panel.keys`, `Axis.keys`, `Series.keys`,
// `DataSource.keys`, `annotationKinds`), every choice list is the decoder's own choice table or
// `CaseIterable` enum (kinds, legends, scales, markers, colour maps, dash styles, bin rules),
// and which kinds a kind-specific key applies to is the decoder's `Series.kindsOfKey`. Only the
// value type of each key is described here, in `valueSchemas`; a key the decoder reads with no
// description here (or a description of a key it does not read) is listed by `drift` and fails
// a unit test, so adding a key without describing it cannot go unnoticed. The committed file is
// checked against this output by another test.
//
// Kind-specific keys carry the non-standard annotation `x-kinds` (the kinds they apply to) and
// an `if`/`then` rule, so a validator refuses `"bins"` on a line just as the decoder does.
// Plotline also reads `null` on an optional key as "absent"; the schema does not list that.
//
// Credits: the idea of a published, versioned schema printed by the tool is Vega-Lite's
// (`vega-lite/build/vega-lite-schema.json`).
import Chart
import Geometry
import JSON
import Scene
import Table
import Vector

/// The figure spec's JSON Schema, generated from the decoder's key and choice tables.
public enum FigureSpecSchema {
    /// The schema as pretty-printed JSON text (ending in a newline); the same build gives the same bytes.
    public static func text() -> String { schema().prettyText() }

    /// Keys the decoder reads without a value description here, and descriptions of keys it
    /// does not read, as `object.key` (empty when the two agree).
    public static func drift() -> [String] {
        var out: [String] = []
        for (object, keys) in keyTables {
            let described = valueSchemas[object] ?? [:]
            for key in keys where described[key] == nil { out.append("\(object).\(key): read but not described") }
            for key in described.keys.sorted() where !keys.contains(key) { out.append("\(object).\(key): described but not read") }
        }
        return out
    }

    // MARK: - The decoder's tables

    /// Each object's keys, in the decoder's order (a series' `axis` is read by its panel).
    static var keyTables: [(String, [String])] {
        [("figure", FigureSpec.keys), ("dataSource", FigureSpec.DataSource.keys), ("panel", FigureSpec.Panel.keys),
         ("axis", FigureSpec.Axis.keys), ("series", FigureSpec.Series.keys + ["axis"]),
         ("annotation", [String](Set(FigureSpec.annotationKinds.flatMap { [$0.key] + $0.value })).sorted())]
    }

    static var kinds: [String] { FigureSpec.Series.kindChoices.map(\.key) }

    // MARK: - Value descriptions

    private typealias J = JSONValue

    private static func object(_ pairs: KeyValuePairs<String, JSONValue>) -> JSONValue {
        .object(pairs.map { ($0.key, $0.value) })
    }
    private static func strings(_ values: [String]) -> JSONValue { .array(values.map { .string($0) }) }
    private static func ref(_ name: String) -> JSONValue { object(["$ref": .string("#/$defs/" + name)]) }
    private static func text(_ what: String) -> JSONValue { object(["type": "string", "description": .string(what)]) }
    private static func flag(_ what: String) -> JSONValue { object(["type": "boolean", "description": .string(what)]) }
    private static func choice(_ values: [String], _ what: String) -> JSONValue {
        object(["enum": strings(values), "description": .string(what)])
    }
    private static func number(_ what: String, min: Double? = nil, exclusiveMin: Double? = nil, max: Double? = nil,
                               exclusiveMax: Double? = nil) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [("type", "number")]
        if let min { members.append(("minimum", .number(min))) }
        if let exclusiveMin { members.append(("exclusiveMinimum", .number(exclusiveMin))) }
        if let max { members.append(("maximum", .number(max))) }
        if let exclusiveMax { members.append(("exclusiveMaximum", .number(exclusiveMax))) }
        members.append(("description", .string(what)))
        return .object(members)
    }
    private static func integer(_ min: Int, _ max: Int, _ what: String) -> JSONValue {
        object(["type": "integer", "minimum": .number(Double(min)), "maximum": .number(Double(max)),
                "description": .string(what)])
    }
    private static func oneOf(_ what: String, _ options: [JSONValue]) -> JSONValue {
        object(["oneOf": .array(options), "description": .string(what)])
    }

    /// The value schema of every key, by object.
    static let valueSchemas: [String: [String: JSONValue]] = [
        "figure": [
            "version": object(["const": .number(Double(FigureSpec.currentVersion)), "description": "the spec format version"]),
            "title": text("the figure title"),
            "size": oneOf("[width, height] or \"WIDTHxHEIGHT\", \(Canvas.sizeRange) (default [1200, 800])", [
                object(["type": "array", "items": integer(Canvas.sides.lowerBound, Canvas.sides.upperBound, "pixels"),
                        "minItems": 2, "maxItems": 2]),
                object(["type": "string", "pattern": "^[0-9]+[xX][0-9]+$"]),
            ]),
            "dpi": number("dots per inch, \(Canvas.dpiRangeText); point sizes scale with it (default 100)",
                          min: Canvas.dpiRange.lowerBound, max: Canvas.dpiRange.upperBound),
            "theme": choice(FigureSpec.ThemeName.allCases.map(\.rawValue), "the colour theme (default light)"),
            "layout": object([
                "type": "object", "additionalProperties": false,
                "properties": object(["rows": integer(1, 100, "grid rows"), "columns": integer(1, 100, "grid columns")]),
                "description": "the panel grid; either count may be left out",
            ]),
            "share": object([
                "type": "object", "additionalProperties": false,
                "properties": object(["x": flag("panels of a grid column share x limits"),
                                      "y": flag("panels of a grid row share y limits")]),
                "description": "shared limits, with tick labels only on the outer panels",
            ]),
            "palette": choice(Palette.allCases.map(\.rawValue), "the series colour cycle (default: the theme's, tab10 in light)"),
            "rasterize": choice(RasterizeMode.allCases.map(\.rawValue), "SVG and PDF: draw dense scatter series as embedded images of their pixels (matplotlib's rasterized=True): auto above \(DenseSeries.autoThreshold) markers in a plot area, always, or never (default auto); text and axes stay vector"),
            "formats": object(["type": "array", "uniqueItems": true, "items": choice(OutputFormat.allCases.map(\.rawValue), "a file format"),
                               "description": "the files written for this figure by render, report and watch: the main file always (the PNG; render: -o's extension), the others beside it with its name; render --format and a report entry's formats replace it, it replaces a report's or watched folder's formats (docs/figure-spec.md, Output formats)"]),
            "facet": text("a column of the panel's data: one copy of the (single) panel per value, in a grid on shared axes, titled with the value; at most 36 values"),
            "data": object(["type": "object", "minProperties": 1, "additionalProperties": ref("dataSource"),
                            "description": "named data files (CSV, TSV, JSON Lines, JSON, .npy) that series refer to"]),
            "panels": object(["type": "array", "minItems": 1, "items": ref("panel"),
                              "description": "the panels, filled into the grid row by row"]),
        ],
        "dataSource": [
            "path": object(["type": "string", "minLength": 1, "description": "the file or run folder, relative to the spec's folder"]),
            "delimiter": object(["type": "string", "pattern": "^([^\"\\r\\n]|tab|whitespace)$",
                                 "description": "one ASCII character, \"tab\", or \"whitespace\" (runs of spaces and tabs; default: detected)"]),
            "header": flag("true: the first row holds names; false: none (col1, col2, ...)"),
            "timestamps": object(["type": "object", "additionalProperties": choice(["s", "ms"], "the unit"),
                                  "description": "numeric columns to read as Unix time"]),
            "decimal": choice([".", ","], "the decimal mark (pandas' decimal; default: detected)"),
            "thousands": object(["type": "string", "pattern": "^([^\"\\r\\n]|tab)$",
                                 "description": "a thousands separator, removed between digits (pandas' thousands)"]),
            "comment": object(["type": "string", "pattern": "^([^\"\\r\\n]|tab)$",
                               "description": "lines starting with this character are skipped (pandas' comment)"]),
            "na_values": object(["type": "array", "items": object(["type": "string"]),
                                 "description": "more spellings of a missing value (pandas' na_values)"]),
            "encoding": choice(TextEncoding.allCases.map(\.rawValue), "the text encoding (default: UTF-8, else Windows-1252 with a warning)"),
        ],
        "panel": [
            "title": text("the panel title"),
            "x": ref("axis"), "y": ref("axis"), "y2": ref("axis"),
            "grid": oneOf("the major grid, or the one axis whose ticks it follows (default true)",
                          [object(["type": "boolean"]), object(["enum": strings(FigureSpec.Panel.gridChoices.map(\.key))])]),
            "minor_grid": flag("also a minor grid (default false)"),
            "legend": choice(FigureSpec.Panel.legendChoices.map(\.key), "where the legend goes (default best)"),
            "group": oneOf("bar and box series side by side sharing this fraction of a slot (true = 0.8)",
                           [object(["type": "boolean"]), number("the fraction", min: 0.01, max: 1)]),
            "annotations": object(["type": "array", "items": ref("annotation"),
                                   "description": "reference lines, spans and text"]),
            "series": object(["type": "array", "items": ref("series"), "description": "the series, drawn in order"]),
        ],
        "axis": [
            "label": text("the axis label (default: the shared column name)"),
            "scale": choice(FigureSpec.Axis.Scale.allCases.map(\.rawValue), "the scale (default: from the columns)"),
            "linthresh": number("symlog: the linear range around 0 (default 2)", exclusiveMin: 0),
            "min": ref("limit"), "max": ref("limit"),
            "robust": flag("linear axes: limits that ignore extreme outliers"),
            "categories": object(["type": "array", "items": object(["type": "string"]), "uniqueItems": true,
                                  "description": "a category axis' levels in this order, before any others the series bring"]),
        ],
        "series": [
            "data": text("a name from data (required when there are several)"),
            "x": text("the x column (default: the row number)"),
            "y": text("the y column"),
            "by": text("a column whose values split the series into groups: a series, colour and legend entry per group"),
            "kind": choice(FigureSpec.Series.kindChoices.map(\.key), "what to draw (default line)"),
            "label": text("the legend entry; a heat map's colour bar label"),
            "color": oneOf("a colour; for a scatter also an object colouring its points by a numeric column, with a colour bar", [
                ref("color"),
                object(["type": "object", "additionalProperties": false, "required": strings(["field"]),
                        "properties": object([
                            "field": text("the numeric column whose values pick the colours"),
                            "scheme": choice(ColorMap.allCases.map(\.rawValue), "the colour map (default viridis; RdBu and coolwarm are diverging)"),
                            "min": number("the value at the colour map's low end"),
                            "max": number("the value at the colour map's high end"),
                        ])]),
            ]),
            "width": number("line width in points (default 1.5)", exclusiveMin: 0, max: 100),
            "dash": ref("dash"),
            "marker": choice(MarkerShape.allCases.map(\.rawValue), "the marker at each point"),
            "markersize": number("the marker's diameter in points (default 6)", exclusiveMin: 0, max: 100),
            "alpha": number("opacity (default 1)", min: 0, max: 1),
            "smooth": number("TensorBoard's smoothing weight (default 0)", min: 0, exclusiveMax: 1),
            "bins": oneOf("a bin count or numpy's rule (default auto)", [
                integer(1, 10_000, "the bin count"),
                object(["enum": strings(FigureSpec.Series.binRules.map(\.key))]),
            ]),
            "orientation": choice(BarOrientation.allCases.map(\.rawValue), "vertical (default) or horizontal"),
            "stack": text("bars with the same stack name pile up per x"),
            "error": text("a column of symmetric y errors, drawn as error bars"),
            "colormap": choice(ColorMap.allCases.map(\.rawValue), "the colour map (default viridis)"),
            "vmin": number("the value at the colour map's low end"),
            "vmax": number("the value at the colour map's high end"),
            "columns": object(["type": "array", "items": object(["type": "string"]), "minItems": 1,
                               "description": "wide form: the matrix columns, left to right"]),
            "value": text("long form: the cell value column"),
            "matrix": flag("every column of the table as one matrix, on numeric axes"),
            "labels": text("a column of wedge labels"),
            "percentages": flag("print each wedge's percentage (default true)"),
            "y2": text("area: the lower edge's column; fills between it and y (matplotlib's fill_between)"),
            "aggregate": choice(SeriesAggregate.Statistic.allCases.map(\.rawValue),
                                "one point per distinct x: the mean or median of its rows' y values; lines, steps and areas draw band around it, bars draw it as error bars"),
            "band": choice(SeriesAggregate.Band.allCases.map(\.rawValue),
                           "with aggregate: the spread around it (default std; minmax not on bars)"),
            "axis": choice(YAxisSide.allCases.map(\.rawValue), "the y axis the series is drawn against (default left)"),
        ],
        "annotation": [
            "hline": ref("limit"), "vline": ref("limit"),
            "hspan": object(["type": "array", "items": ref("limit"), "minItems": 2, "maxItems": 2]),
            "vspan": object(["type": "array", "items": ref("limit"), "minItems": 2, "maxItems": 2]),
            "text": text("the text, written at (x, y)"),
            "x": ref("limit"), "y": ref("limit"),
            "dx": number("offset in points (default 4)", min: -1000, max: 1000),
            "dy": number("offset in points (default 4)", min: -1000, max: 1000),
            "color": ref("color"),
            "width": number("line width in points (default 1.5)", exclusiveMin: 0, max: 100),
            "dash": ref("dash"),
            "alpha": number("opacity (default 0.25)", min: 0, max: 1),
            "marker": flag("draw a dot at (x, y) (default true)"),
        ],
    ]

    // MARK: - Assembly

    /// The properties object of one key table.
    private static func properties(_ object: String) -> JSONValue {
        let keys = keyTables.first { $0.0 == object }?.1 ?? []
        let described = valueSchemas[object] ?? [:]
        return .object(keys.map { key in
            var value = described[key] ?? .object([])
            if object == "series", let kinds = FigureSpec.Series.kindsOfKey.first(where: { $0.key == key })?.value,
               case .object(var members) = value {
                members.append(("x-kinds", strings(kinds.map(\.rawValue))))
                value = .object(members)
            }
            return (key, value)
        })
    }

    private static func closed(_ object: String, required: [String] = [], extra: [(key: String, value: JSONValue)] = []) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [("type", "object"), ("additionalProperties", false)]
        if !required.isEmpty { members.append(("required", strings(required))) }
        members.append(("properties", properties(object)))
        return .object(members + extra)
    }

    /// `if` a kind-specific key is present `then` the kind is one it applies to.
    private static var kindRules: JSONValue {
        .array(FigureSpec.Series.kindsOfKey.map { key, kinds in
            let kindNames = kinds.map(\.rawValue)
            var then: [(key: String, value: JSONValue)] = [("properties", object(["kind": object(["enum": strings(kindNames)])]))]
            if !kinds.contains(.line) { then.append(("required", strings(["kind"]))) }
            return object(["if": object(["required": strings([key])]), "then": .object(then)])
        })
    }

    private static var annotation: JSONValue {
        let described = valueSchemas["annotation"] ?? [:]
        return object(["oneOf": .array(FigureSpec.annotationKinds.map { kind, options in
            .object([("type", "object"), ("additionalProperties", false),
                     ("required", strings(kind == "text" ? [kind, "x", "y"] : [kind])),
                     ("properties", .object(([kind] + options).map { ($0, described[$0] ?? .object([])) }))])
        })])
    }

    static func schema() -> JSONValue {
        let colorNames = FigureSpec.ColorValue.tableauNames.map { "tab:" + $0 } + ["tab:grey"] + CSSColorNames.table.keys.sorted()
        let defs: JSONValue = object([
            "dataSource": oneOf("a file path, or an object with the path and read options", [
                object(["type": "string", "minLength": 1]), closed("dataSource", required: ["path"]),
            ]),
            "panel": closed("panel", required: ["series"]),
            "axis": closed("axis"),
            "series": closed("series", extra: [("allOf", kindRules)]),
            "annotation": annotation,
            "limit": oneOf("a number in data units, or a date such as \"2012-01-31\" on a time axis",
                           [object(["type": "number"]), object(["type": "string"])]),
            "color": object([
                "type": "string",
                "anyOf": .array([
                    object(["pattern": "^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$"]),
                    object(["pattern": "^[cC][0-9]{1,3}$"]),
                    object(["enum": strings(colorNames)]),
                ]),
                "description": "\"#rrggbb\", \"#rrggbbaa\", a cycle colour \"C0\", \"C1\", ..., or a tab10 name",
            ]),
            "dash": oneOf("a named style or on/off lengths in multiples of the line width", [
                object(["enum": strings(FigureSpec.Series.dashChoices.map(\.key))]),
                object(["type": "array", "minItems": 1, "maxItems": 16,
                        "items": object(["type": "number", "minimum": 0, "maximum": 1000])]),
            ]),
        ])
        let top: [(key: String, value: JSONValue)] = [
            ("$schema", "https://json-schema.org/draft/2020-12/schema"),
            ("title", .string("Plotline figure spec, version \(FigureSpec.currentVersion)")),
            ("description", "A figure: named data files, a grid of panels and their series (docs/figure-spec.md). Generated by `plotline schema` from the decoder's key tables."),
            ("type", "object"), ("additionalProperties", false),
            ("required", strings(["version", "data", "panels"])),
            ("properties", properties("figure")),
            ("$defs", defs),
        ]
        return .object(top)
    }
}
