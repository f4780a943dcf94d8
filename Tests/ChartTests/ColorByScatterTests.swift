import Chart
import Geometry
import PNG
import Raster
import Scene
import TestSupport
import Text
import XCTest

/// Scatters coloured by value (colour map + colour bar), the diverging maps, and the dense
/// scatter rule, on the Scene; plus a golden of a coloured scatter.
final class ColorByScatterTests: XCTestCase {
    var fonts: FontLibrary { sharedFonts() }

    static func colored(_ map: ColorMap = .viridis, values: (Double) -> Double = { $0 }) -> Figure {
        let n = 200
        let x = (0..<n).map { Double($0) / Double(n - 1) * 10 }
        let y = x.map { sin($0) + 0.1 * $0 }
        var s = Series("points", kind: .scatter, x: x, y: y)
        s.colorValues = x.map(values)
        s.colorMap = map
        s.labels = ["value"]
        return Figure(width: 600, height: 400, panels: [Panel(x: AxisSpec(label: "x"), y: AxisSpec(label: "y"), series: [s], legend: .none)])
    }

    func markerCommands(_ s: Scene) -> [(count: Int, color: Color)] {
        s.commands.compactMap { if case .markers(let m) = $0, let c = m.fill { return (m.points.count, c) } else { return nil } }
    }

    func testColoredScatterDrawsEachPointInItsMapColourAndAColourBar() {
        let s = FigureRenderer(fonts: fonts).scene(for: Self.colored())
        let batches = markerCommands(s)
        XCTAssertEqual(batches.reduce(0) { $0 + $1.count }, 200, "every point drawn once")
        XCTAssertGreaterThan(batches.count, 50, "many distinct colours")
        let colors = Set(batches.map(\.color))
        XCTAssertTrue(colors.contains(ColorMap.viridis.colors[0]), "the lowest value in viridis' first colour")
        XCTAssertTrue(colors.contains(ColorMap.viridis.colors[255]), "the highest in its last")
        let texts = s.commands.compactMap { c -> TextRun? in if case .text(let r) = c { return r } else { return nil } }
        XCTAssertTrue(texts.contains { $0.text == "value" && $0.rotation == 90 }, "the colour bar is labelled with the column")
        XCTAssertTrue(s.commands.contains { if case .image = $0 { return true } else { return false } }, "the colour bar's ramp")
    }

    func testDivergingMapIsSymmetricAboutZero() {
        // Values −1…3: RdBu's limits become −3…3, so −1 is a light red, not the darkest one.
        let s = FigureRenderer(fonts: fonts).scene(for: Self.colored(.rdBu) { $0 * 0.4 - 1 })
        let colors = Set(markerCommands(s).map(\.color))
        XCTAssertFalse(colors.contains(ColorMap.rdBu.colors[0]), "no value reaches −3")
        XCTAssertTrue(colors.contains(ColorMap.rdBu.colors[255]), "3 is the darkest blue")
        XCTAssertEqual(ColorMap.rdBu.color(0, low: -3, high: 3), ColorMap.rdBu.colors[128])
        XCTAssertEqual(ColorMap(rawValue: "RdBu"), .rdBu)
        XCTAssertEqual(ColorMap.coolwarm.colors.first, Color(rgb: 0x3b4cc0), "matplotlib's coolwarm ends")
        XCTAssertEqual(ColorMap.coolwarm.colors.last, Color(rgb: 0xb40426))
    }

    func testDenseScatterShrinksAndFadesItsMarkers() {
        func scatter(_ n: Int, alpha: Double = 1, size: Double? = nil) -> (count: Int, color: Color, scene: Scene) {
            let x = (0..<n).map { Double($0 % 100) + Double($0) / Double(n) }
            var s = Series("s", kind: .scatter, x: x, y: x.map { sin($0) }, color: Color(rgb: 0x1f77b4), alpha: alpha)
            s.markerSize = size
            let scene = FigureRenderer(fonts: fonts).scene(for: Figure(width: 600, height: 400, panels: [Panel(series: [s], legend: .none)]))
            let m = markerCommands(scene)[0]
            return (m.count, m.color, scene)
        }
        XCTAssertEqual(Double(scatter(500).color.a) / 255, 1, accuracy: 1e-9, "a small scatter is opaque")
        let dense = scatter(10_000)
        XCTAssertEqual(dense.count, 10_000)
        XCTAssertEqual(Double(dense.color.a) / 255, (0.1).squareRoot(), accuracy: 0.01, "10⁴ points at opacity (10³/10⁴)^½")
        XCTAssertEqual(Double(scatter(10_000, alpha: 0.8).color.a) / 255, 0.8, accuracy: 0.01, "the series' own alpha wins")
        XCTAssertEqual(Double(scatter(100_000).color.a) / 255, 0.15, accuracy: 0.01, "never below 0.15")
        func markerWidth(_ s: Scene) -> Double {
            for c in s.commands { if case .markers(let m) = c { return m.shape.bounds?.width ?? 0 } }
            return 0
        }
        let full = markerWidth(scatter(500).scene), small = markerWidth(dense.scene)
        XCTAssertEqual(small / full, pow(0.1, 0.25), accuracy: 0.02, "10⁴ points at (10³/10⁴)^¼ the size")
        XCTAssertEqual(markerWidth(scatter(10_000, size: 6).scene), full, accuracy: 0.01, "the series' own size wins")
    }

    func testGroupsOfOnePanelShareTheDensityScaling() {
        // A split (taxis by colour: 9,000 yellow, 1,000 green) draws every group at the size and
        // opacity of the panel's 10⁴ points, as one scatter of them all would; not the small
        // group opaque and large over the faded large one.
        func group(_ name: String, _ n: Int, _ rgb: UInt32) -> Series {
            let x = (0..<n).map { Double($0 % 97) + Double($0) / Double(n) }
            return Series(name, kind: .scatter, x: x, y: x.map { cos($0) }, color: Color(rgb: rgb))
        }
        let figure = Figure(width: 600, height: 400, panels: [Panel(series: [group("big", 9_000, 0x1f77b4),
                                                                            group("small", 1_000, 0xff7f0e)], legend: .none)])
        let marks = markerCommands(FigureRenderer(fonts: fonts).scene(for: figure))
        XCTAssertEqual(marks.map(\.count), [9_000, 1_000])
        XCTAssertEqual(marks[0].color.a, marks[1].color.a, "one opacity for the panel")
        XCTAssertEqual(Double(marks[1].color.a) / 255, (0.1).squareRoot(), accuracy: 0.01, "the panel's 10⁴ points decide")
    }

    func testColoredScatterGolden() throws {
        let image = try ScenePlayer(fonts: fonts).render(FigureRenderer(fonts: fonts).scene(for: Self.colored()))
        assertMatchesGolden(image, named: "scatter-color-viridis", goldens: goldensDirectory(), tolerance: .text())
        let diverging = try ScenePlayer(fonts: fonts).render(FigureRenderer(fonts: fonts).scene(for: Self.colored(.coolwarm) { $0 - 5 }))
        assertMatchesGolden(diverging, named: "scatter-color-coolwarm", goldens: goldensDirectory(), tolerance: .text())
    }
}

extension ColorByScatterTests {
    func testColouredSeriesOfAPanelShareTheColourScale() {
        var a = Series("a", kind: .scatter, x: [0, 1], y: [0, 1]), b = Series("b", kind: .scatter, x: [2, 3], y: [2, 3])
        a.colorValues = [0, 1]; b.colorValues = [9, 10]
        let s = FigureRenderer(fonts: fonts).scene(for: Figure(width: 600, height: 400, panels: [Panel(series: [a, b], legend: .none)]))
        let colors = markerCommands(s).map(\.color)
        XCTAssertEqual(colors.first, ColorMap.viridis.colors[0], "0 is the low end of 0…10")
        XCTAssertEqual(colors.last, ColorMap.viridis.colors[255], "10 the high end")
        XCTAssertFalse(colors.contains(ColorMap.viridis.colors[0]) && colors.filter { $0 == ColorMap.viridis.colors[255] }.count > 1,
                       "b's lowest value is not drawn as the top of the map")
    }
}
