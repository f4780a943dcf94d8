import Chart
import Table

extension FigureSpec {
    /// The figure of a spec with `facet`: its one panel drawn once per value of the column, in a
    /// `FacetGrid` (shared axes, the value as each panel's title, one legend).
    ///
    /// The values come from the first series' table; in every table that has the column, the
    /// numbers and times of rows with another value are missing for that panel (so they are
    /// dropped as any missing value is), while text and `by` columns keep every row, so
    /// category axes and groups, and with them colours, are the same in every panel.
    func facetedFigure(by column: String, tables: [String: DataTable]) throws(SpecError) -> Figure {
        let panel = panels[0]
        guard let name = panel.series.first.flatMap({ $0.data ?? (data.count == 1 ? data[0].name : nil) }),
              let table = tables[name], let dataSource = data.first(where: { $0.name == name }) else {
            throw SpecError(.invalidValue(expected: "a panel whose first series names its data", found: "none"),
                            source: source, keyPath: "facet")
        }
        guard table.column(named: column) != nil else {
            throw SpecError(.noSuchColumn(column, table: dataSource.path, available: table.columnNames), source: source, keyPath: "facet")
        }
        let split: GroupSplit
        do { split = try FacetGrid.split(table, by: column) } catch {
            throw SpecError(.invalidValue(expected: "a column of at most \(FacetGrid.maximumPanels) distinct values",
                                          found: "'\(column)', which has more"), source: source, keyPath: "facet")
        }
        // Each table's rows per facet value, by the value's label (tables may order them apart).
        var splits: [String: GroupSplit] = [:]
        for (n, t) in tables where t.column(named: column) != nil {
            splits[n] = n == name ? split : try? GroupSplit.make(t, by: column)
        }
        let groupColumns = Set(panel.series.compactMap(\.by))
        var single = self
        single.facet = nil
        var panels: [Chart.Panel] = []
        var template: Figure?
        for level in split.levels {
            var masked = tables
            for (n, s) in splits {
                guard let t = tables[n] else { continue }
                let code = s.levels.firstIndex(of: level).map(Int32.init) ?? -2
                let columns = t.columns.map { c -> Column in
                    guard c.name != column, !groupColumns.contains(c.name) else { return c }
                    var c = c
                    switch c.storage {
                    case .number(var v):
                        for i in v.indices where s.codes[i] != code { v[i] = .nan }
                        c.storage = .number(v)
                    case .time(var v, let kind):
                        for i in v.indices where s.codes[i] != code { v[i] = .nan }
                        c.storage = .time(v, kind)
                    case .category:
                        break
                    }
                    return c
                }
                masked[n] = DataTable(source: t.source, columns: columns, rowCount: t.rowCount)
            }
            let figure = try single.figure(tables: masked)
            template = template ?? figure
            panels.append(contentsOf: figure.panels.prefix(1))
        }
        guard let template else {
            throw SpecError(.invalidValue(expected: "a column with values", found: "'\(column)', which has none"), source: source, keyPath: "facet")
        }
        return FacetGrid.figure(panels, split: split, like: template)
    }
}
