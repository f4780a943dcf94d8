import Geometry
import Raster
import Scene
import Text

extension FigureRenderer {
    /// A colour bar right of a panel's frame, as matplotlib's `colorbar`: the full height of
    /// the frame (a heat map's, a coloured scatter's).
    func drawColorbar(_ c: AxisModel, map: ColorMap, layout l: PanelLayout, style st: ResolvedStyle, into scene: inout Scene,
                      texts: inout TextArbitration) {
        let f = l.frame
        let (gap, width) = l.colorbarGeometry(frameWidth: f.width, frameHeight: f.height)
        drawColorbar(c, map: map, bar: Rect(x: f.maxX + st.spineWidth + gap, y: f.minY, width: width, height: f.height), style: st, into: &scene, texts: &texts)
    }

    /// A colour bar in `bar`: the map's 256 colours low at the bottom, an outline, ticks and
    /// labels on its right and the label (rotated) beyond them, marked in `texts` as an axis label.
    func drawColorbar(_ c: AxisModel, map: ColorMap, bar: Rect, style st: ResolvedStyle, into scene: inout Scene,
                      texts: inout TextArbitration) {
        let colors = map.colors
        if var pm = try? Pixmap(width: 1, height: colors.count) {
            for (i, color) in colors.enumerated() { pm.setPixel(x: 0, y: colors.count - 1 - i, color.premultiplied) }
            // Bar values follow the colour bar's axis: the image spans the axis limits.
            scene.image(pm, in: bar, filter: .nearest)
        }
        let w = st.spineWidth
        scene.fill(Rect(x: bar.minX - w, y: bar.minY - w, width: bar.width + 2 * w, height: w), color: st.theme.spine)
        scene.fill(Rect(x: bar.minX - w, y: bar.maxY, width: bar.width + 2 * w, height: w), color: st.theme.spine)
        scene.fill(Rect(x: bar.minX - w, y: bar.minY, width: w, height: bar.height), color: st.theme.spine)
        scene.fill(Rect(x: bar.maxX, y: bar.minY, width: w, height: bar.height), color: st.theme.spine)
        let x0 = bar.maxX + w
        for (t, label) in zip(c.ticks, c.labels) {
            let y = c.transform.pixel(t, on: .y(of: bar))
            scene.fill(FigureRenderer.hLine(y, x0, x0 + st.tickLength, st.tickWidth), color: st.theme.spine)
            scene.text(TextRun(label, font: st.tickFont, color: st.theme.text, at: Point((x0 + st.tickLength + st.tickPad).rounded(), y.rounded()),
                               horizontal: .left, vertical: .center))
        }
        if let label = c.spec.label, !label.isEmpty {
            let widest = c.labels.map { fonts.measure($0, font: st.tickFont).advance }.max() ?? 0
            let x = x0 + st.tickLength + st.tickPad + widest + st.labelPad
            defer { texts.mark(.axisLabel, from: scene.commands.count - 1, in: scene) }
            scene.text(TextRun(fit(label, font: st.labelFont, width: bar.height), font: st.labelFont, color: st.theme.text,
                               at: Point(x.rounded(), bar.center.y.rounded()), horizontal: .center, vertical: .top, rotation: 90))
        }
    }
}
