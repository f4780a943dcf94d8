import Geometry
import Raster
import Scene
import Text

/// A legend box inside an axes corner, laid out like matplotlib's (`borderpad` 0.4 em,
/// `labelspacing` 0.5 em, `handlelength` 2 em, `handletextpad` 0.8 em, `borderaxespad` 0.5 em,
/// a white face at 80% and a light rounded frame).
struct DemoLegend {
    /// What an entry's handle shows: a line sample or one marker.
    enum Handle {
        case line(Color, width: Double)
        case marker(Path, Color)
    }

    enum Corner { case upperLeft, upperRight }

    var entries: [(Handle, String)]
    var corner: Corner

    /// The legend's frame in device pixels (half-pixel edges, so a 1-px outline is crisp).
    func box(in axes: DemoAxes, fonts: FontLibrary) -> Rect {
        let font = axes.style.legendFont, em = font.size
        let m = fonts.measure("Ag", font: font)
        let textWidth = entries.map { fonts.measure($0.1, font: font).advance }.max() ?? 0
        let width = (0.4 * em + 2 * em + 0.8 * em + textWidth + 0.4 * em).rounded()
        let height = (0.8 * em + Double(entries.count) * (m.ascent + m.descent)
            + Double(entries.count - 1) * 0.5 * em).rounded()
        let inset = 0.5 * em
        let x = corner == .upperLeft ? axes.frame.minX + inset : axes.frame.maxX - inset - width
        return Rect(x: x.rounded() + 0.5, y: (axes.frame.minY + inset).rounded() + 0.5, width: width, height: height)
    }

    func draw(in axes: DemoAxes, fonts: FontLibrary, into scene: inout Scene) {
        let style = axes.style, font = style.legendFont, em = font.size
        let m = fonts.measure("Ag", font: font)
        let rowHeight = m.ascent + m.descent
        let pad = 0.4 * em, handleLength = 2 * em, handlePad = 0.8 * em, spacing = 0.5 * em
        let box = box(in: axes, fonts: fonts)
        let outline = Path.roundedRect(box, radius: 0.2 * em)
        scene.fill(outline, color: style.legendFace)
        scene.stroke(outline, style: StrokeStyle(width: 1), color: style.legendEdge)
        for (i, (handle, label)) in entries.enumerated() {
            let centreY = box.minY + pad + Double(i) * (rowHeight + spacing) + rowHeight / 2
            let hx = box.minX + pad
            switch handle {
            case .line(let color, let w):
                scene.stroke(Path(polyline: [Point(hx, centreY), Point(hx + handleLength, centreY)]),
                             style: StrokeStyle(width: w), color: color)
            case .marker(let shape, let color):
                scene.markers(shape, at: [Point(hx + handleLength / 2, centreY)], fill: color)
            }
            scene.text(TextRun(label, font: font, color: style.textColor,
                               at: Point(hx + handleLength + handlePad, centreY), vertical: .center))
        }
    }
}
