import Geometry
import TestSupport
import Raster
import XCTest

/// The scan converter against the 16 × 16 supersampling oracle on seeded random paths.
final class OracleTests: XCTestCase {
    struct Stats { var mean: Double; var max: Int; var pixelsOver: Int }

    func compare(_ a: [UInt8], _ b: [UInt8], over threshold: Int = 8) -> Stats {
        var sum = 0, mx = 0, over = 0
        for i in a.indices {
            let d = abs(Int(a[i]) - Int(b[i]))
            sum += d; mx = max(mx, d)
            if d > threshold { over += 1 }
        }
        return Stats(mean: Double(sum) / Double(a.count), max: mx, pixelsOver: over)
    }

    /// Random curved paths with self-intersections: mean error within 1/255, and every pixel off
    /// by more than 8/255 is one where two or more edges meet (where area accumulation and point
    /// sampling legitimately differ), never a pixel with a single edge.
    func testRandomPathsAgreeWithOracle() {
        var rng = SeededRandom(seed: 20261125)
        let size = 64
        let r = Rasterizer()
        var worstMean = 0.0, multiEdge = 0
        for i in 0..<40 {
            let path = RandomPaths.make(&rng, size: Double(size))
            var edges: [(Point, Point)] = []
            PathFlattener.walk(path, closeSubpaths: true) { edges.append(($0, $1)) }
            for rule in FillRule.allCases {
                let area = IntRect(x: 0, y: 0, width: size, height: size)
                let got = r.coverageMask(path, rule: rule, area: area)
                let want = SupersamplingOracle.coverage(path, rule: rule, width: size, height: size)
                let s = compare(got, want)
                worstMean = max(worstMean, s.mean)
                XCTAssertLessThanOrEqual(s.mean, 1.0, "path \(i) \(rule): mean error \(s.mean)/255")
                for k in got.indices where abs(Int(got[k]) - Int(want[k])) > 8 {
                    let x = Double(k % size), y = Double(k / size)
                    let touching = edges.filter { e in
                        max(e.0.x, e.1.x) >= x && min(e.0.x, e.1.x) <= x + 1 && max(e.0.y, e.1.y) >= y && min(e.0.y, e.1.y) <= y + 1
                    }.count
                    multiEdge += 1
                    XCTAssertGreaterThan(touching, 1, "path \(i) \(rule): pixel (\(Int(x)), \(Int(y))) has one edge but got \(got[k]), oracle \(want[k])")
                }
            }
        }
        print("oracle: worst mean error \(worstMean)/255, \(multiEdge) multi-edge pixels off by > 8")
    }

    /// Star-shaped polygons with curved edges never cross themselves: every pixel within the
    /// oracle's own quantisation (16 samples a row can be off by one each: up to 16/255).
    func testSimplePathsAgreePerPixel() {
        var rng = SeededRandom(seed: 31)
        let size = 48
        let r = Rasterizer()
        for i in 0..<40 {
            let c = Point(rng.double(16, 32), rng.double(16, 32))
            let n = Int.random(in: 3...9, using: &rng)
            let angles = (0..<n).map { k in (Double(k) + rng.double(0.1, 0.9)) / Double(n) * 2 * Double.pi }
            var p = Path()
            for (k, a) in angles.enumerated() {
                let rad = rng.double(4, 20)
                let q = Point(c.x + rad * cos(a), c.y + rad * sin(a))
                if k == 0 { p.move(to: q) } else { p.line(to: q) }
            }
            p.close()
            let area = IntRect(x: 0, y: 0, width: size, height: size)
            for rule in FillRule.allCases {
                let s = compare(r.coverageMask(p, rule: rule, area: area),
                                SupersamplingOracle.coverage(p, rule: rule, width: size, height: size))
                XCTAssertLessThanOrEqual(s.max, 12, "polygon \(i): max error \(s.max)")
                XCTAssertLessThanOrEqual(s.mean, 0.3, "polygon \(i): mean error \(s.mean)")
            }
        }
    }

    func testSimpleShapesAreNearlyExact() {
        // No edge crossings inside a pixel: every pixel within the oracle's quantisation.
        let r = Rasterizer()
        let size = 40
        var rng = SeededRandom(seed: 7)
        for _ in 0..<30 {
            let c = Point(rng.double(12, 28), rng.double(12, 28))
            let rad = rng.double(2, 11)
            var p = Path()
            p.move(to: Point(c.x + rad, c.y))
            let n = 64
            for k in 1..<n {
                let t = Double(k) / Double(n) * 2 * Double.pi
                p.line(to: Point(c.x + rad * cos(t), c.y + rad * sin(t)))
            }
            p.close()
            let area = IntRect(x: 0, y: 0, width: size, height: size)
            let got = r.coverageMask(p, area: area)
            let want = SupersamplingOracle.coverage(p, rule: .nonZero, width: size, height: size)
            let s = compare(got, want)
            XCTAssertLessThanOrEqual(s.max, 8, "circle at \(c) r=\(rad): max error \(s.max)")
            XCTAssertLessThanOrEqual(s.mean, 0.3)
        }
    }

    func testFillCompositesLikeTheOracle() throws {
        let r = Rasterizer()
        var rng = SeededRandom(seed: 99)
        let size = 32
        for _ in 0..<10 {
            let path = RandomPaths.make(&rng, size: Double(size))
            let color = Color(r: UInt8.random(in: 0...255, using: &rng), g: 90, b: 200, a: UInt8.random(in: 1...255, using: &rng))
            var pm = try Pixmap(width: size, height: size, fill: Color(rgb: 0x336699, alpha: 0.5))
            r.fill(path, rule: .evenOdd, color: color, into: &pm)
            let cov = r.coverageMask(path, rule: .evenOdd, area: pm.bounds)
            let want = try SupersamplingOracle.composite(cov, color: color, background: Color(rgb: 0x336699, alpha: 0.5),
                                                         width: size, height: size)
            XCTAssertEqual(pm, want, "fill must composite exactly as coverage + source-over says")
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif
