import Chart
import Table

/// A table exported from a runs dashboard, one column per run and metric (Weights & Biases'
/// "Export panel data" CSV): `Step`, `RUN - METRIC`, and the `RUN - METRIC__MIN` /
/// `RUN - METRIC__MAX` range of the points each drawn value stands for.
///
/// Drawn as the dashboard draws it: one panel per metric, one line per run in a colour kept
/// across panels, the min–max range as a light band of the run's colour (no legend entry), the
/// metric as the panel's y label. Without this rule every column would be a panel of its own
/// (`fine-sun-12 - train/loss__MIN` beside `fine-sun-12 - train/loss`).
struct RunsExport {
    /// One drawn column: its run, metric and whether it is the range's low or high edge.
    struct Column {
        var name: String
        var run: String
        var metric: String
        var edge: Edge?
    }

    enum Edge { case min, max }

    /// The metrics in the order of their first column, each with its runs in column order.
    var metrics: [(metric: String, runs: [String])]
    /// The column of a run's metric, and of its range edges.
    var columns: [String: Column]

    /// The column name of `run`'s `metric` (with an edge: its `__MIN` / `__MAX` column).
    func column(run: String, metric: String, edge: Edge? = nil) -> String? {
        let suffix = edge == .min ? "__MIN" : edge == .max ? "__MAX" : ""
        let name = run + " - " + metric + suffix
        return columns[name] == nil ? nil : name
    }

    /// `name` split into run, metric and edge at its last " - ", or nil.
    static func parse(_ name: String) -> Column? {
        guard let separator = name.lastRange(of: " - ") else { return nil }
        let run = String(name[..<separator.lowerBound])
        var metric = String(name[separator.upperBound...])
        var edge: Edge?
        if metric.hasSuffix("__MIN") { edge = .min } else if metric.hasSuffix("__MAX") { edge = .max }
        if edge != nil { metric.removeLast(5) }
        guard !run.isEmpty, !metric.isEmpty else { return nil }
        return Column(name: name, run: run, metric: metric, edge: edge)
    }

    /// The export layout of `table` with `xName` as its x, or nil: every numeric column but x and
    /// the counters is `RUN - METRIC[__MIN|__MAX]`, and the layout is unmistakable — a range
    /// edge beside its value column, or one metric under two runs.
    static func detect(_ table: DataTable, xName: String?) -> RunsExport? {
        var parsed: [Column] = []
        for column in table.columns where column.name != xName {
            guard case .number = column.storage else {
                if case .time = column.kind { continue }
                return nil
            }
            if DefaultFigure.isCounter(column.name) || column.name == "_step" { continue }
            guard let c = parse(column.name) else { return nil }
            parsed.append(c)
        }
        guard !parsed.isEmpty else { return nil }
        var export = RunsExport(metrics: [], columns: [:])
        for c in parsed { export.columns[c.name] = c }
        for c in parsed where c.edge == nil {
            if let i = export.metrics.firstIndex(where: { $0.metric == c.metric }) {
                if !export.metrics[i].runs.contains(c.run) { export.metrics[i].runs.append(c.run) }
            } else {
                export.metrics.append((c.metric, [c.run]))
            }
        }
        // Every edge column belongs to a drawn value column.
        for c in parsed where c.edge != nil && export.column(run: c.run, metric: c.metric) == nil { return nil }
        let hasRange = parsed.contains { $0.edge != nil }
        let sharedMetric = export.metrics.contains { $0.runs.count >= 2 }
        return hasRange || sharedMetric ? export : nil
    }
}

extension DefaultFigure {
    /// The panels of a runs export (`RunsExport`): per metric, a band and a line per run.
    static func runsExportDrafts(_ export: RunsExport, xName: String?, xScale: FigureSpec.Axis.Scale,
                                 data: String?, options: RenderOptions) -> [Draft] {
        var runs: [String] = []
        for (_, metricRuns) in export.metrics { for r in metricRuns where !runs.contains(r) { runs.append(r) } }
        return export.metrics.map { metric, metricRuns in
            var series: [FigureSpec.Series] = []
            for run in metricRuns {
                guard let value = export.column(run: run, metric: metric) else { continue }
                let colour = FigureSpec.ColorValue.cycle(runs.firstIndex(of: run) ?? 0)
                if let low = export.column(run: run, metric: metric, edge: .min),
                   let high = export.column(run: run, metric: metric, edge: .max) {
                    // The band goes with its run's line, which the legend names.
                    var band = FigureSpec.Series(data: data, x: xName, y: low, kind: .area, label: "", color: colour, alpha: 0.2)
                    band.y2 = high
                    series.append(band)
                }
                var line = FigureSpec.Series(data: data, x: xName, y: value, kind: .line, label: run, color: colour)
                if let weight = options.smooth, weight > 0, weight < 1 { line.smooth = weight }
                series.append(line)
            }
            var panel = FigureSpec.Panel(series: series)
            panel.grid = true
            panel.legend = metricRuns.count >= 2 ? .best : LegendPlacement.none
            panel.x = FigureSpec.Axis(label: options.xLabel ?? xName ?? "row", scale: xScale)
            panel.y = FigureSpec.Axis(label: options.yLabel ?? metric, scale: options.logY ? .log : .linear)
            return Draft(panel: panel, named: metricRuns.map { _ in 1 }, training: true)
        }
    }
}
