import Geometry
import Scene
import Text
import XCTest

/// Fails for every text run of `scene` that leaves its canvas and, with `apart`, for every pair
/// of text runs whose boxes overlap by more than a pixel each way: the layout property tests'
/// common check. Returns the boxes it measured.
@discardableResult
public func assertTextInsideAndApart(_ scene: Scene, fonts: FontLibrary, apart: Bool = true, context: String,
                                     file: StaticString = #filePath, line: UInt = #line) -> [Rect] {
    var boxes: [Rect] = []
    for c in scene.commands {
        guard case .text(let run) = c else { continue }
        let b = fonts.runBounds(run)
        XCTAssertTrue(b.minX >= -0.5 && b.minY >= -0.5 && b.maxX <= Double(scene.width) + 0.5 && b.maxY <= Double(scene.height) + 0.5,
                      "\(context) (\(scene.width)x\(scene.height)): \"\(run.text)\" at \(b) leaves the canvas", file: file, line: line)
        boxes.append(b)
    }
    guard apart else { return boxes }
    for a in 0..<boxes.count {
        for b in (a + 1)..<boxes.count {
            if let o = boxes[a].intersection(boxes[b]), o.width > 1, o.height > 1 {
                XCTFail("\(context): text boxes \(boxes[a]) and \(boxes[b]) overlap", file: file, line: line)
            }
        }
    }
    return boxes
}
