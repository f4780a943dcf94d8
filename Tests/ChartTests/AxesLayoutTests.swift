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
    var fonts: FontLibrary { sharedFonts() }

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
        // Log axis 1…100: 2…9 in each of two decades, less 2 and 5 × 10ⁿ, labelled major ticks
        // under three decades (LogAxisLabels).
        let log = gridLines(scene(line(axis: .y, minor: true, yScale: .log)), minorColor)
        XCTAssertEqual(log.horizontal.count, 12)
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

    func twin(legend: LegendPlacement = .upperLeft, y2: AxisSpec? = AxisSpec(label: "growth")) -> Figure {
        var f = AxesFigures.twin
        f.panels[0].legend = legend
        f.panels[0].y2 = y2
        return f
    }

    func testRightAxisTicksAndLabelsSitRightOfTheFrame() {
        let s = scene(twin())
        let f = frame(s)
        // Left-aligned runs right of the frame are the right axis's tick labels.
        let right = texts(s).filter { $0.horizontal == .left && $0.position.x > f.maxX }
        XCTAssertEqual(right.map(\.text), ["0", "2000", "4000", "6000", "8000", "10000", "12000", "14000"])
        for r in right { XCTAssertGreaterThan(fonts.runBounds(r).minX, f.maxX + 3, r.text) }
        // Tick marks: short horizontal spine-coloured rectangles starting at the right spine.
        let marks = rects(s, Theme.light.spine).filter { $0.height <= 1 && $0.width < 10 && $0.minX >= f.maxX }
        XCTAssertEqual(marks.count, right.count)
        // The axis label is rotated and lies right of every tick label.
        let label = texts(s).first { $0.text == "growth" && $0.rotation == 90 }
        XCTAssertNotNil(label)
        if let label {
            let widest = right.map { fonts.runBounds($0).maxX }.max()!
            XCTAssertGreaterThan(fonts.runBounds(label).minX, widest)
            XCTAssertLessThanOrEqual(fonts.runBounds(label).maxX, 600)
        }
        // The left axis keeps its own limits: the right series' values do not reach it.
        XCTAssertEqual(texts(s).filter { $0.horizontal == .right && $0.position.x < f.minX }.map(\.text),
                       ["−1.00", "−0.75", "−0.50", "−0.25", "0.00", "0.25", "0.50", "0.75", "1.00"])
        assertTextInsideAndApart(s, fonts: fonts, context: "twin")
    }

    func testRightSeriesFollowsTheRightScale() {
        let s = scene(twin())
        let f = frame(s)
        let strokes = s.commands.compactMap { if case .stroke(let p, _, let c) = $0 { return (p, c) } else { return nil } }
        let growth = strokes.first { $0.1 == Theme.light.color(1) }!.0.bounds!
        let sine = strokes.first { $0.1 == Theme.light.color(0) }!.0.bounds!
        // Both span the frame's data area within matplotlib's 5% margins.
        let margin = 0.05 / 1.1 * f.height
        XCTAssertEqual(growth.minY, f.minY + margin, accuracy: 2)
        XCTAssertEqual(sine.minY, f.minY + margin, accuracy: 2)
        XCTAssertEqual(sine.maxY, f.maxY - margin, accuracy: 2)
        // 100·e^0 = 100 sits just above the margin's bottom: (100 − low) / span of the y2 view.
        let low = 100 - 0.05 * (100 * exp(5) - 100), high = 100 * exp(5) + 0.05 * (100 * exp(5) - 100)
        XCTAssertEqual(growth.maxY, f.maxY - (100 - low) / (high - low) * f.height, accuracy: 2)
    }

    func testOneLegendForBothAxesAndOutsideBeyondTheRightAxis() {
        let inside = scene(twin())
        let legendTexts = texts(inside).filter { $0.horizontal == .left && $0.position.x < frame(inside).maxX }
        XCTAssertEqual(legendTexts.map(\.text), ["sin", "growth"])
        let s = scene(twin(legend: .outside))
        let f = frame(s)
        let tickLabels = texts(s).filter { $0.horizontal == .left && $0.position.x > f.maxX && Double($0.text) != nil }
        let axisLabel = texts(s).first { $0.text == "growth" && $0.rotation == 90 }!
        let entries = texts(s).filter { $0.horizontal == .left && ($0.text == "sin" || ($0.text == "growth" && $0.rotation == 0)) }
        XCTAssertEqual(entries.count, 2)
        let rightmost = (tickLabels + [axisLabel]).map { fonts.runBounds($0).maxX }.max()!
        for e in entries { XCTAssertGreaterThan(fonts.runBounds(e).minX, rightmost, "the legend clears the right axis") }
        assertTextInsideAndApart(s, fonts: fonts, context: "twin outside")
    }

    func testNoRightAxisWithoutRightSeries() {
        var f = twin(y2: nil)
        f.panels[0].series[1].yAxis = .left
        let s = scene(f)
        XCTAssertTrue(texts(s).filter { $0.horizontal == .left && $0.position.x > frame(s).maxX }.isEmpty)
        // y2 alone (no right series) still draws an axis, 0…1 as matplotlib's empty twinx.
        let empty = scene(twin(y2: AxisSpec(label: "right")))
        XCTAssertFalse(texts(empty).filter { $0.horizontal == .left && $0.position.x > frame(empty).maxX }.isEmpty)
    }

    /// The plot frames in panel order: rectangles in the axes background colour.
    func frames(_ s: Scene) -> [Rect] {
        rects(s, Theme.light.axesBackground).filter { $0.width > 50 && $0.height > 50 }
    }

    func testSharedAxesHaveIdenticalLimitsAndOuterLabelsOnly() {
        let s = scene(AxesFigures.shared)
        let fs = frames(s)
        XCTAssertEqual(fs.count, 4)
        let grid = gridLines(s)
        func vertical(in f: Rect) -> [Double] { grid.vertical.filter { f.contains($0.center) }.map(\.center.x).sorted() }
        func horizontal(in f: Rect) -> [Double] { grid.horizontal.filter { f.contains($0.center) }.map(\.center.y).sorted() }
        // One column, one x view: the same grid lines at the same places.
        XCTAssertEqual(vertical(in: fs[0]), vertical(in: fs[2]))
        XCTAssertEqual(vertical(in: fs[1]), vertical(in: fs[3]))
        XCTAssertEqual(horizontal(in: fs[0]).map { $0 - fs[0].minY }, horizontal(in: fs[1]).map { $0 - fs[1].minY })
        XCTAssertEqual(horizontal(in: fs[2]).map { $0 - fs[2].minY }, horizontal(in: fs[3]).map { $0 - fs[3].minY })
        // Column 0's x view covers both panels' data (−3…6): ticks −2…6 under panel 2 only.
        let runs = texts(s)
        func below(_ f: Rect) -> [String] {
            runs.filter { $0.horizontal == .center && $0.position.y > f.maxY && $0.position.y < f.maxY + 20 && $0.position.x >= f.minX - 5 && $0.position.x <= f.maxX + 5 }.map(\.text)
        }
        func left(_ f: Rect) -> [String] {
            runs.filter { $0.horizontal == .right && $0.position.x < f.minX && $0.position.x > f.minX - 40 && $0.position.y >= f.minY && $0.position.y <= f.maxY }.map(\.text)
        }
        XCTAssertEqual(below(fs[0]), [], "inner panels hide their x tick labels")
        XCTAssertEqual(below(fs[1]), [])
        XCTAssertEqual(below(fs[2]), ["−2", "0", "2", "4", "6"])
        XCTAssertEqual(below(fs[3]), ["0", "5", "10", "15", "20"])
        XCTAssertEqual(left(fs[1]), [], "inner panels hide their y tick labels")
        XCTAssertEqual(left(fs[3]), [])
        XCTAssertFalse(left(fs[0]).isEmpty)
        // Equal frame heights across the grid leave the top row's frames shorter: steps of 2.5.
        XCTAssertEqual(left(fs[0]).first, "−2.5")
        // Axis labels only on the outer panels: two x labels and two (rotated) y labels.
        XCTAssertEqual(runs.filter { $0.text == "x" }.count, 2)
        XCTAssertEqual(runs.filter { $0.text == "y" && $0.rotation == 90 }.count, 2)
        // Inner panels still draw their tick marks.
        let marks = rects(s, Theme.light.spine).filter { $0.width <= 1 && $0.height < 10 && $0.minY >= fs[0].maxY && $0.maxY <= fs[0].maxY + 10 && $0.minX >= fs[0].minX - 1 && $0.maxX <= fs[0].maxX + 1 }
        XCTAssertEqual(marks.count, 5)
        assertTextInsideAndApart(s, fonts: fonts, context: "shared")
    }

    func testUnsharedPanelsKeepTheirOwnLimits() {
        var f = AxesFigures.shared
        f.sharedX = false; f.sharedY = false
        let s = scene(f)
        let fs = frames(s)
        let grid = gridLines(s)
        func vertical(in r: Rect) -> [Double] { grid.vertical.filter { r.contains($0.center) }.map(\.center.x).sorted() }
        XCTAssertNotEqual(vertical(in: fs[0]), vertical(in: fs[2]))
        XCTAssertEqual(texts(s).filter { $0.text == "x" }.count, 4)
    }

    /// Random grids of twin-axis panels with shared axes and legends: text stays on the canvas
    /// and apart, and right-axis labels never reach into the frame.
    func testRandomTwinAndSharedFiguresKeepTextInsideAndApart() {
        var rng = SeededRandom(seed: 29)
        let renderer = FigureRenderer(fonts: fonts)
        for i in 0..<40 {
            let n = Int.random(in: 0...120, using: &rng)
            let xs = (0..<n).map { Double($0) * pow(10, rng.double(-2, 2)) }
            let panels = (0..<(1 + i % 4)).map { k -> Panel in
                let a = (0..<n).map { _ in rng.double(-1, 1) * pow(10, rng.double(-6, 6)) }
                let b = (0..<n).map { _ in rng.double(0, 1) * pow(10, rng.double(-6, 9)) }
                return Panel(title: "panel \(k)", x: AxisSpec(label: "x"), y: AxisSpec(label: "left"),
                             y2: k % 2 == 0 ? AxisSpec(label: "a long right label") : nil,
                             series: [Series("left \(k)", x: xs, y: a), Series("right \(k)", x: xs, y: b, yAxis: .right)],
                             legend: [.best, .outside][(i / 2) % 2], minorGrid: i % 2 == 0)
            }
            // Wide enough for the legend: a legend wider than its frame overlaps neighbours with or
            // without a right axis (a known limit of explicit placements).
            let w = Int.random(in: 480...1600, using: &rng), h = Int.random(in: 240...1000, using: &rng)
            let fig = Figure(width: w, height: h, panels: panels, sharedX: i % 2 == 0, sharedY: i % 3 == 0)
            let s = renderer.scene(for: fig)
            assertTextInsideAndApart(s, fonts: renderer.fonts, context: "twin figure \(i)")
            for f in frames(s) {
                for r in texts(s) where r.horizontal == .left && r.position.x > f.maxX && r.position.y > f.minY && r.position.y < f.maxY {
                    XCTAssertGreaterThan(fonts.runBounds(r).minX, f.maxX, "figure \(i): \(r.text) reaches into the frame")
                }
            }
        }
    }

    func testGoldens() throws {
        let player = ScenePlayer(fonts: fonts)
        for (name, figure) in AxesFigures.cases {
            let image = try player.render(scene(figure))
            assertMatchesGolden(image, named: name, goldens: goldensDirectory(), tolerance: .text())
        }
    }
}
