import Chart
import Table

extension DefaultFigure {
    /// True when the default figure of `table` is its matrix as a heat map: a 2-D array
    /// (`DataTable.isMatrix`) for which the user named no columns and no kind other than heatmap.
    static func drawsMatrix(_ table: DataTable, _ options: RenderOptions) -> Bool {
        table.isMatrix && options.x == nil && options.y == nil && (options.kind == nil || options.kind == .heatmap)
    }

    /// A 2-D array's default panel: the whole matrix as a heat map on numeric axes (column
    /// index along x, row index down y, row 0 on top: matplotlib's `imshow(a)` with a colour bar).
    static func matrixDraft(data: String?, _ options: RenderOptions) -> Draft {
        var series = FigureSpec.Series(y: nil, kind: .heatmap)
        series.data = data
        series.matrix = true
        series.colorMap = options.colorMap == .viridis ? nil : options.colorMap  // viridis: the spec's default
        var panel = FigureSpec.Panel(x: FigureSpec.Axis(label: options.xLabel), y: FigureSpec.Axis(label: options.yLabel),
                                     grid: false, legend: LegendPlacement.none, series: [series])
        panel.seriesAxes = []
        return Draft(panel: panel, named: [0])
    }
}
