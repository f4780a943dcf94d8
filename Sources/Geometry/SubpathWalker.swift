/// Flattens a path one sub-path at a time into a reused point buffer, for the stroker and dasher.
///
/// Unlike `PathFlattener.polylines` this builds no array of polylines: each sub-path is handed to
/// the caller in one scratch buffer that is cleared and refilled, so a million-segment polyline
/// costs one buffer and no per-segment allocation. Points stay in the path's own space.
///
/// Cleaning rules (what a stroke needs): consecutive equal points are merged; a non-finite point
/// (or a curve with a non-finite control point) ends the sub-path there as an open piece and the
/// next finite point starts a new one, as matplotlib breaks a line at NaN; a closed sub-path whose
/// last point equals its first drops the repeat. A sub-path of one point is still reported (a dot).
struct SubpathWalker {
    var buffer: [Point] = []

    /// Calls `body(points, closed)` for each non-empty sub-path, flattened within `tolerance`.
    mutating func walk(_ path: Path, tolerance: Double, _ body: (_ points: [Point], _ closed: Bool) -> Void) {
        let tol = tolerance > 0 && tolerance.isFinite ? tolerance : PathFlattener.defaultTolerance
        buffer.removeAll(keepingCapacity: true)
        var broken = false   // a non-finite point split the current sub-path: ignore its close
        var start = Point.zero
        var reopen: Point? = nil  // after a close, a segment without a move starts here
        func flush(closed: Bool) {
            if !buffer.isEmpty {
                if closed && buffer.count > 1 && buffer[buffer.count - 1] == buffer[0] { buffer.removeLast() }
                body(buffer, closed)
            }
            buffer.removeAll(keepingCapacity: true)
        }
        func add(_ p: Point) {
            if let last = buffer.last {
                if last == p { return }
            } else if let r = reopen {
                buffer.append(r)
                reopen = nil
                if r == p { return }
            }
            buffer.append(p)
        }
        func breakHere() {
            flush(closed: false)
            broken = true
        }
        let pts = path.points
        var i = 0
        for v in path.verbs {
            switch v {
            case .move:
                flush(closed: false)
                broken = false
                reopen = nil
                let p = pts[i]; i += 1
                if p.isFinite { start = p; buffer.append(p) }
            case .line:
                let p = pts[i]; i += 1
                if p.isFinite { add(p) } else { breakHere() }
            case .quad:
                let c = pts[i], p = pts[i + 1]; i += 2
                guard c.isFinite, p.isFinite else { breakHere(); continue }
                if buffer.isEmpty, let r = reopen { add(r) }
                guard let p0 = buffer.last else { add(p); continue }
                let n = PathFlattener.quadSteps(p0, c, p, tolerance: tol)
                if n > 1 {
                    for k in 1..<n {
                        let s = Double(k) / Double(n), u = 1 - s
                        add(Point(u * u * p0.x + 2 * u * s * c.x + s * s * p.x,
                                  u * u * p0.y + 2 * u * s * c.y + s * s * p.y))
                    }
                }
                add(p)
            case .cubic:
                let c1 = pts[i], c2 = pts[i + 1], p = pts[i + 2]; i += 3
                guard c1.isFinite, c2.isFinite, p.isFinite else { breakHere(); continue }
                if buffer.isEmpty, let r = reopen { add(r) }
                guard let p0 = buffer.last else { add(p); continue }
                let n = PathFlattener.cubicSteps(p0, c1, c2, p, tolerance: tol)
                if n > 1 {
                    for k in 1..<n {
                        let s = Double(k) / Double(n), u = 1 - s
                        let a = u * u * u, b = 3 * u * u * s, cc = 3 * u * s * s, d = s * s * s
                        add(Point(a * p0.x + b * c1.x + cc * c2.x + d * p.x,
                                  a * p0.y + b * c1.y + cc * c2.y + d * p.y))
                    }
                }
                add(p)
            case .close:
                let wasBroken = broken
                flush(closed: !wasBroken)
                broken = false
                // A segment after a close continues from the sub-path's start (Path inserts a move
                // there anyway).
                reopen = wasBroken ? nil : start
            }
        }
        flush(closed: false)
    }
}
