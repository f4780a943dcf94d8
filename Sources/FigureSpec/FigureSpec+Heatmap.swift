import Chart
import JSON
import Table

extension FigureSpec {
    /// A heat map series' cells, from a table in wide form (`columns`: one matrix row per table
    /// row, one matrix column per named column, as `imshow(df[columns])`) or long form (`x`, `y`,
    /// `value`: one cell per table row, as a pivot table; a repeated cell keeps its last value,
    /// a cell no row names is NaN, drawn transparent).
    ///
    /// With `"matrix": true` every column of the table is a matrix column, in table order, on
    /// numeric axes (a 2-D array drawn as `imshow(a)`).
    ///
    /// Long-form rows and columns are the distinct values of `y` and `x`: sorted numbers, or text
    /// in order of first appearance. The panel's axes become category axes of these levels, so
    /// cell (i, j), drawn at x = j, y = i, is labelled with its column and row.
    struct HeatmapCells {
        let series: Series
        let found: Lookup

        init(_ series: Series, _ found: Lookup) {
            self.series = series; self.found = found
        }

        /// The x axis' levels: the column names (wide) or the distinct x values (long); nil for a
        /// whole matrix, whose axes are numeric (cell (i, j) at x = j, y = i).
        var columnLevels: [String]? {
            if series.matrix == true { return nil }
            if let names = series.columns { return names }
            return found.x.map { HeatmapCells.levels($0).levels }
        }

        /// The y axis' levels: in wide form each row's label from `y` (nil without it: row
        /// numbers), the distinct y values in long form, nil for a whole matrix.
        var rowLevels: [String]? {
            if series.matrix == true { return nil }
            if series.columns != nil { return found.y.map(HeatmapCells.rowLabels) }
            return found.y.map { HeatmapCells.levels($0).levels }
        }

        /// A wide heat map's row labels: each row's text in `column` ("" where it has none).
        static func rowLabels(_ column: Column) -> [String] {
            (0..<column.count).map { column.text(at: $0) ?? "" }
        }

        /// Throws when the matrix would have more cells than `ResourceLimits.standard` allows, or
        /// an axis more levels; counted before anything of that size is allocated.
        func checkSize(source: String, path: String) throws(SpecError) {
            let limits = ResourceLimits.standard
            let rows: Int, columns: Int
            if series.columns != nil || series.matrix == true {
                // Wide form and a whole matrix: a cell per table row and named (or every) column.
                rows = found.table.rowCount; columns = series.columns?.count ?? found.columns.count
                if rows > limits.categories, found.y != nil {
                    throw SpecError(.tooLarge("\(rows) rows labelled by \"\(series.y ?? "")\" on the heat map's y axis, more than the "
                                              + "limit of \(limits.categories) (\(ResourceLimits.reference))"),
                                    source: source, keyPath: path + ".y")
                }
                if let labels = found.y.map(HeatmapCells.rowLabels) {
                    var seen = Set<String>()
                    for (row, label) in labels.enumerated() where !seen.insert(label).inserted {
                        throw SpecError(.conflict("rows of a wide heat map need labels of their own: \"\(series.y ?? "")\" repeats "
                                                  + "\(MessageText.jsonQuoted(label)) (row \(row + 1)); pivot a long table with \"x\", \"y\" and \"value\" instead"),
                                        source: source, keyPath: path + ".y")
                    }
                }
            } else {
                rows = found.y.map(HeatmapCells.distinctCount) ?? 0
                columns = found.x.map(HeatmapCells.distinctCount) ?? 0
                for (count, key) in [(columns, "x"), (rows, "y")] where count > limits.categories {
                    throw SpecError(.tooLarge("\(count) distinct values in \"\(key == "x" ? series.x ?? "" : series.y ?? "")\" "
                                              + "for the heat map's \(key) axis, more than the limit of \(limits.categories) "
                                              + "(\(ResourceLimits.reference))"),
                                    source: source, keyPath: path + "." + key)
                }
            }
            let (cells, overflow) = rows.multipliedReportingOverflow(by: columns)
            if overflow || cells > limits.heatmapCells {
                throw SpecError(.tooLarge("a heat map of \(rows) × \(columns) cells, more than the limit of "
                                          + "\(limits.heatmapCells) (\(ResourceLimits.reference))"),
                                source: source, keyPath: path)
            }
        }

        /// The number of distinct values (levels) of a column, without building the levels.
        static func distinctCount(_ column: Column) -> Int {
            switch column.storage {
            case .number(let values), .time(let values, _): return Set(values.filter(\.isFinite)).count
            case .category(let codes, _): return Set(codes.filter { $0 >= 0 }).count
            }
        }

        /// The matrix, top row first; numeric columns are required (errors at `path`).
        func matrix(spec: FigureSpec, path: String) throws(SpecError) -> [[Double]] {
            if series.columns != nil || series.matrix == true {
                var columns: [[Double]] = []
                for (j, column) in found.columns.enumerated() {
                    columns.append(try spec.numbers(column, of: found, path: path + (series.matrix == true ? ".matrix" : ".columns[\(j)]")))
                }
                return (0..<found.table.rowCount).map { r in columns.map { r < $0.count ? $0[r] : .nan } }
            }
            guard let xColumn = found.x, let yColumn = found.y else { return [] }
            let values = try spec.numbers(found.value, of: found, path: path + ".value")
            let xs = HeatmapCells.levels(xColumn), ys = HeatmapCells.levels(yColumn)
            var matrix = [[Double]](repeating: [Double](repeating: .nan, count: xs.levels.count), count: ys.levels.count)
            for row in 0..<min(values.count, xs.codes.count, ys.codes.count) {
                let i = ys.codes[row], j = xs.codes[row]
                if i >= 0, j >= 0 { matrix[i][j] = values[row] }
            }
            return matrix
        }

        /// Each row's level index (−1 = missing) and the levels: sorted distinct numbers, or
        /// text in order of first appearance.
        static func levels(_ column: Column) -> (codes: [Int], levels: [String]) {
            switch column.storage {
            case .number(let values), .time(let values, _):
                let distinct = Set(values.filter(\.isFinite)).sorted()
                let index = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, $0) })
                let codes = values.map { index[$0] ?? -1 }
                var firstRow = [Int](repeating: 0, count: distinct.count)
                for (row, code) in codes.enumerated().reversed() where code >= 0 { firstRow[code] = row }
                let labels = distinct.indices.map { k -> String in
                    column.text(at: firstRow[k]) ?? Column.format(number: distinct[k])
                }
                return (codes, labels)
            case .category(let codes, let levels):
                var map = [Int](repeating: -1, count: levels.count), order: [String] = []
                let out = codes.map { code -> Int in
                    guard code >= 0 else { return -1 }
                    let c = Int(code)
                    if map[c] < 0 { map[c] = order.count; order.append(levels[c]) }
                    return map[c]
                }
                return (out, order)
            }
        }
    }
}
