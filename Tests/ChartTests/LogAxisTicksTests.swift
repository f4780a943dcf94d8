import Chart
import Geometry
import Raster
import Scene
import TestSupport
import Text
import XCTest

/// Log axes on the Scene: 2 and 5 × 10ⁿ labelled when fewer than three decades show, decades
/// only beyond, and short unlabelled minor ticks at the other 2…9 × 10ⁿ.
final class LogAxisTicksTests: XCTestCase {
    func scene(yFrom lo: Double, to hi: Double) -> Scene {
        let x = (0..<50).map(Double.init)
        let y = x.map { lo * pow(hi / lo, $0 / 49) }
        let figure = Figure(width: 600, height: 400, panels: [
            Panel(x: AxisSpec(label: "x"), y: AxisSpec(label: "y", scale: .log), series: [Series("s", x: x, y: y)], legend: .none),
        ])
        return FigureRenderer(fonts: sharedFonts()).scene(for: figure)
    }

    /// The y tick labels, top to bottom reversed to ascending values.
    func yLabels(_ s: Scene) -> [String] {
        s.commands.compactMap { c -> TextRun? in
            if case .text(let r) = c, r.horizontal == .right, r.vertical == .center, r.rotation == 0 { return r }
            return nil
        }.sorted { $0.position.y > $1.position.y }.map(\.text)
    }

    /// Tick marks left of the frame: (major, minor) lengths told apart by width.
    func yTickMarks(_ s: Scene) -> (major: Int, minor: Int) {
        let marks = s.commands.compactMap { c -> Rect? in
            if case .fillRect(let r, let color) = c, color == Theme.light.spine, r.height <= 2, r.width < 10 { return r }
            return nil
        }
        let widest = marks.map(\.width).max() ?? 0
        return (marks.filter { $0.width == widest }.count, marks.filter { $0.width < widest }.count)
    }

    func testOneAndAHalfDecadesLabelTwoAndFive() {
        // Data 3…100, 5% margins in log space: view ≈ 2.52…119.
        let s = scene(yFrom: 3, to: 100)
        XCTAssertEqual(yLabels(s), ["5×10⁰", "10¹", "2×10¹", "5×10¹", "10²"])
        let marks = yTickMarks(s)
        XCTAssertEqual(marks.major, 5)
        // 3, 4, 6, 7, 8, 9, 30, 40, 60, 70, 80, 90.
        XCTAssertEqual(marks.minor, 12)
    }

    func testSixDecadesLabelDecadesOnly() {
        let s = scene(yFrom: 1e-2, to: 1e4)
        let labels = yLabels(s)
        XCTAssertFalse(labels.isEmpty)
        XCTAssertTrue(labels.allSatisfy { $0.hasPrefix("10") }, "decades only: \(labels)")
        XCTAssertEqual(labels.first, "10⁻²")
        XCTAssertEqual(labels.last, "10⁴")
        // Minor ticks at 2…9 × 10ⁿ of each visible decade (view ≈ 5×10⁻³ … 2×10⁴).
        XCTAssertGreaterThanOrEqual(yTickMarks(s).minor, 6 * 8)
    }

    func testLinearAxesHaveNoMinorTickMarks() {
        let figure = Figure(width: 600, height: 400, panels: [
            Panel(x: AxisSpec(min: 0, max: 10), y: AxisSpec(min: 0, max: 10), series: [Series("s", x: [0, 10], y: [0, 10])], legend: .none),
        ])
        let s = FigureRenderer(fonts: sharedFonts()).scene(for: figure)
        XCTAssertEqual(yTickMarks(s).minor, 0)
    }
}

extension LogAxisTicksTests {
    func testShortAxisFallsBackToOneAndThree() {
        // 1.6 decades on a 400 px wide x axis: 1-2-5 labels do not fit, 1 and 3 × 10ⁿ do.
        let x = (0..<40).map { 2e-4 * pow(10, 1.6 * Double($0) / 39) }
        let figure = Figure(width: 400, height: 320, panels: [
            Panel(x: AxisSpec(label: "lr", scale: .log), y: AxisSpec(label: "loss"), series: [Series("s", kind: .scatter, x: x, y: x)], legend: .none),
        ])
        let s = FigureRenderer(fonts: sharedFonts()).scene(for: figure)
        let labels = s.commands.compactMap { c -> TextRun? in
            if case .text(let r) = c, r.horizontal == .center, r.vertical == .top, r.rotation == 0, r.text.contains("10") { return r }
            return nil
        }.sorted { $0.position.x < $1.position.x }.map(\.text)
        XCTAssertEqual(labels, ["3×10⁻⁴", "10⁻³", "3×10⁻³"])
    }
}
