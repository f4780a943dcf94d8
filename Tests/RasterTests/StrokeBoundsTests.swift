import Geometry
@testable import Raster
import TestSupport
import XCTest

/// The fill of a stroke trusts `Rasterizer.strokeBounds` to hold the whole outline (it skips
/// per-edge clipping when the box is inside the canvas), so check it on real outlines.
final class StrokeBoundsTests: XCTestCase {
    func testOutlineLiesWithinTheEstimatedBox() {
        var rng = SeededRandom(seed: 4242)
        for i in 0..<300 {
            var p = Path()
            p.move(to: Point(rng.double(0, 100), rng.double(0, 100)))
            for _ in 0..<Int.random(in: 0...6, using: &rng) {
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: p.quad(to: Point(rng.double(0, 100), rng.double(0, 100)), control: Point(rng.double(-50, 150), rng.double(-50, 150)))
                case 1: p.cubic(to: Point(rng.double(0, 100), rng.double(0, 100)), control1: Point(rng.double(-50, 150), rng.double(0, 100)),
                                control2: Point(rng.double(0, 100), rng.double(-50, 150)))
                default: p.line(to: Point(rng.double(0, 100), rng.double(0, 100)))
                }
            }
            if i % 3 == 0 { p.close() }
            let style = StrokeStyle(width: rng.double(0.2, 30), cap: LineCap.allCases[i % 3], join: LineJoin.allCases[(i / 3) % 3],
                                    miterLimit: rng.double(1, 12), dash: i % 5 == 0 ? DashPattern([rng.double(0, 20), rng.double(1, 9)]) : nil)
            let t: Transform = i % 4 == 0 ? .scale(rng.double(0.2, 3), rng.double(0.2, 3)).rotated(rng.double(0, 6)) : .translation(3, 4)
            guard let box = Rasterizer.strokeBounds(p, style: style, transform: t),
                  let ob = Stroker.outline(p, style: style, transform: t).bounds else { continue }
            XCTAssertTrue(ob.minX >= box.minX && ob.minY >= box.minY && ob.maxX <= box.maxX && ob.maxY <= box.maxY,
                          "case \(i): outline \(ob) outside estimate \(box) for \(style)")
        }
    }
}
