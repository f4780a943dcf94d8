import Chart
import Geometry
import Raster
import Scene
import TestSupport
import Text
import XCTest

/// Scene assertions for the axis features: grid per axis and the minor grid, the twin y axis,
/// shared axes; plus the goldens of `AxesFigures`.
final class AxesLayoutTests: XCTestCase {
    var fonts: FontLibrary {
        if let f = FigureLayoutTests.sharedFonts { return f }
        let f = try! FontLibrary()
        FigureLayoutTests.sharedFonts = f
        return f
    }

    func scene(_ figure: Figure) -> Scene { FigureRenderer(fonts: fonts).scene(for: figure) }

    /// Filled rectangles in `color`.
    func rects(_ s: Scene, _ color: Color) -> [Rect] {
        s.commands.compactMap { if case .fillRect(let r, let c) = $0, c == color { return r } else { return nil } }
    }

    func texts(_ s: Scene) -> [TextRun] {
        s.commands.compactMap { if case .text(let r) = $0 { return r } else { return nil } }
    }

    /// The plot frame: the first rectangle filled after the figure background.
    func frame(_ s: Scene) -> Rect {
        for c in s.commands { if case .fillRect(let r, _) = c { return r } }
        return Rect(x: 0, y: 0, width: 1, height: 1)
    }

    func line(grid: Bool = true, axis: GridAxis = .both, minor: Bool = false, yScale: AxisScale = .linear) -> Figure {
        let t = AxesFigures.t.map { $0 + 1 }
        return Figure(width: 600, height: 400, panels: [
            Panel(x: AxisSpec(min: 0, max: 10), y: AxisSpec(scale: yScale, min: yScale == .log ? 1 : 0, max: yScale == .log ? 100 : 10),
                  series: [Series("s", x: t, y: t)], grid: grid, gridAxis: axis, minorGrid: minor),
        ])
    }

    /// (vertical, horizontal) grid lines: rectangles one pixel across in the grid colour.
    func gridLines(_ s: Scene, _ color: Color = Theme.light.grid) -> (vertical: [Rect], horizontal: [Rect]) {
        let r = rects(s, color)
        return (r.filter { $0.width < $0.height }, r.filter { $0.width > $0.height })
    }

    func testGridPerAxis() {
        // Limits 0…10 on both axes: MaxNLocator ticks 0, 2, …, 10 (six each).
        let both = gridLines(scene(line(axis: .both)))
        XCTAssertEqual(both.vertical.count, 6)
        XCTAssertEqual(both.horizontal.count, 6)
        let yOnly = gridLines(scene(line(axis: .y)))
        XCTAssertEqual(yOnly.vertical.count, 0, "a y-only grid draws no vertical lines")
        XCTAssertEqual(yOnly.horizontal.count, 6)
        let xOnly = gridLines(scene(line(axis: .x)))
        XCTAssertEqual(xOnly.vertical.count, 6)
        XCTAssertEqual(xOnly.horizontal.count, 0)
        let none = gridLines(scene(line(grid: false, axis: .y, minor: true)))
        XCTAssertEqual(none.vertical.count + none.horizontal.count, 0, "grid false also turns the minor grid off")
    }

    func testMinorGridLineCounts() {
        let st = Theme.light
        // 0.6 × 0.8 pt at 100 dpi is 0.67 px: one pixel at 0.5 × 0.67 opacity.
        let minorColor = st.grid.withOpacity(0.5 * 0.6 * 0.8 * 100 / 72)
        let s = scene(line(minor: true))
        let minor = gridLines(s, minorColor)
        // Major step 2 → 4 subdivisions (matplotlib's AutoMinorLocator), 0…10: 21 minus 6 majors.
        XCTAssertEqual(minor.vertical.count, 15)
        XCTAssertEqual(minor.horizontal.count, 15)
        XCTAssertEqual(gridLines(s).vertical.count, 6, "the major grid is still drawn")
        // The minor lines come before the major ones (under them).
        let firstMajor = s.commands.firstIndex { if case .fillRect(_, let c) = $0 { c == st.grid } else { false } }!
        let lastMinor = s.commands.lastIndex { if case .fillRect(_, let c) = $0 { c == minorColor } else { false } }!
        XCTAssertLessThan(lastMinor, firstMajor)
        let yOnly = gridLines(scene(line(axis: .y, minor: true)), minorColor)
        XCTAssertEqual(yOnly.vertical.count, 0)
        XCTAssertEqual(yOnly.horizontal.count, 15)
        // Log axis 1…100: 2…9 in each of two decades.
        let log = gridLines(scene(line(axis: .y, minor: true, yScale: .log)), minorColor)
        XCTAssertEqual(log.horizontal.count, 16)
        XCTAssertEqual(gridLines(scene(line(minor: false)), minorColor).horizontal.count, 0)
    }

    func testMinorGridLinesSitBetweenMajorOnes() {
        let st = Theme.light
        let minorColor = st.grid.withOpacity(0.5 * 0.6 * 0.8 * 100 / 72)
        let s = scene(line(axis: .x, minor: true))
        let majors = gridLines(s).vertical.map(\.center.x).sorted()
        let minors = gridLines(s, minorColor).vertical.map(\.center.x).sorted()
        XCTAssertEqual(majors.count, 6)
        // Four intervals per major step: three minor lines, evenly spaced to a pixel.
        let step = (majors[1] - majors[0]) / 4
        for (k, m) in minors.prefix(3).enumerated() { XCTAssertEqual(m, majors[0] + Double(k + 1) * step, accuracy: 1) }
    }

    func testGoldens() throws {
        let player = ScenePlayer(fonts: fonts)
        for (name, figure) in AxesFigures.cases {
            let image = try player.render(scene(figure))
            assertMatchesGolden(image, named: name, goldens: goldensDirectory(), tolerance: .text())
        }
    }
}
