#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns a stroked path into a closed outline to be filled with the nonzero rule.
///
/// Design (after Skia's SkStroke.cpp and tiny-skia's stroker.rs): each sub-path is flattened into
/// a polyline, then walked once, building a left offset polyline straight into the output and a
/// right one in a reused scratch buffer that is appended reversed. At every vertex the side on
/// the outside of the turn gets the join (miter, round or bevel); the side on the inside is routed
/// through the pivot point (offset, centre, offset). Then the outline is, as a chain, exactly the
/// sum of one rectangle per segment, one wedge per outer join and the caps, all with the same
/// orientation: under the nonzero rule the fill is their union, with no gaps where the inside
/// offsets cross and no holes where the pieces overlap. Open sub-paths give one contour
/// (left, end cap, right reversed, start cap); closed ones give two (left, and right reversed).
///
/// Curves are approximated by tangent polygons rather than chords: round joins and caps put
/// their vertices on the tangent lines, at radius h/cos(θ/2), so the outline never falls inside
/// the true stroke and never sticks out by more than the tolerance. The step θ comes from the
/// half width and the tolerance, not a fixed count. A one-step tangent polygon is the miter
/// point, so a join whose turn is within tolerance of straight costs one point on each side, and
/// the inside of a gentle join uses the inner miter point instead of the pivot route when both
/// segments are long enough to contain it. Together these keep a smooth dense polyline near two
/// output points per input point, which is what the rasterizer pays for.
///
/// Measured (swift build -c release, 2-core AMD EPYC VM, best of 7, 1.5 px, tolerance 0.1):
/// 1,000,000 segments: smooth sine 26 ms (2.0 output points per segment, any join); random
/// walk 67 ms round / 51 ms miter (4.5 / 3.5 points per segment, mostly U-turns shorter than
/// the width); white noise 69 ms round. 10,000 segments: 0.20 to 0.46 ms. Backing the output
/// with 2 MB pages (madvise) took the 1M figures down from 45 / 113 / 124 ms: with 4 KB pages a
/// third of the time was page faults on the fresh output.
/// TODO: 1M random walk is 67 ms against a 40 ms aim; ideas: an unsafe-pointer output buffer,
/// fewer points for dense zigzags (U-turns on segments shorter than the width).
/// No trigonometry runs per join: arc steps rotate by a precomputed angle, and the last, partial
/// step uses the tangent-intersection formula h²(u + v)/(h² + u·v).
public enum Stroker {
    /// The closed outline of `path` stroked with `style`, in device space, for a nonzero fill.
    ///
    /// The stroke is built in the path's own space with `style.width`, then every point is mapped
    /// through `transform`; curves are flattened to within `tolerance` device pixels (the path-space
    /// tolerance is `tolerance / transform.maxScale`). With `style.dash` set, the path is dashed
    /// first (see `Dasher`). The result holds only `move`, `line` and `close` verbs.
    ///
    /// Degenerate input: zero-length segments are skipped; a sub-path whose points all coincide
    /// draws a disc for round caps, an axis-aligned square for square caps and nothing for butt
    /// caps (as SVG); a closed sub-path gets a join at its start and no caps; non-finite points
    /// break the line there; a width that is not positive and finite gives an empty path.
    public static func outline(_ path: Path, style: StrokeStyle, transform: Transform = .identity,
                               tolerance: Double = PathFlattener.defaultTolerance) -> Path {
        let w = style.width
        let scale = transform.maxScale
        guard w > 0, w.isFinite, scale > 0, scale.isFinite, transform.tx.isFinite, transform.ty.isFinite
        else { return Path() }
        let deviceTolerance = tolerance > 0 && tolerance.isFinite ? tolerance : PathFlattener.defaultTolerance
        let tol = deviceTolerance / scale
        var source = path
        if let dash = style.dash {
            source = Dasher.dash(path, pattern: dash, transform: transform, tolerance: deviceTolerance)
        }
        var builder = StrokeBuilder(style: style, tolerance: tol, expectedPoints: source.points.count)
        SubpathWalker.walk(source, tolerance: tol, into: &builder)
        return builder.finish(transform)
    }
}

/// The stroker's working state: constants derived from the style and the output being built.
struct StrokeBuilder: PolylineSink {
    let h: Double                // half the stroke width
    let join: LineJoin
    let cap: LineCap
    let miterCos: Double         // joins with cos(turn) below this exceed the miter limit
    let flatCos: Double          // cos of the tangent-polygon step θ (≤ 90°)
    let stepCos: Double, stepSin: Double    // rotation by θ
    let halfCos: Double, halfSin: Double    // rotation by θ/2
    let reach: Double            // 1/cos(θ/2): radius factor of a tangent-polygon vertex
    let maxArcSteps: Int
    let minSegment: Double       // shorter segments are skipped
    var verbs: [Path.Verb] = []
    var points: [Point] = []
    var right: [Point] = []      // right offsets of the current sub-path, appended reversed

    init(style: StrokeStyle, tolerance: Double, expectedPoints: Int) {
        h = style.width / 2
        join = style.join
        cap = style.cap
        let limit = style.miterLimit >= 1 ? style.miterLimit : 1   // NaN and < 1 act as 1
        miterCos = 2 / (limit * limit) - 1
        // Largest step θ whose tangent-polygon vertex h/cos(θ/2) stays within h + tolerance.
        var theta = 2 * acos(h / (h + tolerance))
        if !(theta <= Double.pi / 2) { theta = Double.pi / 2 }
        theta = max(theta, Double.pi / 2000)
        flatCos = cos(theta)
        stepCos = cos(theta); stepSin = sin(theta)
        halfCos = cos(theta / 2); halfSin = sin(theta / 2)
        reach = 1 / halfCos
        maxArcSteps = Int((Double.pi / theta).rounded(.up)) + 4
        minSegment = h * 1e-6
        // Reserve for the worst case of a dense polyline: untouched pages of a large reservation
        // cost nothing, while growing a 100 MB array copies it and faults twice the memory.
        let arcPoints = join == .round ? min(maxArcSteps, 12) + 1 : 2
        points.reserveCapacity(expectedPoints * (3 + arcPoints) + 64)
        right.reserveCapacity(expectedPoints * 3 + 16)
        verbs.reserveCapacity(16)
        StrokeBuilder.adviseHugePages(&points)
        StrokeBuilder.adviseHugePages(&right)
    }

    // Streaming state of the current sub-path.
    var first = Point.zero       // its first point
    var cur = Point.zero         // the last vertex kept
    var hasPoint = false
    var hasSegment = false
    var d0 = Point.zero, l0 = 0.0          // first segment: unit direction, length
    var dPrev = Point.zero, lPrev = 0.0    // last segment
    var contourStart = 0

    mutating func moveTo(_ p: Point) {
        if hasPoint { endSubpath(closed: false) }
        first = p; cur = p
        hasPoint = true; hasSegment = false
    }

    mutating func lineTo(_ q: Point) {
        let dx = q.x - cur.x, dy = q.y - cur.y
        let l = (dx * dx + dy * dy).squareRoot()
        guard l > minSegment else { return }   // zero-length (or NaN) segments are skipped
        let inv = 1 / l
        let d = Point(dx * inv, dy * inv)
        if hasSegment {
            joinAt(cur, dPrev, d, lPrev, l)
        } else {
            // Start both sides at the first point. For a closed sub-path these points lie on the
            // first segment's offset lines, collinear with where the closing join ends.
            hasSegment = true
            d0 = d; l0 = l
            right.removeAll(keepingCapacity: true)
            contourStart = points.count
            let nv = Point(-d.y * h, d.x * h)
            points.append(first + nv); right.append(first - nv)
        }
        cur = q; dPrev = d; lPrev = l
    }

    mutating func endSubpath(closed: Bool) {
        defer { hasPoint = false; hasSegment = false }
        guard hasPoint else { return }
        guard hasSegment else { dot(first); return }
        if closed {
            // The closing segment back to the first point (unless degenerate), then the join there.
            let dx = first.x - cur.x, dy = first.y - cur.y
            let l = (dx * dx + dy * dy).squareRoot()
            if l > minSegment {
                let d = Point(dx / l, dy / l)
                joinAt(cur, dPrev, d, lPrev, l)
                dPrev = d; lPrev = l
            }
            joinAt(first, dPrev, d0, lPrev, l0)
            closeContour(from: contourStart)
            let rs = points.count
            appendRightReversed()
            closeContour(from: rs)
        } else {
            let nv = Point(-dPrev.y * h, dPrev.x * h)
            points.append(cur + nv); right.append(cur - nv)
            capAt(cur, dPrev)
            appendRightReversed()
            capAt(first, -d0)
            closeContour(from: contourStart)
        }
    }

    mutating func appendRightReversed() {
        let n = right.count
        guard n > 0 else { return }
        let base = points.count
        points.append(contentsOf: repeatElement(Point.zero, count: n))
        points.withUnsafeMutableBufferPointer { dst in
            right.withUnsafeBufferPointer { src in
                for i in 0..<n { dst[base + i] = src[n - 1 - i] }
            }
        }
    }

    /// The join at `p` between a segment along unit `d0` (length `l0`) and one along `d1` (`l1`).
    @inline(__always)
    mutating func joinAt(_ p: Point, _ d0: Point, _ d1: Point, _ l0: Double, _ l1: Double) {
        let c = d0.x * d1.x + d0.y * d1.y
        let s = d0.x * d1.y - d0.y * d1.x
        let n0 = Point(-d0.y * h, d0.x * h), n1 = Point(-d1.y * h, d1.x * h)
        let outerLeft = s <= 0       // turning towards −n: the +n (left) side is outside
        let sign: Double = outerLeft ? 1 : -1
        // Inside of the turn: the inner miter point when both segments contain it, else the pivot.
        // The inner miter point lies h·tan(α/2) back along both segments, and the kite it cuts
        // off reaches h·sin(α) back: both must fit in the shorter segment (α is the turn).
        let minL2 = min(l0, l1) * min(l0, l1)
        let gentle = c >= 0 ? h * h * (1 - c * c) <= minL2 : h * h * (1 - c) <= minL2 * (1 + c)
        let mf = 1 / (1 + c)         // used only when gentle or c ≥ flatCos / miterCos (> −1)
        if gentle {
            let m = Point((n0.x + n1.x) * mf, (n0.y + n1.y) * mf)
            emitInner(p - sign * m, outerLeft)
        } else {
            emitInner(p - sign * n0, outerLeft)
            emitInner(p, outerLeft)
            emitInner(p - sign * n1, outerLeft)
        }
        // Outside of the turn.
        if c >= flatCos {
            let m = Point((n0.x + n1.x) * mf, (n0.y + n1.y) * mf)
            emitOuter(p + sign * m, outerLeft)
            return
        }
        switch join {
        case .miter where c >= miterCos && c > -1 + 1e-12:
            let m = Point((n0.x + n1.x) * mf, (n0.y + n1.y) * mf)
            emitOuter(p + sign * m, outerLeft)
        case .round:
            arc(p, from: sign * n0, to: sign * n1, rotation: -sign, outerLeft: outerLeft)
        default:
            emitOuter(p + sign * n0, outerLeft)
            emitOuter(p + sign * n1, outerLeft)
        }
    }

    @inline(__always) mutating func emitOuter(_ q: Point, _ outerLeft: Bool) {
        if outerLeft { points.append(q) } else { right.append(q) }
    }
    @inline(__always) mutating func emitInner(_ q: Point, _ outerLeft: Bool) {
        if outerLeft { right.append(q) } else { points.append(q) }
    }

    /// Tangent-polygon vertices of the arc around `p` from offset `u` to offset `v` (both of
    /// length h, at most 180° apart), turning by `rotation` (+1 or −1) steps of θ.
    mutating func arc(_ p: Point, from u0: Point, to v: Point, rotation sg: Double, outerLeft: Bool) {
        let hh = h * h
        var u = u0
        var steps = 0
        while u.x * v.x + u.y * v.y < hh * flatCos && steps < maxArcSteps {
            let vx = (u.x * halfCos - sg * u.y * halfSin) * reach
            let vy = (sg * u.x * halfSin + u.y * halfCos) * reach
            emitOuter(Point(p.x + vx, p.y + vy), outerLeft)
            u = Point(u.x * stepCos - sg * u.y * stepSin, sg * u.x * stepSin + u.y * stepCos)
            steps += 1
        }
        let f = hh / (hh + u.x * v.x + u.y * v.y)
        emitOuter(Point(p.x + (u.x + v.x) * f, p.y + (u.y + v.y) * f), outerLeft)
    }

    /// The cap at the end `p` of a line arriving along unit `d`, from p + n to p − n (n = h·perp d).
    mutating func capAt(_ p: Point, _ d: Point) {
        let nv = Point(-d.y * h, d.x * h)
        switch cap {
        case .butt:
            break
        case .square:
            let e = d * h
            points.append(p + nv + e)
            points.append(p - nv + e)
        case .round:
            arc(p, from: nv, to: -nv, rotation: -1, outerLeft: true)
        }
    }

    /// A zero-length sub-path: a disc (round cap), an axis-aligned square (square cap), or nothing.
    mutating func dot(_ p: Point) {
        let start = points.count
        switch cap {
        case .butt:
            return
        case .square:
            points.append(Point(p.x - h, p.y - h)); points.append(Point(p.x + h, p.y - h))
            points.append(Point(p.x + h, p.y + h)); points.append(Point(p.x - h, p.y + h))
        case .round:
            let steps = max(4, Int((2 * Double.pi / acos(flatCos)).rounded(.up)))
            let da = 2 * Double.pi / Double(steps)
            let r = h / cos(da / 2)
            for i in 0..<steps {
                let a = (Double(i) + 0.5) * da
                points.append(Point(p.x + r * cos(a), p.y + r * sin(a)))
            }
        }
        closeContour(from: start)
    }

    /// Ends the contour made of the points from index `start` on.
    mutating func closeContour(from start: Int) {
        let count = points.count - start
        guard count > 0 else { return }
        verbs.append(.move)
        if count > 1 { verbs.append(contentsOf: repeatElement(.line, count: count - 1)) }
        verbs.append(.close)
    }

    /// Asks Linux to back a large reserved array with 2 MB pages: a 1M-segment stroke touches
    /// 100 MB of fresh memory, and faulting it in 4 KB pages was a third of the stroker's time.
    static func adviseHugePages(_ a: inout [Point]) {
        #if os(Linux)
        let bytes = a.capacity * MemoryLayout<Point>.stride
        guard bytes >= 8 << 20 else { return }
        let base = a.withUnsafeMutableBytes { UInt(bitPattern: $0.baseAddress) }
        let page: UInt = 2 << 20
        let start = (base + page - 1) & ~(page - 1), end = (base + UInt(bytes)) & ~(page - 1)
        if end > start { _ = madvise(UnsafeMutableRawPointer(bitPattern: start), Int(end - start), 14) }  // MADV_HUGEPAGE
        #endif
    }

    /// The finished outline, every point mapped through `t`.
    mutating func finish(_ t: Transform) -> Path {
        if !t.isIdentity {
            points.withUnsafeMutableBufferPointer { buf in
                for i in buf.indices { buf[i] = t.apply(buf[i]) }
            }
        }
        return Path(uncheckedVerbs: verbs, points: points)
    }
}
