/// A vector path: sub-paths of lines, quadratic and cubic Béziers, each optionally closed.
///
/// Stored as two flat arrays, verbs and points, as tiny-skia and Skia do: compact, cheap to copy
/// (copy-on-write) and fast to walk. A `line`, `quad` or `cubic` verb without a preceding `move`
/// starts a sub-path at the last point (or the origin).
///
/// Non-finite coordinates are accepted here and dealt with where they would do harm: flattening
/// drops any segment with a NaN or infinite point (see `PathFlattener`).
public struct Path: Hashable, Sendable {
    /// One drawing instruction; `points` holds 1 point for move/line, 2 for quad, 3 for cubic.
    public enum Verb: UInt8, Hashable, Sendable {
        case move, line, quad, cubic, close
    }

    /// One segment of a path as a value, for iteration.
    public enum Element: Hashable, Sendable {
        case move(Point)
        case line(Point)
        case quad(Point, Point)
        case cubic(Point, Point, Point)
        case close
    }

    public private(set) var verbs: [Verb] = []
    public private(set) var points: [Point] = []

    public init() {}

    /// A path from arrays the caller built consistently (each verb's point count matches, each
    /// sub-path opens with `move`): the module's fast path for the stroker and dasher.
    init(uncheckedVerbs verbs: [Verb], points: [Point]) {
        self.verbs = verbs; self.points = points
    }

    /// A path made of one polyline through `points`, closed when `closed` is true.
    public init(polyline: [Point], closed: Bool = false) {
        guard let first = polyline.first else { return }
        verbs.reserveCapacity(polyline.count + 1)
        points.reserveCapacity(polyline.count)
        move(to: first)
        for p in polyline.dropFirst() { line(to: p) }
        if closed { close() }
    }

    public var isEmpty: Bool { verbs.isEmpty }
    /// The last point added, the pen position for the next segment.
    public var currentPoint: Point? { points.last }

    public mutating func move(to p: Point) {
        if verbs.last == .move { points[points.count - 1] = p; return }  // repeated moves collapse
        verbs.append(.move); points.append(p)
    }
    public mutating func line(to p: Point) {
        beginIfNeeded(); verbs.append(.line); points.append(p)
    }
    public mutating func quad(to p: Point, control c: Point) {
        beginIfNeeded(); verbs.append(.quad); points.append(c); points.append(p)
    }
    public mutating func cubic(to p: Point, control1 c1: Point, control2 c2: Point) {
        beginIfNeeded(); verbs.append(.cubic); points.append(c1); points.append(c2); points.append(p)
    }
    /// Closes the current sub-path with a straight line back to its first point.
    public mutating func close() {
        guard let last = verbs.last, last != .close, last != .move else { return }
        verbs.append(.close)
    }

    public mutating func move(to x: Double, _ y: Double) { move(to: Point(x, y)) }
    public mutating func line(to x: Double, _ y: Double) { line(to: Point(x, y)) }

    /// Appends all sub-paths of another path.
    public mutating func append(_ other: Path) {
        verbs.append(contentsOf: other.verbs); points.append(contentsOf: other.points)
    }

    public mutating func reserveCapacity(verbs v: Int, points p: Int) {
        verbs.reserveCapacity(v); points.reserveCapacity(p)
    }

    private mutating func beginIfNeeded() {
        if verbs.isEmpty { verbs.append(.move); points.append(.zero); return }
        if verbs.last == .close {
            // Continue from the start of the closed sub-path, as SVG and PostScript do.
            verbs.append(.move); points.append(subpathStart())
        }
    }

    private func subpathStart() -> Point {
        var pi = points.count
        for v in verbs.reversed() {
            switch v {
            case .move: return points[pi - 1]
            case .line: pi -= 1
            case .quad: pi -= 2
            case .cubic: pi -= 3
            case .close: break
            }
        }
        return .zero
    }

    /// Calls `body` for each element in order.
    @inlinable public func forEach(_ body: (Element) throws -> Void) rethrows {
        var i = 0
        for v in verbs {
            switch v {
            case .move: try body(.move(points[i])); i += 1
            case .line: try body(.line(points[i])); i += 1
            case .quad: try body(.quad(points[i], points[i + 1])); i += 2
            case .cubic: try body(.cubic(points[i], points[i + 1], points[i + 2])); i += 3
            case .close: try body(.close)
            }
        }
    }

    /// The elements as an array (convenient in tests; `forEach` avoids the allocation).
    public var elements: [Element] {
        var out: [Element] = []
        out.reserveCapacity(verbs.count)
        forEach { out.append($0) }
        return out
    }

    /// The bounds of all finite points, control points included (a cheap conservative box).
    public var bounds: Rect? {
        var x0 = Double.infinity, y0 = Double.infinity, x1 = -Double.infinity, y1 = -Double.infinity
        points.withUnsafeBufferPointer { pts in
            for p in pts where p.x.isFinite && p.y.isFinite {
                x0 = Swift.min(x0, p.x); y0 = Swift.min(y0, p.y); x1 = Swift.max(x1, p.x); y1 = Swift.max(y1, p.y)
            }
        }
        guard x0 <= x1, y0 <= y1 else { return nil }
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }

    /// The path with every point mapped through `t`.
    public func transformed(by t: Transform) -> Path {
        if t.isIdentity { return self }
        var p = self
        for i in p.points.indices { p.points[i] = t.apply(p.points[i]) }
        return p
    }
}

extension Path: CustomStringConvertible {
    /// An SVG-like text form (`M 1 2 L 3 4 Z`), used by the Scene text dump in tests.
    public var description: String {
        var s: [String] = []
        forEach { e in
            switch e {
            case .move(let p): s.append("M \(Point.format(p.x)) \(Point.format(p.y))")
            case .line(let p): s.append("L \(Point.format(p.x)) \(Point.format(p.y))")
            case .quad(let c, let p):
                s.append("Q \(Point.format(c.x)) \(Point.format(c.y)) \(Point.format(p.x)) \(Point.format(p.y))")
            case .cubic(let c1, let c2, let p):
                s.append(
                    "C \(Point.format(c1.x)) \(Point.format(c1.y)) \(Point.format(c2.x)) \(Point.format(c2.y)) \(Point.format(p.x)) \(Point.format(p.y))"
                )
            case .close: s.append("Z")
            }
        }
        return s.joined(separator: " ")
    }
}
