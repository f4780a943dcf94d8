import Geometry
import XCTest

/// `ConvexOverlap.depth`: apart, touching and overlapping rectangles, turned boxes whose
/// bounding boxes overlap but which do not (the slanted tick labels' case), either winding.
final class ConvexOverlapTests: XCTestCase {
    func square(_ x: Double, _ y: Double, _ side: Double) -> [Point] {
        [Point(x, y), Point(x + side, y), Point(x + side, y + side), Point(x, y + side)]
    }

    func testAxisAlignedBoxes() {
        XCTAssertEqual(ConvexOverlap.depth(square(0, 0, 10), square(7, 2, 10)), 3, accuracy: 1e-12, "overlap 3 in x, 8 in y")
        XCTAssertEqual(ConvexOverlap.depth(square(0, 0, 10), square(10, 0, 10)), 0, accuracy: 1e-12, "touching")
        XCTAssertLessThan(ConvexOverlap.depth(square(0, 0, 10), square(15, 0, 10)), 0, "apart")
        XCTAssertEqual(ConvexOverlap.depth(square(0, 0, 10), square(7, 2, 10).reversed()), 3, accuracy: 1e-12, "either winding")
    }

    func testTurnedBoxesSideBySideDoNotOverlap() {
        // Two 45° labels, 20 long and 4 thick, side by side 8 apart: their bounding boxes overlap
        // widely, the boxes themselves do not.
        func label(at x: Double) -> [Point] {
            let c = 0.5.squareRoot()
            return [Point(x, 0), Point(x + 20 * c, -20 * c), Point(x + 20 * c + 4 * c, -20 * c + 4 * c), Point(x + 4 * c, 4 * c)]
        }
        XCTAssertLessThan(ConvexOverlap.depth(label(at: 0), label(at: 8)), 0)
        XCTAssertGreaterThan(ConvexOverlap.depth(label(at: 0), label(at: 2)), 0)
    }
}
