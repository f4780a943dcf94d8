import Chart
import FigureSpec
import Foundation
import Scene
import Table
import TestSupport
import Text
import XCTest

/// `--aggregate` / `--band` / `--by param.NAME` on the default figure of several runs, and the
/// error bars of bars of category means; layout checked on the Scene dump.
final class DefaultFigureAggregateTests: XCTestCase {
    /// Five seeds of a noisy loss curve logged every 10 steps (seed 4 stopped at step 150).
    func seeds() throws -> [(name: String, table: DataTable)] {
        try (0..<5).map { k in
            var text = "step,loss,val_loss\n"
            for i in 0..<(k == 4 ? 16 : 31) {
                let s = Double(i * 10)
                let noise = sin(Double(i * (k + 3))) * 0.05
                text += "\(i * 10),\(2 * exp(-s / 80) + 0.3 + noise),\(i % 5 == 0 ? "\(2.2 * exp(-s / 90) + 0.35 + noise)" : "")\n"
            }
            return (name: "seed\(k)", table: try csv(text, source: "seed\(k)/metrics.csv"))
        }
    }

    func testMeanOfRunsWithABandPerMetric() throws {
        var o = RenderOptions()
        o.aggregate = .mean
        o.band = .std
        let figure = try DefaultFigure.make(runs: seeds(), options: o)
        XCTAssertEqual(figure.panels.count, 1, "loss and val_loss share the loss panel")
        let panel = figure.panels[0]
        XCTAssertEqual(panel.series.map(\.name), ["", "", "loss: mean of 5 runs ± std", "val_loss: mean of 5 runs ± std"])
        XCTAssertEqual(panel.series.map(\.kind), [.area, .area, .line, .line], "bands first, then the lines over them")
        let band = panel.series[0], line = panel.series[2]
        XCTAssertEqual(band.lineWidth, 0, "a band has no edge")
        XCTAssertEqual(line.x.count, 31, "the union of the shared steps")
        XCTAssertEqual(band.color?.withOpacity(1), line.color, "a band is its line's colour")
        XCTAssertTrue(band.y2![30] < line.y[30] || band.y2![30].isNaN)
        XCTAssertEqual(panel.series[3].dash, Series.dashed, "validation stays dashed")
        XCTAssertEqual(panel.legend, .best)
        // Laid out: the band is a fill, the lines strokes; every text inside the canvas.
        let scene = FigureRenderer(fonts: sharedFonts()).scene(for: figure)
        _ = assertTextInsideAndApart(scene, fonts: sharedFonts(), apart: false, context: "aggregate")
        XCTAssertTrue(scene.dump().contains("mean of 5 runs ± std"))
    }

    func testDifferentStepGridsAreBinned() throws {
        let a = try csv("step,loss\n" + (0...20).map { "\($0 * 10),\(1.0 / Double($0 + 1))" }.joined(separator: "\n"), source: "a.csv")
        let b = try csv("step,loss\n" + (0...8).map { "\($0 * 25),\(1.2 / Double($0 + 1))" }.joined(separator: "\n"), source: "b.csv")
        var o = RenderOptions()
        o.aggregate = .median
        o.band = .minmax
        let figure = try DefaultFigure.make(runs: [(name: "a", table: a), (name: "b", table: b)], options: o)
        let line = try XCTUnwrap(figure.panels[0].series.last)
        XCTAssertEqual(line.name, "median of 2 runs, min–max")
        XCTAssertEqual(figure.panels[0].y.label, "loss (median of 2 runs, min–max)", "a lone line's axis says what it is")
        // 0...200: b's 9 points, 9 bins of 200/9 centred from 11.1 on.
        XCTAssertEqual(line.x.count, 9)
        XCTAssertEqual(line.x[0], 100.0 / 9, accuracy: 1e-9)
    }

    func testParamGroupsOneColourPerValue() throws {
        let runs = try seeds().prefix(4).map { $0 }
        let params: [[String: String]] = [["lr": "0.1"], ["lr": "0.01"], ["lr": "0.1"], ["lr": "0.01"]]
        var o = RenderOptions()
        o.by = "param.lr"
        o.aggregate = .mean
        let figure = try DefaultFigure.make(runs: runs, params: params, options: o)
        let named = figure.panels[0].series.filter { !$0.name.isEmpty }
        XCTAssertEqual(named.map(\.name), ["lr=0.01 loss: mean of 2 runs ± std", "lr=0.1 loss: mean of 2 runs ± std",
                                           "lr=0.01 val_loss: mean of 2 runs ± std", "lr=0.1 val_loss: mean of 2 runs ± std"])
        XCTAssertEqual(named[0].color, Theme.light.color(0))
        XCTAssertEqual(named[1].color, Theme.light.color(1))
        // Without --aggregate: the runs overlaid, coloured by their value.
        o.aggregate = nil
        let overlaid = try DefaultFigure.make(runs: runs, params: params, options: o)
        let lines = overlaid.panels[0].series.filter { !$0.name.isEmpty }
        XCTAssertEqual(lines.count, 8)
        XCTAssertTrue(lines[0].name.hasPrefix("lr=0.1 seed0"), lines[0].name)
        XCTAssertEqual(lines[0].color, Theme.light.color(1))
        XCTAssertEqual(lines.first { $0.name.hasPrefix("lr=0.01 seed1") }?.color, Theme.light.color(0))
    }

    func testByAColumnAggregatesEachGroupAcrossRuns() throws {
        let runs = try (0..<3).map { k in
            (name: "r\(k)", table: try csv("step,variant,loss\n0,small,\(1 + k)\n0,large,\(k)\n1,small,\(2 + k)\n1,large,\(k + 1)\n",
                                           source: "r\(k).csv"))
        }
        var o = RenderOptions()
        o.by = "variant"
        o.aggregate = .mean
        let panel = try DefaultFigure.make(runs: runs, options: o).panels[0]
        let lines = panel.series.filter { !$0.name.isEmpty }
        XCTAssertEqual(lines.map(\.name), ["small: mean of 3 runs ± std", "large: mean of 3 runs ± std"])
        XCTAssertEqual(lines[0].y, [2, 3])
        XCTAssertEqual(lines[1].y, [1, 2])
        XCTAssertNotEqual(lines[0].color, lines[1].color, "a colour per group")
    }

    func testRunsWithTheSameNameAreGroupedByTheirOwnParam() throws {
        let runs = try seeds().prefix(3).map { (name: "same", table: $0.table) }
        var o = RenderOptions()
        o.by = "param.lr"
        o.y = ["loss"]
        let figure = try DefaultFigure.make(runs: runs, params: [["lr": "1"], ["lr": "2"], ["lr": "1"]], options: o)
        let lines = figure.panels[0].series
        XCTAssertEqual(lines.map(\.name), ["lr=1 same", "lr=2 same", "lr=1 same"])
        XCTAssertEqual(lines.map(\.color), [Theme.light.color(0), Theme.light.color(1), Theme.light.color(0)])
    }

    func testBandAloneSetsTheErrorBarsOfMeans() throws {
        let t = try csv("species,mass\nA,10\nA,14\nB,20\nB,22\n")
        var o = RenderOptions()
        o.band = .ci95
        let figure = try DefaultFigure.make(runs: [(name: "t", table: t)], params: [], options: o)
        XCTAssertEqual(figure.panels[0].y.label, "mean of mass (± 95% CI)")
        // scipy: t.ppf(0.975, 1) · std([10, 14], ddof=1) / √2 = 12.706 · 2.828 / 1.414
        XCTAssertEqual(figure.panels[0].series[0].yError?[0] ?? 0, 12.706 * 2, accuracy: 1e-9)
    }

    func testBadGroupingAndBandAreErrorsThatSayWhy() throws {
        var o = RenderOptions()
        o.by = "param.momentum"
        let runs = try seeds().prefix(2).map { $0 }
        let missing = errorText { try DefaultFigure.make(runs: runs, params: [["lr": "0.1"], ["lr": "0.2"]], options: o) }
        XCTAssertTrue(missing.contains("no run has the parameter 'momentum' (parameters: param.lr)"), missing)
        o.by = nil
        o.band = .std
        let band = errorText { try DefaultFigure.make(runs: runs, options: o) }
        XCTAssertTrue(band.contains("--band is the spread around a drawn statistic"), band)
        o.aggregate = .mean
        o.kind = .histogram
        let kind = errorText { try DefaultFigure.make(runs: runs, options: o) }
        XCTAssertTrue(kind.contains("--aggregate draws lines over x"), kind)
    }

    func testRowsSharingAnXInOneTableAreAggregated() throws {
        let t = try csv("step,seed,loss\n0,1,1.0\n0,2,3.0\n1,1,0.5\n1,2,1.5\n2,1,0.2\n")
        var o = RenderOptions()
        o.y = ["loss"]
        o.aggregate = .mean
        let figure = try DefaultFigure.make(t, options: o)
        let line = try XCTUnwrap(figure.panels[0].series.last)
        XCTAssertEqual(line.name, "loss: mean ± std")
        XCTAssertEqual(line.y, [2, 1, 0.2])
        XCTAssertEqual(figure.panels[0].series[0].y2?.prefix(2).map { ($0 * 1e6).rounded() / 1e6 }, [2 - 2.0.squareRoot(), 1 - 0.5.squareRoot()].map { ($0 * 1e6).rounded() / 1e6 })
    }

    func testMeanBarsHaveStdErrorBarsByDefault() throws {
        let t = try csv("species,mass\nA,10\nA,14\nB,20\nB,20\nB,23\nC,5\n")
        let bars = try DefaultFigure.make(t)
        let series = bars.panels[0].series[0]
        XCTAssertEqual(bars.panels[0].y.label, "mean of mass (± 1 std)")
        XCTAssertEqual(series.y, [12, 21, 5])
        let e = try XCTUnwrap(series.yError)
        XCTAssertEqual(e[0], 8.0.squareRoot(), accuracy: 1e-12)  // np.std([10, 14], ddof=1)
        XCTAssertEqual(e[1], 3.0.squareRoot(), accuracy: 1e-12)
        XCTAssertTrue(e[2].isNaN, "one value: no error bar")
        var o = RenderOptions()
        o.band = SeriesAggregate.Band.none
        let plain = try DefaultFigure.make(t, options: o)
        XCTAssertEqual(plain.panels[0].y.label, "mean of mass")
        XCTAssertNil(plain.panels[0].series[0].yError)
    }
}
