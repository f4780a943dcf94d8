#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A 2-D affine transform mapping (x, y) to (a·x + c·y + tx, b·x + d·y + ty).
///
/// The same layout as PostScript, Cairo and tiny-skia: `a b c d tx ty`. Composition with
/// `concatenating` applies `self` first and then the argument.
public struct Transform: Hashable, Sendable, CustomStringConvertible {
    public var a: Double, b: Double, c: Double, d: Double, tx: Double, ty: Double

    public init(a: Double, b: Double, c: Double, d: Double, tx: Double, ty: Double) {
        self.a = a; self.b = b; self.c = c; self.d = d; self.tx = tx; self.ty = ty
    }

    public static let identity = Transform(a: 1, b: 0, c: 0, d: 1, tx: 0, ty: 0)

    public static func translation(_ x: Double, _ y: Double) -> Transform {
        Transform(a: 1, b: 0, c: 0, d: 1, tx: x, ty: y)
    }
    public static func scale(_ sx: Double, _ sy: Double) -> Transform {
        Transform(a: sx, b: 0, c: 0, d: sy, tx: 0, ty: 0)
    }
    /// A rotation by `radians`; in y-down device space a positive angle turns clockwise on screen.
    public static func rotation(_ radians: Double) -> Transform {
        let s = sin(radians), co = cos(radians)
        return Transform(a: co, b: s, c: -s, d: co, tx: 0, ty: 0)
    }

    /// `self` followed by `t`.
    public func concatenating(_ t: Transform) -> Transform {
        Transform(
            a: a * t.a + b * t.c, b: a * t.b + b * t.d,
            c: c * t.a + d * t.c, d: c * t.b + d * t.d,
            tx: tx * t.a + ty * t.c + t.tx, ty: tx * t.b + ty * t.d + t.ty)
    }
    public func translated(_ x: Double, _ y: Double) -> Transform { concatenating(.translation(x, y)) }
    public func scaled(_ sx: Double, _ sy: Double) -> Transform { concatenating(.scale(sx, sy)) }
    public func rotated(_ r: Double) -> Transform { concatenating(.rotation(r)) }

    @inlinable public func apply(_ p: Point) -> Point {
        Point(a * p.x + c * p.y + tx, b * p.x + d * p.y + ty)
    }

    public var determinant: Double { a * d - b * c }
    public var isIdentity: Bool { self == .identity }
    /// True when the transform only translates and scales (no rotation or skew).
    public var isAxisAligned: Bool { b == 0 && c == 0 }
    /// The largest factor by which the transform stretches a length (for flattening tolerances).
    public var maxScale: Double {
        let p = a * a + b * b, q = c * c + d * d
        let m = (p + q) / 2, r = (((p - q) / 2) * ((p - q) / 2) + (a * c + b * d) * (a * c + b * d)).squareRoot()
        return (m + r).squareRoot()
    }

    public func inverted() -> Transform? {
        let det = determinant
        guard det != 0, det.isFinite else { return nil }
        let ia = d / det, ib = -b / det, ic = -c / det, id = a / det
        return Transform(a: ia, b: ib, c: ic, d: id, tx: -(tx * ia + ty * ic), ty: -(tx * ib + ty * id))
    }

    public var description: String {
        "[\([a, b, c, d, tx, ty].map(Point.format).joined(separator: " "))]"
    }
}

