import Geometry
import Scene
import Text
import XCTest

/// Fails for every text run of `scene` that leaves its canvas and, with `apart`, for every pair
/// of text runs whose boxes overlap by more than a pixel each way: the layout property tests'
/// common check. Boxes are the runs' true (turned) rectangles, `FontLibrary.runCorners`, so
/// slanted labels side by side are not taken for overlapping; two boxes overlap when they
/// overlap by more than a pixel along every separating axis (for upright boxes: more than a
/// pixel in x and in y). Returns the axis-aligned boxes it measured.
@discardableResult
public func assertTextInsideAndApart(_ scene: Scene, fonts: FontLibrary, apart: Bool = true, context: String,
                                     file: StaticString = #filePath, line: UInt = #line) -> [Rect] {
    var boxes: [Rect] = [], quads: [[Point]] = []
    for c in scene.commands {
        guard case .text(let run) = c else { continue }
        let b = fonts.runBounds(run)
        quads.append(fonts.runCorners(run))
        XCTAssertTrue(b.minX >= -0.5 && b.minY >= -0.5 && b.maxX <= Double(scene.width) + 0.5 && b.maxY <= Double(scene.height) + 0.5,
                      "\(context) (\(scene.width)x\(scene.height)): \"\(run.text)\" at \(b) leaves the canvas", file: file, line: line)
        boxes.append(b)
    }
    guard apart else { return boxes }
    for a in 0..<boxes.count {
        for b in (a + 1)..<boxes.count {
            if let o = boxes[a].intersection(boxes[b]), o.width > 1, o.height > 1, separation(quads[a], quads[b]) > 1 {
                XCTFail("\(context): text boxes \(boxes[a]) and \(boxes[b]) overlap", file: file, line: line)
            }
        }
    }
    return boxes
}

/// How deep two convex quadrilaterals overlap: the least overlap of their projections over the
/// edge normals of both (the separating axis theorem); zero or less when they are apart.
func separation(_ p: [Point], _ q: [Point]) -> Double {
    var least = Double.infinity
    for poly in [p, q] {
        for i in poly.indices {
            let a = poly[i], b = poly[(i + 1) % poly.count]
            let len = ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
            guard len > 1e-9 else { continue }
            let nx = -(b.y - a.y) / len, ny = (b.x - a.x) / len
            let pp = p.map { $0.x * nx + $0.y * ny }, qq = q.map { $0.x * nx + $0.y * ny }
            least = min(least, min(pp.max()!, qq.max()!) - max(pp.min()!, qq.min()!))
        }
    }
    return least
}
