import TestSupport
import XCTest
@testable import Geometry

final class FlattenerTests: XCTestCase {
    func cubicPoint(_ p0: Point, _ c1: Point, _ c2: Point, _ p1: Point, _ t: Double) -> Point {
        let u = 1 - t
        return p0 * (u * u * u) + c1 * (3 * u * u * t) + c2 * (3 * u * t * t) + p1 * (t * t * t)
    }

    /// Every sample of the true curve lies within the tolerance of the flattened polyline.
    func testFlatteningStaysWithinTolerance() {
        var rng = SeededRandom(seed: 7)
        for _ in 0..<50 {
            let p0 = Point(rng.uniform(0, 200), rng.uniform(0, 200))
            let c1 = Point(rng.uniform(-100, 300), rng.uniform(-100, 300))
            let c2 = Point(rng.uniform(-100, 300), rng.uniform(-100, 300))
            let p1 = Point(rng.uniform(0, 200), rng.uniform(0, 200))
            let q = Point(rng.uniform(0, 200), rng.uniform(0, 200))
            for tol in [0.25, 0.1, 0.01] {
                var path = Path()
                path.move(to: p0)
                path.cubic(to: p1, control1: c1, control2: c2)
                path.quad(to: p0, control: q)
                let poly = PathFlattener.polylines(path, tolerance: tol)[0].points
                for k in 0...400 {
                    let t = Double(k) / 400
                    let c = cubicPoint(p0, c1, c2, p1, t)
                    XCTAssertLessThanOrEqual(Geo.distance(c, polyline: poly, closed: false), tol * 1.0001)
                    let u = 1 - t
                    let qc = p1 * (u * u) + q * (2 * u * t) + p0 * (t * t)
                    XCTAssertLessThanOrEqual(Geo.distance(qc, polyline: poly, closed: false), tol * 1.0001)
                }
                // The stroker's walker flattens the same way.
                var count = 0
                PolylineCollector.forEach(path, tolerance: tol) { pts, _ in count = pts.count }
                XCTAssertEqual(count, poly.count)
            }
        }
    }

    func testWalkerBreaksAtNonFinitePoints() {
        let p = Path(polyline: [Point(0, 0), Point(1, 0), Point(.nan, 0), Point(2, 0), Point(3, 0)], closed: true)
        var pieces: [([Point], Bool)] = []
        PolylineCollector.forEach(p, tolerance: 0.1) { pieces.append(($0, $1)) }
        XCTAssertEqual(pieces.map { $0.0 }, [[Point(0, 0), Point(1, 0)], [Point(2, 0), Point(3, 0)]])
        XCTAssertEqual(pieces.map { $0.1 }, [false, false])
    }

    func testWalkerDropsRepeatsAndClosingDuplicate() {
        let p = Path(polyline: [Point(0, 0), Point(1, 0), Point(1, 0), Point(1, 1), Point(0, 0)], closed: true)
        var pieces: [([Point], Bool)] = []
        PolylineCollector.forEach(p, tolerance: 0.1) { pieces.append(($0, $1)) }
        XCTAssertEqual(pieces.count, 1)
        XCTAssertEqual(pieces[0].0, [Point(0, 0), Point(1, 0), Point(1, 1)])
        XCTAssertTrue(pieces[0].1)
    }
}
