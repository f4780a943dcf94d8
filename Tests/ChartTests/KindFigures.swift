import Chart
import Foundation
import Raster

/// One 600×400 figure per series kind, on data that a Python script can rebuild exactly (an
/// LCG and Box–Muller), so each golden can be laid beside matplotlib's drawing of the same data.
enum KindFigures {
    /// Numerical Recipes' 32-bit LCG, uniform in [0, 1).
    struct LCG {
        var state: UInt32
        mutating func uniform() -> Double {
            state = state &* 1_664_525 &+ 1_013_904_223
            return Double(state) / 4_294_967_296
        }
        /// A standard normal by Box–Muller (two uniforms per value).
        mutating func normal() -> Double {
            let u1 = max(uniform(), 1e-12), u2 = uniform()
            return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
        }
    }

    static func normals(_ n: Int, seed: UInt32, mean: Double = 0, sd: Double = 1) -> [Double] {
        var g = LCG(state: seed)
        return (0..<n).map { _ in mean + sd * g.normal() }
    }

    static let days = ["Thur", "Fri", "Sat", "Sun"]

    /// An area between 1 + sin t above and 0.5 cos t below (matplotlib's `fill_between(t, y1, y2)`).
    static func between(_ t: [Double]) -> Series {
        var s = Series("between", kind: .area, x: t, y: t.map { 1 + sin($0) })
        s.y2 = t.map { 0.5 * cos($0) }
        return s
    }

    static func figure(_ panel: Panel) -> Figure { Figure(width: 600, height: 400, panels: [panel]) }

    static let cases: [(name: String, figure: Figure)] = {
        let t = (0..<100).map { Double($0) / 10 }
        let xs = (0..<12).map(Double.init)
        var out: [(String, Figure)] = []
        out.append(("kind-line", figure(Panel(title: "line", x: AxisSpec(label: "t"), y: AxisSpec(label: "value"), series: [
            Series("sin", x: t, y: t.map { sin($0) }),
            Series("cos", x: t, y: t.map { 0.8 * cos($0) }, dash: Series.dashed),
        ]))))
        let sx = normals(80, seed: 1), sy = zip(sx, normals(80, seed: 2)).map { 0.6 * $0 + 0.5 * $1 }
        out.append(("kind-scatter", figure(Panel(title: "scatter", x: AxisSpec(label: "x"), y: AxisSpec(label: "y"), series: [
            Series("a", kind: .scatter, x: sx, y: sy),
            Series("b", kind: .scatter, x: sx.map { $0 + 1 }, y: sy.map { -$0 }, marker: .square),
        ]))))
        out.append(("kind-step", figure(Panel(title: "step", x: AxisSpec(label: "x"), y: AxisSpec(label: "y"), series: [
            Series("steps", kind: .step, x: xs, y: xs.map { ($0 * 7).truncatingRemainder(dividingBy: 5) }),
        ], legend: .upperLeft))))
        out.append(("kind-area", figure(Panel(title: "area", x: AxisSpec(label: "t"), y: AxisSpec(label: "value"), series: [
            Series("a", kind: .area, x: t, y: t.map { 1 + sin($0) }),
            Series("b", kind: .area, x: t, y: t.map { 0.5 + 0.4 * cos($0 / 2) }),
        ]))))
        let cat = AxisSpec(label: "day", scale: .category(days))
        let lunch = [12.0, 15, 21, 19], dinner = [17.0, 20, 24, 27]
        out.append(("kind-bar", figure(Panel(title: "bar (grouped)", x: cat, y: AxisSpec(label: "mean bill"), series: [
            Series("lunch", kind: .bar, x: [0, 1, 2, 3].map { $0 - 0.2 }, y: lunch, barWidth: 0.4),
            Series("dinner", kind: .bar, x: [0, 1, 2, 3].map { $0 + 0.2 }, y: dinner, barWidth: 0.4),
        ]))))
        out.append(("kind-bar-horizontal", figure(Panel(title: "bar (horizontal)", x: AxisSpec(label: "mean bill"), y: cat, series: [
            Series("dinner", kind: .bar, x: [0, 1, 2, 3], y: dinner, barOrientation: .horizontal),
        ]))))
        out.append(("kind-bar-stacked", figure(Panel(title: "bar (stacked)", x: cat, y: AxisSpec(label: "bills"), series: [
            Series("lunch", kind: .bar, x: [0, 1, 2, 3], y: lunch, stack: "s"),
            Series("dinner", kind: .bar, x: [0, 1, 2, 3], y: dinner, stack: "s"),
        ], legend: .upperLeft))))
        out.append(("kind-errorbar", figure(Panel(title: "error bars", x: AxisSpec(label: "x"), y: AxisSpec(label: "y"), series: [
            Series("line", x: xs, y: xs.map { 2 + sin($0 / 2) }, yError: xs.map { 0.1 + 0.03 * $0 }),
            Series("points", kind: .scatter, x: xs, y: xs.map { 0.5 + 0.1 * $0 }, yError: xs.map { _ in 0.2 }),
        ]))))
        out.append(("kind-bar-errors", figure(Panel(title: "bar with error bars", x: cat, y: AxisSpec(label: "mean bill"), series: [
            Series("dinner", kind: .bar, x: [0, 1, 2, 3], y: dinner, yError: [2, 3.5, 1.5, 4]),
        ]))))
        // Five seeds of a noisy loss curve: their mean over a ± std band (the band is a fill
        // between two edges), as seaborn's lineplot(errorbar="sd") draws it.
        let steps = (0..<60).map { Double($0) * 5 }
        var curves: [(x: [Double], y: [Double])] = []
        for k in 0..<5 {
            let noise = normals(60, seed: UInt32(20 + k), sd: 0.08)
            var y: [Double] = []
            for (s, e) in zip(steps, noise) { y.append(2 * exp(-s / 80) + 0.3 + e) }
            curves.append((steps, y))
        }
        let mean = SeriesAggregate(curves, statistic: .mean, band: .std)
        out.append(("kind-band", figure(Panel(title: "mean of 5 runs ± std", x: AxisSpec(label: "step"), y: AxisSpec(label: "loss"), series: [
            .band(x: mean.x, low: mean.low, high: mean.high, color: Color(rgb: 0x1f77b4)),
            Series("mean of 5 runs ± std", x: mean.x, y: mean.y, color: Color(rgb: 0x1f77b4)),
        ]))))
        out.append(("kind-area-between", figure(Panel(title: "area between two edges (y2)", x: AxisSpec(label: "t"), y: AxisSpec(label: "value"), series: [
            between(t),
        ]))))
        out.append(("kind-histogram", figure(Panel(title: "histogram", x: AxisSpec(label: "value"), y: AxisSpec(label: "count"), series: [
            Series.histogram("normal", values: normals(500, seed: 7, mean: 10, sd: 2)),
        ]))))
        out.append(("kind-histogram-bins", figure(Panel(title: "histogram, 10 bins, two series", x: AxisSpec(label: "value"), y: AxisSpec(label: "count"), series: [
            Series.histogram("a", values: normals(300, seed: 3), bins: .count(10)),
            { var s = Series.histogram("b", values: normals(300, seed: 4, mean: 2), bins: .count(10)); s.alpha = 0.6; return s }(),
        ]))))
        var matrix: [[Double]] = []
        for i in 0..<12 {
            var row: [Double] = []
            for j in 0..<16 {
                let v: Double = sin(Double(i) / 3) * cos(Double(j) / 4) * 10
                row.append((i == 3 && j == 5) || (i == 8 && j == 12) ? Double.nan : v)
            }
            matrix.append(row)
        }
        out.append(("kind-heatmap", figure(Panel(title: "heat map", series: [
            Series.heatmap("m", matrix: matrix, label: "value"),
        ]))))
        out.append(("kind-heatmap-magma", figure(Panel(title: "magma, 4×5", series: [
            Series.heatmap("m", values: (0..<20).map(Double.init), width: 5, colorMap: .magma),
        ]))))
        var groupX: [Double] = [], groupY: [Double] = []
        for g in 0..<4 {
            let v = normals(40, seed: UInt32(20 + g), mean: 15 + 3 * Double(g), sd: 4)
            groupX += v.map { _ in Double(g) }; groupY += v
        }
        out.append(("kind-box", figure(Panel(title: "box", x: cat, y: AxisSpec(label: "total bill"), series: [
            Series.box("bill", categories: groupX, values: groupY),
        ]))))
        out.append(("kind-pie", figure(Panel(title: "pie", series: [
            Series.pie("share", values: [35, 25, 20, 12, 8], labels: ["alpha", "beta", "gamma", "delta", "epsilon"]),
        ]))))
        out.append(("kind-annotations", figure(Panel(title: "annotations", x: AxisSpec(label: "t"), y: AxisSpec(label: "value"), series: [
            Series("sin", x: t, y: t.map { sin($0) }),
        ], annotations: [
            .horizontalLine(y: 0.5, dash: Series.dashed),
            .verticalLine(x: 5, color: Color(rgb: 0xd62728)),
            .horizontalSpan(y0: -0.25, y1: 0.25),
            .verticalSpan(x0: 7, x1: 8, color: Color(rgb: 0x2ca02c), alpha: 0.2),
            .text("peak", x: Double.pi / 2, y: 1),
        ]))))
        // The dark theme, on two kinds whose colours it changes most (lines with legend and
        // grid; bars with error bars and a title).
        var darkLine = out.first { $0.0 == "kind-line" }!.1
        darkLine.theme = .dark
        darkLine.title = "dark theme"
        out.append(("theme-dark-line", darkLine))
        var darkBars = out.first { $0.0 == "kind-bar-errors" }!.1
        darkBars.theme = .dark
        out.append(("theme-dark-bar-errors", darkBars))
        return out
    }()
}
