import Chart
import Raster

extension FigureSpec {
    /// Builds the Chart figure from this spec and the tables of its data sources, keyed by name.
    ///
    /// Per series: the x and y columns are looked up (a missing one is an error naming the
    /// column, the table and the columns there are); rows where x or y is missing are dropped,
    /// so a sparse column of a training log draws as one joined line. Time columns give seconds
    /// and make the axis a time axis unless the spec names a scale; text columns make it a
    /// category axis whose levels are the values in order of first appearance over the panel's
    /// series, at positions 0, 1, 2, ... Every series gets an explicit colour, its own or the
    /// theme's cycle colour at its position in the panel; a smoothed series becomes two Chart
    /// series in that colour: the raw values at a quarter of the opacity (unnamed, so not in
    /// the legend), then the moving average.
    public func figure(tables: [String: DataTable]) throws(SpecError) -> Figure {
        let theme = (self.theme ?? .light).theme
        var built: [Chart.Panel] = []
        for (index, panel) in panels.enumerated() {
            built.append(try build(panel, path: "panels[\(index)]", tables: tables, theme: theme))
        }
        return Figure(width: width ?? 1200, height: height ?? 800, dpi: dpi ?? 100, title: title,
                      panels: built, rows: rows, columns: columns, theme: theme)
    }

    /// A series' table and columns, looked up.
    private struct Lookup {
        var source: DataSource
        var table: DataTable
        var x: Column?
        var y: Column
    }

    private func build(_ panel: Panel, path: String, tables: [String: DataTable], theme: Theme) throws(SpecError) -> Chart.Panel {
        var lookups: [Lookup] = []
        for (k, series) in panel.series.enumerated() {
            lookups.append(try lookup(series, path: "\(path).series[\(k)]", tables: tables))
        }
        let xScale = panel.x.scale ?? FigureSpec.autoScale(lookups.map(\.x))
        let yScale = panel.y.scale ?? FigureSpec.autoScale(lookups.map { $0.y })
        var xLevels = LevelIndex(), yLevels = LevelIndex()
        var out: [Chart.Series] = []
        for (k, (series, found)) in zip(panel.series, lookups).enumerated() {
            let seriesPath = "\(path).series[\(k)]"
            var x = try values(found.x, of: found, scale: xScale, path: seriesPath + ".x")
            var y = try values(found.y, of: found, scale: yScale, path: seriesPath + ".y")
            let keep = x.values.indices.filter { !x.values[$0].isNaN && !y.values[$0].isNaN }
            if keep.count < x.values.count {
                x.values = keep.map { x.values[$0] }
                y.values = keep.map { y.values[$0] }
            }
            if xScale == .category { x.values = xLevels.positions(x) }
            if yScale == .category { y.values = yLevels.positions(y) }

            let color = series.color?.resolved(in: theme) ?? theme.color(k)
            let alpha = series.alpha ?? 1
            var drawn = Chart.Series(
                series.label ?? series.y, kind: series.kind ?? .line, x: x.values, y: y.values, color: color,
                lineWidth: series.width, dash: series.dash, marker: series.marker, alpha: alpha)
            if let weight = series.smooth, weight > 0 {
                var raw = drawn
                raw.name = ""
                raw.alpha = alpha * 0.25
                out.append(raw)
                drawn.y = EMASmoother(weight: weight).smooth(y.values)
            }
            out.append(drawn)
        }
        let xNames = Set(panel.series.map { $0.x ?? "" }), yNames = Set(panel.series.map(\.y))
        let x = AxisSpec(label: panel.x.label ?? (xNames.count == 1 && xNames.first != "" ? xNames.first : nil),
                         scale: FigureSpec.chartScale(xScale, panel.x, levels: xLevels.levels),
                         min: panel.x.min, max: panel.x.max)
        let y = AxisSpec(label: panel.y.label ?? (yNames.count == 1 ? yNames.first : nil),
                         scale: FigureSpec.chartScale(yScale, panel.y, levels: yLevels.levels),
                         min: panel.y.min, max: panel.y.max)
        return Chart.Panel(title: panel.title, x: x, y: y, series: out, grid: panel.grid ?? true,
                           legend: panel.legend ?? .best)
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
            let dataPath = FigureSpecNode(value: .null, path: "data", source: source).path(member: name)
            throw SpecError(.noTable, source: source, keyPath: dataPath)
        }
        func column(_ name: String, _ key: String) throws(SpecError) -> Column {
            guard let column = table.column(named: name) else {
                throw SpecError(.noSuchColumn(name, table: dataSource.path, available: table.columnNames),
                                source: source, keyPath: path + "." + key)
            }
            return column
        }
        let x = try series.x.map { name throws(SpecError) in try column(name, "x") }
        return Lookup(source: dataSource, table: table, x: x, y: try column(series.y, "y"))
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
        switch column.storage {
        case .number(let values), .time(let values, _):
            return AxisValues(values: values)
        case .category(let codes, let levels):
            let first = column.stray?.display ?? codes.first { $0 >= 0 }.map { "'\(levels[Int($0)])'" } ?? "no values"
            throw SpecError(.notNumeric(column: column.name, table: found.source.path, found: first),
                            source: source, keyPath: path)
        }
    }

    /// A panel axis' category levels in order of first appearance over its series.
    private struct LevelIndex {
        var levels: [String] = []
        var index: [String: Int] = [:]

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
