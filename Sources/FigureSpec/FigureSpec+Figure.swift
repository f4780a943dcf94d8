import Chart
import Geometry
import JSON
import Raster
import Table

extension FigureSpec {
    /// Builds the Chart figure from this spec and the tables of its data sources, keyed by name.
    ///
    /// Per series: the x and y columns are looked up (a missing one is an error naming the
    /// column, the table and the columns there are); rows where x or y is missing are dropped,
    /// so a sparse column of a training log draws as one joined line, while an explicit NaN in
    /// y (`Double.explicitNaN`) is kept and breaks the line. Time columns give seconds
    /// and make the axis a time axis unless the spec names a scale; text columns make it a
    /// category axis whose levels are the values in order of first appearance over the panel's
    /// series, at positions 0, 1, 2, ... Every series gets an explicit colour, its own or the
    /// theme's cycle colour at its position in the panel; a smoothed series becomes two Chart
    /// series in that colour: the raw values at a quarter of the opacity (unnamed, so not in
    /// the legend), then the moving average.
    /// The figure carries the spec's `rasterize` (for SVG and PDF output); `formats` is the
    /// caller's to honour (a watched spec's own output formats).
    public func figure(tables: [String: DataTable]) throws(SpecError) -> Figure {
        var figure = try facet == nil ? gridFigure(tables: tables) : facetedFigure(by: facet!, tables: tables)
        figure.rasterize = rasterize ?? .auto
        return figure
    }

    /// The figure of the panels as the spec lays them out (no facet).
    private func gridFigure(tables: [String: DataTable]) throws(SpecError) -> Figure {
        var theme = (self.theme ?? .light).theme
        if let palette { theme.cycle = palette.colors }
        var built: [Chart.Panel] = []
        for (index, panel) in panels.enumerated() {
            built.append(try build(panel, path: "panels[\(index)]", tables: tables, theme: theme))
        }
        return Figure(width: width ?? 1200, height: height ?? 800, dpi: dpi ?? 100, title: title,
                      panels: built, rows: rows, columns: columns, theme: theme,
                      sharedX: sharedX ?? false, sharedY: sharedY ?? false)
    }

    /// The top-level `"share"` object: `{"x": true, "y": false}`, either key optional.
    static func decodeShare(_ node: FigureSpecNode) throws(SpecError) -> (x: Bool?, y: Bool?) {
        let object = try node.object(keys: ["x", "y"])
        return (try object.optional("x")?.bool(), try object.optional("y")?.bool())
    }

    /// A series' table and columns, looked up.
    struct Lookup {
        var source: DataSource
        var table: DataTable
        var x: Column?
        var y: Column?
        var error: Column?
        var value: Column?
        /// An area's lower edge (`y2`).
        var y2: Column?
        var labels: Column?
        var columns: [Column] = []
        /// The columns that land on the panel's x and y axes (they choose the axes' scales);
        /// nil stands for row numbers.
        var onX: [Column?] = [], onY: [Column?] = []
        /// The column names that may label the panel's axes ("" for row numbers).
        var xNames: [String] = [], yNames: [String] = []
    }

    private func build(_ panel: Panel, path: String, tables: [String: DataTable], theme: Theme) throws(SpecError) -> Chart.Panel {
        var lookups: [Lookup] = []
        for (k, series) in panel.series.enumerated() {
            lookups.append(try lookup(series, path: "\(path).series[\(k)]", tables: tables))
        }
        // Series with "axis": "right" go on the right-hand y axis (matplotlib's twinx), whose
        // scale and label come from them alone.
        let onRight = panel.series.indices.map { $0 < panel.seriesAxes.count && panel.seriesAxes[$0] == .right }
        let leftLookups = lookups.indices.filter { !onRight[$0] }.map { lookups[$0] }
        let rightLookups = lookups.indices.filter { onRight[$0] }.map { lookups[$0] }
        var xScale = panel.x.scale ?? FigureSpec.autoScale(lookups.flatMap(\.onX))
        var yScale = panel.y.scale ?? FigureSpec.autoScale(leftLookups.flatMap(\.onY))
        let y2Scale = panel.y2?.scale ?? FigureSpec.autoScale(rightLookups.flatMap(\.onY))
        // Heat maps put their cells at 0, 1, 2, ... on category axes of their columns and rows.
        var xCells: [String]?, yCells: [String]?
        for k in panel.series.indices where panel.series[k].kind == .heatmap {  // every one is drawn: every one is checked
            try HeatmapCells(panel.series[k], lookups[k]).checkSize(source: source, path: "\(path).series[\(k)]")
        }
        if let k = panel.series.firstIndex(where: { $0.kind == .heatmap }) {
            let cells = HeatmapCells(panel.series[k], lookups[k])
            xCells = cells.columnLevels; yCells = cells.rowLevels
            if panel.x.scale == nil, xCells != nil { xScale = .category }
            if panel.y.scale == nil, yCells != nil { yScale = .category }
        }
        // Levels a spec lists (`categories`) come first, in its order.
        if panel.x.scale == nil, xCells == nil, panel.x.categories != nil { xScale = .category }
        if panel.y.scale == nil, yCells == nil, panel.y.categories != nil { yScale = .category }
        var xLevels = LevelIndex(levels: xCells ?? panel.x.categories ?? [])
        var yLevels = LevelIndex(levels: yCells ?? panel.y.categories ?? [])
        var out: [Chart.Series] = []
        var barSlots: [(index: Int, slot: String)] = []
        for (k, (series, found)) in zip(panel.series, lookups).enumerated() {
            let seriesPath = "\(path).series[\(k)]"
            let color = series.color?.resolved(in: theme) ?? theme.color(k)
            let alpha = series.alpha ?? 1
            let kind = series.kind ?? .line
            let name = series.label ?? series.y ?? series.x ?? series.value ?? ""
            var drawn: Chart.Series
            if onRight[k] {
                let axisPath = seriesPath + ".axis"
                if kind == .histogram || kind == .pie || kind == .heatmap || (kind == .bar && series.orientation == .horizontal) {
                    throw SpecError(.conflict("\"axis\": \"right\" needs a series with values along y (line, scatter, step, area, vertical bar or box)"),
                                    source: source, keyPath: axisPath)
                }
                if y2Scale == .category {
                    throw SpecError(.conflict("the right y axis cannot be a category axis"), source: source, keyPath: axisPath)
                }
            }
            switch kind {
            case .histogram:
                let onX = series.y != nil
                let values = try numbers(found.y ?? found.x, of: found, path: seriesPath + (onX ? ".y" : ".x"))
                let horizontal = series.orientation == .horizontal || series.y == nil
                // `by`: one histogram per group, as for the other kinds.
                let split = try series.by.map { by throws(SpecError) in try groups(of: found, by: by, path: seriesPath + ".by") }
                for g in 0..<(split.map { max($0.levels.count, 1) } ?? 1) {
                    let style = FigureSpec.groupStyle(series, split: split, group: g, name: name, color: color, theme: theme,
                                                      place: FigureSpec.splitPlace(panel, k))
                    var item = Chart.Series.histogram(style.name, values: split.map { $0.values(values, inGroup: g) } ?? values,
                                                      bins: series.bins ?? .auto, color: style.color,
                                                      orientation: horizontal ? .horizontal : .vertical)
                    item.alpha = alpha
                    out.append(item)
                }
                continue
            case .pie:
                var values = try numbers(found.y, of: found, path: seriesPath + ".y")
                let limit = ResourceLimits.standard.categories
                guard values.count <= limit else {
                    throw SpecError(.tooLarge("\(values.count) pie slices, more than the limit of \(limit) (\(ResourceLimits.reference))"),
                                    source: source, keyPath: seriesPath + ".y")
                }
                var labels = (0..<values.count).map { row in found.labels.flatMap { $0.text(at: row) } ?? "" }
                let keep = values.indices.filter { !values[$0].isNaN }
                values = keep.map { values[$0] }; labels = keep.map { labels[$0] }
                drawn = .pie(name, values: values, labels: found.labels == nil ? [] : labels,
                             showsPercentages: series.percentages ?? true)
                drawn.alpha = alpha
            case .heatmap:
                let matrix = try HeatmapCells(series, found).matrix(spec: self, path: seriesPath)
                drawn = .heatmap(name, matrix: matrix, colorMap: series.colorMap ?? .viridis, min: series.vmin,
                                 max: series.vmax, label: series.label ?? series.value)
                drawn.alpha = alpha
            default:
                // Horizontal bars put their x column on the panel's y axis and y on its x axis.
                let swap = kind == .bar && series.orientation == .horizontal
                let allX = try values(found.x, of: found, scale: swap ? yScale : xScale, path: seriesPath + ".x")
                let allY = try values(found.y, of: found, scale: swap ? xScale : (onRight[k] ? y2Scale : yScale), path: seriesPath + ".y")
                let allError = try found.error.map { c throws(SpecError) in try numbers(c, of: found, path: seriesPath + ".error") }
                let allColor = try series.colorBy.map { encoding throws(SpecError) in
                    try colorValues(encoding, of: found, path: seriesPath + ".color.field")
                }
                let allLow = try found.y2.map { c throws(SpecError) in
                    try values(c, of: found, scale: onRight[k] ? y2Scale : yScale, path: seriesPath + ".y2")
                }
                // `by`: one series per group of rows, each with its group's colour and name.
                let split = try series.by.map { by throws(SpecError) in try groups(of: found, by: by, path: seriesPath + ".by") }
                let groupCount = max(split?.levels.count ?? 1, 1)  // a column with no values: one empty series
                var last: Chart.Series?
                for g in 0..<groupCount {
                    if let previous = last { out.append(previous) }
                    var x = allX, y = allY, error = allError, colorValues = allColor, low = allLow
                    let code = Int32(g)
                    // Nothing missing and no groups (the common case, and every huge log): the
                    // columns as they are, without an index list per row. An explicit NaN in y
                    // stays (it breaks the line); a missing cell is left out.
                    let complete = split == nil && FigureSpec.noneMissing(x: x.values, y: y.values)
                    let keep = complete ? [] : x.values.indices.filter {
                        !x.values[$0].isNaN && !y.values[$0].isMissingValue && (split == nil || split!.codes[$0] == code)
                    }
                    if !complete, keep.count < x.values.count {
                        x.values = keep.map { x.values[$0] }
                        y.values = keep.map { y.values[$0] }
                        error = error.map { e in keep.map { e[$0] } }
                        colorValues = colorValues.map { c in keep.map { c[$0] } }
                        low = low.map { l in var kept = l; kept.values = keep.map { l.values[$0] }; return kept }
                    }
                    if (swap ? yScale : xScale) == .category { x.values = swap ? yLevels.positions(x) : xLevels.positions(x) }
                    if (swap ? xScale : yScale) == .category { y.values = swap ? xLevels.positions(y) : yLevels.positions(y) }
                    if kind == .bar, let statistic = series.aggregate {
                        // Bars of the statistic per category, its spread as error bars.
                        let band = series.band ?? .std
                        guard band != .minmax else {
                            throw SpecError(.conflict("\"band\": \"minmax\" is a band around a line; error bars of bars are std, ci95 or none"),
                                            source: source, keyPath: seriesPath + ".band")
                        }
                        let perX = SeriesAggregate.perX(x: x.values, y: y.values, statistic: statistic, band: band)
                        (x.values, y.values) = (perX.x, perX.y)
                        error = perX.spread.contains(where: \.isFinite) ? perX.spread : nil
                    }
                    if kind == .line || kind == .step || kind == .area, !FigureSpec.isAscending(x.values) {
                        // A line never draws back to an earlier x: its points in x order (stable).
                        let order = x.values.indices.sorted { (x.values[$0], $0) < (x.values[$1], $1) }
                        x.values = order.map { x.values[$0] }
                        y.values = order.map { y.values[$0] }
                        error = error.map { e in order.map { e[$0] } }
                        low = low.map { l in var sorted = l; sorted.values = order.map { l.values[$0] }; return sorted }
                    }
                    let style = FigureSpec.groupStyle(series, split: split, group: g, name: name, color: color, theme: theme,
                                                      place: series.colorBy == nil ? FigureSpec.splitPlace(panel, k) : nil)
                    var item = Chart.Series(
                        style.name, kind: kind, x: x.values, y: y.values, color: kind == .box && series.color == nil && split == nil ? nil : style.color,
                        lineWidth: series.width, dash: style.dash, marker: style.marker, alpha: alpha,
                        barOrientation: series.orientation ?? .vertical, stack: series.stack, yError: error,
                        markerSize: series.markerSize, yAxis: onRight[k] ? .right : .left)
                    if let encoding = series.colorBy, let values = colorValues {
                        // Colour shows the value, so groups, or several coloured series of one
                        // panel, are told apart by marker shape (seaborn's `style=`).
                        let colored = panel.series.filter { $0.colorBy != nil }.count
                        let place = panel.series[..<k].filter { $0.colorBy != nil }.count
                        let shape = split.map { _ in g } ?? (colored > 1 ? place : nil)
                        item.colorByValue(values, map: encoding.scheme, label: encoding.field, group: shape)
                        item.colorMin = encoding.min; item.colorMax = encoding.max
                    }
                    if let low {
                        guard (onRight[k] ? y2Scale : yScale) != .category else {
                            throw SpecError(.conflict("\"y2\" fills between two numeric columns; the y axis is a category axis"),
                                            source: source, keyPath: seriesPath + ".y2")
                        }
                        item.y2 = low.values
                    }
                    if kind != .bar, let statistic = series.aggregate {
                        // Rows sharing an x drawn as one point: the statistic, over its band.
                        let band = series.band ?? .std
                        let agg = SeriesAggregate([(item.x, item.y)], statistic: statistic, band: band)
                        item.x = agg.x; item.y = agg.y; item.yError = nil
                        if band != .none, agg.low.contains(where: \.isFinite) {
                            let outline = agg.bandOutline(steps: kind == .step)
                            var shade = Chart.Series.band(x: outline.x, low: outline.low, high: outline.high, color: style.color,
                                                          alpha: 0.6 * alpha)
                            shade.yAxis = item.yAxis
                            out.append(shade)
                        }
                        if series.label == nil {
                            item.name = split == nil ? "\(statistic.rawValue) of \(name)\(band.legendText)"
                                : "\(style.name): \(statistic.rawValue)\(band.legendText)"
                        }
                    }
                    if let weight = series.smooth, weight > 0 {
                        var raw = item
                        raw.name = ""
                        raw.alpha = alpha * 0.25
                        raw.yError = nil
                        out.append(raw)
                        item.y = EMASmoother(weight: weight).smooth(y.values)
                    }
                    if kind == .bar || kind == .box {
                        let place = series.stack.map { "stack " + $0 } ?? "series \(k)"
                        barSlots.append((out.count, split == nil ? place : place + " group \(g)"))
                    }
                    last = item
                }
                drawn = last!  // groupCount ≥ 1
            }
            out.append(drawn)
        }
        for (levels, axis) in [(xLevels.levels, "x"), (yLevels.levels, "y")] where levels.count > ResourceLimits.standard.categories {
            throw SpecError(.tooLarge("\(levels.count) categories on the \(axis) axis, more than the limit of "
                                      + "\(ResourceLimits.standard.categories) (\(ResourceLimits.reference))"),
                            source: source, keyPath: "\(path).\(axis)")
        }
        if let share = panel.group { FigureSpec.group(&out, slots: barSlots, share: share) }
        let xNames = Set(lookups.flatMap(\.xNames)), yNames = Set(leftLookups.flatMap(\.yNames))
        let y2Names = Set(rightLookups.flatMap(\.yNames))
        let x = AxisSpec(label: panel.x.label ?? (xNames.count == 1 && xNames.first != "" ? xNames.first : nil),
                         scale: FigureSpec.chartScale(xScale, panel.x, levels: xLevels.levels),
                         min: panel.x.min, max: panel.x.max, robust: panel.x.robust ?? false)
        let y = AxisSpec(label: panel.y.label ?? (yNames.count == 1 && yNames.first != "" ? yNames.first : nil),
                         scale: FigureSpec.chartScale(yScale, panel.y, levels: yLevels.levels),
                         min: panel.y.min, max: panel.y.max, robust: panel.y.robust ?? false)
        var y2: AxisSpec?
        if panel.y2 != nil || onRight.contains(true) {
            let spec = panel.y2 ?? Axis()
            y2 = AxisSpec(label: spec.label ?? (y2Names.count == 1 && y2Names.first != "" ? y2Names.first : nil),
                          scale: FigureSpec.chartScale(y2Scale, spec, levels: []),
                          min: spec.min, max: spec.max, robust: spec.robust ?? false)
        }
        return Chart.Panel(title: panel.title, x: x, y: y, y2: y2, series: out, grid: panel.grid ?? true,
                           legend: panel.legend ?? .best, annotations: panel.annotations,
                           gridAxis: panel.gridAxis ?? .both, minorGrid: panel.minorGrid ?? false)
    }

    /// A group's legend name, colour, dash and marker: the group's value (after the series'
    /// `label`), the theme's cycle colour of the group unless the series names one, and past the
    /// cycle (group 11 of 12 shares group 1's colour) a dash pattern per round of colours.
    ///
    /// Several split series in one panel (`place`: this one's place among them, as tips'
    /// `--y total_bill tip --by sex --no-subplots`) would repeat the same group colours, so they
    /// are told apart as seaborn's `hue=` + `style=` does: the colour stays the group's, and
    /// the series' place picks the dash of lines, steps and areas (solid, dashed, dotted,
    /// dash-dotted) and the marker of scatters (circle, square, diamond, …); bars, histograms
    /// and boxes, which have neither, take the next cycle colours (place × groups + group).
    /// Legend entries then name the column too ("tip Male").
    static func groupStyle(_ series: Series, split: GroupSplit?, group g: Int, name: String, color: Color,
                           theme: Theme, place: Int? = nil) -> (name: String, color: Color, dash: [Double]?, marker: MarkerShape?) {
        guard let split else { return (name, color, series.dash, series.marker) }
        let level = split.levels.isEmpty ? "" : split.levels[g]
        let prefix = series.label ?? (place != nil ? name : nil)
        let label = (prefix.map { "\($0) " } ?? "") + level
        if series.color != nil { return (label, color, series.dash, series.marker) }
        let round = DefaultFigure.dashForRound(g / theme.cycle.count)
        guard let place else { return (label, theme.color(g), series.dash ?? round, series.marker) }
        switch series.kind ?? .line {
        case .line, .step, .area:
            return (label, theme.color(g), series.dash ?? DefaultFigure.dashForRound(place) ?? round, series.marker)
        case .scatter:
            let shapes = MarkerShape.allCases
            return (label, theme.color(g), series.dash, series.marker ?? shapes[place % shapes.count])
        default:
            return (label, theme.color(place * max(split.levels.count, 1) + g), series.dash, series.marker)
        }
    }

    /// Whether the columns are the same length, no x is NaN and no y is missing (an explicit NaN
    /// is not missing): one pass over raw buffers, for the 10⁶-row columns of big logs.
    static func noneMissing(x: [Double], y: [Double]) -> Bool {
        guard x.count == y.count else { return false }
        return x.withUnsafeBufferPointer { x in
            y.withUnsafeBufferPointer { y in
                // No NaN at all (the common case) in one vectorized pass each; else value by value.
                if !ColumnScan.containsNaN(x), !ColumnScan.containsNaN(y) { return true }
                for i in 0..<x.count where x[i].isNaN || y[i].isMissingValue { return false }
                return true
            }
        }
    }

    /// Whether every value is at most the next (false at a NaN, as `<=` is).
    static func isAscending(_ values: [Double]) -> Bool {
        values.withUnsafeBufferPointer(ColumnScan.isAscending)
    }

    /// The place of series `k` among the panel's series split by `by` when there are several
    /// (nil otherwise, and for a series with its own colour): what `groupStyle` tells them apart by.
    static func splitPlace(_ panel: Panel, _ k: Int) -> Int? {
        let split = panel.series.indices.filter { panel.series[$0].by != nil && panel.series[$0].color == nil }
        guard split.count > 1 else { return nil }
        return split.firstIndex(of: k)
    }

    /// Side-by-side bars (matplotlib's `bar(x + (k - 1) * width, ...)` idiom): the bar series'
    /// places (a stack is one place) share `share` of the smallest position step, each shifted
    /// from the slot's centre by its place.
    static func group(_ series: inout [Chart.Series], slots: [(index: Int, slot: String)], share: Double) {
        var places: [String] = []
        for (_, slot) in slots where !places.contains(slot) { places.append(slot) }
        guard !places.isEmpty else { return }
        let positions = Set(slots.flatMap { series[$0.index].x.filter(\.isFinite) }).sorted()
        var step = Double.infinity
        for i in positions.indices.dropFirst() { step = min(step, positions[i] - positions[i - 1]) }
        let width = share * (step.isFinite ? step : 1) / Double(places.count)
        for (index, slot) in slots {
            let place = Double(places.firstIndex(of: slot) ?? 0)
            let offset = (place - Double(places.count - 1) / 2) * width
            series[index].x = series[index].x.map { $0 + offset }
            // A box takes 0.8 of its place, as matplotlib's boxplot `widths`.
            series[index].barWidth = series[index].kind == .box ? width * 0.8 : width
        }
    }

    private func lookup(_ series: Series, path: String, tables: [String: DataTable]) throws(SpecError) -> Lookup {
        let names = data.map(\.name)
        guard let name = series.data ?? (data.count == 1 ? data[0].name : nil) else {
            throw SpecError(.missingKey(note: "the spec has \(data.count) data sources: \(names.joined(separator: ", "))"),
                            source: source, keyPath: path + ".data")
        }
        guard let dataSource = data.first(where: { $0.name == name }) else {
            throw SpecError(.noSuchDataSource(name, available: names), source: source, keyPath: path + ".data")
        }
        guard let table = tables[name] else {
            let dataPath = FigureSpecNode.path("data", member: name)
            throw SpecError(.noTable, source: source, keyPath: dataPath)
        }
        func column(_ name: String, _ key: String) throws(SpecError) -> Column {
            guard let column = table.column(named: name) else {
                throw SpecError(.noSuchColumn(name, table: dataSource.path, available: table.columnNames),
                                source: source, keyPath: path + "." + key)
            }
            return column
        }
        func optional(_ name: String?, _ key: String) throws(SpecError) -> Column? {
            try name.map { n throws(SpecError) in try column(n, key) }
        }
        var found = Lookup(source: dataSource, table: table, x: try optional(series.x, "x"), y: try optional(series.y, "y"),
                           error: try optional(series.error, "error"), value: try optional(series.value, "value"),
                           labels: try optional(series.labels, "labels"))
        found.y2 = try optional(series.y2, "y2")
        for (i, name) in (series.columns ?? []).enumerated() { found.columns.append(try column(name, "columns[\(i)]")) }
        if series.matrix == true { found.columns = table.columns }
        switch series.kind ?? .line {
        case .histogram:
            let horizontal = series.orientation == .horizontal || series.y == nil
            if horizontal { found.onY = [found.y ?? found.x]; found.yNames = [series.y ?? series.x ?? ""] }
            else { found.onX = [found.y]; found.xNames = [series.y ?? ""] }
        case .pie:
            break
        case .heatmap:
            if series.columns == nil { found.xNames = [series.x ?? ""]; found.yNames = [series.y ?? ""] }
        case .bar where series.orientation == .horizontal:
            found.onX = [found.y]; found.onY = [found.x]
            found.xNames = [series.y ?? ""]; found.yNames = [series.x ?? ""]
        default:
            found.onX = [found.x]; found.onY = [found.y]
            if let y2 = found.y2 { found.onY.append(y2) }  // the lower edge shares the y axis' scale
            found.xNames = [series.x ?? ""]; found.yNames = [series.y ?? ""]
        }
        return found
    }

    /// A numeric column's values (NaN = missing); text is an error at `path`.
    /// The values of a colour encoding's column: an error naming it when missing or not numeric.
    func colorValues(_ encoding: ColorEncoding, of found: Lookup, path: String) throws(SpecError) -> [Double] {
        guard let column = found.table.column(named: encoding.field) else {
            throw SpecError(.noSuchColumn(encoding.field, table: found.source.path, available: found.table.columnNames),
                            source: source, keyPath: path)
        }
        return try numbers(column, of: found, path: path)
    }

    func numbers(_ column: Column?, of found: Lookup, path: String) throws(SpecError) -> [Double] {
        guard let column else { return [] }
        switch column.storage {
        case .number(let values), .time(let values, _):
            return values
        case .category(let codes, let levels):
            let first = column.stray?.display ?? codes.first { $0 >= 0 }.map { "'\(levels[Int($0)])'" } ?? "no values"
            throw SpecError(.notNumeric(column: column.name, table: found.source.path, found: first),
                            source: source, keyPath: path)
        }
    }

    /// The scale a panel axis gets when the spec names none: category if any of its columns
    /// holds text, time if all of them hold times, else linear.
    static func autoScale(_ columns: [Column?]) -> Axis.Scale {
        if columns.contains(where: { $0?.kind == .category }) { return .category }
        let allTime = !columns.isEmpty && columns.allSatisfy {
            if case .time = $0?.kind { return true } else { return false }
        }
        return allTime ? .time : .linear
    }

    static func chartScale(_ scale: Axis.Scale, _ axis: Axis, levels: [String]) -> AxisScale {
        switch scale {
        case .linear: return .linear
        case .log: return .log
        case .symlog: return .symlog(linthresh: axis.linthresh ?? 2)
        case .time: return .time
        case .category: return .category(levels)
        }
    }

    /// One axis' values of a series: numbers (NaN = missing), or on a category axis the table's
    /// own level codes with those levels (`LevelIndex` maps them to the panel's levels later).
    private struct AxisValues {
        var values: [Double]
        var levels: [String] = []
    }

    /// The split of a series' table by its `by` column, as a spec error at `path` when it cannot be.
    private func groups(of found: Lookup, by name: String, path: String) throws(SpecError) -> GroupSplit {
        guard found.table.column(named: name) != nil else {
            throw SpecError(.noSuchColumn(name, table: found.source.path, available: found.table.columnNames), source: source, keyPath: path)
        }
        do { return try GroupSplit.make(found.table, by: name) } catch {
            throw SpecError(.invalidValue(expected: "a column of at most \(GroupSplit.maximumGroups) distinct values",
                                          found: "'\(name)', which has more"), source: source, keyPath: path)
        }
    }

    private func values(_ column: Column?, of found: Lookup, scale: Axis.Scale, path: String) throws(SpecError) -> AxisValues {
        guard let column else { return AxisValues(values: (0..<found.table.rowCount).map(Double.init)) }
        if scale == .category {
            if case .category(let codes, let levels) = column.storage {
                return AxisValues(values: codes.map { $0 < 0 ? .nan : Double($0) }, levels: levels)
            }
            var index: [String: Int] = [:], levels: [String] = []
            let codes = (0..<column.count).map { row -> Double in
                guard let text = column.text(at: row) else { return .nan }
                if let code = index[text] { return Double(code) }
                index[text] = levels.count
                levels.append(text)
                return Double(levels.count - 1)
            }
            return AxisValues(values: codes, levels: levels)
        }
        return AxisValues(values: try numbers(column, of: found, path: path))
    }

    /// A panel axis' category levels in order of first appearance over its series.
    private struct LevelIndex {
        var levels: [String] = []
        var index: [String: Int] = [:]

        /// Starts with `levels` at positions 0, 1, 2, ...
        init(levels: [String]) {
            self.levels = levels
            for (k, level) in levels.enumerated() where index[level] == nil { index[level] = k }
        }

        /// Positions on the panel's axis for a series' level codes, adding its new levels.
        mutating func positions(_ local: AxisValues) -> [Double] {
            guard !local.levels.isEmpty else { return local.values }  // row numbers on a category axis
            var map = [Int](repeating: -1, count: local.levels.count)
            return local.values.map { code in
                let c = Int(code)
                if map[c] < 0 {
                    let level = local.levels[c]
                    if let known = index[level] {
                        map[c] = known
                    } else {
                        map[c] = levels.count
                        index[level] = levels.count
                        levels.append(level)
                    }
                }
                return Double(map[c])
            }
        }
    }
}
