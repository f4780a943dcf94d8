import Chart
import Foundation
import Raster

/// 600×400 figures for the axis features (grid per axis, minor grid, twin y axis, shared
/// axes) on closed-form data, so `Tests/ChartTests/Expected/axes_figures.py` can draw the same
/// figures with matplotlib for a side-by-side look.
enum AxesFigures {
    static let t = (0..<101).map { Double($0) / 10 }

    /// Bars with a y-only grid (the benchmark's W5 look) beside a line with the minor grid.
    static var grid: Figure {
        let bars = Panel(title: "grid y", x: AxisSpec(scale: .category(["a", "b", "c", "d"])), y: AxisSpec(label: "value"),
                         series: [Series("A", kind: .bar, x: [0, 1, 2, 3], y: [3, 7, 5, 6])], gridAxis: .y)
        let line = Panel(title: "minor grid", x: AxisSpec(label: "t"), y: AxisSpec(label: "sin"),
                         series: [Series("sin", x: t, y: t.map { sin($0) })], minorGrid: true)
        return Figure(width: 600, height: 400, panels: [bars, line])
    }

    /// A line on the left axis and a faster-growing one on a right axis of its own (`twinx`),
    /// both in one legend.
    static var twin: Figure {
        let panel = Panel(title: "twin y", x: AxisSpec(label: "t"), y: AxisSpec(label: "sin"),
                          y2: AxisSpec(label: "growth"), series: [
                              Series("sin", x: t, y: t.map { sin($0) }),
                              Series("growth", x: t, y: t.map { 100 * exp($0 / 2) }, yAxis: .right),
                          ], legend: .upperLeft)
        return Figure(width: 600, height: 400, panels: [panel])
    }

    /// Four panels, x shared per column and y per row (matplotlib's `sharex="col"`, `sharey="row"`),
    /// on data of different ranges so the shared limits differ from each panel's own.
    static var shared: Figure {
        func panel(_ k: Int, _ scale: Double, _ shift: Double, _ span: Double) -> Panel {
            let x = (0..<50).map { shift + span * Double($0) / 49 }
            return Panel(title: "panel \(k)", x: AxisSpec(label: "x"), y: AxisSpec(label: "y"),
                         series: [Series("s\(k)", x: x, y: x.map { scale * sin($0) })], legend: .none)
        }
        return Figure(width: 600, height: 400, panels: [panel(0, 1, 0, 6), panel(1, 3, 2, 10), panel(2, 0.5, -3, 4), panel(3, 2, 0, 20)],
                      rows: 2, columns: 2, sharedX: true, sharedY: true)
    }

    static let cases: [(name: String, figure: Figure)] = [("axes-grid", grid), ("axes-twin", twin), ("axes-shared", shared)]
}
