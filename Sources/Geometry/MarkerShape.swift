#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The shape of a scatter marker, named after matplotlib's markers (`o s D ^ v P X * p h`).
public enum MarkerShape: String, CaseIterable, Sendable {
    case circle, square, diamond, triangleUp, triangleDown, plus, cross, star, pentagon, hexagon
}

extension Path {
    /// A closed, fillable marker outline centred on (0, 0), in y-down device pixels.
    ///
    /// `size` is the marker's diameter in pixels, like matplotlib's `markersize` converted to
    /// pixels: circle, pentagon, hexagon and star have circumradius size/2; the square has side
    /// `size`; the diamond is that square turned 45° (half-diagonal size·√2/2, as matplotlib's `D`);
    /// triangles span `size` in both directions, `triangleUp` pointing up on screen (−y).
    /// `plus` and `cross` are filled outlines (bars size/3 thick, arms reaching size/2), not open
    /// strokes, so every marker can be filled and outlined the same way. All outlines run
    /// clockwise on screen. A non-finite or non-positive size gives an empty path.
    public static func marker(_ shape: MarkerShape, size: Double) -> Path {
        guard size.isFinite, size > 0 else { return Path() }
        let r = size / 2
        switch shape {
        case .circle:
            return circle(center: .zero, radius: r)
        case .square:
            return rect(Rect(x: -r, y: -r, width: size, height: size))
        case .diamond:
            let d = r * 2.0.squareRoot()
            return Path(polyline: [Point(0, -d), Point(d, 0), Point(0, d), Point(-d, 0)], closed: true)
        case .triangleUp:
            return Path(polyline: [Point(0, -r), Point(r, r), Point(-r, r)], closed: true)
        case .triangleDown:
            return Path(polyline: [Point(0, r), Point(-r, -r), Point(r, -r)], closed: true)
        case .plus:
            return Path(polyline: plusOutline(r), closed: true)
        case .cross:
            let t = Transform.rotation(Double.pi / 4)
            return Path(polyline: plusOutline(r).map(t.apply), closed: true)
        case .star:
            return Path(polyline: regularStar(points: 5, outer: r, inner: r * 0.381966), closed: true)
        case .pentagon:
            return Path(polyline: regularPolygon(sides: 5, radius: r), closed: true)
        case .hexagon:
            return Path(polyline: regularPolygon(sides: 6, radius: r), closed: true)
        }
    }

    /// A regular polygon's vertices with the first pointing up on screen, clockwise on screen.
    static func regularPolygon(sides: Int, radius: Double) -> [Point] {
        (0..<sides).map { i in
            let a = -Double.pi / 2 + 2 * Double.pi * Double(i) / Double(sides)
            return Point(radius * cos(a), radius * sin(a))
        }
    }

    /// A star's alternating outer and inner vertices, the first tip pointing up, clockwise on screen.
    static func regularStar(points n: Int, outer: Double, inner: Double) -> [Point] {
        (0..<(2 * n)).map { i in
            let a = -Double.pi / 2 + Double.pi * Double(i) / Double(n)
            let rr = i % 2 == 0 ? outer : inner
            return Point(rr * cos(a), rr * sin(a))
        }
    }

    /// The twelve corners of a thick plus sign with arms reaching `r` and bars 2r/3 thick.
    static func plusOutline(_ r: Double) -> [Point] {
        let t = r / 3
        return [
            Point(-t, -r), Point(t, -r), Point(t, -t), Point(r, -t), Point(r, t), Point(t, t),
            Point(t, r), Point(-t, r), Point(-t, t), Point(-r, t), Point(-r, -t), Point(-t, -t),
        ]
    }
}
