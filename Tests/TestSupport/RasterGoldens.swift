#if canImport(Glibc)
import Glibc
#endif
import Geometry
import Raster

/// The drawing cases behind the rasterizer goldens, each a function that draws into a
/// `width × height` white canvas.
public enum RasterGoldens {
    public static let width = 200
    public static let height = 140

    static let blue = Color(rgb: 0x1f77b4), orange = Color(rgb: 0xff7f0e), green = Color(rgb: 0x2ca02c)
    static let red = Color(rgb: 0xd62728), purple = Color(rgb: 0x9467bd), grey = Color(rgb: 0x7f7f7f)

    public typealias Case = (name: String, draw: @Sendable (Rasterizer, inout Pixmap) -> Void)

    /// A five-pointed star: self-intersecting, so nonzero fills the centre and even-odd does not.
    static func star(_ c: Point, _ r: Double) -> Path {
        let pts = (0..<5).map { k -> Point in
            let a = -Double.pi / 2 + Double(k * 2) * 2 * .pi / 5
            return Point(c.x + r * cos(a), c.y + r * sin(a))
        }
        return Path(polyline: pts, closed: true)
    }

    static func curvy(_ o: Point) -> Path {
        var p = Path()
        p.move(to: Point(o.x, o.y + 40))
        p.cubic(to: Point(o.x + 80, o.y + 40), control1: Point(o.x + 10, o.y - 30), control2: Point(o.x + 70, o.y + 110))
        p.quad(to: Point(o.x, o.y + 40), control: Point(o.x + 40, o.y - 20))
        p.close()
        return p
    }

    public static let cases: [Case] = [
        ("fill-rules", { r, pm in
            r.fill(star(Point(50, 70), 55), rule: .nonZero, color: blue, into: &pm)
            r.fill(star(Point(150, 70), 55), rule: .evenOdd, color: orange, into: &pm)
        }),
        ("fill-curves", { r, pm in
            r.fill(curvy(Point(10, 20)), color: green, into: &pm)
            r.fill(Path.circle(center: Point(140, 45), radius: 30.3), color: red.withOpacity(0.8), into: &pm)
            r.fill(Path.ellipse(in: Rect(x: 100.25, y: 80.5, width: 90, height: 45)), color: purple, into: &pm)
            r.fill(Path.roundedRect(Rect(x: 20.5, y: 95.5, width: 60, height: 35), radius: 10), color: blue, into: &pm)
        }),
        ("fill-rects", { r, pm in
            for k in 0..<12 {
                let x = 6 + Double(k) * 16.3
                r.fillRect(Rect(x: x, y: 130 - Double(k) * 9.7, width: 11.4, height: Double(k) * 9.7 + 0.5), color: orange, into: &pm)
            }
            r.fillRect(Rect(x: 0, y: 20, width: 200, height: 10).snapped, color: blue.withOpacity(0.5), into: &pm)
        }),
        ("stroke-caps-joins", { r, pm in
            for (i, cap) in LineCap.allCases.enumerated() {
                for (j, join) in LineJoin.allCases.enumerated() {
                    let ox = 12 + Double(j) * 64, oy = 14 + Double(i) * 44
                    let zig = Path(polyline: [Point(ox, oy + 28), Point(ox + 16, oy), Point(ox + 32, oy + 28), Point(ox + 48, oy + 4)])
                    r.stroke(zig, style: StrokeStyle(width: 8, cap: cap, join: join), color: blue.withOpacity(0.7), into: &pm)
                    r.stroke(zig, style: StrokeStyle(width: 1), color: .black, into: &pm)
                }
            }
        }),
        ("stroke-miter-limit", { r, pm in
            for (k, limit) in [1.0, 2.0, 4.0, 10.0].enumerated() {
                let ox = 15 + Double(k) * 47
                let v = Path(polyline: [Point(ox, 120), Point(ox + 14, 40), Point(ox + 28, 120)])
                r.stroke(v, style: StrokeStyle(width: 9, join: .miter, miterLimit: limit), color: green, into: &pm)
            }
            var sq = Path.rect(Rect(x: 20, y: 10, width: 160, height: 18))
            sq.close()
            r.stroke(sq, style: StrokeStyle(width: 5, join: .miter), color: purple, into: &pm)
        }),
        ("stroke-dashes", { r, pm in
            let styles: [(Double, [Double], Double, LineCap)] = [
                (1.5, [6, 3], 0, .butt), (2, [1, 4], 0, .round), (3, [12, 4, 2, 4], 5, .butt), (5, [10, 8], 0, .square),
            ]
            for (k, s) in styles.enumerated() {
                let y = 20 + Double(k) * 30
                var p = Path()
                p.move(to: Point(10, y))
                p.line(to: Point(110, y + 8))
                p.line(to: Point(120, y + 25))
                r.stroke(p, style: StrokeStyle(width: s.0, cap: s.3, join: .round, dash: DashPattern(s.1, phase: s.2)), color: blue, into: &pm)
            }
            r.stroke(Path.circle(center: Point(160, 70), radius: 30), style: StrokeStyle(width: 2, dash: DashPattern([8, 4])), color: red, into: &pm)
        }),
        ("stroke-hairlines", { r, pm in
            // Long near-horizontal thin lines: no moiré, no drop-outs, weight scales with width.
            for k in 0..<10 {
                let y = 8 + Double(k) * 13
                let w: Double = [0.1, 0.25, 0.5, 0.75, 1, 0.5, 0.5, 1.5, 0.3, 0.9][k]
                r.stroke(Path(polyline: [Point(5, y), Point(195, y + 6.3)]), style: StrokeStyle(width: w), color: .black, into: &pm)
            }
            var fan = Path()
            for k in 0..<12 {
                let a = Double(k) / 12 * .pi
                fan.move(to: Point(160, 130)); fan.line(to: Point(160 + 60 * cos(a), 130 - 60 * sin(a)))
            }
            r.stroke(fan, style: StrokeStyle(width: 0.6), color: red, into: &pm)
        }),
        ("clip-rect-and-path", { r, pm in
            let whole = Clip.whole(pm)
            let rc = r.clip(Rect(x: 20.5, y: 15.25, width: 80, height: 100), within: whole)!
            for k in 0..<8 {
                r.stroke(Path(polyline: [Point(0, Double(k) * 20), Point(200, Double(k) * 20 + 30)]),
                         style: StrokeStyle(width: 6), color: blue, clip: rc, into: &pm)
            }
            let pc = r.clip(Path.circle(center: Point(150, 70), radius: 45), within: whole)!
            r.fill(star(Point(150, 70), 70), rule: .evenOdd, color: orange, clip: pc, into: &pm)
            let nested = r.clip(Rect(x: 100, y: 0, width: 50, height: 140), within: pc)!
            r.fillRect(Rect(x: 0, y: 60, width: 200, height: 20), color: green.withOpacity(0.6), clip: nested, into: &pm)
        }),
        ("composite-alpha", { r, pm in
            r.fillRect(Rect(x: 0, y: 0, width: 100, height: 140), color: .black, into: &pm)
            for (k, c) in [blue, orange, green, red].enumerated() {
                r.fill(Path.circle(center: Point(60 + Double(k) * 27, 70 + (k % 2 == 0 ? -15 : 15)), radius: 40),
                       color: c.withOpacity(0.45), into: &pm)
            }
            let dots = (0..<300).map { i -> Point in
                let t = Double(i) * 0.37
                return Point(10 + (t * 17).truncatingRemainder(dividingBy: 180), 10 + (t * 7.3).truncatingRemainder(dividingBy: 120))
            }
            r.stampMarkers(Path.circle(center: .zero, radius: 2.5), at: dots, color: purple.withOpacity(0.5), into: &pm)
        }),
    ]
}
