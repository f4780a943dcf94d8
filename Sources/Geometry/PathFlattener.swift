#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A flattened sub-path: a polyline, closed or open.
public struct Polyline: Hashable, Sendable {
    public var points: [Point]
    public var closed: Bool
    public init(points: [Point], closed: Bool) { self.points = points; self.closed = closed }
}

/// Turns curves into line segments within a tolerance measured in device pixels.
///
/// Each Bézier is split into `n` uniform parameter steps, with `n` from Wang's formula (the bound
/// on a polynomial's second differences): a quadratic needs `sqrt(|p0 − 2c + p1| / (4·tol))` steps,
/// a cubic `sqrt(3/4 · max|Δ²| / tol)`. This is the approach of Blend2D and tiny-skia's
/// `path_geometry`; it is branch-free per step and never recurses.
///
/// Bad input: a NaN or infinite point is skipped: the pen stays at the last finite point and the
/// next finite point is joined to it (a curve with a non-finite control point becomes a line).
/// For fills this keeps every contour closed, which the scan converter needs; a stroke that must
/// break at NaN does so itself (see `Stroker`). Steps per curve are capped at 1,000 so an
/// enormous curve cannot hang the caller.
public enum PathFlattener {
    /// The default tolerance: a tenth of a pixel, invisible at 8-bit coverage.
    public static let defaultTolerance = 0.1
    static let maxSteps = 1000

    /// Steps for a quadratic Bézier so its chords stay within `tolerance` of the curve.
    ///
    /// The chord error of a step of parameter length 1/n is at most |B''|/(8n²), and a quadratic's
    /// B'' is the constant 2·(p0 − 2c + p1): n = sqrt(|p0 − 2c + p1| / (4·tol)).
    @inlinable public static func quadSteps(_ p0: Point, _ c: Point, _ p1: Point, tolerance: Double) -> Int {
        let dd = (p0 - 2 * c + p1).length
        let n = (dd / (4 * tolerance)).squareRoot().rounded(.up)
        return n.isFinite ? Swift.max(1, Swift.min(1000, Int(n))) : 1
    }

    /// Steps for a cubic Bézier so its chords stay within `tolerance` of the curve.
    @inlinable public static func cubicSteps(_ p0: Point, _ c1: Point, _ c2: Point, _ p1: Point, tolerance: Double) -> Int {
        let d1 = (p0 - 2 * c1 + c2).length, d2 = (c1 - 2 * c2 + p1).length
        let n = (0.75 * Swift.max(d1, d2) / tolerance).squareRoot().rounded(.up)
        return n.isFinite ? Swift.max(1, Swift.min(1000, Int(n))) : 1
    }

    /// Walks the path through `transform` and calls `line(a, b)` for every flattened segment.
    ///
    /// With `closeSubpaths` every sub-path gets its closing edge (what a fill needs); otherwise only
    /// sub-paths with an explicit `close` do. `begin` is called at the start of each sub-path with
    /// its first point, and `end` with whether it was closed, for callers that build polylines.
    public static func walk(
        _ path: Path, transform: Transform = .identity, tolerance: Double = defaultTolerance,
        closeSubpaths: Bool,
        line: (Point, Point) -> Void
    ) {
        let tol = tolerance > 0 && tolerance.isFinite ? tolerance : defaultTolerance
        let t = transform
        let identity = t.isIdentity
        var start = Point.zero, pen = Point.zero
        var open = false      // a sub-path has begun and has at least its first point
        var hasSegment = false
        func map(_ p: Point) -> Point { identity ? p : t.apply(p) }
        func finish() {
            if open && hasSegment && closeSubpaths && pen != start { line(pen, start) }
            open = false; hasSegment = false
        }
        var i = 0
        let pts = path.points
        for v in path.verbs {
            switch v {
            case .move:
                finish()
                let p = map(pts[i]); i += 1
                if p.isFinite { start = p; pen = p; open = true }
            case .line:
                let p = map(pts[i]); i += 1
                guard p.isFinite else { continue }
                if !open { start = p; pen = p; open = true; continue }
                if p != pen { line(pen, p); hasSegment = true }
                pen = p
            case .quad:
                let c = map(pts[i]), p = map(pts[i + 1]); i += 2
                guard p.isFinite else { continue }
                guard open, c.isFinite else { if !open { start = p; open = true }; pen = p; continue }
                let n = quadSteps(pen, c, p, tolerance: tol)
                let p0 = pen
                var prev = p0
                for k in 1..<n {
                    let s = Double(k) / Double(n), u = 1 - s
                    let q = Point(u * u * p0.x + 2 * u * s * c.x + s * s * p.x,
                                  u * u * p0.y + 2 * u * s * c.y + s * s * p.y)
                    line(prev, q); prev = q
                }
                line(prev, p); hasSegment = true; pen = p
            case .cubic:
                let c1 = map(pts[i]), c2 = map(pts[i + 1]), p = map(pts[i + 2]); i += 3
                guard p.isFinite else { continue }
                guard open, c1.isFinite, c2.isFinite else { if !open { start = p; open = true }; pen = p; continue }
                let n = cubicSteps(pen, c1, c2, p, tolerance: tol)
                let p0 = pen
                var prev = p0
                for k in 1..<n {
                    let s = Double(k) / Double(n), u = 1 - s
                    let a = u * u * u, b = 3 * u * u * s, cc = 3 * u * s * s, d = s * s * s
                    let q = Point(a * p0.x + b * c1.x + cc * c2.x + d * p.x,
                                  a * p0.y + b * c1.y + cc * c2.y + d * p.y)
                    line(prev, q); prev = q
                }
                line(prev, p); hasSegment = true; pen = p
            case .close:
                if open && hasSegment && pen != start { line(pen, start) }
                pen = start
                hasSegment = false
            }
        }
        finish()
    }

    /// The path as polylines, one per sub-path (sub-paths with fewer than two points included,
    /// so that a stroker can draw caps for zero-length sub-paths).
    public static func polylines(
        _ path: Path, transform: Transform = .identity, tolerance: Double = defaultTolerance
    ) -> [Polyline] {
        var out: [Polyline] = []
        var current: [Point] = []
        var reopen: Point? = nil  // after a close, the next segment starts from the sub-path start
        let t = transform, identity = t.isIdentity
        func map(_ p: Point) -> Point { identity ? p : t.apply(p) }
        func flush(closed: Bool) {
            if !current.isEmpty { out.append(Polyline(points: current, closed: closed)) }
            current = []
        }
        var i = 0
        let pts = path.points
        let tol = tolerance > 0 && tolerance.isFinite ? tolerance : defaultTolerance
        for v in path.verbs {
            switch v {
            case .move:
                flush(closed: false)
                reopen = nil
                let p = map(pts[i]); i += 1
                if p.isFinite { current.append(p) }
            case .line:
                let p = map(pts[i]); i += 1
                if let r = reopen, current.isEmpty { current.append(r) }
                reopen = nil
                if p.isFinite { current.append(p) }
            case .quad:
                let c = map(pts[i]), p = map(pts[i + 1]); i += 2
                if let r = reopen, current.isEmpty { current.append(r) }
                reopen = nil
                guard p.isFinite else { continue }
                if let p0 = current.last, c.isFinite {
                    let n = quadSteps(p0, c, p, tolerance: tol)
                    for k in 1..<n {
                        let s = Double(k) / Double(n), u = 1 - s
                        current.append(Point(u * u * p0.x + 2 * u * s * c.x + s * s * p.x,
                                             u * u * p0.y + 2 * u * s * c.y + s * s * p.y))
                    }
                }
                current.append(p)
            case .cubic:
                let c1 = map(pts[i]), c2 = map(pts[i + 1]), p = map(pts[i + 2]); i += 3
                if let r = reopen, current.isEmpty { current.append(r) }
                reopen = nil
                guard p.isFinite else { continue }
                if let p0 = current.last, c1.isFinite, c2.isFinite {
                    let n = cubicSteps(p0, c1, c2, p, tolerance: tol)
                    for k in 1..<n {
                        let s = Double(k) / Double(n), u = 1 - s
                        let a = u * u * u, b = 3 * u * u * s, cc = 3 * u * s * s, d = s * s * s
                        current.append(Point(a * p0.x + b * c1.x + cc * c2.x + d * p.x,
                                             a * p0.y + b * c1.y + cc * c2.y + d * p.y))
                    }
                }
                current.append(p)
            case .close:
                reopen = current.first ?? reopen
                flush(closed: true)
            }
        }
        flush(closed: false)
        return out
    }
}
