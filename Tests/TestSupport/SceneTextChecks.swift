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
            if let o = boxes[a].intersection(boxes[b]), o.width > 1, o.height > 1, ConvexOverlap.depth(quads[a], quads[b]) > 1 {
                XCTFail("\(context): text boxes \(boxes[a]) and \(boxes[b]) overlap", file: file, line: line)
            }
        }
    }
    return boxes
}
