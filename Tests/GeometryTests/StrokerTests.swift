import TestSupport
import XCTest
@testable import Geometry

final class StrokerTests: XCTestCase {
    // MARK: Property test: the nonzero fill is the stroke, within tolerance.

    /// For random polylines, points clearly inside the stroke have nonzero winding and points
    /// clearly outside have zero, for every join and cap, open and closed.
    func testRandomPolylinesCoverExactlyTheStroke() {
        var rng = SeededRandom(seed: 42)
        let tol = PathFlattener.defaultTolerance
        for trial in 0..<120 {
            let count = 2 + Int(rng.next() % 9)
            var pts: [Point] = []
            for _ in 0..<count {
                // Mix long segments with very short ones, which stress the inner joins.
                if let last = pts.last, rng.uniform(0, 1) < 0.3 {
                    pts.append(last + Point(rng.uniform(-1.5, 1.5), rng.uniform(-1.5, 1.5)))
                } else {
                    pts.append(Point(rng.uniform(0, 60), rng.uniform(0, 60)))
                }
            }
            let closed = trial % 4 == 3
            let width = rng.uniform(0.5, 12)
            let join = LineJoin.allCases[trial % 3]
            let cap = LineCap.allCases[(trial / 3) % 3]
            let style = StrokeStyle(width: width, cap: cap, join: join, miterLimit: 4)
            let outline = Stroker.outline(Path(polyline: pts, closed: closed), style: style)
            XCTAssertTrue(outline.verbs.allSatisfy { $0 == .move || $0 == .line || $0 == .close })
            checkCoverage(outline, pts, closed: closed, style: style, tolerance: tol, rng: &rng,
                          label: "trial \(trial) \(join) \(cap) closed=\(closed) w=\(width)")
        }
    }

    func checkCoverage(_ outline: Path, _ pts: [Point], closed: Bool, style: StrokeStyle,
                       tolerance: Double, rng: inout SeededRandom, label: String) {
        let edges = Geo.edges(outline)
        let h = style.width / 2
        var reach = 1.0
        if style.cap == .square && !closed { reach = max(reach, 2.0.squareRoot()) }
        if style.join == .miter { reach = max(reach, style.miterLimit) }
        let segs: [(Point, Point)] = (1..<pts.count).map { (pts[$0 - 1], pts[$0]) }
            + (closed ? [(pts[pts.count - 1], pts[0])] : [])
        func requiredInside(_ p: Point) -> Bool {
            for (a, b) in segs {
                let l = a.distance(to: b)
                guard l > 0 else { continue }
                let d = (b - a) * (1 / l)
                let t = (p - a).dot(d), lat = abs((p - a).cross(d))
                if lat < h - 0.05 && t > 0.05 && t < l - 0.05 { return true }
            }
            // A round join covers the sector on the outside of the turn (SVG, Canvas, Skia).
            if style.join == .round {
                let n = pts.count
                let indices = closed ? Array(0..<n) : Array(1..<max(1, n - 1))
                for i in indices {
                    let v = pts[i], a = pts[(i + n - 1) % n], b = pts[(i + 1) % n]
                    guard v.distance(to: p) < h - 0.05, let d0 = (v - a).normalized,
                          let d1 = (b - v).normalized else { continue }
                    if (p - v).dot(d0) > 0.05 && (p - v).dot(d1) < -0.05 { return true }
                }
            }
            guard !closed else { return false }
            let ends = [(pts[0], pts.first { $0 != pts[0] } ?? pts[0]),
                        (pts[pts.count - 1], pts.last { $0 != pts[pts.count - 1] } ?? pts[0])]
            for (e, other) in ends {
                switch style.cap {
                case .butt: break
                case .round:
                    // A half disc beyond the end, as SVG specifies.
                    guard let dir = (e - other).normalized else { continue }
                    if e.distance(to: p) < h - 0.05 && (p - e).dot(dir) > 0.05 { return true }
                case .square:
                    guard let dir = (e - other).normalized else { continue }
                    let t = (p - e).dot(dir), lat = abs((p - e).cross(dir))
                    if lat < h - 0.05 && t > -0.05 && t < h - 0.05 { return true }
                }
            }
            return false
        }
        var checkedIn = 0, checkedOut = 0, failures = 0
        for k in 0..<400 {
            let p: Point
            if k % 2 == 0 {
                p = Point(rng.uniform(-15, 75), rng.uniform(-15, 75))
            } else {
                let (a, b) = segs[Int(rng.next() % UInt64(segs.count))]
                p = a.lerp(b, rng.uniform(-0.1, 1.1)) + Point(rng.uniform(-1.5, 1.5), rng.uniform(-1.5, 1.5)) * h
            }
            let dist = Geo.distance(p, polyline: pts, closed: closed)
            let w = Geo.winding(p, edges)
            if requiredInside(p) {
                checkedIn += 1
                if w == 0 { failures += 1; if failures == 1 { XCTFail("\(label): \(p) at distance \(dist) should be inside") } }
            } else if dist > h * reach + tolerance + 0.05 {
                checkedOut += 1
                if w != 0 { failures += 1; if failures == 1 { XCTFail("\(label): \(p) at distance \(dist) should be outside") } }
            }
        }
        XCTAssertGreaterThan(checkedIn + checkedOut, 100, label)
        if failures > 0 { XCTFail("\(label): \(failures) misses for polyline \(pts)") }
    }

    // MARK: Exact areas

    func segmentArea(_ cap: LineCap, tolerance: Double = 0.1) -> Double {
        var p = Path()
        p.move(to: 0, 0); p.line(to: 10, 0)
        return abs(Geo.area(Stroker.outline(p, style: StrokeStyle(width: 2, cap: cap), tolerance: tolerance)))
    }

    func testStraightSegmentAreas() {
        XCTAssertEqual(segmentArea(.butt), 20, accuracy: 1e-9)
        XCTAssertEqual(segmentArea(.square), 24, accuracy: 1e-9)
        // Round caps: a tangent polygon, never inside the disc and within tolerance outside it.
        let coarse = segmentArea(.round, tolerance: 0.1) - 20
        XCTAssertGreaterThanOrEqual(coarse, Double.pi)
        XCTAssertLessThanOrEqual(coarse, Double.pi * 1.1 * 1.1)
        XCTAssertEqual(segmentArea(.round, tolerance: 0.001), 20 + Double.pi, accuracy: 0.01)
    }

    func testRoundCapStepsFollowTolerance() {
        var p = Path()
        p.move(to: 0, 0); p.line(to: 100, 0)
        let coarse = Stroker.outline(p, style: StrokeStyle(width: 20, cap: .round), tolerance: 0.5)
        let fine = Stroker.outline(p, style: StrokeStyle(width: 20, cap: .round), tolerance: 0.01)
        XCTAssertGreaterThan(fine.points.count, coarse.points.count * 3)
        for q in fine.points {
            let d = min(q.distance(to: Point(0, 0)), q.distance(to: Point(100, 0)))
            if q.x < 0 || q.x > 100 { XCTAssertLessThanOrEqual(d, 10.01 + 1e-9) }
        }
    }

    func testTransformMapsTheOutline() {
        var p = Path()
        p.move(to: 0, 0); p.line(to: 10, 0)
        let t = Transform.scale(3, 3).translated(5, 7)
        let o = Stroker.outline(p, style: StrokeStyle(width: 2, cap: .butt), transform: t)
        let b = try! XCTUnwrap(o.bounds)
        XCTAssertEqual(b.minX, 5, accuracy: 1e-9); XCTAssertEqual(b.maxX, 35, accuracy: 1e-9)
        XCTAssertEqual(b.minY, 4, accuracy: 1e-9); XCTAssertEqual(b.maxY, 10, accuracy: 1e-9)
        XCTAssertEqual(abs(Geo.area(o)), 180, accuracy: 1e-9)
    }

    // MARK: Joins

    func sharpCorner(limit: Double, join: LineJoin = .miter) -> Rect {
        var p = Path()
        p.move(to: 0, 0); p.line(to: 10, 0); p.line(to: 0, 3)
        let style = StrokeStyle(width: 2, cap: .butt, join: join, miterLimit: limit)
        return Stroker.outline(p, style: style).bounds!
    }

    func testMiterLimitSwitchesToBevel() {
        // The corner's interior angle is atan(3/10) ≈ 16.7°: miter ratio 1/sin(8.35°) ≈ 6.9.
        XCTAssertGreaterThan(sharpCorner(limit: 10).maxX, 10 + 5)
        XCTAssertLessThanOrEqual(sharpCorner(limit: 6).maxX, 10 + 1 + 1e-9)
        XCTAssertLessThanOrEqual(sharpCorner(limit: 10, join: .bevel).maxX, 11 + 1e-9)
        let round = sharpCorner(limit: 10, join: .round)
        XCTAssertGreaterThan(round.maxX, 10.9)
        XCTAssertLessThanOrEqual(round.maxX, 11 + PathFlattener.defaultTolerance)
    }

    func testRightAngleMiterCorner() {
        var p = Path()
        p.move(to: 0, 0); p.line(to: 10, 0); p.line(to: 10, 10)
        let o = Stroker.outline(p, style: StrokeStyle(width: 2, join: .miter))
        // Two 10×2 bars overlapping in a 1×1 square, plus the 1×1 miter corner: 40. The inside of
        // the turn uses the inner miter point, so the overlap is covered once and shoelace = area.
        XCTAssertEqual(abs(Geo.area(o)), 40, accuracy: 1e-9)
        XCTAssertTrue(o.points.contains(Point(11, -1)))
    }

    func testClosedSquareHasNoCapsAndAHole() {
        let square = Path.rect(Rect(x: 0, y: 0, width: 10, height: 10))
        for cap in LineCap.allCases {
            let o = Stroker.outline(square, style: StrokeStyle(width: 2, cap: cap, join: .miter))
            let b = try! XCTUnwrap(o.bounds)
            XCTAssertEqual(b, Rect(x: -1, y: -1, width: 12, height: 12), "\(cap)")
            let e = Geo.edges(o)
            XCTAssertEqual(Geo.winding(Point(5, 5), e), 0)
            XCTAssertNotEqual(Geo.winding(Point(0.5, 5), e), 0)
            XCTAssertNotEqual(Geo.winding(Point(-0.9, -0.9), e), 0)  // the start corner is joined
            XCTAssertEqual(abs(Geo.area(o)), 144 - 64, accuracy: 1e-9)
        }
    }

    func testNearlyStraightJoinsAddNoArcPoints() {
        // A gentle curve sampled densely: round joins must not add arc vertices.
        let pts = (0...1000).map { i in Point(Double(i), 50 + 20 * sin(Double(i) / 100)) }
        let o = Stroker.outline(Path(polyline: pts), style: StrokeStyle(width: 1.5, cap: .butt, join: .round))
        XCTAssertLessThanOrEqual(o.points.count, 2 * pts.count + 4)
    }

    // MARK: Degenerate input

    func testSinglePointDots() {
        var p = Path()
        p.move(to: 5, 5); p.line(to: 5, 5)
        XCTAssertTrue(Stroker.outline(p, style: StrokeStyle(width: 4, cap: .butt)).isEmpty)
        let square = Stroker.outline(p, style: StrokeStyle(width: 4, cap: .square))
        XCTAssertEqual(square.bounds, Rect(x: 3, y: 3, width: 4, height: 4))
        XCTAssertEqual(abs(Geo.area(square)), 16, accuracy: 1e-9)
        let disc = Stroker.outline(p, style: StrokeStyle(width: 4, cap: .round), tolerance: 0.01)
        XCTAssertEqual(abs(Geo.area(disc)), Double.pi * 4, accuracy: 0.05)
        for q in disc.points {
            let r = q.distance(to: Point(5, 5))
            XCTAssertGreaterThanOrEqual(r, 2 - 1e-9); XCTAssertLessThanOrEqual(r, 2.01 + 1e-9)
        }
        // A lone move is a dot too; so is a closed sub-path of one point.
        var lone = Path()
        lone.move(to: 1, 1)
        XCTAssertFalse(Stroker.outline(lone, style: StrokeStyle(width: 2, cap: .round)).isEmpty)
    }

    func testUTurnIsFiniteAndCovered() {
        var p = Path()
        p.move(to: 0, 0); p.line(to: 10, 0); p.line(to: 0, 0)
        for join in LineJoin.allCases {
            let o = Stroker.outline(p, style: StrokeStyle(width: 2, cap: .butt, join: join))
            XCTAssertTrue(Geo.allFinite(o), "\(join)")
            let b = try! XCTUnwrap(o.bounds)
            XCTAssertLessThanOrEqual(b.maxX, 11 + 0.1 + 1e-9, "\(join)")
            XCTAssertGreaterThanOrEqual(b.minY, -1 - 1e-9)
            XCTAssertNotEqual(Geo.winding(Point(5, 0.5), Geo.edges(o)), 0)
            if join == .round { XCTAssertNotEqual(Geo.winding(Point(10.9, 0), Geo.edges(o)), 0) }
        }
    }

    func testCollinearAndRepeatedPoints() {
        let p = Path(polyline: [Point(0, 0), Point(5, 0), Point(5, 0), Point(10, 0), Point(10, 1e-12)])
        let o = Stroker.outline(p, style: StrokeStyle(width: 2, cap: .butt, join: .round))
        XCTAssertEqual(abs(Geo.area(o)), 20, accuracy: 1e-6)
    }

    func testNonFiniteInputNeverCrashes() {
        let nan = Double.nan, inf = Double.infinity
        let cases: [[Point]] = [
            [Point(0, 0), Point(nan, 1), Point(10, 0), Point(20, 5)],
            [Point(nan, nan), Point(inf, 0)],
            [Point(0, 0), Point(10, inf), Point(-inf, 3)],
            [Point(nan, 0)],
        ]
        for pts in cases {
            for cap in LineCap.allCases {
                for closed in [false, true] {
                    let o = Stroker.outline(Path(polyline: pts, closed: closed),
                                            style: StrokeStyle(width: 3, cap: cap, join: .round))
                    XCTAssertTrue(Geo.allFinite(o))
                }
            }
        }
        // NaN breaks the line: nothing is drawn between the finite pieces.
        let broken = Path(polyline: [Point(0, 0), Point(10, 0), Point(nan, 0), Point(20, 0), Point(30, 0)])
        let o = Stroker.outline(broken, style: StrokeStyle(width: 2, cap: .butt))
        XCTAssertEqual(Geo.winding(Point(15, 0), Geo.edges(o)), 0)
        XCTAssertNotEqual(Geo.winding(Point(5, 0), Geo.edges(o)), 0)
        XCTAssertNotEqual(Geo.winding(Point(25, 0), Geo.edges(o)), 0)
        var curve = Path()
        curve.move(to: 0, 0); curve.cubic(to: Point(10, 0), control1: Point(nan, 1), control2: Point(5, 5))
        XCTAssertTrue(Geo.allFinite(Stroker.outline(curve, style: StrokeStyle(width: 1))))
    }

    func testBadWidthGivesEmptyPath() {
        let p = Path(polyline: [Point(0, 0), Point(10, 0)])
        for w in [0, -1, Double.nan, Double.infinity] {
            XCTAssertTrue(Stroker.outline(p, style: StrokeStyle(width: w, cap: .round)).isEmpty)
        }
    }

    func testCurvesAreStroked() {
        let circle = Path.circle(center: Point(50, 50), radius: 20)
        let o = Stroker.outline(circle, style: StrokeStyle(width: 4))
        let e = Geo.edges(o)
        XCTAssertEqual(Geo.winding(Point(50, 50), e), 0)
        XCTAssertNotEqual(Geo.winding(Point(50 + 20 * cos(1.0), 50 + 20 * sin(1.0)), e), 0)
        XCTAssertEqual(abs(Geo.area(o)), Double.pi * (22 * 22 - 18 * 18), accuracy: 1.0)
    }

    func testDashedStroke() {
        let p = Path(polyline: [Point(0, 0), Point(100, 0)])
        let style = StrokeStyle(width: 2, cap: .butt, dash: DashPattern([10, 10]))
        let o = Stroker.outline(p, style: style)
        let e = Geo.edges(o)
        XCTAssertNotEqual(Geo.winding(Point(5, 0), e), 0)
        XCTAssertEqual(Geo.winding(Point(15, 0), e), 0)
        XCTAssertEqual(abs(Geo.area(o)), 5 * 20, accuracy: 1e-9)
    }
}
