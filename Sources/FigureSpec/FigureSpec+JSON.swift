import Chart
import JSON
import Table

extension FigureSpec {
    /// The spec as JSON text that `FigureSpec.parse` reads back to an equal spec: pretty-printed
    /// (two-space indent, a final newline), keys in the decoder's order, versioned, only the
    /// keys that are set; the same spec always gives the same bytes.
    ///
    /// Data paths are written as `DataSource.path` holds them (relative ones are read against
    /// the folder of the file the text is saved in). Not written: annotations, and a data
    /// source's explicit header names (`CSVOptions.Header.names`), which no spec key holds.
    public func jsonText() -> String { jsonValue().prettyText() }

    /// The spec as a JSON value (see `jsonText`).
    func jsonValue() -> JSONValue {
        var out = JSONMembers()
        out.add("version", JSONValue.number(Double(FigureSpec.currentVersion)))
        out.add("title", title)
        if let width, let height {
            out.add("size", JSONValue.array([JSONValue.number(Double(width)), JSONValue.number(Double(height))]))
        }
        out.add("dpi", dpi)
        out.add("theme", theme?.rawValue)
        var layout = JSONMembers()
        layout.add("rows", rows.map(Double.init))
        layout.add("columns", columns.map(Double.init))
        if !layout.members.isEmpty { out.add("layout", layout.value) }
        var share = JSONMembers()
        share.add("x", sharedX)
        share.add("y", sharedY)
        if !share.members.isEmpty { out.add("share", share.value) }
        out.add("facet", facet)
        out.add("palette", palette?.rawValue)
        out.add("rasterize", rasterize?.rawValue)
        out.add("formats", formats?.map(\.rawValue))
        var sources = JSONMembers()
        for source in data { sources.add(source.name, source.jsonValue()) }
        out.add("data", sources.value)
        out.add("panels", JSONValue.array(panels.map { $0.jsonValue() }))
        return out.value
    }
}

/// The members of a JSON object being written, in order; nil values are left out.
struct JSONMembers {
    var members: [(key: String, value: JSONValue)] = []

    /// The object.
    var value: JSONValue { JSONValue.object(members) }

    mutating func add(_ key: String, _ value: JSONValue) { members.append((key: key, value: value)) }
    mutating func add(_ key: String, _ text: String?) { if let text { add(key, JSONValue.string(text)) } }
    mutating func add(_ key: String, _ number: Double?) { if let number { add(key, JSONValue.number(number)) } }
    mutating func add(_ key: String, _ flag: Bool?) { if let flag { add(key, JSONValue.bool(flag)) } }
    mutating func add(_ key: String, _ texts: [String]?) {
        if let texts { add(key, JSONValue.array(texts.map { JSONValue.string($0) })) }
    }
}

extension FigureSpec.DataSource {
    /// The path alone, or an object with the path and the read options that differ from the defaults.
    func jsonValue() -> JSONValue {
        var out = JSONMembers()
        out.add("path", path)
        out.add("delimiter", options.delimiter.map(Self.character))
        switch options.header {
        case .present: out.add("header", true)
        case .absent: out.add("header", false)
        case .detect, .names: break
        }
        if !options.timestampColumns.isEmpty {
            var units = JSONMembers()
            for column in options.timestampColumns.keys.sorted() {
                units.add(column, options.timestampColumns[column] == .milliseconds ? "ms" : "s")
            }
            out.add("timestamps", units.value)
        }
        for setting in CSVReadSetting.allCases {
            guard let values = setting.values(in: options) else { continue }
            if setting == .naValues { out.add(setting.key, values) } else { out.add(setting.key, values[0]) }
        }
        return out.members.count == 1 ? JSONValue.string(path) : out.value
    }

    /// A one-character option as a spec writes it (`tab` for a tab).
    static func character(_ byte: UInt8) -> String { CSVReadSetting.text(of: byte) }
}

extension FigureSpec.Panel {
    /// The panel's keys that are set, in the decoder's order.
    func jsonValue() -> JSONValue {
        var out = JSONMembers()
        out.add("title", title)
        let xValue = x.jsonValue(), yValue = y.jsonValue()
        if !xValue.members.isEmpty { out.add("x", xValue.value) }
        if !yValue.members.isEmpty { out.add("y", yValue.value) }
        if let y2 { out.add("y2", y2.jsonValue().value) }
        if let gridAxis, grid != false {
            out.add("grid", gridAxis.rawValue)
        } else {
            out.add("grid", grid)
        }
        out.add("minor_grid", minorGrid)
        if let legend { out.add("legend", Self.legendChoices.first { $0.value == legend }?.key ?? legend.rawValue) }
        if let group {
            if group == 0.8 { out.add("group", true) } else { out.add("group", group) }
        }
        var items: [JSONValue] = []
        for (k, s) in series.enumerated() {
            items.append(s.jsonValue(right: k < seriesAxes.count && seriesAxes[k] == .right))
        }
        out.add("series", JSONValue.array(items))
        return out.value
    }
}

extension FigureSpec.Axis {
    /// The axis' keys that are set, in the decoder's order.
    func jsonValue() -> JSONMembers {
        var out = JSONMembers()
        out.add("label", label)
        out.add("scale", scale?.rawValue)
        out.add("linthresh", linthresh)
        out.add("min", min)
        out.add("max", max)
        out.add("robust", robust)
        out.add("categories", categories)
        return out
    }
}

extension FigureSpec.Series {
    /// The series' keys that are set, in the decoder's order (`axis` only when right).
    func jsonValue(right: Bool) -> JSONValue {
        var out = JSONMembers()
        out.add("data", data)
        out.add("x", x)
        out.add("y", y)
        out.add("by", by)
        out.add("kind", kind?.rawValue)
        out.add("label", label)
        if let colorBy {
            var encoding = JSONMembers()
            encoding.add("field", colorBy.field)
            encoding.add("scheme", colorBy.scheme.rawValue)
            encoding.add("min", colorBy.min)
            encoding.add("max", colorBy.max)
            out.add("color", encoding.value)
        } else {
            out.add("color", color?.text)
        }
        out.add("width", width)
        if let dash {
            if let name = Self.dashChoices.first(where: { $0.value == dash })?.key {
                out.add("dash", name)
            } else {
                out.add("dash", JSONValue.array(dash.map { JSONValue.number($0) }))
            }
        }
        out.add("marker", marker?.rawValue)
        out.add("markersize", markerSize)
        out.add("alpha", alpha)
        out.add("smooth", smooth)
        if let bins {
            if case .count(let n) = bins {
                out.add("bins", Double(n))
            } else {
                out.add("bins", Self.binRules.first(where: { $0.value == bins })?.key)
            }
        }
        out.add("orientation", orientation?.rawValue)
        out.add("stack", stack)
        out.add("error", error)
        out.add("colormap", colorMap?.rawValue)
        out.add("vmin", vmin)
        out.add("vmax", vmax)
        out.add("columns", columns)
        out.add("value", value)
        out.add("matrix", matrix)
        out.add("labels", labels)
        out.add("percentages", percentages)
        out.add("y2", y2)
        out.add("aggregate", aggregate?.rawValue)
        out.add("band", band?.rawValue)
        if right { out.add("axis", "right") }
        return out.value
    }
}

extension FigureSpec.ColorValue {
    /// The colour as a spec writes it: `C<n>` for a cycle slot, else `#rrggbb` (`#rrggbbaa` when
    /// not opaque).
    public var text: String {
        switch self {
        case .cycle(let n): return "C\(n)"
        case .fixed(let c):
            func hex(_ v: UInt8) -> String { (v < 16 ? "0" : "") + String(v, radix: 16) }
            return "#" + hex(c.r) + hex(c.g) + hex(c.b) + (c.a == 255 ? "" : hex(c.a))
        }
    }
}
