import Chart
import Foundation
import Geometry
import PNG
import Raster
import Scene
import TestSupport
import Text
import XCTest

/// The layout rules that keep a figure readable at every size (issue 13): legends of many
/// entries below the panel in columns, ellipsized labels, equal plot areas across a grid, a
/// last row that spreads instead of leaving an empty cell, and a shared counter axis.
final class GridLayoutTests: XCTestCase {
    var fonts: FontLibrary { sharedFonts() }

    func scene(_ figure: Figure) -> Scene { FigureRenderer(fonts: fonts).scene(for: figure) }

    /// The plot frames: rectangles in the axes background colour, in panel order.
    func frames(_ s: Scene) -> [Rect] {
        s.commands.compactMap { if case .fillRect(let r, let c) = $0, c == Theme.light.axesBackground { return r } else { return nil } }
    }

    func texts(_ s: Scene) -> [TextRun] {
        s.commands.compactMap { if case .text(let r) = $0 { return r } else { return nil } }
    }

    /// `n` wavy lines named by `label` in one panel.
    static func manySeries(_ n: Int, width: Int = 1200, height: Int = 800, dpi: Double = 100,
                           label: (Int) -> String = { "series \($0 + 1)" }) -> Figure {
        let x = (0..<60).map(Double.init)
        return Figure(width: width, height: height, dpi: dpi, panels: [
            Panel(title: "\(n) series", x: AxisSpec(label: "step"), y: AxisSpec(label: "value"), series: (0..<n).map { k in
                Series(label(k), x: x, y: x.map { sin($0 / 9 + Double(k) / 3) + Double(k) / 4 })
            }),
        ])
    }

    func testTwentyFourSeriesLegendGoesBelowInColumns() {
        let s = scene(GridLayoutTests.manySeries(24))
        let frame = frames(s)[0]
        let legend = texts(s).filter { $0.text.hasPrefix("series ") }
        XCTAssertEqual(legend.count, 24, "every entry shown")
        let stepLabel = texts(s).first { $0.text == "step" }!
        XCTAssertTrue(legend.allSatisfy { $0.position.y > stepLabel.position.y }, "the legend lies below the x label")
        XCTAssertGreaterThanOrEqual(Set(legend.map(\.position.x)).count, 4, "in columns across the width")
        XCTAssertGreaterThan(frame.width, 0.85 * 1200, "the plot keeps the figure's width")
        XCTAssertGreaterThan(frame.height, 0.5 * 800, "and most of its height")
        assertTextInsideAndApart(s, fonts: fonts, context: "24 series")
        assertMatchesSnapshot(s.dump(), named: "legend-24-series", snapshots: snapshotsDirectory())
    }

    /// `legend: .below` puts a short legend where a long `best` one goes by itself: under the x
    /// label, in columns across the panel, and the plot keeps its width.
    func testBelowPlacementPutsAFewEntriesUnderTheAxisInColumns() {
        var figure = GridLayoutTests.manySeries(3)
        figure.panels[0].legend = .below
        let s = scene(figure)
        let frame = frames(s)[0]
        let legend = texts(s).filter { $0.text.hasPrefix("series ") }
        XCTAssertEqual(legend.count, 3)
        let stepLabel = texts(s).first { $0.text == "step" }!
        XCTAssertTrue(legend.allSatisfy { $0.position.y > stepLabel.position.y }, "the legend lies below the x label")
        XCTAssertEqual(Set(legend.map(\.position.y)).count, 1, "one row")
        XCTAssertEqual(Set(legend.map(\.position.x)).count, 3, "three columns")
        let mid = (legend.map(\.position.x).min()! + legend.map(\.position.x).max()!) / 2
        XCTAssertEqual(mid, 600, accuracy: 120, "centred under the panel")
        XCTAssertGreaterThan(frame.width, 0.85 * 1200, "the plot keeps the figure's width")
        var best = figure
        best.panels[0].legend = .best
        XCTAssertLessThan(frame.maxY, frames(scene(best))[0].maxY, "the legend below takes room from the plot's height")
        assertTextInsideAndApart(s, fonts: fonts, context: "legend below")
    }

    func testTwentyFourSeriesGolden() throws {
        let image = try ScenePlayer(fonts: fonts).render(scene(GridLayoutTests.manySeries(24, width: 900, height: 600)))
        assertMatchesGolden(image, named: "legend-24-series", goldens: goldensDirectory(), tolerance: .text())
    }

    func testLongLegendLabelsAreEllipsizedInsideTheCanvas() {
        let long = { (k: Int) in "a very long metric name that nobody would want to read in full, number \(k + 1)" }
        for (n, size) in [(3, (600, 400)), (12, (600, 400)), (24, (400, 300))] {
            let s = scene(GridLayoutTests.manySeries(n, width: size.0, height: size.1, label: long))
            let legend = texts(s).filter { $0.text.hasPrefix("a very") }
            XCTAssertFalse(legend.isEmpty)
            XCTAssertTrue(legend.allSatisfy { $0.text.hasSuffix("…") }, "\(n) long labels are cut with an ellipsis")
            assertTextInsideAndApart(s, fonts: fonts, context: "\(n) long labels at \(size)")
        }
    }

    func testEntriesPastTheRoomAreCounted() {
        let s = scene(GridLayoutTests.manySeries(24, width: 300, height: 200))
        let shown = texts(s).filter { $0.text.hasPrefix("series ") }.count
        let more = texts(s).first { $0.text.hasPrefix("+") && $0.text.hasSuffix(" more") }
        XCTAssertNotNil(more, "a legend that cannot show every entry says how many it leaves out")
        XCTAssertEqual(more.map { shown + Int($0.text.dropFirst().split(separator: " ")[0])! }, 24)
        assertTextInsideAndApart(s, fonts: fonts, context: "24 series at 300x200")
    }

    /// A 2 × 2 grid whose panels carry different text: one an outside legend, one long y tick
    /// labels and a y label; every plot area has the same size.
    static func unevenGrid() -> Figure {
        let x = (0..<40).map(Double.init)
        let crowded = Panel(title: "crowded", x: AxisSpec(label: "step"), y: AxisSpec(label: "loss"), series: (0..<4).map { k in
            Series("run \(k)", x: x, y: x.map { _ in Double(k) })  // flat lines at every height: the legend goes outside
        }, legend: .outside)
        let wide = Panel(title: "wide labels", x: AxisSpec(label: "step"), y: AxisSpec(label: "a rather long y label"),
                         series: [Series("big", x: x, y: x.map { 1_234_567.5 + $0 * 1000.25 })])
        let plain = Panel(title: "plain", x: AxisSpec(label: "step"), y: AxisSpec(), series: [Series("a", x: x, y: x)])
        return Figure(width: 1000, height: 700, panels: [crowded, plain, plain, wide], rows: 2, columns: 2)
    }

    func testPlotAreasHaveEqualSizesAcrossTheGrid() {
        let s = scene(GridLayoutTests.unevenGrid())
        let f = frames(s)
        XCTAssertEqual(f.count, 4)
        for r in f {
            XCTAssertEqual(r.width, f[0].width, accuracy: 1, "equal widths: \(f)")
            XCTAssertEqual(r.height, f[0].height, accuracy: 1, "equal heights: \(f)")
        }
        XCTAssertEqual(f[0].minX, f[2].minX, accuracy: 0.5, "aligned in a column")
        XCTAssertEqual(f[0].minY, f[1].minY, accuracy: 0.5, "aligned in a row")
        assertTextInsideAndApart(s, fonts: fonts, context: "uneven grid")
        assertMatchesSnapshot(s.dump(), named: "grid-equal-frames", snapshots: snapshotsDirectory())
    }

    static func panels(_ n: Int, sharedX: Bool = false) -> Figure {
        let x = (0..<50).map(Double.init)
        let names = ["loss", "accuracy", "learning rate", "grad norm", "throughput", "memory", "perplexity"]
        return Figure(width: 1200, height: 800, panels: (0..<n).map { k in
            Panel(title: names[k % names.count], x: AxisSpec(label: "step"), y: AxisSpec(label: names[k % names.count]),
                  series: [Series(names[k % names.count], x: x.map { $0 * Double(k + 1) }, y: x.map { exp(-$0 / Double(10 + k)) })])
        }, sharedX: sharedX)
    }

    func testAnEmptyCellIsFilledByTheLastRow() {
        for n in [3, 5, 7] {
            let fig = GridLayoutTests.panels(n)
            XCTAssertTrue(fig.spreadsLastRow, "\(n) panels in \(fig.rows)x\(fig.columns)")
            let s = scene(fig)
            let f = frames(s)
            XCTAssertEqual(f.count, n)
            let lastRow = f.suffix(n - (fig.rows - 1) * fig.columns)
            let gridLeft = f.map(\.minX).min()!, gridRight = f.map(\.maxX).max()!
            XCTAssertEqual(lastRow.first!.minX, gridLeft, accuracy: 1, "\(n): the last row starts at the grid's left edge")
            XCTAssertEqual(lastRow.last!.maxX, gridRight, accuracy: 1, "\(n): and ends at its right edge")
            XCTAssertGreaterThan(lastRow.first!.width, f[0].width * 1.2, "\(n): its panels are wider")
            assertTextInsideAndApart(s, fonts: fonts, context: "\(n) panels")
        }
        XCTAssertFalse(GridLayoutTests.panels(4).spreadsLastRow)
        XCTAssertFalse(GridLayoutTests.panels(6).spreadsLastRow)
        assertMatchesSnapshot(scene(GridLayoutTests.panels(3)).dump(), named: "grid-three-panels", snapshots: snapshotsDirectory())
    }

    func testThreePanelsGolden() throws {
        let image = try ScenePlayer(fonts: fonts).render(scene(GridLayoutTests.panels(3)))
        assertMatchesGolden(image, named: "grid-three-panels", goldens: goldensDirectory(), tolerance: .text())
    }

    /// A stacked column (matplotlib's `subplots(3, 1, sharex=True)`): one x range, the same
    /// ticks, tick labels only on the bottom panel.
    func testStackedPanelsShareTheirCounterAxis() {
        var fig = GridLayoutTests.panels(3, sharedX: true)
        fig.columns = 1; fig.rows = 3
        let s = scene(fig)
        let f = frames(s)
        let tickLabels = texts(s).filter { $0.vertical == .top && $0.horizontal == .center && Double($0.text) != nil }
        XCTAssertTrue(tickLabels.allSatisfy { $0.position.y > f[2].maxY }, "x tick labels only under the bottom panel")
        XCTAssertGreaterThanOrEqual(tickLabels.count, 4)
        XCTAssertEqual(texts(s).filter { $0.text == "step" }.count, 1, "one x label")
        // The same ticks on every panel: the tick marks under each frame sit at the same x.
        let ticks = s.commands.compactMap { c -> Rect? in
            if case .fillRect(let r, let col) = c, col == Theme.light.spine, r.width < r.height, r.height < 10 { return r } else { return nil }
        }
        let perPanel = f.map { frame in ticks.filter { abs($0.minY - frame.maxY) < 3 }.map(\.minX) }
        XCTAssertEqual(perPanel[0], perPanel[2])
        XCTAssertEqual(perPanel[1], perPanel[2])
        XCTAssertGreaterThanOrEqual(perPanel[2].count, 4)
        assertTextInsideAndApart(s, fonts: fonts, context: "stacked")
    }

    /// With a spread last row, x is one range for all, and the panels above the spread row
    /// keep their tick labels (the wide panel below has other tick positions).
    func testSharedXOverASpreadRow() {
        let fig = GridLayoutTests.panels(5, sharedX: true)
        let s = scene(fig)
        let f = frames(s)
        let xTicks = texts(s).filter { $0.vertical == .top && $0.horizontal == .center && Double($0.text) != nil }
        for (k, frame) in f.enumerated() {
            let under = xTicks.filter { $0.position.y > frame.maxY && $0.position.y < frame.maxY + 30 && $0.position.x >= frame.minX - 1 && $0.position.x <= frame.maxX + 1 }
            if k < fig.columns && fig.rows > 2 {
                XCTAssertTrue(under.isEmpty, "panel \(k) has a panel of its width below")
            } else {
                XCTAssertFalse(under.isEmpty, "panel \(k) shows its x tick labels")
            }
        }
        assertTextInsideAndApart(s, fonts: fonts, context: "shared over a spread row")
    }

    func snapshotsDirectory(_ file: StaticString = #filePath) -> String {
        ("\(file)" as NSString).deletingLastPathComponent + "/Snapshots"
    }
}
