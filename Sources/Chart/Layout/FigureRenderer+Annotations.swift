import Geometry
import Raster
import Scene
import Text

extension FigureRenderer {
    /// Draws a panel's spans (`spans` true: under the series, as matplotlib's patches) or its
    /// reference lines (over the series), clipped to the frame by the caller.
    ///
    /// Defaults: lines in the theme's text colour at the theme's line width (matplotlib's
    /// `axhline` uses C0; a reference line in the first series' colour reads as data, so we
    /// deviate), spans in the first cycle colour at alpha 0.25.
    func drawAnnotations(_ annotations: [Annotation], painter: SeriesPainter, spans: Bool, into scene: inout Scene) {
        let st = painter.style, f = painter.frame
        func stroke(_ width: Double?, _ dash: [Double]?) -> StrokeStyle {
            let w = width.map { $0 * st.ppp } ?? st.lineWidth
            return StrokeStyle(width: w, cap: .butt, join: .miter, dash: dash.flatMap { DashPattern($0.map { $0 * w }) })
        }
        for a in annotations {
            switch a {
            case .horizontalLine(let v, let color, let width, let dash) where !spans:
                guard let y = painter.py(v) else { continue }
                scene.stroke(Path(polyline: [Point(f.minX, y), Point(f.maxX, y)]), style: stroke(width, dash),
                             color: color ?? st.theme.text)
            case .verticalLine(let v, let color, let width, let dash) where !spans:
                guard let x = painter.px(v) else { continue }
                scene.stroke(Path(polyline: [Point(x, f.minY), Point(x, f.maxY)]), style: stroke(width, dash),
                             color: color ?? st.theme.text)
            case .horizontalSpan(let v0, let v1, let color, let alpha) where spans:
                guard let y0 = painter.py(v0), let y1 = painter.py(v1) else { continue }
                scene.fill(Rect(corner: Point(f.minX, y0), Point(f.maxX, y1)), color: (color ?? st.theme.color(0)).withOpacity(alpha))
            case .verticalSpan(let v0, let v1, let color, let alpha) where spans:
                guard let x0 = painter.px(v0), let x1 = painter.px(v1) else { continue }
                scene.fill(Rect(corner: Point(x0, f.minY), Point(x1, f.maxY)), color: (color ?? st.theme.color(0)).withOpacity(alpha))
            default:
                continue
            }
        }
    }

    /// Draws text annotations at their data points (not clipped, as matplotlib's text), moved
    /// back inside the canvas' frame area when the offset would push them past the frame's right
    /// or top edge.
    func drawAnnotationTexts(_ annotations: [Annotation], painter: SeriesPainter, into scene: inout Scene) {
        let st = painter.style, f = painter.frame
        for a in annotations {
            guard case .text(let text, let vx, let vy, let dx, let dy, let color, let marker) = a,
                  let x = painter.px(vx), let y = painter.py(vy), f.insetBy(-1).contains(Point(x, y)) else { continue }
            let c = color ?? st.theme.text
            if marker {
                scene.markers(Path.marker(.circle, size: st.markerSize * 0.6), at: [Point(x, y)], fill: c)
            }
            var run = TextRun(text, font: st.tickFont, color: c, at: Point((x + dx * st.ppp).rounded(), (y - dy * st.ppp).rounded()),
                              horizontal: .left, vertical: .baseline)
            let b = fonts.runBounds(run)
            if b.maxX > f.maxX { run.position.x -= (b.maxX - f.maxX).rounded(.up) }
            if b.minY < f.minY { run.position.y += (f.minY - b.minY).rounded(.up) }
            scene.text(run)
        }
    }
}
