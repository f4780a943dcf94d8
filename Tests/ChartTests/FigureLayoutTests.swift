import Chart
import Geometry
import Raster
import Scene
import TestSupport
import Text
import XCTest

/// Layout tests on the Scene text dump (no pixels) and layout properties on random data.
final class FigureLayoutTests: XCTestCase {
    var fonts: FontLibrary { sharedFonts() }

    static func trainingFigure() -> Figure {
        let epochs = (0..<50).map(Double.init)
        let loss = epochs.map { 2.4 * exp(-$0 / 12) + 0.3 }
        let val = epochs.map { 2.5 * exp(-$0 / 14) + 0.42 + 0.002 * $0 }
        let acc = epochs.map { 0.95 - 0.6 * exp(-$0 / 10) }
        return Figure(title: "training", panels: [
            Panel(title: "loss", x: AxisSpec(label: "epoch"), y: AxisSpec(label: "loss"),
                  series: [Series("loss", x: epochs, y: loss), Series("val_loss", x: epochs, y: val, dash: Series.dashed)]),
            Panel(title: "accuracy", x: AxisSpec(label: "epoch"), y: AxisSpec(label: "accuracy"),
                  series: [Series("accuracy", x: epochs, y: acc)]),
        ])
    }

    func testTrainingFigureDump() {
        let scene = FigureRenderer(fonts: fonts).scene(for: FigureLayoutTests.trainingFigure())
        assertMatchesSnapshot(scene.dump(), named: "training-figure", snapshots: snapshotsDirectory())
    }

    /// Random figures: layout never crashes, every text run lies inside the canvas, and no two
    /// tick labels overlap.
    func testRandomFiguresKeepTextInsideAndApart() {
        var rng = SeededRandom(seed: 11)
        let renderer = FigureRenderer(fonts: fonts)
        for i in 0..<60 {
            let n = Int.random(in: 0...300, using: &rng)
            let scaleExp = rng.double(-12, 12)
            let offset = Bool.random(using: &rng) ? rng.double(-1e6, 1e6) : 0
            let xs = (0..<n).map { Double($0) * pow(10, rng.double(-3, 3)) }
            let ys = (0..<n).map { _ in offset + rng.double(-1, 1) * pow(10, scaleExp) }
            let kind = SeriesKind.allCases[i % SeriesKind.allCases.count]
            let w = Int.random(in: 300...1600, using: &rng), h = Int.random(in: 240...1000, using: &rng)
            let fig = Figure(width: w, height: h, title: i % 3 == 0 ? "figure \(i)" : nil, panels: (0..<(1 + i % 4)).map { k in
                Panel(title: "panel \(k)", x: AxisSpec(label: "x"), y: AxisSpec(label: "a rather long y label", scale: k == 1 ? .log : .linear),
                      series: [Series("s\(k)", kind: kind, x: xs, y: k == 1 ? ys.map(abs) : ys), Series("t", x: xs, y: ys.reversed())])
            })
            let scene = renderer.scene(for: fig)
            assertTextInsideAndApart(scene, fonts: renderer.fonts, context: "figure \(i)")
        }
    }

    func testEmptyAndSinglePointSeriesDrawSensibly() {
        let renderer = FigureRenderer(fonts: fonts)
        let empty = renderer.scene(for: Figure(panels: [Panel(series: [Series("none", x: [], y: [])])]))
        XCTAssertTrue(empty.dump().contains("text \"0.0\"") || empty.dump().contains("text"), "axes still drawn")
        let single = renderer.scene(for: Figure(panels: [Panel(series: [Series("one", x: [3], y: [7])])]))
        XCTAssertTrue(single.commands.contains { if case .markers = $0 { return true } else { return false } },
                      "a single point is shown as a dot")
    }

    func snapshotsDirectory(_ file: StaticString = #filePath) -> String {
        ("\(file)" as NSString).deletingLastPathComponent + "/Snapshots"
    }
}
