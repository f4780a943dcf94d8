import Chart

extension DefaultFigure {
    /// The default figure drawn once per value of `facet` (`--facet`), in a `FacetGrid`.
    ///
    /// x, y and the group split are chosen once, on every row, so each panel draws the same
    /// series in the same colours; each panel then gets the default figure (one panel) of the
    /// rows with its value, the other rows' y values being missing there.
    static func faceted(_ table: DataTable, by facet: String, options: RenderOptions) throws(DataError) -> Figure {
        let split = try FacetGrid.split(table, by: facet)
        let loc = DataLocation(source: table.source, line: nil, keyPath: nil)
        var o = options
        o.x = try chooseX(table, options, loc)
        o.y = try chooseY(table, xName: o.x, options, loc)
        o.facet = nil
        // One panel per facet: several y columns share it (one y column is one panel already).
        if (o.y?.count ?? 0) > 1 { o.subplots = false }
        let yNames = Set(o.y ?? [])
        // The facet column itself is no series and no automatic group: left out unless named.
        let keep = table.columns.filter { $0.name != facet || $0.name == o.x || $0.name == o.by || yNames.contains($0.name) }
        var panels: [Panel] = []
        var template: Figure?
        for k in split.levels.indices {
            let code = Int32(k)
            let columns = keep.map { column -> Column in
                guard yNames.contains(column.name), case .number(let values) = column.storage else { return column }
                var masked = values
                for i in masked.indices where split.codes[i] != code { masked[i] = .nan }
                var c = column
                c.storage = .number(masked)
                return c
            }
            let figure = try make(DataTable(source: table.source, columns: columns, rowCount: table.rowCount), options: o)
            template = template ?? figure
            panels.append(contentsOf: figure.panels.prefix(1))
        }
        guard let template else {
            throw DataError(.nothingToDraw("no values in the facet column"), at: loc, column: facet)
        }
        return FacetGrid.figure(panels, split: split, like: template)
    }
}
