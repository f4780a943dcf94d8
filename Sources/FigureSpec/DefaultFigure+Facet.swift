import Chart
import Table

extension DefaultFigure {
    /// The default panel of a faceted figure (`--facet`), which the spec's `facet` key draws
    /// once per value of the column, in a `FacetGrid`.
    ///
    /// x, y and the group split are chosen once, on every row, so each panel draws the same
    /// series in the same colours; several y columns share the one panel. The facet column
    /// itself is no series and no automatic group (left out unless named as x, y or `by`).
    static func facetDraft(_ table: DataTable, by facet: String, data: String?, options: RenderOptions) throws(DataError) -> Draft {
        _ = try FacetGrid.split(table, by: facet)  // a column of few enough values, or its error
        let loc = DataLocation(source: table.source, line: nil, keyPath: nil)
        var o = options
        o.x = try chooseX(table, options, loc)
        o.y = try chooseY(table, xName: o.x, options, loc)
        o.facet = nil
        if (o.y?.count ?? 0) > 1 { o.subplots = false }
        let yNames = Set(o.y ?? [])
        let keep = table.columns.filter { $0.name != facet || $0.name == o.x || $0.name == o.by || yNames.contains($0.name) }
        let drafts = try drafts(DataTable(source: table.source, columns: keep, rowCount: table.rowCount), data: data, options: o)
        return drafts[0]  // one panel: `subplots` is off for several y columns
    }
}
