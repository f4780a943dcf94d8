import Chart

extension DefaultFigure {
    /// True when the default figure of `table` is its matrix as a heat map: a 2-D array
    /// (`DataTable.isMatrix`) for which the user named no columns and no kind other than heatmap.
    static func drawsMatrix(_ table: DataTable, _ options: RenderOptions) -> Bool {
        table.isMatrix && options.x == nil && options.y == nil && (options.kind == nil || options.kind == .heatmap)
    }

    /// A 2-D array's default figure: one panel with the whole matrix as a heat map on numeric
    /// axes (column index along x, row index down y, row 0 on top: matplotlib's `imshow(a)`
    /// with a colour bar).
    static func matrixFigure(_ table: DataTable, _ options: RenderOptions) throws(DataError) -> Figure {
        var columns: [[Double]] = []
        for name in table.columnNames { columns.append(try table.numbers(named: name)) }
        let matrix = (0..<table.rowCount).map { row in columns.map { $0[row] } }
        let panel = Panel(x: AxisSpec(label: options.xLabel), y: AxisSpec(label: options.yLabel),
                          series: [.heatmap("", matrix: matrix)], grid: false, legend: .none)
        return Figure(width: options.width, height: options.height, dpi: options.dpi, title: options.title,
                      panels: [panel], theme: options.theme)
    }
}
