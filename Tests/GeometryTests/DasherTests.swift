import XCTest
@testable import Geometry

final class DasherTests: XCTestCase {
    func dashes(_ path: Path) -> [[Point]] {
        var out: [[Point]] = []
        path.forEach { e in
            switch e {
            case .move(let p): out.append([p])
            case .line(let p): out[out.count - 1].append(p)
            case .close: out[out.count - 1].append(out[out.count - 1][0])
            default: XCTFail("dashes hold only move, line and close")
            }
        }
        return out
    }

    func length(_ pts: [Point]) -> Double {
        zip(pts, pts.dropFirst()).reduce(0) { $0 + $1.0.distance(to: $1.1) }
    }

    let line = Path(polyline: [Point(0, 0), Point(100, 0)])

    func testDashLengthsSum() {
        let d = dashes(Dasher.dash(line, pattern: DashPattern([10, 5])!))
        XCTAssertEqual(d.count, 7)  // 0, 15, 30, 45, 60, 75, 90
        XCTAssertEqual(d.map(length).reduce(0, +), 70, accuracy: 1e-9)
        XCTAssertEqual(d[1].first!, Point(15, 0))
    }

    func testPhaseShiftsThePattern() {
        let d = dashes(Dasher.dash(line, pattern: DashPattern([10, 5], phase: 5)!))
        XCTAssertEqual(d[0], [Point(0, 0), Point(5, 0)])
        XCTAssertEqual(d[1].first!, Point(10, 0))
        // A phase in the gap starts off; a negative phase wraps; phase beyond a period wraps.
        let g = dashes(Dasher.dash(line, pattern: DashPattern([10, 5], phase: 12)!))
        XCTAssertEqual(g[0].first!, Point(3, 0))
        // Phase −3 is 12 into the 15-long pattern: 3 more off, then on.
        XCTAssertEqual(dashes(Dasher.dash(line, pattern: DashPattern([10, 5], phase: -3)!))[0],
                       [Point(3, 0), Point(13, 0)])
        XCTAssertEqual(dashes(Dasher.dash(line, pattern: DashPattern([10, 5], phase: 20)!))[0],
                       [Point(0, 0), Point(5, 0)])
    }

    func testDashContinuesAcrossCorner() {
        let p = Path(polyline: [Point(0, 0), Point(10, 0), Point(10, 10)])
        let d = dashes(Dasher.dash(p, pattern: DashPattern([15, 5])!))
        XCTAssertEqual(d.count, 1)
        XCTAssertEqual(d[0], [Point(0, 0), Point(10, 0), Point(10, 5)])
    }

    func testClosedPathMergesLastDashIntoFirst() {
        let square = Path.rect(Rect(x: 0, y: 0, width: 10, height: 10))  // perimeter 40
        let d = dashes(Dasher.dash(square, pattern: DashPattern([12, 4])!))
        // Dashes 0–12, 16–28, 32–44: the last runs over the start and joins the first.
        XCTAssertEqual(d.count, 2)
        XCTAssertEqual(d.map(length).sorted(), [12, 20])
        let merged = d.first { length($0) == 20 }!
        XCTAssertTrue(merged.contains(Point(0, 0)))
        XCTAssertEqual(merged.first!, Point(0, 8))
        XCTAssertEqual(merged.last!, Point(10, 2))
        // A pattern longer than the loop gives the loop back closed.
        let whole = Dasher.dash(square, pattern: DashPattern([100, 1])!)
        XCTAssertEqual(whole.verbs.last, .close)
        XCTAssertEqual(whole.points.count, 4)
    }

    func testPatternRestartsAtEachSubpath() {
        var p = Path()
        p.move(to: 0, 0); p.line(to: 7, 0)
        p.move(to: 0, 10); p.line(to: 7, 10)
        let d = dashes(Dasher.dash(p, pattern: DashPattern([5, 5])!))
        XCTAssertEqual(d, [[Point(0, 0), Point(5, 0)], [Point(0, 10), Point(5, 10)]])
    }

    func testZeroLengthDashesAreDots() {
        let d = dashes(Dasher.dash(line, pattern: DashPattern([0, 10])!))
        // Dots at 0, 10, ..., 90; none begins at the very end of the line.
        XCTAssertEqual(d.count, 10)
        XCTAssertTrue(d.allSatisfy { length($0) == 0 })
        let dots = Stroker.outline(line, style: StrokeStyle(width: 2, cap: .round, dash: DashPattern([0, 10])))
        XCTAssertEqual(abs(Geo.area(dots)), 10 * Double.pi, accuracy: 10 * 0.5)
    }

    func testTinyPatternFallsBackToSolid() {
        let p = Path(polyline: [Point(0, 0), Point(1000, 0)])
        let d = Dasher.dash(p, pattern: DashPattern([0.0001, 0.0001])!)
        XCTAssertEqual(d, p)
    }

    func testCurvesAreDashedAlongTheirLength() {
        let c = Path.circle(center: .zero, radius: 10)
        let d = dashes(Dasher.dash(c, pattern: DashPattern([5, 5])!, tolerance: 0.001))
        let total = d.map(length).reduce(0, +)
        // Six whole dashes, then the last from 60 to the end of the 20π loop, merged into the first.
        XCTAssertEqual(total, 30 + (20 * Double.pi - 60), accuracy: 0.05)
        XCTAssertEqual(d.count, 6)
    }
}
