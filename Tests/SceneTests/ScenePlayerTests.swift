import Geometry
import Raster
import Scene
import TestSupport
import Text
import XCTest

/// The player draws what the display list says, and only inside the clips in force.
final class ScenePlayerTests: XCTestCase {
    private var player: ScenePlayer!

    override func setUpWithError() throws {
        player = ScenePlayer(fonts: try FontLibrary())
    }

    /// The bounding box of pixels whose alpha is non-zero (on a transparent canvas).
    private func inkBox(_ p: Pixmap) -> IntRect? {
        var x0 = Int.max, y0 = Int.max, x1 = Int.min, y1 = Int.min
        for y in 0..<p.height {
            for x in 0..<p.width where p.pixel(x: x, y: y).a != 0 {
                x0 = min(x0, x); x1 = max(x1, x); y0 = min(y0, y); y1 = max(y1, y)
            }
        }
        guard x0 <= x1 else { return nil }
        return IntRect(x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1)
    }

    private func contains(_ outer: IntRect, _ inner: IntRect) -> Bool {
        inner.x >= outer.x && inner.y >= outer.y && inner.maxX <= outer.maxX && inner.maxY <= outer.maxY
    }

    private let red = Color(r: 255, g: 0, b: 0)

    func testRectClipKeepsDrawingInside() throws {
        var s = Scene(width: 60, height: 40, background: .transparent)
        s.pushClip(Rect(x: 10, y: 5, width: 20, height: 15))
        s.fill(Rect(x: 0, y: 0, width: 60, height: 40), color: red)
        s.stroke(Path(polyline: [Point(0, 0), Point(60, 40)]), style: StrokeStyle(width: 3), color: .black)
        s.popClip()
        let p = try player.render(s)
        XCTAssertEqual(inkBox(p), IntRect(x: 10, y: 5, width: 20, height: 15))
        XCTAssertEqual(p.pixel(x: 10, y: 5).a, 255)
        XCTAssertEqual(p.pixel(x: 9, y: 5).a, 0)
        XCTAssertEqual(p.pixel(x: 29, y: 19).a, 255)
        XCTAssertEqual(p.pixel(x: 30, y: 19).a, 0)
    }

    func testPopRestoresTheOuterClip() throws {
        var s = Scene(width: 40, height: 40, background: .transparent)
        s.pushClip(Rect(x: 0, y: 0, width: 10, height: 10))
        s.pushClip(Rect(x: 5, y: 5, width: 30, height: 30))
        s.popClip()
        s.fill(Rect(x: 0, y: 0, width: 40, height: 40), color: red)  // under the outer clip only
        s.popClip()
        s.fill(Rect(x: 30, y: 30, width: 10, height: 10), color: .black)  // no clip
        let p = try player.render(s)
        XCTAssertEqual(p.pixel(x: 0, y: 0), red.premultiplied)
        XCTAssertEqual(p.pixel(x: 9, y: 9), red.premultiplied)
        XCTAssertEqual(p.pixel(x: 10, y: 10).a, 0)
        XCTAssertEqual(p.pixel(x: 39, y: 39), Color.black.premultiplied)
    }

    func testEmptyClipSkipsDrawingUntilItsPop() throws {
        var s = Scene(width: 40, height: 40, background: .transparent)
        s.pushClip(Rect(x: 100, y: 100, width: 10, height: 10))  // wholly off the canvas
        s.fill(Rect(x: 0, y: 0, width: 40, height: 40), color: red)
        s.pushClip(Rect(x: 0, y: 0, width: 40, height: 40))  // cannot widen an empty clip
        s.text(TextRun("Hidden", font: Font(size: 12), at: Point(2, 20)))
        s.markers(Path.marker(.circle, size: 8), at: [Point(20, 20)], fill: red)
        s.popClip()
        s.fill(Path.circle(center: Point(20, 20), radius: 10), color: red)
        s.popClip()
        var p = try player.render(s)
        XCTAssertNil(inkBox(p), "nothing may draw while an empty clip is in force")
        s.fill(Rect(x: 0, y: 0, width: 2, height: 2), color: .black)
        p = try player.render(s)
        XCTAssertEqual(inkBox(p), IntRect(x: 0, y: 0, width: 2, height: 2), "drawing resumes after the pop")
    }

    func testNestedClipsIntersect() throws {
        var s = Scene(width: 60, height: 60, background: .transparent)
        s.pushClip(Rect(x: 0, y: 0, width: 30, height: 30))
        s.pushClip(Rect(x: 20, y: 10, width: 30, height: 40))
        s.fill(Rect(x: 0, y: 0, width: 60, height: 60), color: red)
        s.popClip()
        s.popClip()
        let p = try player.render(s)
        XCTAssertEqual(inkBox(p), IntRect(x: 20, y: 10, width: 10, height: 20))
    }

    func testPathClipIsAntiAliasedAndIntersectsRectClip() throws {
        var s = Scene(width: 60, height: 60, background: .transparent)
        s.pushClip(Rect(x: 0, y: 0, width: 30, height: 60))
        s.pushClip(Path.circle(center: Point(30, 30), radius: 20))
        s.fill(Rect(x: 0, y: 0, width: 60, height: 60), color: .black)
        s.popClip()
        s.popClip()
        let p = try player.render(s)
        let box = try XCTUnwrap(inkBox(p))
        XCTAssertEqual(box, IntRect(x: 10, y: 10, width: 20, height: 40))
        XCTAssertEqual(p.pixel(x: 25, y: 30).a, 255)
        XCTAssertEqual(p.pixel(x: 30, y: 30).a, 0, "right half is outside the rect clip")
        // An edge pixel of the circle is partly covered.
        let edge = p.pixel(x: 10, y: 24).a
        XCTAssertTrue(edge > 0 && edge < 255, "edge alpha \(edge)")
    }

    func testTextDrawsThroughTheClip() throws {
        var s = Scene(width: 120, height: 40, background: .transparent)
        let run = TextRun("Clipped text", font: Font(size: 20), at: Point(4, 28))
        s.text(run)
        let unclipped = try player.render(s)
        let full = try XCTUnwrap(inkBox(unclipped))
        XCTAssertGreaterThan(full.maxX, 60)

        var c = Scene(width: 120, height: 40, background: .transparent)
        c.pushClip(Rect(x: 0, y: 0, width: 50, height: 40))
        c.text(run)
        c.popClip()
        let clipped = try player.render(c)
        let box = try XCTUnwrap(inkBox(clipped))
        XCTAssertLessThanOrEqual(box.maxX, 50)
        XCTAssertEqual(box.x, full.x)
        // Inside the clip the pixels are the unclipped ones.
        for y in 0..<40 {
            for x in 0..<50 { XCTAssertEqual(clipped.pixel(x: x, y: y), unclipped.pixel(x: x, y: y)) }
        }

        // A rotated run through a path clip also stays inside.
        var r = Scene(width: 120, height: 120, background: .transparent)
        r.pushClip(Path.circle(center: Point(60, 60), radius: 25))
        r.text(TextRun("Rotated text run", font: Font(size: 16), at: Point(60, 60),
                       horizontal: .center, vertical: .center, rotation: 30))
        r.popClip()
        let rotated = try player.render(r)
        let rb = try XCTUnwrap(inkBox(rotated))
        XCTAssertTrue(contains(IntRect(x: 35, y: 35, width: 50, height: 50), rb), "\(rb)")
    }

    func testMarkersWithFillAndStrokeDrawBoth() throws {
        var s = Scene(width: 40, height: 40, background: .white)
        let fill = Color(r: 255, g: 0, b: 0), edge = Color(r: 0, g: 0, b: 255)
        s.markers(Path.marker(.square, size: 16), at: [Point(20, 20)], fill: fill,
                  stroke: (StrokeStyle(width: 2), edge))
        let p = try player.render(s)
        XCTAssertEqual(p.pixel(x: 20, y: 20), fill.premultiplied, "fill in the middle")
        // The square spans 12...28; its 2-px outline covers 11...13 on the left edge.
        XCTAssertEqual(p.pixel(x: 11, y: 20), edge.premultiplied, "outline on the edge")
        XCTAssertEqual(p.pixel(x: 28, y: 20), edge.premultiplied)
        XCTAssertEqual(p.pixel(x: 9, y: 20), Color.white.premultiplied, "nothing outside")
    }

    func testMarkersAreClipped() throws {
        var s = Scene(width: 40, height: 40, background: .transparent)
        s.pushClip(Rect(x: 0, y: 0, width: 20, height: 40))
        s.markers(Path.marker(.circle, size: 10), at: [Point(10, 10), Point(20, 20), Point(30, 30)], fill: .black)
        s.popClip()
        let p = try player.render(s)
        XCTAssertEqual(inkBox(p), IntRect(x: 5, y: 5, width: 15, height: 20))
    }

    func testImageCommandDraws() throws {
        var img = try Pixmap(width: 2, height: 2, fill: .white)
        img.setPixel(x: 0, y: 0, PremultipliedColor(r: 255, g: 0, b: 0, a: 255))
        img.setPixel(x: 1, y: 1, PremultipliedColor(r: 0, g: 0, b: 255, a: 255))
        var s = Scene(width: 30, height: 30, background: .transparent)
        s.image(img, in: Rect(x: 10, y: 10, width: 10, height: 10))
        let p = try player.render(s)
        XCTAssertEqual(inkBox(p), IntRect(x: 10, y: 10, width: 10, height: 10))
        XCTAssertEqual(p.pixel(x: 12, y: 12), PremultipliedColor(r: 255, g: 0, b: 0, a: 255))
        XCTAssertEqual(p.pixel(x: 17, y: 17), PremultipliedColor(r: 0, g: 0, b: 255, a: 255))
        XCTAssertEqual(p.pixel(x: 17, y: 12), Color.white.premultiplied)
    }

    func testPlayDrawsOverExistingPixelsWithoutBackground() throws {
        var s = Scene(width: 10, height: 10, background: .black)
        s.fill(Rect(x: 0, y: 0, width: 5, height: 10), color: red)
        var p = try Pixmap(width: 10, height: 10, fill: .white)
        player.play(s, into: &p)
        XCTAssertEqual(p.pixel(x: 2, y: 2), red.premultiplied)
        XCTAssertEqual(p.pixel(x: 7, y: 2), Color.white.premultiplied, "play does not paint the background")
    }

    func testRenderIsDeterministicAndReusesThePlayer() throws {
        let a = try player.render(SceneFixtures.smallChart())
        let b = try player.render(SceneFixtures.smallChart())
        XCTAssertEqual(a, b)
        let fresh = try ScenePlayer(fonts: FontLibrary()).render(SceneFixtures.smallChart())
        XCTAssertEqual(a, fresh)
    }

    func testRenderRejectsABadSize() {
        XCTAssertThrowsError(try player.render(Scene(width: 0, height: 10)))
    }

    func testSmallChartGolden() throws {
        let p = try player.render(SceneFixtures.smallChart())
        assertMatchesGolden(p, named: "small-chart", goldens: goldensDirectory(), tolerance: .text())
    }
}
