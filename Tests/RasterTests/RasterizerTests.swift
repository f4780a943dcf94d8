import Geometry
import TestSupport
import Raster
import XCTest

final class RasterizerTests: XCTestCase {
    func testPackedScaleIsExactMul255() {
        for c in 0...255 {
            for k in 0...255 {
                let packed = UInt32(c) | UInt32(c) << 8 | UInt32(c) << 16 | UInt32(c) << 24
                let want = UInt32(mul255(UInt8(c), UInt8(k)))
                XCTAssertEqual(PixelBlend.scale(packed, UInt32(k)), want | want << 8 | want << 16 | want << 24)
            }
        }
    }

    /// Stamped markers (quarter-pixel sprites, cut at the pixmap's edges) are the same bytes as
    /// each marker's mask rasterized at its rounded position and blended one by one.
    func testStampedMarkersEqualTheirMasksBlendedOneByOne() throws {
        var rng = SeededRandom(seed: 11)
        let r = Rasterizer()
        let color = Color(rgb: 0x1f77b4).withOpacity(0.3)
        var points = (0..<400).map { _ in Point(rng.double(-4, 44), rng.double(-4, 34)) }
        // Exact eighths round half away from zero; negative coordinates floor.
        points += [Point(10.125, 7.375), Point(20.875, 12.625), Point(-0.125, -0.375), Point(-1.625, 5.5), Point(5.5, -2.875)]
        for shape in [Path.circle(center: .zero, radius: 1.5), Path.circle(center: .zero, radius: 3.2)] {
            var got = try Pixmap(width: 40, height: 30, fill: .white)
            r.stampMarkers(shape, at: points, color: color, into: &got)
            var want = try Pixmap(width: 40, height: 30, fill: .white)
            let b = try XCTUnwrap(shape.bounds)
            for p in points {
                let qx = (p.x * 4).rounded(), qy = (p.y * 4).rounded()
                let wx = (qx / 4).rounded(.down), wy = (qy / 4).rounded(.down)
                let ox = (qx - 4 * wx) / 4, oy = (qy - 4 * wy) / 4
                let x0 = Int((b.minX + ox).rounded(.down)), y0 = Int((b.minY + oy).rounded(.down))
                let x1 = Int((b.maxX + ox).rounded(.up)), y1 = Int((b.maxY + oy).rounded(.up))
                let placed = shape.transformed(by: .translation(ox - Double(x0), oy - Double(y0)))
                let mask = r.coverageMask(placed, area: IntRect(x: 0, y: 0, width: x1 - x0, height: y1 - y0))
                mask.withUnsafeBufferPointer { m in
                    want.blendMask(m, maskWidth: x1 - x0, maskHeight: y1 - y0, atX: Int(wx) + x0, y: Int(wy) + y0, color: color)
                }
            }
            XCTAssertNotEqual(got.data, try Pixmap(width: 40, height: 30, fill: .white).data)
            XCTAssertEqual(got.data.count, want.data.count)
            XCTAssertEqual(zip(got.data, want.data).filter { $0 != $1 }.count, 0, "bytes that differ")
        }
    }

    func testFillRectMatchesPathFill() throws {
        var rng = SeededRandom(seed: 5)
        let r = Rasterizer()
        for _ in 0..<50 {
            let rect = Rect(x: rng.double(-5, 30), y: rng.double(-5, 30), width: rng.double(0.1, 20), height: rng.double(0.1, 20))
            let color = Color(rgb: 0xff7f0e, alpha: rng.double(0.2, 1))
            var a = try Pixmap(width: 40, height: 40, fill: .white)
            var b = a
            r.fillRect(rect, color: color, into: &a)
            r.fill(Path(polyline: [Point(rect.minX, rect.minY), Point(rect.maxX, rect.minY), Point(rect.maxX, rect.maxY),
                                   Point(rect.minX, rect.maxY)], closed: true), color: color, into: &b)
            XCTAssertLessThanOrEqual(maxDelta(a, b), 1, "\(rect)")
        }
    }

    func testReleasingTheScratchFreesItAndDrawingStillWorks() throws {
        let r = Rasterizer()
        let triangle = Path(polyline: [Point(1, 1), Point(900, 5), Point(400, 700)], closed: true)
        var big = try Pixmap(width: 1000, height: 800, fill: .white)
        r.fill(triangle, color: Color(rgb: 0x1f77b4), into: &big)
        XCTAssertGreaterThan(r.scratchCells, 500_000, "the scratch grew to the triangle's area")
        r.releaseScratch()
        XCTAssertLessThan(r.scratchCells, 16)
        var a = try Pixmap(width: 40, height: 40, fill: .white), b = a
        let small = Path(polyline: [Point(2, 2), Point(30, 4), Point(12, 35)], closed: true)
        r.fill(small, color: Color(rgb: 0xff7f0e), into: &a)
        Rasterizer().fill(small, color: Color(rgb: 0xff7f0e), into: &b)
        XCTAssertEqual(maxDelta(a, b), 0, "a released rasterizer draws as a new one")
    }

    func testOpaqueInteriorIsExactColourAndOutsideUntouched() throws {
        var pm = try Pixmap(width: 20, height: 20, fill: .white)
        Rasterizer().fill(Path(polyline: [Point(2.5, 2.5), Point(17.5, 2.5), Point(17.5, 17.5), Point(2.5, 17.5)], closed: true),
                          color: Color(rgb: 0x1f77b4), into: &pm)
        XCTAssertEqual(pm.pixel(x: 10, y: 10).demultiplied, Color(rgb: 0x1f77b4))
        XCTAssertEqual(pm.pixel(x: 0, y: 0).demultiplied, .white)
        XCTAssertEqual(pm.pixel(x: 19, y: 10).demultiplied, .white)
        // A half-covered edge pixel is the average of the two colours.
        let edge = pm.pixel(x: 2, y: 10)
        XCTAssertEqual(Int(edge.r), (0x1f + 255) / 2, accuracy: 1)
    }

    func testEvenOddLeavesHoleNonZeroFillsIt() throws {
        var p = Path(polyline: [Point(2, 2), Point(18, 2), Point(18, 18), Point(2, 18)], closed: true)
        p.append(Path(polyline: [Point(6, 6), Point(14, 6), Point(14, 14), Point(6, 14)], closed: true))  // same direction
        let r = Rasterizer()
        let area = IntRect(x: 0, y: 0, width: 20, height: 20)
        let nz = r.coverageMask(p, rule: .nonZero, area: area), eo = r.coverageMask(p, rule: .evenOdd, area: area)
        XCTAssertEqual(nz[10 * 20 + 10], 255)
        XCTAssertEqual(eo[10 * 20 + 10], 0)
        XCTAssertEqual(eo[4 * 20 + 4], 255)
    }

    func testBadCoordinatesNeverCrashOrHang() throws {
        let r = Rasterizer()
        var pm = try Pixmap(width: 30, height: 30, fill: .white)
        // NaN and infinity are dropped; the rest still draws.
        r.fill(Path(polyline: [Point(2, 2), Point(.nan, 5), Point(20, 2), Point(20, 20), Point(.infinity, 3), Point(2, 20)], closed: true),
               color: .black, into: &pm)
        XCTAssertEqual(pm.pixel(x: 10, y: 10).demultiplied, .black)
        // A triangle with 1e30 corners covers the whole canvas.
        var big = try Pixmap(width: 30, height: 30, fill: .white)
        r.fill(Path(polyline: [Point(-1e30, -1e30), Point(1e30, -1e30), Point(0, 1e30)], closed: true), color: .black, into: &big)
        XCTAssertEqual(big.pixel(x: 15, y: 15).demultiplied, .black)
        XCTAssertEqual(big.pixel(x: 0, y: 0).demultiplied, .black)
        // Zero-area paths draw nothing.
        var zero = try Pixmap(width: 30, height: 30, fill: .white)
        let before = zero
        r.fill(Path(polyline: [Point(1, 1), Point(20, 20), Point(5, 5)], closed: true), color: .black, into: &zero)
        r.fill(Path(polyline: [Point(3, 3)], closed: true), color: .black, into: &zero)
        r.fillRect(Rect(x: 4, y: 4, width: 0, height: 9), color: .black, into: &zero)
        r.fillRect(Rect(x: .nan, y: 4, width: 3, height: 9), color: .black, into: &zero)
        XCTAssertEqual(zero, before)
    }

    func testRectClipAndPathClip() throws {
        let r = Rasterizer()
        var pm = try Pixmap(width: 20, height: 20, fill: .white)
        let whole = Clip.whole(pm)
        let clip = try XCTUnwrap(r.clip(Rect(x: 5, y: 5, width: 10, height: 10), within: whole))
        XCTAssertNil(clip.mask, "a whole-pixel rectangle needs no mask")
        r.fillRect(Rect(x: 0, y: 0, width: 20, height: 20), color: .black, clip: clip, into: &pm)
        XCTAssertEqual(pm.pixel(x: 4, y: 10).demultiplied, .white)
        XCTAssertEqual(pm.pixel(x: 5, y: 10).demultiplied, .black)
        XCTAssertEqual(pm.pixel(x: 15, y: 10).demultiplied, .white)

        // A circle clip: a fill through it equals the circle's own coverage.
        var circle = Path()
        circle.move(to: Point(16, 10))
        for k in 1..<48 { let t = Double(k) / 48 * 2 * .pi; circle.line(to: Point(10 + 6 * cos(t), 10 + 6 * sin(t))) }
        circle.close()
        let pathClip = try XCTUnwrap(r.clip(circle, within: whole))
        var a = try Pixmap(width: 20, height: 20, fill: .white), b = a
        r.fillRect(Rect(x: 0, y: 0, width: 20, height: 20), color: .black, clip: pathClip, into: &a)
        r.fill(circle, color: .black, into: &b)
        XCTAssertEqual(maxDelta(a, b), 0)
        // Nested: a path clip inside a fractional rectangle clip multiplies the masks.
        let nested = try XCTUnwrap(r.clip(Rect(x: 10.5, y: 0, width: 10, height: 20), within: pathClip))
        var c = try Pixmap(width: 20, height: 20, fill: .white)
        r.fillRect(Rect(x: 0, y: 0, width: 20, height: 20), color: .black, clip: nested, into: &c)
        XCTAssertEqual(c.pixel(x: 8, y: 10).demultiplied, .white)
        XCTAssertEqual(c.pixel(x: 13, y: 10).demultiplied, .black)
        XCTAssertEqual(Int(c.pixel(x: 10, y: 10).r), 128, accuracy: 1)
    }

    func testNearestImageKeepsCellsCrispAndBilinearBlends() throws {
        var img = try Pixmap(width: 2, height: 1)
        img.setPixel(x: 0, y: 0, Color.black.premultiplied)
        img.setPixel(x: 1, y: 0, Color.white.premultiplied)
        let r = Rasterizer()
        var pm = try Pixmap(width: 8, height: 2, fill: Color(rgb: 0xff0000))
        r.drawImage(img, in: Rect(x: 0, y: 0, width: 8, height: 2), filter: .nearest, into: &pm)
        XCTAssertEqual(pm.pixel(x: 3, y: 1).demultiplied, .black)
        XCTAssertEqual(pm.pixel(x: 4, y: 0).demultiplied, .white)
        var bl = try Pixmap(width: 8, height: 2, fill: Color(rgb: 0xff0000))
        r.drawImage(img, in: Rect(x: 0, y: 0, width: 8, height: 2), filter: .bilinear, into: &bl)
        XCTAssertEqual(bl.pixel(x: 0, y: 0).demultiplied, .black, "clamped at the edge")
        let mid = Int(bl.pixel(x: 3, y: 0).r), mid2 = Int(bl.pixel(x: 4, y: 0).r)
        XCTAssertTrue(mid > 40 && mid < 128 && mid2 > 128 && mid2 < 215, "interpolated: \(mid) \(mid2)")
        // Opacity halves the contribution.
        var half = try Pixmap(width: 8, height: 2, fill: .white)
        r.drawImage(img, in: Rect(x: 0, y: 0, width: 8, height: 2), opacity: 0.5, into: &half)
        XCTAssertEqual(Int(half.pixel(x: 0, y: 0).r), 128, accuracy: 1)
    }
}

extension RasterizerTests {
    /// Snapped 1-px and 2-px lines and snapped rectangles are crisp: every pixel fully in or out.
    func testPixelSnappingGivesCrispLinesAndRects() throws {
        let r = Rasterizer()
        for (width, rows) in [(1.0, 1), (2.0, 2), (3.0, 3)] {
            var pm = try Pixmap(width: 40, height: 40, fill: .white)
            let y = PixelSnap.coordinate(17.3, strokeWidth: width)
            // Across the line the centre snaps (half pixels for odd widths); along it, butt ends
            // sit on whole pixels.
            let x0 = 4.2.rounded(), x1 = 33.9.rounded()
            r.stroke(Path(polyline: [Point(x0, y), Point(x1, y)]), style: StrokeStyle(width: width), color: .black, into: &pm)
            var blackRows = Set<Int>()
            for py in 0..<40 {
                for px in 0..<40 {
                    let v = pm.pixel(x: px, y: py).r
                    XCTAssertTrue(v == 0 || v == 255, "width \(width): pixel (\(px), \(py)) is \(v), not crisp")
                    if v == 0 { blackRows.insert(py) }
                }
            }
            XCTAssertEqual(blackRows.count, rows, "width \(width)")
        }
        var pm = try Pixmap(width: 40, height: 40, fill: .white)
        r.fillRect(Rect(x: 3.4, y: 5.6, width: 20.2, height: 9.7).snapped, color: .black, into: &pm)
        XCTAssertTrue(pm.data.allSatisfy { $0 == 0 || $0 == 255 })
    }
}

/// The largest difference of any channel of any pixel.
func maxDelta(_ a: Pixmap, _ b: Pixmap) -> Int {
    zip(a.data, b.data).reduce(0) { max($0, abs(Int($1.0) - Int($1.1))) }
}
