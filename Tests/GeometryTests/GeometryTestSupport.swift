import Geometry


enum Geo {
    /// The flattened edges of a path, every sub-path closed (what a fill sees).
    static func edges(_ path: Path, tolerance: Double = 0.01) -> [(Point, Point)] {
        var out: [(Point, Point)] = []
        PathFlattener.walk(path, tolerance: tolerance, closeSubpaths: true) { out.append(($0, $1)) }
        return out
    }

    /// The winding number of `p` with respect to the closed edges.
    static func winding(_ p: Point, _ edges: [(Point, Point)]) -> Int {
        var w = 0
        for (a, b) in edges {
            if a.y <= p.y {
                if b.y > p.y && (b - a).cross(p - a) > 0 { w += 1 }
            } else if b.y <= p.y && (b - a).cross(p - a) < 0 {
                w -= 1
            }
        }
        return w
    }

    /// The signed area enclosed by the edges (shoelace); y-down clockwise on screen is positive.
    static func signedArea(_ edges: [(Point, Point)]) -> Double {
        var s = 0.0
        for (a, b) in edges { s += a.x * b.y - b.x * a.y }
        return s / 2
    }

    static func area(_ path: Path, tolerance: Double = 0.001) -> Double {
        signedArea(edges(path, tolerance: tolerance))
    }

    /// Distance from `p` to the segment ab.
    static func distance(_ p: Point, _ a: Point, _ b: Point) -> Double {
        let ab = b - a
        let l2 = ab.dot(ab)
        if l2 == 0 { return p.distance(to: a) }
        let t = max(0, min(1, (p - a).dot(ab) / l2))
        return p.distance(to: a.lerp(b, t))
    }

    /// Distance from `p` to an open or closed polyline.
    static func distance(_ p: Point, polyline: [Point], closed: Bool) -> Double {
        if polyline.count == 1 { return p.distance(to: polyline[0]) }
        var d = Double.infinity
        for i in 1..<polyline.count { d = min(d, distance(p, polyline[i - 1], polyline[i])) }
        if closed { d = min(d, distance(p, polyline[polyline.count - 1], polyline[0])) }
        return d
    }

    /// True when every point of the path is finite.
    static func allFinite(_ path: Path) -> Bool { path.points.allSatisfy { $0.isFinite } }
}
