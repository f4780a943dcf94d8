import FoundationEssentials
import Glibc
import Geometry
import Raster
import Scene
import Text
import Platform

extension FigureRenderer {
    /// The pie's wedges as (start, end) angles in degrees, counter-clockwise from +x as
    /// matplotlib's `pie` (startangle 0), for the positive finite values; nil entries for the
    /// others (no wedge).
    static func pieAngles(_ values: [Double]) -> [(start: Double, end: Double)?] {
        let total = values.filter { $0.isFinite && $0 > 0 }.reduce(0, +)
        guard total > 0 else { return values.map { _ in nil } }
        var a = 0.0
        return values.map { v in
            guard v.isFinite, v > 0 else { return nil }
            let b = a + 360 * v / total
            defer { a = b }
            return (a, b)
        }
    }

    /// Draws a pie panel's first pie series: matplotlib's look at radius 0.4 of the frame's
    /// shorter side (its view is ±1.25 radii at equal aspect), wedges in cycle colours without
    /// edges, labels at 1.1 radii aligned away from the centre, percentages (`%1.1f%%`) at 0.6
    /// radii. A label that would overlap one already placed or the legend is left out (a very
    /// thin wedge); with a legend, the wedges get no name labels (the legend names them).
    func drawPies(_ l: PanelLayout, style st: ResolvedStyle, into scene: inout Scene) {
        guard let pie = l.panel.series.first(where: { $0.kind == .pie }) else { return }
        let f = l.frame
        let c = f.center, r = 0.4 * min(f.width, f.height)
        let angles = FigureRenderer.pieAngles(pie.y)
        let total = pie.y.filter { $0.isFinite && $0 > 0 }.reduce(0, +)
        let alpha = pie.alpha.isFinite ? max(0, min(1, pie.alpha)) : 1
        // A legend already names the wedges: no labels beside them, and no text under it.
        var placed: [Rect] = l.legend.map { [Rect(x: $0.origin.x, y: $0.origin.y, width: $0.size.width, height: $0.size.height)] } ?? []
        let labels = l.legend == nil ? pie.labels : []
        var texts: [TextRun] = []
        func place(_ run: TextRun) {
            let b = fonts.runBounds(run)
            guard !placed.contains(where: { $0.intersection(b).map { $0.width > 0.5 && $0.height > 0.5 } ?? false }) else { return }
            placed.append(b); texts.append(run)
        }
        for (k, a) in angles.enumerated() {
            guard let a else { continue }
            let color = st.theme.color(k).withOpacity(alpha)
            let toRad = Double.pi / 180
            // Device angles run clockwise (y down): the mathematical wedge a.start…a.end is
            // −a.end…−a.start on screen.
            scene.fill(Path.wedge(center: c, radius: r, startAngle: -a.end * toRad, endAngle: -a.start * toRad), color: color)
            let mid = (a.start + a.end) / 2 * toRad
            if k < labels.count, !labels[k].isEmpty {
                let p = Point(c.x + 1.1 * r * cos(mid), c.y - 1.1 * r * sin(mid))
                // Long labels are shortened to the room between the label point and the frame's side.
                let room = cos(mid) >= 0 ? f.maxX - p.x : p.x - f.minX
                let label = fit(labels[k], font: st.tickFont, width: max(0, room))
                if !label.isEmpty {
                    place(TextRun(label, font: st.tickFont, color: st.theme.text, at: Point(p.x.rounded(), p.y.rounded()),
                                  horizontal: cos(mid) >= 0 ? .left : .right, vertical: .center))
                }
            }
            if pie.showsPercentages {
                let p = Point(c.x + 0.6 * r * cos(mid), c.y - 0.6 * r * sin(mid))
                let text = CFormat.string("%.1f%%", 100 * pie.y[k] / total)
                place(TextRun(text, font: st.tickFont, color: st.theme.text, at: Point(p.x.rounded(), p.y.rounded()),
                              horizontal: .center, vertical: .center))
            }
        }
        for t in texts { scene.text(t) }
    }
}
