import Geometry
import Raster
import Scene
import Text

/// Hand-built scenes shared by the dump, player and golden tests.
enum SceneFixtures {
    static let blue = Color(rgb: 0x1f77b4), orange = Color(rgb: 0xff7f0e)
    static let axisGrey = Color(rgb: 0x333333)

    /// The plot area of `smallChart`.
    static let plotArea = Rect(x: 50, y: 20, width: 150, height: 100)

    /// A small chart laid out by hand on a 240×160 canvas: background, axes frame from four
    /// 1-px rects, a clip to the plot area holding a polyline and markers, a rotated y label,
    /// tick labels and a legend box.
    static func smallChart() -> Scene {
        var s = Scene(width: 240, height: 160, background: .white)
        let a = plotArea
        // Axes frame: four 1-px rects on whole pixels.
        s.fill(Rect(x: a.minX, y: a.minY, width: a.width, height: 1), color: axisGrey)
        s.fill(Rect(x: a.minX, y: a.maxY - 1, width: a.width, height: 1), color: axisGrey)
        s.fill(Rect(x: a.minX, y: a.minY, width: 1, height: a.height), color: axisGrey)
        s.fill(Rect(x: a.maxX - 1, y: a.minY, width: 1, height: a.height), color: axisGrey)
        s.pushClip(a.insetBy(1))
        let line = [Point(50, 110), Point(80, 90), Point(110, 95), Point(140, 60), Point(170, 45), Point(200, 30)]
        s.stroke(Path(polyline: line), style: StrokeStyle(width: 2, cap: .round, join: .round), color: blue)
        s.markers(Path.marker(.circle, size: 6), at: Array(line.dropFirst().dropLast()), fill: orange,
                  stroke: (StrokeStyle(width: 1), .black))
        s.popClip()
        let tickFont = Font(size: 10)
        s.text(TextRun("0", font: tickFont, color: axisGrey, at: Point(a.minX, a.maxY + 4),
                       horizontal: .center, vertical: .top))
        s.text(TextRun("5", font: tickFont, color: axisGrey, at: Point(a.maxX, a.maxY + 4),
                       horizontal: .center, vertical: .top))
        s.text(TextRun("loss", font: Font(size: 12), color: .black, at: Point(18, a.center.y),
                       horizontal: .center, vertical: .center, rotation: 90))
        // Legend: a white box with a grey frame, a line sample and its label.
        let legend = Rect(x: 130.5, y: 88.5, width: 64, height: 24)  // half pixels: a crisp 1-px frame
        s.fill(Path.roundedRect(legend, radius: 3), color: Color(rgb: 0xffffff, alpha: 0.8))
        s.stroke(Path.roundedRect(legend, radius: 3), style: StrokeStyle(width: 1), color: Color(rgb: 0xcccccc))
        s.stroke(Path(polyline: [Point(136, 100), Point(152, 100)]), style: StrokeStyle(width: 2), color: blue)
        s.text(TextRun("train", font: tickFont, at: Point(158, 100), vertical: .center))
        return s
    }
}
