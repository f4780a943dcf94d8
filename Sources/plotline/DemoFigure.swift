import Foundation
import Geometry
import Raster
import Scene
import Text

/// The built-in example figure of `plotline demo`, laid out by hand into a `Scene`.
///
/// A suptitle over two panels side by side, in matplotlib's proportions: on the left the
/// training and validation loss of a synthetic 100-epoch run with a grid, a legend and a dashed
/// marker at the best validation epoch; on the right 2,000 semi-transparent points in two
/// clusters. Margins come from measured text, so nothing clips at any supported size.
struct DemoFigure {
    let fonts: FontLibrary
    let width: Int
    let height: Int
    let style: DemoStyle

    init(fonts: FontLibrary, width: Int, height: Int) {
        self.fonts = fonts
        self.width = width
        self.height = height
        style = DemoStyle(scale: min(Double(width) / 1200, Double(height) / 800))
    }

    func scene() -> Scene {
        var scene = Scene(width: width, height: height, background: .white)
        let run = DemoData.trainingRun()
        let clouds = DemoData.clouds()
        let epochs = Double(run.loss.count - 1)
        let lossRange = (run.loss + run.valLoss)
        var left = DemoAxes(x: 0...epochs, y: lossRange.min()!...lossRange.max()!, style: style)
        let all = clouds.a + clouds.b
        var right = DemoAxes(x: all.map(\.x).min()!...all.map(\.x).max()!,
                             y: all.map(\.y).min()!...all.map(\.y).max()!, style: style)
        layout(&left, &right)

        let suptitle = DemoAxes.fitting(["Plotline demo: a synthetic training run", "Plotline demo"],
                                        font: style.suptitleFont, width: Double(width) - 8, fonts: fonts)
        scene.text(TextRun(suptitle, font: style.suptitleFont, color: style.ink,
                           at: Point(Double(width) / 2, (14 * style.scale).rounded()), horizontal: .center, vertical: .top))
        drawLossPanel(left, run: run, into: &scene)
        drawScatterPanel(right, clouds: clouds, into: &scene)
        return scene
    }

    /// Places both frames: measured margins left of each panel, room for titles above and
    /// for tick and axis labels below, whole-pixel edges.
    private func layout(_ left: inout DemoAxes, _ right: inout DemoAxes) {
        let s = style.scale, w = Double(width), h = Double(height)
        let title = fonts.measure("Ag", font: style.titleFont), sup = fonts.measure("Ag", font: style.suptitleFont)
        let tick = fonts.measure("0", font: style.tickFont), label = fonts.measure("Ag", font: style.labelFont)
        let top = (14 * s + sup.ascent + sup.descent + 18 * s + title.ascent + title.descent + style.titlePad).rounded()
        let below = style.tickLength + style.tickPad + tick.ascent + tick.descent + style.labelPad
            + label.ascent + label.descent
        let bottom = (h - below - 18 * s).rounded()
        let outer = 24 * s, gap = 40 * s
        let leftDeco = left.leftDecorationWidth(fonts), rightDeco = right.leftDecorationWidth(fonts)
        let panelWidth = ((w - outer - leftDeco - gap - rightDeco - outer) / 2).rounded(.down)
        let x0 = (outer + leftDeco).rounded()
        left.frame = Rect(x: x0, y: top, width: panelWidth, height: bottom - top)
        let x1 = (x0 + panelWidth + gap + rightDeco).rounded()
        right.frame = Rect(x: x1, y: top, width: panelWidth, height: bottom - top)
    }

    private func drawLossPanel(_ axes: DemoAxes, run: (loss: [Double], valLoss: [Double]), into scene: inout Scene) {
        axes.drawGrid(into: &scene)
        let best = run.valLoss.indices.min { run.valLoss[$0] < run.valLoss[$1] }!
        scene.pushClip(axes.frame)
        // The best epoch: a dashed vertical line on a half pixel (crisp at 1 px).
        let bx = (axes.px(Double(best))).rounded(.down) + 0.5
        let dash = DashPattern([4 * style.scale, 3 * style.scale])
        scene.stroke(Path(polyline: [Point(bx, axes.frame.minY), Point(bx, axes.frame.maxY)]),
                     style: StrokeStyle(width: 1, dash: dash), color: Color(rgb: 0x555555))
        let lineStyle = StrokeStyle(width: style.lineWidth, cap: .round, join: .round)
        let points = { (ys: [Double]) in ys.enumerated().map { axes.point(Double($0.offset), $0.element) } }
        scene.stroke(Path(polyline: points(run.loss)), style: lineStyle, color: style.blue)
        scene.stroke(Path(polyline: points(run.valLoss)), style: lineStyle, color: style.orange)
        scene.markers(Path.marker(.circle, size: 7 * style.scale), at: [axes.point(Double(best), run.valLoss[best])],
                      fill: style.orange, stroke: (StrokeStyle(width: max(1, style.scale)), .white))
        scene.popClip()
        // The note sits left of the dashed line, clear of the legend; a shorter one (or none)
        // when room is short.
        let legend = DemoLegend(entries: [(.line(style.blue, width: style.lineWidth), "loss"),
                                          (.line(style.orange, width: style.lineWidth), "val_loss")],
                                corner: .upperRight)
        let legendBox = legend.box(in: axes, fonts: fonts)
        let notes = [String(format: "best val_loss %.3f at epoch %d", run.valLoss[best], best), "best: epoch \(best)"]
        let noteRight = bx - 6 * style.scale, noteTop = axes.frame.minY + 14 * style.scale
        let fits = { (note: String) -> Bool in
            let box = self.fonts.runBounds(TextRun(note, font: self.style.tickFont, at: Point(noteRight, noteTop),
                                                   horizontal: .right, vertical: .top))
            return box.minX >= axes.frame.minX + 6 * self.style.scale && box.intersection(legendBox) == nil
        }
        if let note = notes.first(where: fits) {
            scene.text(TextRun(note, font: style.tickFont, color: Color(rgb: 0x444444), at: Point(noteRight, noteTop),
                               horizontal: .right, vertical: .top))
        }
        axes.drawFrame(into: &scene)
        axes.drawLabels(titles: ["Loss per epoch", "Loss"], x: "epoch", y: "loss", fonts: fonts, into: &scene)
        legend.draw(in: axes, fonts: fonts, into: &scene)
    }

    private func drawScatterPanel(_ axes: DemoAxes, clouds: (a: [Point], b: [Point]), into scene: inout Scene) {
        axes.drawGrid(into: &scene)
        scene.pushClip(axes.frame)
        let dot = Path.marker(.circle, size: 7 * style.scale)
        let a = style.blue.withOpacity(0.45), b = style.orange.withOpacity(0.45)
        scene.markers(dot, at: clouds.a.map { axes.point($0.x, $0.y) }, fill: a)
        scene.markers(dot, at: clouds.b.map { axes.point($0.x, $0.y) }, fill: b)
        scene.popClip()
        axes.drawFrame(into: &scene)
        axes.drawLabels(titles: ["Embedding of 2,000 samples", "2,000 samples", "Embedding"],
                        x: "feature 1", y: "feature 2", fonts: fonts, into: &scene)
        let legendDot = Path.marker(.circle, size: 8 * style.scale)
        DemoLegend(entries: [(.marker(legendDot, a), "cluster A"), (.marker(legendDot, b), "cluster B")],
                   corner: .upperLeft).draw(in: axes, fonts: fonts, into: &scene)
    }
}
