import FoundationEssentials
import Geometry
import Raster
import Scene
import Text

extension FigureRenderer {
    /// Draws one laid-out panel in matplotlib's order: background, grid, series (clipped to the
    /// frame), spines, ticks and their labels, axis labels, title, legend.
    /// Texts are marked in `texts` with what gives way first where they collide.
    func draw(_ l: PanelLayout, style st: ResolvedStyle, into scene: inout Scene, texts: inout TextArbitration) {
        let f = l.frame
        let theme = st.theme
        if l.panel.isPie {
            scene.fill(f, color: theme.axesBackground)
            texts.mark(.exempt, in: &scene) { drawPies(l, style: st, into: &$0) }
            texts.mark(.panelTitle, in: &scene) { drawTitle(l, style: st, into: &$0) }
            texts.mark(.legend, in: &scene) { l.legend?.draw(style: st, into: &$0) }
            return
        }
        scene.fill(f, color: theme.axesBackground)
        let tx = l.x.transform, ty = l.y.transform
        let xs = l.x.ticks.map { tx.pixel($0, on: .x(of: f)) }
        let ys = l.y.ticks.map { ty.pixel($0, on: .y(of: f)) }
        // Grid: crisp whole-pixel lines under the data.
        if l.panel.grid && !l.prepared.contains(where: { $0.series.kind == .heatmap }) { drawGrid(l, xs: xs, ys: ys, style: st, into: &scene) }
        scene.pushClip(f)
        let painter = SeriesPainter(x: l.x, y: l.y, frame: f, style: st)
        drawAnnotations(l.panel.annotations, painter: painter, spans: true, into: &scene)
        for p in l.prepared {
            l.painter(for: p).draw(p, color: p.series.color ?? theme.color(p.index), into: &scene)
        }
        drawAnnotations(l.panel.annotations, painter: painter, spans: false, into: &scene)
        scene.popClip()
        texts.mark(.exempt, in: &scene) { drawAnnotationTexts(l.panel.annotations, painter: painter, into: &$0) }
        // Spines: the frame's four sides, just outside the plot area.
        let w = st.spineWidth
        scene.fill(Rect(x: f.minX - w, y: f.minY - w, width: f.width + 2 * w, height: w), color: theme.spine)
        scene.fill(Rect(x: f.minX - w, y: f.maxY, width: f.width + 2 * w, height: w), color: theme.spine)
        scene.fill(Rect(x: f.minX - w, y: f.minY, width: w, height: f.height), color: theme.spine)
        scene.fill(Rect(x: f.maxX, y: f.minY, width: w, height: f.height), color: theme.spine)
        // Ticks outward, labels beyond them.
        let tl = st.tickLength, labelGap = tl + st.tickPad
        for (x, label) in zip(xs, l.x.labels) {
            scene.fill(FigureRenderer.vLine(x, f.maxY + w, f.maxY + w + tl, st.tickWidth), color: theme.spine)
            guard l.showsXLabels else { continue }
            if l.xLabelRotation != 0 {
                let fitted = fit(label, font: st.tickFont, width: l.xLabelWidthLimit)
                scene.text(TextRun(fitted, font: st.tickFont, color: theme.text, at: Point(x.rounded(), f.maxY + w + labelGap),
                                   horizontal: .right, vertical: .top, rotation: l.xLabelRotation))
                continue
            }
            scene.text(TextRun(label, font: st.tickFont, color: theme.text, at: Point(x.rounded(), f.maxY + w + labelGap),
                               horizontal: .center, vertical: .top))
        }
        // Minor ticks, shorter and unlabelled, where matplotlib draws them by default: log axes.
        let mtl = st.minorTickLength
        if case .log = l.panel.x.scale {
            for v in l.x.minorTicks { scene.fill(FigureRenderer.vLine(tx.pixel(v, on: .x(of: f)), f.maxY + w, f.maxY + w + mtl, st.tickWidth), color: theme.spine) }
        }
        if case .log = l.panel.y.scale {
            for v in l.y.minorTicks { scene.fill(FigureRenderer.hLine(ty.pixel(v, on: .y(of: f)), f.minX - w - mtl, f.minX - w, st.tickWidth), color: theme.spine) }
        }
        for (y, label) in zip(ys, l.y.labels) {
            scene.fill(FigureRenderer.hLine(y, f.minX - w - tl, f.minX - w, st.tickWidth), color: theme.spine)
            guard l.showsYLabels else { continue }
            scene.text(TextRun(label, font: st.tickFont, color: theme.text, at: Point(f.minX - w - labelGap, y.rounded()),
                               horizontal: .right, vertical: .center))
        }
        if let r = l.y2 { drawRightAxis(r, frame: f, style: st, into: &scene) }
        let tickTextHeight = st.tickMetrics.ascent + st.tickMetrics.descent
        if let o = l.x.offset, l.showsXLabels {
            scene.text(TextRun(o, font: st.tickFont, color: theme.text,
                               at: Point(f.maxX, f.maxY + w + labelGap + tickTextHeight), horizontal: .right, vertical: .top))
        }
        if let o = l.y.offset, l.showsYLabels {
            scene.text(TextRun(o, font: st.tickFont, color: theme.text, at: Point(f.minX, f.minY - w - st.tickPad),
                               horizontal: .left, vertical: .bottom))
        }
        // Axis labels and title.
        let axisLabelsStart = scene.commands.count
        if let label = l.panel.x.label, !label.isEmpty, l.showsXLabels {
            var y = f.maxY + w + labelGap + l.xLabelDepth + st.labelPad
            if l.x.offset != nil { y += tickTextHeight }
            let fitted = fit(label, font: st.labelFont, width: min(f.width + 2 * st.tickFont.size, room(f.center.x, Double(scene.width))))
            scene.text(TextRun(fitted, font: st.labelFont, color: theme.text, at: Point(f.center.x.rounded(), y.rounded()),
                               horizontal: .center, vertical: .top))
        }
        if let label = l.panel.y.label, !label.isEmpty, l.showsYLabels {
            let widest = l.y.labels.map { fonts.measure($0, font: st.tickFont).advance }.max() ?? 0
            let x = f.minX - w - labelGap - widest - st.labelPad
            // No longer than the frame: beyond it the first x tick label may reach under it.
            let fitted = fit(label, font: st.labelFont, width: min(f.height, room(f.center.y, Double(scene.height))))
            scene.text(TextRun(fitted, font: st.labelFont, color: theme.text, at: Point(x.rounded(), f.center.y.rounded()),
                               horizontal: .center, vertical: .bottom, rotation: 90))
        }
        texts.mark(.axisLabel, from: axisLabelsStart, in: scene)
        texts.mark(.panelTitle, in: &scene) { drawTitle(l, style: st, into: &$0) }
        if let c = l.colorbar { drawColorbar(c, map: l.colorbarMap, layout: l, style: st, into: &scene, texts: &texts) }
        texts.mark(.legend, in: &scene) { l.legend?.draw(style: st, into: &$0) }
    }

    /// The grid under the data: minor lines first (thinner, fainter), then the major lines, on
    /// the axes the panel's `gridAxis` names; crisp whole-pixel lines.
    func drawGrid(_ l: PanelLayout, xs: [Double], ys: [Double], style st: ResolvedStyle, into scene: inout Scene) {
        let f = l.frame, axes = l.panel.gridAxis
        if l.panel.minorGrid {
            let c = st.theme.grid.withOpacity(st.minorGridOpacity)
            if axes.showsX {
                for v in l.x.minorTicks { scene.fill(FigureRenderer.vLine(l.x.transform.pixel(v, on: .x(of: f)), f.minY, f.maxY, st.minorGridWidth), color: c) }
            }
            if axes.showsY {
                for v in l.y.minorTicks { scene.fill(FigureRenderer.hLine(l.y.transform.pixel(v, on: .y(of: f)), f.minX, f.maxX, st.minorGridWidth), color: c) }
            }
        }
        if axes.showsX { for x in xs { scene.fill(FigureRenderer.vLine(x, f.minY, f.maxY, st.gridWidth), color: st.theme.grid) } }
        if axes.showsY { for y in ys { scene.fill(FigureRenderer.hLine(y, f.minX, f.maxX, st.gridWidth), color: st.theme.grid) } }
    }

    /// The right-hand y axis (matplotlib's `twinx`): ticks outward from the right spine, labels
    /// left-aligned beyond them, the offset text above the top-right corner and the axis label
    /// rotated, right of the labels.
    func drawRightAxis(_ r: AxisModel, frame f: Rect, style st: ResolvedStyle, into scene: inout Scene) {
        let w = st.spineWidth, tl = st.tickLength, x0 = f.maxX + w
        for (t, label) in zip(r.ticks, r.labels) {
            let y = r.transform.pixel(t, on: .y(of: f))
            scene.fill(FigureRenderer.hLine(y, x0, x0 + tl, st.tickWidth), color: st.theme.spine)
            scene.text(TextRun(label, font: st.tickFont, color: st.theme.text, at: Point((x0 + tl + st.tickPad).rounded(), y.rounded()),
                               horizontal: .left, vertical: .center))
        }
        if let o = r.offset {
            scene.text(TextRun(o, font: st.tickFont, color: st.theme.text, at: Point(f.maxX, f.minY - w - st.tickPad),
                               horizontal: .right, vertical: .bottom))
        }
        if let label = r.spec.label, !label.isEmpty {
            let widest = r.labels.map { fonts.measure($0, font: st.tickFont).advance }.max() ?? 0
            let x = x0 + tl + st.tickPad + widest + st.labelPad
            let fitted = fit(label, font: st.labelFont, width: min(f.height + 2 * st.tickFont.size, room(f.center.y, Double(scene.height))))
            scene.text(TextRun(fitted, font: st.labelFont, color: st.theme.text, at: Point(x.rounded(), f.center.y.rounded()),
                               horizontal: .center, vertical: .top, rotation: 90))
        }
    }

    /// The panel title centred above the frame (above the y offset text when there is one).
    func drawTitle(_ l: PanelLayout, style st: ResolvedStyle, into scene: inout Scene) {
        guard let t = l.panel.title, !t.isEmpty else { return }
        let f = l.frame
        var bottom = f.minY - (l.panel.isPie ? 0 : st.spineWidth) - st.titlePad
        if !l.panel.isPie && ((l.y.offset != nil && l.showsYLabels) || l.y2?.offset != nil) { bottom -= st.tickMetrics.ascent + st.tickMetrics.descent + st.tickPad }
        let fitted = fit(t, font: st.titleFont, width: min(f.width + 2 * st.tickFont.size, room(f.center.x, Double(scene.width))))
        scene.text(TextRun(fitted, font: st.titleFont, color: st.theme.text, at: Point(f.center.x.rounded(), bottom.rounded()),
                           horizontal: .center, vertical: .bottom))
    }

    /// `text`, or its longest prefix that fits `width` pixels with an ellipsis, so a label longer
    /// than its axis never runs into a neighbour or off the canvas.
    func fit(_ text: String, font: Font, width: Double) -> String { fonts.fitted(text, font: font, width: width) }

    /// The widest a label centred at `center` may be on a canvas side `length` pixels long,
    /// keeping a pixel clear of either edge.
    func room(_ center: Double, _ length: Double) -> Double { max(0, 2 * min(center, length - center) - 2) }

    /// A vertical line `width` pixels wide centred on `x`, snapped to whole pixels.
    static func vLine(_ x: Double, _ y0: Double, _ y1: Double, _ width: Double) -> Rect {
        let left = (x - width / 2).rounded()
        return Rect(x: left, y: min(y0, y1).rounded(), width: width, height: abs(y1 - y0).rounded())
    }

    /// A horizontal line `width` pixels wide centred on `y`, snapped to whole pixels.
    static func hLine(_ y: Double, _ x0: Double, _ x1: Double, _ width: Double) -> Rect {
        let top = (y - width / 2).rounded()
        return Rect(x: min(x0, x1).rounded(), y: top, width: abs(x1 - x0).rounded(), height: width)
    }
}
