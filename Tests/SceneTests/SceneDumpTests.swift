import Geometry
import Raster
import Scene
import TestSupport
import Text
import XCTest

/// Layout-style tests: the text dump of hand-built scenes, compared exactly.
final class SceneDumpTests: XCTestCase {
    func testSmallChartDumpIsExact() {
        let expected = """
            scene 240x160 background #ffffff
            rect #333333 [50 20 150x1]
            rect #333333 [50 119 150x1]
            rect #333333 [50 20 1x100]
            rect #333333 [199 20 1x100]
            clip rect [51 21 148x98]
              stroke #1f77b4 w=2 round round M 50 110 L 80 90 L 110 95 L 140 60 L 170 45 L 200 30
              markers n=4 fill=#ff7f0e stroke=#000000 w=1 shape={M 3 0 C 3 1.657 1.657 3 0 3 C -1.657 3 -3 1.657 -3 0 C -3 -1.657 -1.657 -3 0 -3 C 1.657 -3 3 -1.657 3 0 Z} at (80, 90) (110, 95) (140, 60) (170, 45)
            unclip
            text "0" sans 10px #333333 at (50, 124) center/top
            text "5" sans 10px #333333 at (200, 124) center/top
            text "loss" sans 12px #000000 at (18, 70) center/center rot=90
            fill #ffffffcc nonzero M 133.5 88.5 L 191.5 88.5 C 193.157 88.5 194.5 89.843 194.5 91.5 L 194.5 109.5 C 194.5 111.157 193.157 112.5 191.5 112.5 L 133.5 112.5 C 131.843 112.5 130.5 111.157 130.5 109.5 L 130.5 91.5 C 130.5 89.843 131.843 88.5 133.5 88.5 Z
            stroke #cccccc w=1 butt miter limit=4 M 133.5 88.5 L 191.5 88.5 C 193.157 88.5 194.5 89.843 194.5 91.5 L 194.5 109.5 C 194.5 111.157 193.157 112.5 191.5 112.5 L 133.5 112.5 C 131.843 112.5 130.5 111.157 130.5 109.5 L 130.5 91.5 C 130.5 89.843 131.843 88.5 133.5 88.5 Z
            stroke #1f77b4 w=2 butt miter limit=4 M 136 100 L 152 100
            text "train" sans 10px #000000 at (158, 100) left/center

            """
        XCTAssertEqual(SceneFixtures.smallChart().dump(), expected)
    }

    func testDumpIsDeterministic() {
        let a = SceneFixtures.smallChart(), b = SceneFixtures.smallChart()
        XCTAssertEqual(a, b)
        XCTAssertEqual(a.dump(), b.dump())
        XCTAssertEqual(a.dump(), a.dump())
    }

    /// A 200-point walk from a fixed seed.
    private func longWalk() -> [Point] {
        var rng = SeededRandom(seed: 7)
        var y = 50.0
        return (0..<200).map { i in
            y += rng.double(-2, 2)
            return Point(Double(i), y)
        }
    }

    func testLongPathIsSummarisedWithCountBoundsAndHash() throws {
        var s = Scene(width: 200, height: 100)
        let pts = longWalk()
        s.stroke(Path(polyline: pts), style: StrokeStyle(width: 1), color: .black)
        let line = try XCTUnwrap(s.dump().split(separator: "\n").last.map(String.init))
        XCTAssertTrue(line.hasPrefix("stroke #000000 w=1 butt miter limit=4 <path 200 verbs, bounds [0 "), line)
        XCTAssertTrue(line.contains(", hash "), line)
        XCTAssertFalse(line.contains(" L "), "a long path must not be listed point by point: \(line)")
        let ys = pts.map(\.y)
        let bounds = Rect(corner: Point(0, ys.min()!), Point(199, ys.max()!))
        XCTAssertTrue(line.contains("bounds \(bounds),"), line)
        // The hash is 16 hex digits.
        let hash = try XCTUnwrap(line.components(separatedBy: "hash ").last?.dropLast())
        XCTAssertEqual(hash.count, 16)
        XCTAssertTrue(hash.allSatisfy(\.isHexDigit), String(hash))
    }

    func testShortPathIsListedInFull() {
        var s = Scene(width: 10, height: 10)
        s.fill(Path(polyline: [Point(1, 1), Point(5, 1), Point(3, 4.25)], closed: true), color: .black)
        XCTAssertEqual(s.dump(), "scene 10x10 background #ffffff\nfill #000000 nonzero M 1 1 L 5 1 L 3 4.25 Z\n")
    }

    func testHashChangesWhenOneCoordinateChanges() {
        var pts = longWalk()
        func dump(_ p: [Point]) -> String {
            var s = Scene(width: 200, height: 100)
            s.stroke(Path(polyline: p), style: StrokeStyle(width: 1), color: .black)
            s.markers(Path.marker(.square, size: 4), at: p, fill: .black)
            return s.dump()
        }
        let before = dump(pts)
        XCTAssertEqual(before, dump(pts))
        // Move one interior point by a tiny amount, not enough to change the bounds.
        pts[100].y += 1e-6
        let after = dump(pts)
        XCTAssertNotEqual(before, after)
        let b = before.split(separator: "\n"), a = after.split(separator: "\n")
        XCTAssertEqual(b.count, a.count)
        for (x, y) in zip(b.dropFirst(), a.dropFirst()) {
            XCTAssertNotEqual(x, y, "each summarised command must change")
            // Same counts and bounds, different hash.
            XCTAssertEqual(x.components(separatedBy: "hash ").first, y.components(separatedBy: "hash ").first)
        }
    }

    func testMarkerPointsAreSummarisedPastEight() {
        var s = Scene(width: 100, height: 100)
        let pts = (0..<9).map { Point(Double($0) * 10, 5) }
        s.markers(Path.marker(.square, size: 2), at: pts, fill: .black)
        let d = s.dump()
        XCTAssertTrue(d.contains("markers n=9 fill=#000000 shape={M -1 -1 L 1 -1 L 1 1 L -1 1 Z} at <9 points, bounds [0 5 80x0], hash "), d)
    }

    func testClipNestingIndents() {
        var s = Scene(width: 100, height: 100, background: .transparent)
        s.pushClip(Rect(x: 0, y: 0, width: 80, height: 80))
        s.fill(Rect(x: 0, y: 0, width: 10, height: 10), color: .black)
        s.pushClip(Path.rect(Rect(x: 10, y: 10, width: 50, height: 50)), rule: .evenOdd)
        s.fill(Rect(x: 1, y: 2, width: 3, height: 4), color: .white)
        s.popClip()
        s.fill(Rect(x: 5, y: 5, width: 1, height: 1), color: .black)
        s.popClip()
        s.fill(Rect(x: 9, y: 9, width: 1, height: 1), color: .black)
        let expected = """
            scene 100x100 background #00000000
            clip rect [0 0 80x80]
              rect #000000 [0 0 10x10]
              clip path evenodd M 10 10 L 60 10 L 60 60 L 10 60 Z
                rect #ffffff [1 2 3x4]
              unclip
              rect #000000 [5 5 1x1]
            unclip
            rect #000000 [9 9 1x1]

            """
        XCTAssertEqual(s.dump(), expected)
    }

    func testUnbalancedPopDoesNotIndentNegatively() {
        var s = Scene(width: 4, height: 4)
        s.popClip()
        s.fill(Rect(x: 0, y: 0, width: 1, height: 1), color: .black)
        XCTAssertEqual(s.dump(), "scene 4x4 background #ffffff\nunclip\nrect #000000 [0 0 1x1]\n")
    }

    func testStrokeStyleDetailsAndImage() throws {
        var s = Scene(width: 20, height: 20)
        let dash = try XCTUnwrap(DashPattern([4, 2.5], phase: 1))
        s.stroke(Path(polyline: [Point(0, 0), Point(10, 0)]),
                 style: StrokeStyle(width: 1.5, cap: .square, join: .bevel, dash: dash), color: .black)
        let img = try Pixmap(width: 2, height: 2, fill: .black)
        s.image(img, in: Rect(x: 1, y: 1, width: 4, height: 4), filter: .bilinear, opacity: 0.5)
        let lines = s.dump().split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[1], "stroke #000000 w=1.5 square bevel dash=[4 2.5]+1 M 0 0 L 10 0")
        XCTAssertTrue(lines[2].hasPrefix("image 2x2 into [1 1 4x4] bilinear opacity=0.5 hash="), lines[2])
    }
}
