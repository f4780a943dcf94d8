import Geometry
import Raster

/// A slow, obviously correct rasterizer for tests: 16 × 16 point samples per pixel, each tested
/// by the winding number of the flattened path.
///
/// The real scan converter must agree with it (see `OracleTests`); the expected differences are
/// the oracle's own quantisation (1/256 of coverage) and pixels where edges of one path cross
/// inside a pixel, where area accumulation and point sampling legitimately differ.
enum SupersamplingOracle {
    static let grid = 16

    /// Coverage bytes of `path` over a `width × height` area whose top-left is the origin.
    static func coverage(_ path: Path, rule: FillRule, width: Int, height: Int) -> [UInt8] {
        var edges: [(Point, Point)] = []
        PathFlattener.walk(path, closeSubpaths: true) { edges.append(($0, $1)) }
        var counts = [Int](repeating: 0, count: width * height)
        let n = grid
        for py in 0..<height {
            let rowEdges = edges.filter { max($0.0.y, $0.1.y) >= Double(py) && min($0.0.y, $0.1.y) <= Double(py + 1) }
            if rowEdges.isEmpty { continue }
            for sy in 0..<n {
                let y = Double(py) + (Double(sy) + 0.5) / Double(n)
                var crossings: [(x: Double, dir: Int)] = []
                for (a, b) in rowEdges where (a.y <= y) != (b.y <= y) {
                    crossings.append((a.x + (y - a.y) / (b.y - a.y) * (b.x - a.x), a.y < b.y ? 1 : -1))
                }
                if crossings.isEmpty { continue }
                crossings.sort { $0.x < $1.x }
                var next = 0, winding = 0
                for s in 0..<(width * n) {
                    let x = (Double(s) + 0.5) / Double(n)
                    while next < crossings.count && crossings[next].x < x { winding += crossings[next].dir; next += 1 }
                    let inside = rule == .nonZero ? winding != 0 : winding % 2 != 0
                    if inside { counts[py * width + s / n] += 1 }
                }
            }
        }
        return counts.map { UInt8(($0 * 255 + 128) / (n * n)) }
    }

    /// The pixmap that compositing `color` through `coverage` over `background` gives, computed
    /// with the straightforward per-channel formula.
    static func composite(_ coverage: [UInt8], color: Color, background: Color, width: Int, height: Int) throws -> Pixmap {
        var pm = try Pixmap(width: width, height: height, fill: background)
        let s = color.premultiplied
        for y in 0..<height {
            for x in 0..<width {
                let c = coverage[y * width + x]
                let d = pm.pixel(x: x, y: y)
                let sa = mul255(s.a, c), inv = 255 - sa
                pm.setPixel(x: x, y: y, PremultipliedColor(
                    r: mul255(s.r, c) + mul255(d.r, inv), g: mul255(s.g, c) + mul255(d.g, inv),
                    b: mul255(s.b, c) + mul255(d.b, inv), a: sa + mul255(d.a, inv)))
            }
        }
        return pm
    }
}
