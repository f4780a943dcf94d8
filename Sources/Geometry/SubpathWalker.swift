/// Receives a flattened path one point at a time (see `SubpathWalker`).
protocol PolylineSink {
    /// Starts a sub-path at a finite point.
    mutating func moveTo(_ p: Point)
    /// Continues the current sub-path to a finite point (which may equal the previous one).
    mutating func lineTo(_ p: Point)
    /// Ends the current sub-path; `closed` when the path closed it (the closing segment back to
    /// the start is implied, not sent as a `lineTo`).
    mutating func endSubpath(closed: Bool)
}

/// Flattens a path into a stream of finite points for the stroker and the dasher.
///
/// Streaming, with a generic sink that the compiler specializes: a million-segment polyline is
/// stroked without copying it into any intermediate polyline (measured: the copy alone cost
/// about a fifth of the stroker's time on 1M segments, mostly page faults). Points stay in the
/// path's own space.
///
/// Cleaning rules (what a stroke needs): a non-finite point, or a curve with a non-finite control
/// point, ends the sub-path there as an open piece and the next finite point starts a new one,
/// as matplotlib breaks a line at NaN; a sub-path split that way is no longer closed. Repeated
/// points are passed on (sinks skip zero-length segments themselves).
enum SubpathWalker {
    static func walk<S: PolylineSink>(_ path: Path, tolerance: Double, into sink: inout S) {
        let tol = tolerance > 0 && tolerance.isFinite ? tolerance : PathFlattener.defaultTolerance
        var open = false       // a sub-path has started and not ended
        var broken = false     // a non-finite point split the current sub-path
        var pen = Point.zero
        var start = Point.zero
        var reopen: Point? = nil  // after a close, a segment without a move starts here
        let count = path.verbs.count
        path.points.withUnsafeBufferPointer { pts in
            path.verbs.withUnsafeBufferPointer { verbs in
                var i = 0
                @inline(__always) func begin(_ p: Point) {
                    sink.moveTo(p); open = true; pen = p
                }
                @inline(__always) func ensureOpen() {
                    if !open, let r = reopen { begin(r) }
                    reopen = nil
                }
                @inline(__always) func breakHere() {
                    if open { sink.endSubpath(closed: false); open = false }
                    broken = true
                    reopen = nil
                }
                for vi in 0..<count {
                    switch verbs[vi] {
                    case .move:
                        if open { sink.endSubpath(closed: false); open = false }
                        broken = false
                        reopen = nil
                        let p = pts[i]; i += 1
                        if p.isFinite { start = p; begin(p) }
                    case .line:
                        let p = pts[i]; i += 1
                        guard p.isFinite else { breakHere(); continue }
                        ensureOpen()
                        if open { sink.lineTo(p); pen = p } else { begin(p) }
                    case .quad:
                        let c = pts[i], p = pts[i + 1]; i += 2
                        guard c.isFinite, p.isFinite else { breakHere(); continue }
                        ensureOpen()
                        guard open else { begin(p); continue }
                        let p0 = pen
                        let n = PathFlattener.quadSteps(p0, c, p, tolerance: tol)
                        if n > 1 {
                            for k in 1..<n {
                                let s = Double(k) / Double(n), u = 1 - s
                                sink.lineTo(Point(u * u * p0.x + 2 * u * s * c.x + s * s * p.x,
                                                  u * u * p0.y + 2 * u * s * c.y + s * s * p.y))
                            }
                        }
                        sink.lineTo(p); pen = p
                    case .cubic:
                        let c1 = pts[i], c2 = pts[i + 1], p = pts[i + 2]; i += 3
                        guard c1.isFinite, c2.isFinite, p.isFinite else { breakHere(); continue }
                        ensureOpen()
                        guard open else { begin(p); continue }
                        let p0 = pen
                        let n = PathFlattener.cubicSteps(p0, c1, c2, p, tolerance: tol)
                        if n > 1 {
                            for k in 1..<n {
                                let s = Double(k) / Double(n), u = 1 - s
                                let a = u * u * u, b = 3 * u * u * s, cc = 3 * u * s * s, d = s * s * s
                                sink.lineTo(Point(a * p0.x + b * c1.x + cc * c2.x + d * p.x,
                                                  a * p0.y + b * c1.y + cc * c2.y + d * p.y))
                            }
                        }
                        sink.lineTo(p); pen = p
                    case .close:
                        if open { sink.endSubpath(closed: !broken); open = false }
                        reopen = broken ? nil : start
                        broken = false
                    }
                }
            }
        }
        if open { sink.endSubpath(closed: false) }
    }
}

/// A sink that collects each sub-path into one reused buffer, without repeated points, and hands
/// it to a closure; for callers that need a whole sub-path at once (the dasher, tests).
struct PolylineCollector: PolylineSink {
    var buffer: [Point] = []
    let body: (_ points: [Point], _ closed: Bool) -> Void

    init(_ body: @escaping (_ points: [Point], _ closed: Bool) -> Void) { self.body = body }

    mutating func moveTo(_ p: Point) { buffer.removeAll(keepingCapacity: true); buffer.append(p) }
    mutating func lineTo(_ p: Point) { if buffer.last != p { buffer.append(p) } }
    mutating func endSubpath(closed: Bool) {
        if closed && buffer.count > 1 && buffer[buffer.count - 1] == buffer[0] { buffer.removeLast() }
        body(buffer, closed)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Calls `body(points, closed)` for each sub-path of `path`, flattened within `tolerance`.
    static func forEach(_ path: Path, tolerance: Double, _ body: (_ points: [Point], _ closed: Bool) -> Void) {
        withoutActuallyEscaping(body) { escapable in
            var sink = PolylineCollector(escapable)
            SubpathWalker.walk(path, tolerance: tolerance, into: &sink)
        }
    }
}
