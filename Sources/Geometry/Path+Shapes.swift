#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Shape constructors and arc appenders for `Path`.
///
/// Angles are in radians in y-down device space: angle 0 points right (+x) and angle π/2 points
/// DOWN (+y), so increasing angles turn clockwise on screen. `clockwise` arguments mean clockwise
/// as seen on screen, which is the direction of increasing angle. Every closed shape here is
/// traced clockwise on screen, so shapes combine predictably under the nonzero rule.
///
/// Circles and arcs are cubic Béziers of at most 90° each with handle length k·r,
/// k = 4/3·tan(θ/4) (0.5522847498 for a quarter circle): the radial error is below 0.03% of r.
extension Path {
    /// The handle factor for a quarter circle, 4/3·tan(π/8).
    public static let quarterArcKappa = 0.5522847498

    /// A closed axis-aligned rectangle, traced clockwise on screen from its minimum corner.
    public static func rect(_ r: Rect) -> Path {
        var p = Path()
        p.reserveCapacity(verbs: 5, points: 4)
        p.move(to: Point(r.minX, r.minY))
        p.line(to: Point(r.maxX, r.minY))
        p.line(to: Point(r.maxX, r.maxY))
        p.line(to: Point(r.minX, r.maxY))
        p.close()
        return p
    }

    /// A closed circle of four cubic quarter arcs, starting at angle 0 and running clockwise on screen.
    public static func circle(center: Point, radius: Double) -> Path {
        ellipse(in: Rect(x: center.x - radius, y: center.y - radius, width: 2 * radius, height: 2 * radius))
    }

    /// A closed ellipse inscribed in `r`, four cubic quarter arcs, clockwise on screen from the right.
    public static func ellipse(in r: Rect) -> Path {
        let c = r.center, rx = r.width / 2, ry = r.height / 2
        let kx = rx * quarterArcKappa, ky = ry * quarterArcKappa
        var p = Path()
        p.reserveCapacity(verbs: 6, points: 13)
        p.move(to: Point(c.x + rx, c.y))
        p.cubic(to: Point(c.x, c.y + ry), control1: Point(c.x + rx, c.y + ky), control2: Point(c.x + kx, c.y + ry))
        p.cubic(to: Point(c.x - rx, c.y), control1: Point(c.x - kx, c.y + ry), control2: Point(c.x - rx, c.y + ky))
        p.cubic(to: Point(c.x, c.y - ry), control1: Point(c.x - rx, c.y - ky), control2: Point(c.x - kx, c.y - ry))
        p.cubic(to: Point(c.x + rx, c.y), control1: Point(c.x + kx, c.y - ry), control2: Point(c.x + rx, c.y - ky))
        p.close()
        return p
    }

    /// A closed rectangle with circular corners; `radius` is clamped to [0, half the shorter side].
    public static func roundedRect(_ r: Rect, radius: Double) -> Path {
        let rad = min(max(radius.isFinite ? radius : 0, 0), min(r.width, r.height) / 2)
        if rad <= 0 { return rect(r) }
        let k = rad * (1 - quarterArcKappa)
        let x0 = r.minX, y0 = r.minY, x1 = r.maxX, y1 = r.maxY
        var p = Path()
        p.reserveCapacity(verbs: 10, points: 20)
        p.move(to: Point(x0 + rad, y0))
        p.line(to: Point(x1 - rad, y0))
        p.cubic(to: Point(x1, y0 + rad), control1: Point(x1 - k, y0), control2: Point(x1, y0 + k))
        p.line(to: Point(x1, y1 - rad))
        p.cubic(to: Point(x1 - rad, y1), control1: Point(x1, y1 - k), control2: Point(x1 - k, y1))
        p.line(to: Point(x0 + rad, y1))
        p.cubic(to: Point(x0, y1 - rad), control1: Point(x0 + k, y1), control2: Point(x0, y1 - k))
        p.line(to: Point(x0, y0 + rad))
        p.cubic(to: Point(x0 + rad, y0), control1: Point(x0, y0 + k), control2: Point(x0 + k, y0))
        p.close()
        return p
    }

    /// Appends a circular arc as cubic Béziers of at most 90° each.
    ///
    /// The arc runs from `startAngle` to `endAngle` (radians, y-down: increasing angle is clockwise
    /// on screen). With `clockwise` true the sweep goes through increasing angles, otherwise
    /// through decreasing ones; a sweep of 2π or more in the chosen direction draws a full circle.
    /// The arc is joined to the current point with a straight line, or starts a sub-path with a
    /// `move` when the path is empty or its last sub-path is closed.
    public mutating func addArc(center: Point, radius: Double, startAngle: Double, endAngle: Double,
                                clockwise: Bool) {
        guard radius.isFinite, startAngle.isFinite, endAngle.isFinite, center.isFinite else { return }
        let sweep = Path.arcSweep(from: startAngle, to: endAngle, clockwise: clockwise)
        let start = Point(center.x + radius * cos(startAngle), center.y + radius * sin(startAngle))
        if verbs.isEmpty || verbs.last == .close { move(to: start) } else { line(to: start) }
        guard sweep != 0, radius > 0 else { return }
        let pieces = max(1, Int((abs(sweep) / (Double.pi / 2) - 1e-9).rounded(.up)))
        let step = sweep / Double(pieces)
        let k = 4.0 / 3.0 * tan(step / 4)
        var a0 = startAngle
        var c0 = cos(a0), s0 = sin(a0)
        for i in 1...pieces {
            let a1 = i == pieces ? startAngle + sweep : startAngle + step * Double(i)
            let c1 = cos(a1), s1 = sin(a1)
            let p1 = Point(center.x + radius * c1, center.y + radius * s1)
            // Tangent at angle a is (−sin a, cos a), pointing towards increasing angles.
            let h0 = Point(center.x + radius * (c0 - k * s0), center.y + radius * (s0 + k * c0))
            let h1 = Point(center.x + radius * (c1 + k * s1), center.y + radius * (s1 - k * c1))
            cubic(to: p1, control1: h0, control2: h1)
            a0 = a1; c0 = c1; s0 = s1
        }
    }

    /// The signed sweep from `a` to `b` in the requested direction, in (0, 2π] (or 0 when equal).
    static func arcSweep(from a: Double, to b: Double, clockwise: Bool) -> Double {
        let twoPi = 2 * Double.pi
        let raw = clockwise ? b - a : a - b
        if raw >= twoPi { return clockwise ? twoPi : -twoPi }
        var s = raw.truncatingRemainder(dividingBy: twoPi)
        if s < 0 { s += twoPi }
        if s == 0 && raw != 0 { s = twoPi }
        return clockwise ? s : -s
    }

    /// A pie slice (`innerRadius` 0) or donut slice, swept clockwise on screen from
    /// `startAngle` to `endAngle` (radians, y-down).
    ///
    /// A sweep of 2π or more gives a full disc, or for a donut a ring made of the outer circle
    /// and the inner circle traced the other way, so the hole stays empty under either fill rule.
    public static func wedge(center: Point, radius: Double, innerRadius: Double = 0,
                             startAngle: Double, endAngle: Double) -> Path {
        var p = Path()
        guard radius.isFinite, innerRadius.isFinite, radius > 0 else { return p }
        let inner = min(max(innerRadius, 0), radius)
        let full = endAngle - startAngle >= 2 * Double.pi
        if full {
            p.addArc(center: center, radius: radius, startAngle: startAngle,
                     endAngle: startAngle + 2 * Double.pi, clockwise: true)
            p.close()
            if inner > 0 {
                p.addArc(center: center, radius: inner, startAngle: startAngle,
                         endAngle: startAngle - 2 * Double.pi, clockwise: false)
                p.close()
            }
            return p
        }
        if inner > 0 {
            p.addArc(center: center, radius: radius, startAngle: startAngle, endAngle: endAngle, clockwise: true)
            p.addArc(center: center, radius: inner, startAngle: endAngle, endAngle: startAngle, clockwise: false)
        } else {
            p.move(to: center)
            p.addArc(center: center, radius: radius, startAngle: startAngle, endAngle: endAngle, clockwise: true)
        }
        p.close()
        return p
    }
}
