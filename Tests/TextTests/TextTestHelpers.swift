import Geometry
import Raster
@testable import Text
import XCTest

/// The bounding box of all pixels whose alpha is non-zero, or nil when the pixmap is empty.
func inkBox(_ p: Pixmap) -> IntRect? {
    var x0 = Int.max, y0 = Int.max, x1 = Int.min, y1 = Int.min
    for y in 0..<p.height {
        for x in 0..<p.width where p.data[(y * p.width + x) * 4 + 3] != 0 {
            x0 = min(x0, x); x1 = max(x1, x); y0 = min(y0, y); y1 = max(y1, y)
        }
    }
    guard x0 <= x1 else { return nil }
    return IntRect(x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1)
}

/// The alpha channel of `area` as rows of bytes.
func alphaRows(_ p: Pixmap, _ area: IntRect) -> [[UInt8]] {
    (area.y..<area.maxY).map { y in (area.x..<area.maxX).map { x in p.data[(y * p.width + x) * 4 + 3] } }
}

/// `rows` turned a quarter turn counter-clockwise on screen.
func turnedCounterClockwise(_ rows: [[UInt8]]) -> [[UInt8]] {
    let h = rows.count, w = rows.first?.count ?? 0
    return (0..<w).map { r in (0..<h).map { c in rows[c][w - 1 - r] } }
}

/// Sum of alpha over the pixmap: the amount of ink.
func totalInk(_ p: Pixmap) -> Int {
    stride(from: 3, to: p.data.count, by: 4).reduce(0) { $0 + Int(p.data[$1]) }
}
