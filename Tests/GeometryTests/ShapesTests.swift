import XCTest
@testable import Geometry

final class ShapesTests: XCTestCase {
    func testRectIsClockwiseOnScreen() {
        let p = Path.rect(Rect(x: 1, y: 2, width: 3, height: 4))
        XCTAssertEqual(p.description, "M 1 2 L 4 2 L 4 6 L 1 6 Z")
        XCTAssertEqual(Geo.area(p), 12, accuracy: 1e-12)  // positive = clockwise on screen
    }

    func testCircleAreaAndRadius() {
        let c = Path.circle(center: Point(10, -4), radius: 7)
        XCTAssertEqual(Geo.area(c, tolerance: 0.0005), Double.pi * 49, accuracy: 0.05)
        for (a, b) in Geo.edges(c, tolerance: 0.01) {
            XCTAssertEqual(a.distance(to: Point(10, -4)), 7, accuracy: 0.01)
            XCTAssertEqual(b.distance(to: Point(10, -4)), 7, accuracy: 0.01)
        }
        XCTAssertEqual(c.verbs.filter { $0 == .cubic }.count, 4)
    }

    func testEllipseArea() {
        let e = Path.ellipse(in: Rect(x: 0, y: 0, width: 20, height: 10))
        XCTAssertEqual(Geo.area(e), Double.pi * 10 * 5, accuracy: 0.05)
        XCTAssertEqual(e.bounds, Rect(x: 0, y: 0, width: 20, height: 10))
    }

    func testRoundedRectAreaAndClamp() {
        let r = Rect(x: 0, y: 0, width: 40, height: 20)
        XCTAssertEqual(Geo.area(Path.roundedRect(r, radius: 5)), 800 - (4 - Double.pi) * 25, accuracy: 0.05)
        // Radius clamps to half the short side: the ends become half discs.
        XCTAssertEqual(Geo.area(Path.roundedRect(r, radius: 100)), 20 * 20 + Double.pi * 100, accuracy: 0.1)
        XCTAssertEqual(Geo.area(Path.roundedRect(r, radius: 0)), 800, accuracy: 1e-9)
    }

    func testArcDirectionAndPieces() {
        var p = Path()
        p.addArc(center: .zero, radius: 10, startAngle: 0, endAngle: Double.pi, clockwise: true)
        XCTAssertEqual(p.verbs, [.move, .cubic, .cubic])
        // Clockwise on screen in y-down space passes through +y (angle π/2).
        let mid = p.points[3]
        XCTAssertEqual(mid.x, 0, accuracy: 1e-12); XCTAssertEqual(mid.y, 10, accuracy: 1e-12)
        var q = Path()
        q.addArc(center: .zero, radius: 10, startAngle: 0, endAngle: Double.pi, clockwise: false)
        XCTAssertEqual(q.points[3].y, -10, accuracy: 1e-12)
        // A 100° arc needs two pieces; a 3π request is a full circle.
        var r = Path()
        r.addArc(center: .zero, radius: 1, startAngle: 0, endAngle: 100 * Double.pi / 180, clockwise: true)
        XCTAssertEqual(r.verbs.count, 3)
        var full = Path()
        full.addArc(center: .zero, radius: 1, startAngle: 0, endAngle: 3 * Double.pi, clockwise: true)
        XCTAssertEqual(full.verbs.count, 5)
        XCTAssertEqual(full.points.last!.x, 1, accuracy: 1e-12)
    }

    func testArcStaysOnTheCircle() {
        var p = Path()
        p.addArc(center: Point(3, 4), radius: 50, startAngle: 0.3, endAngle: 5.1, clockwise: true)
        var maxErr = 0.0
        PathFlattener.walk(p, tolerance: 0.001, closeSubpaths: false) { a, _ in
            maxErr = max(maxErr, abs(a.distance(to: Point(3, 4)) - 50))
        }
        XCTAssertLessThan(maxErr, 50 * 3e-4)
    }

    func testArcJoinsCurrentPointWithLine() {
        var p = Path()
        p.move(to: 0, 0)
        p.addArc(center: Point(20, 0), radius: 5, startAngle: Double.pi, endAngle: 0, clockwise: true)
        XCTAssertEqual(p.verbs.first, .move)
        XCTAssertEqual(p.verbs[1], .line)
        XCTAssertEqual(p.points[1].x, 15, accuracy: 1e-12)
        XCTAssertEqual(p.points[1].y, 0, accuracy: 1e-12)
    }

    func testWedgeAreas() {
        let pie = Path.wedge(center: .zero, radius: 10, startAngle: 0, endAngle: Double.pi / 3)
        XCTAssertEqual(Geo.area(pie), Double.pi / 6 * 100, accuracy: 0.02)
        let donut = Path.wedge(center: .zero, radius: 10, innerRadius: 5, startAngle: 1, endAngle: 3)
        XCTAssertEqual(Geo.area(donut), (100 - 25), accuracy: 0.02)  // θ/2·(R² − r²) with θ = 2
        let ring = Path.wedge(center: .zero, radius: 10, innerRadius: 5, startAngle: 0, endAngle: 2 * Double.pi)
        XCTAssertEqual(Geo.area(ring), Double.pi * 75, accuracy: 0.05)
        XCTAssertEqual(Geo.winding(.zero, Geo.edges(ring)), 0)
        XCTAssertNotEqual(Geo.winding(Point(7, 0.1), Geo.edges(ring)), 0)
        // A slice through angle 0: the direction wraps.
        let wrap = Path.wedge(center: .zero, radius: 10, startAngle: -0.5, endAngle: 0.5)
        XCTAssertEqual(Geo.area(wrap), 0.5 * 100, accuracy: 0.02)
        XCTAssertNotEqual(Geo.winding(Point(5, 0), Geo.edges(wrap)), 0)
    }

    func testMarkersAreFillableAndSized() {
        let size = 12.0
        for shape in MarkerShape.allCases {
            let m = Path.marker(shape, size: size)
            XCTAssertEqual(m.verbs.last, .close, "\(shape)")
            XCTAssertGreaterThan(Geo.area(m), 0, "\(shape) runs clockwise on screen")
            XCTAssertNotEqual(Geo.winding(Point(0.01, 0.02), Geo.edges(m)), 0, "\(shape) covers its centre")
            let b = try! XCTUnwrap(m.bounds)
            XCTAssertLessThanOrEqual(max(-b.minX, b.maxX, -b.minY, b.maxY), size / 2 * 2.0.squareRoot() + 1e-9)
            XCTAssertGreaterThanOrEqual(max(-b.minX, b.maxX, -b.minY, b.maxY), size / 2 * 0.9, "\(shape)")
        }
        XCTAssertEqual(Geo.area(Path.marker(.square, size: size)), 144, accuracy: 1e-9)
        XCTAssertEqual(Geo.area(Path.marker(.plus, size: 12)), 5 * 16, accuracy: 1e-9)  // five 4×4 squares
        XCTAssertEqual(Geo.area(Path.marker(.cross, size: 12)), 5 * 16, accuracy: 1e-9)
        XCTAssertLessThan(Path.marker(.triangleUp, size: size).points[0].y, 0, "apex up on screen")
        XCTAssertTrue(Path.marker(.star, size: .nan).isEmpty)
    }
}
