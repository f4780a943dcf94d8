import Chart
import Table

extension DefaultFigure {
    /// Why `figure` (a default figure of `tables`) has nothing to draw, or nil when some series
    /// has a point: no rows, or no column with a number (each column named with what it holds).
    public static func nothingToDraw(_ figure: Figure, tables: [DataTable]) -> String? {
        let drawable = figure.panels.contains { panel in
            panel.series.contains { s in
                zip(s.x, s.y).contains { $0.0.isFinite && $0.1.isFinite } || (s.x.isEmpty && s.y.contains(where: \.isFinite))
                    || s.matrix.contains { $0.contains(where: \.isFinite) }  // a heat map's cells
            }
        }
        if drawable { return nil }
        if tables.allSatisfy({ $0.rowCount == 0 }) {
            let names = tables.flatMap(\.columnNames)
            return names.isEmpty ? "no rows" : "no rows under the header (\(names.map { "'\($0)'" }.joined(separator: ", ")))"
        }
        let described = tables.flatMap(\.columns).prefix(12).map { c -> String in
            let what: String
            if c.missingCount == c.count {
                what = "empty"
            } else {
                switch c.kind {
                case .number: what = "numbers"
                case .time: what = "times"
                case .category: what = "text"
                }
            }
            return "'\(c.name)' \(what)"
        }
        return "no numeric values to plot (columns: \(described.joined(separator: ", ")))"
    }
}
