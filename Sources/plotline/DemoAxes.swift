import Foundation
import Geometry
import Raster
import Scene
import Text

/// One hand-laid-out panel of the demo figure: a pixel frame, data limits, ticks, and the
/// drawing of its grid, spines, tick marks and labels into a `Scene`.
///
/// A deliberately small stand-in for the chart layer: linear scales only, "nice" ticks at
/// steps of 1, 2, 2.5 or 5 times a power of ten, labels with the fewest decimals the step needs.
struct DemoAxes {
    /// The plot area in device pixels, on whole pixels.
    var frame: Rect
    var xLimits: ClosedRange<Double>
    var yLimits: ClosedRange<Double>
    let xTicks: [Double], yTicks: [Double]
    let style: DemoStyle

    /// Axes over data that spans `x` and `y`, padded by 5% on each side (matplotlib's margins).
    init(x: ClosedRange<Double>, y: ClosedRange<Double>, style: DemoStyle) {
        let mx = 0.05 * (x.upperBound - x.lowerBound), my = 0.05 * (y.upperBound - y.lowerBound)
        xLimits = (x.lowerBound - mx)...(x.upperBound + mx)
        yLimits = (y.lowerBound - my)...(y.upperBound + my)
        xTicks = DemoAxes.niceTicks(xLimits)
        yTicks = DemoAxes.niceTicks(yLimits)
        frame = .init(x: 0, y: 0, width: 1, height: 1)
        self.style = style
    }

    // MARK: - Scales

    /// The device point of a data point.
    func point(_ x: Double, _ y: Double) -> Point { Point(px(x), py(y)) }

    func px(_ x: Double) -> Double {
        frame.minX + (x - xLimits.lowerBound) / (xLimits.upperBound - xLimits.lowerBound) * frame.width
    }

    func py(_ y: Double) -> Double {
        frame.maxY - (y - yLimits.lowerBound) / (yLimits.upperBound - yLimits.lowerBound) * frame.height
    }

    // MARK: - Ticks

    /// Round tick values inside `limits`, about `target` of them.
    static func niceTicks(_ limits: ClosedRange<Double>, target: Double = 6) -> [Double] {
        let span = limits.upperBound - limits.lowerBound
        guard span > 0, span.isFinite else { return [limits.lowerBound] }
        let raw = span / target
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let step = [1, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
        let first = (limits.lowerBound / step).rounded(.up)
        let last = (limits.upperBound / step).rounded(.down)
        guard first <= last else { return [] }
        return stride(from: first, through: last, by: 1).map { $0 * step }
    }

    /// The tick labels: as few decimals as the step needs, a real minus sign (U+2212).
    static func labels(_ ticks: [Double]) -> [String] {
        let step = ticks.count > 1 ? ticks[1] - ticks[0] : 1
        var decimals = 0
        while decimals < 6, abs((step * pow(10, Double(decimals))).rounded() - step * pow(10, Double(decimals))) > 1e-6 {
            decimals += 1
        }
        return ticks.map { v in
            let text = String(format: "%.\(decimals)f", abs(v) < step * 1e-9 ? 0 : abs(v))
            return v < 0 && abs(v) >= step * 1e-9 ? "\u{2212}" + text : text
        }
    }

    var xLabels: [String] { DemoAxes.labels(xTicks) }
    var yLabels: [String] { DemoAxes.labels(yTicks) }

    /// The widest y tick label in pixels, for the margin left of the frame.
    func yLabelWidth(_ fonts: FontLibrary) -> Double {
        yLabels.map { fonts.measure($0, font: style.tickFont).advance }.max() ?? 0
    }

    /// Room needed left of the frame: ticks, tick labels and the rotated axis label.
    func leftDecorationWidth(_ fonts: FontLibrary) -> Double {
        let m = fonts.measure("Ag", font: style.labelFont)
        return style.tickLength + style.tickPad + yLabelWidth(fonts) + style.labelPad + m.ascent + m.descent
    }

    // MARK: - Drawing

    /// The whole pixel column or row a 1-px (`hairline`) line at `v` covers.
    private func snap(_ v: Double) -> Double { (v - style.hairline / 2).rounded() }

    /// Light grid lines at every tick, under the data.
    func drawGrid(into scene: inout Scene) {
        for t in xTicks {
            scene.fill(Rect(x: snap(px(t)), y: frame.minY, width: style.hairline, height: frame.height),
                       color: style.gridColor)
        }
        for t in yTicks {
            scene.fill(Rect(x: frame.minX, y: snap(py(t)), width: frame.width, height: style.hairline),
                       color: style.gridColor)
        }
    }

    /// The four spines, outward ticks and tick labels.
    func drawFrame(into scene: inout Scene) {
        let w = style.hairline, f = frame
        scene.fill(Rect(x: f.minX, y: f.minY, width: f.width, height: w), color: style.ink)
        scene.fill(Rect(x: f.minX, y: f.maxY - w, width: f.width, height: w), color: style.ink)
        scene.fill(Rect(x: f.minX, y: f.minY, width: w, height: f.height), color: style.ink)
        scene.fill(Rect(x: f.maxX - w, y: f.minY, width: w, height: f.height), color: style.ink)
        let labelOffset = style.tickLength + style.tickPad
        for (t, label) in zip(xTicks, xLabels) {
            let x = snap(px(t))
            scene.fill(Rect(x: x, y: f.maxY, width: w, height: style.tickLength), color: style.ink)
            scene.text(TextRun(label, font: style.tickFont, color: style.textColor,
                               at: Point(x + w / 2, f.maxY + labelOffset), horizontal: .center, vertical: .top))
        }
        for (t, label) in zip(yTicks, yLabels) {
            let y = snap(py(t))
            scene.fill(Rect(x: f.minX - style.tickLength, y: y, width: style.tickLength, height: w), color: style.ink)
            scene.text(TextRun(label, font: style.tickFont, color: style.textColor,
                               at: Point(f.minX - labelOffset, y + w / 2), horizontal: .right, vertical: .center))
        }
    }

    /// The first of `candidates` (longest first) no wider than `width` in `font`, else the last.
    static func fitting(_ candidates: [String], font: Font, width: Double, fonts: FontLibrary) -> String {
        candidates.first { fonts.measure($0, font: font).advance <= width } ?? candidates.last ?? ""
    }

    /// The title above the frame (the longest of `titles` that fits), the x label under the
    /// tick labels, the y label turned 90°.
    func drawLabels(titles: [String], x xLabel: String, y yLabel: String, fonts: FontLibrary, into scene: inout Scene) {
        let f = frame
        let title = DemoAxes.fitting(titles, font: style.titleFont, width: f.width, fonts: fonts)
        scene.text(TextRun(title, font: style.titleFont, color: style.ink,
                           at: Point(f.center.x, f.minY - style.titlePad), horizontal: .center, vertical: .baseline))
        let tick = fonts.measure("0", font: style.tickFont)
        let xLabelTop = f.maxY + style.tickLength + style.tickPad + tick.ascent + tick.descent + style.labelPad
        scene.text(TextRun(xLabel, font: style.labelFont, color: style.ink,
                           at: Point(f.center.x, xLabelTop), horizontal: .center, vertical: .top))
        let yLabelRight = f.minX - style.tickLength - style.tickPad - yLabelWidth(fonts) - style.labelPad
        // Turned 90° the run's top faces left, so `.bottom` puts its descent edge at the anchor.
        scene.text(TextRun(yLabel, font: style.labelFont, color: style.ink,
                           at: Point(yLabelRight, f.center.y), horizontal: .center, vertical: .bottom, rotation: 90))
    }
}
