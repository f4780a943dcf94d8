import Chart
import Table

extension DefaultFigure {
    /// The columns of a table's heat map (`--kind heatmap`, `heatmapDraft`): long form (one
    /// cell per row: `x`, `y`, `value`, as a pivot table) or wide form (the named columns as
    /// the matrix, one row per table row, labelled by `rows` when a text column names them).
    enum HeatmapColumns: Equatable {
        case long(x: String, y: String, value: String)
        case wide(columns: [String], rows: String?)
    }

    /// Which columns a heat map of `table` draws, from the user's `--x`, `--y` and `--value`,
    /// else from the table's shape:
    /// - `--value` (or `--x` with one `--y`) names a long table; the columns not named are the
    ///   first ones left (x, then y) and the last numeric one left (the value).
    /// - Several `--y` columns are a wide matrix of them, rows labelled by `--x` when given.
    /// - Nothing named: a table whose columns after an optional first text column (a pandas
    ///   correlation or confusion matrix, its index first) are all numbers, more than one of
    ///   them, is wide (seaborn's `heatmap(df)`); but exactly three columns whose value is the
    ///   last (`year,month,passengers`; `lr,batch,acc`) are long, x the first and y the second
    ///   (seaborn's `flights.pivot(index="month", columns="year")`), unless the first column's
    ///   values are the other columns' names (a 2 × 2 correlation matrix).
    static func heatmapColumns(_ table: DataTable, options: RenderOptions, _ loc: DataLocation) throws(DataError) -> HeatmapColumns {
        for name in [options.x, options.value].compactMap({ $0 }) + (options.y ?? []) where table.column(named: name) == nil {
            throw DataError(.noSuchColumn(available: table.columnNames), at: loc, column: name)
        }
        let names = table.columnNames
        func isNumber(_ name: String) -> Bool {
            if case .number = table.column(named: name)?.storage { return true }
            return false
        }
        if let ys = options.y, ys.count > 1, options.value == nil {
            return .wide(columns: ys, rows: options.x)
        }
        let named = options.value != nil || options.x != nil || options.y != nil
        if !named {
            let rows = names.first.flatMap { isNumber($0) ? nil : $0 }
            let numeric = names.filter { $0 != rows && isNumber($0) }
            let allNumbers = numeric.count == names.count - (rows == nil ? 0 : 1) && numeric.count > 1
            // Rows labelled by the columns' own names: a square matrix (correlations).
            let square = rows.flatMap { table.column(named: $0) }.map { column in
                Set((0..<column.count).compactMap { column.text(at: $0) }) == Set(numeric)
            } ?? false
            if allNumbers, square || names.count != 3 || !isNumber(names[2]) {
                return .wide(columns: numeric, rows: rows)
            }
        }
        var taken = Set([options.x, options.y?.first, options.value].compactMap { $0 })
        func next(_ candidates: [String]) -> String? {
            guard let name = candidates.first(where: { !taken.contains($0) }) else { return nil }
            taken.insert(name)
            return name
        }
        let value = options.value ?? next(names.reversed().filter(isNumber))
        let x = options.x ?? next(names)
        let y = options.y?.first ?? next(names)
        guard let x, let y, let value else {
            throw DataError(.nothingToDraw("a heat map needs an x, a y and a numeric value column (--x, --y, --value: one cell "
                                           + "per row), or several numeric columns (--y a,b,c: one matrix row per table row); "
                                           + "this table has \(names.count) column\(names.count == 1 ? "" : "s")"), at: loc)
        }
        return .long(x: x, y: y, value: value)
    }

    /// A table's default heat map panel (`--kind heatmap` on a table that is not a whole
    /// matrix, `drawsMatrix`): the cells `heatmapColumns` chooses, on category axes, with a
    /// colour bar labelled by the value, as seaborn's `heatmap` draws a pivot table.
    static func heatmapDraft(_ table: DataTable, data: String?, options: RenderOptions) throws(DataError) -> Draft {
        let loc = DataLocation(source: table.source, line: nil, keyPath: nil)
        var series = FigureSpec.Series(y: nil, kind: .heatmap)
        series.data = data
        series.colorMap = options.colorMap == .viridis ? nil : options.colorMap  // viridis: the spec's default
        let xLabel: String?, yLabel: String?
        switch try heatmapColumns(table, options: options, loc) {
        case .long(let x, let y, let value):
            series.x = x; series.y = y; series.value = value
            series.label = value
            xLabel = x; yLabel = y
        case .wide(let columns, let rows):
            series.columns = columns; series.y = rows
            // A written-out index (an empty header read as `col1`, pandas' `Unnamed: 0`) names nothing.
            xLabel = nil; yLabel = rows.flatMap { ["col1", "unnamed: 0", "index"].contains($0.lowercased()) ? nil : $0 }
        }
        var panel = FigureSpec.Panel(x: FigureSpec.Axis(label: options.xLabel ?? xLabel), y: FigureSpec.Axis(label: options.yLabel ?? yLabel),
                                     grid: false, legend: LegendPlacement.none, series: [series])
        panel.seriesAxes = []
        return Draft(panel: panel, named: [0])
    }
}
