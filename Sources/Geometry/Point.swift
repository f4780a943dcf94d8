/// A point or vector in device pixels (or any 2-D space), in double precision.
///
/// Plotline keeps float coordinates all the way down to the scan converter: nothing is rounded to
/// whole pixels unless a caller snaps deliberately (see `Rect.snapped`).
public struct Point: Hashable, Sendable, CustomStringConvertible {
    public var x: Double
    public var y: Double

    @inlinable public init(_ x: Double, _ y: Double) { self.x = x; self.y = y }
    @inlinable public init(x: Double, y: Double) { self.x = x; self.y = y }

    public static let zero = Point(0, 0)

    /// True when both coordinates are finite (neither NaN nor infinite).
    @inlinable public var isFinite: Bool { x.isFinite && y.isFinite }

    /// The Euclidean length of the vector from the origin to this point.
    @inlinable public var length: Double { (x * x + y * y).squareRoot() }

    /// The vector scaled to unit length, or nil when it is (nearly) zero.
    @inlinable public var normalized: Point? {
        let l = length
        guard l > 1e-12, l.isFinite else { return nil }
        return Point(x / l, y / l)
    }

    /// The vector rotated by +90° (in y-down device space: clockwise on screen).
    @inlinable public var perpendicular: Point { Point(-y, x) }

    @inlinable public func dot(_ o: Point) -> Double { x * o.x + y * o.y }
    @inlinable public func cross(_ o: Point) -> Double { x * o.y - y * o.x }
    @inlinable public func distance(to o: Point) -> Double { (self - o).length }
    /// Linear interpolation: `self` at t = 0, `o` at t = 1.
    @inlinable public func lerp(_ o: Point, _ t: Double) -> Point {
        Point(x + (o.x - x) * t, y + (o.y - y) * t)
    }

    @inlinable public static func + (a: Point, b: Point) -> Point { Point(a.x + b.x, a.y + b.y) }
    @inlinable public static func - (a: Point, b: Point) -> Point { Point(a.x - b.x, a.y - b.y) }
    @inlinable public static func * (a: Point, s: Double) -> Point { Point(a.x * s, a.y * s) }
    @inlinable public static func * (s: Double, a: Point) -> Point { Point(a.x * s, a.y * s) }
    @inlinable public static prefix func - (a: Point) -> Point { Point(-a.x, -a.y) }

    public var description: String { "(\(Point.format(x)), \(Point.format(y)))" }

    /// Formats a coordinate with up to 3 decimals and no trailing zeros, for stable text dumps.
    public static func format(_ v: Double) -> String {
        guard v.isFinite else { return "\(v)" }
        let r = (v * 1000).rounded() / 1000
        if r == r.rounded() && abs(r) < 1e15 { return String(Int64(r)) }
        var s = String(r)
        if s.contains("e") { return s }
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s == "-0" ? "0" : s
    }
}
