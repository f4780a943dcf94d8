import Chart
import FigureSpec
import Foundation
import Scene
import Table
import TestSupport
import Text
import XCTest

/// The default figure of `plotline render`: the shared datasets and real training-log shapes
/// each get the figure a person would draw, laid out with every text inside the canvas.
final class DefaultFigureTests: XCTestCase {
    var fonts: FontLibrary { sharedFonts() }

    func figure(_ file: String, _ options: RenderOptions = RenderOptions()) throws -> Figure {
        try DefaultFigure.make(TableReader.read(path: sharedDataPath(file)), options: options)
    }

    /// Lays the figure out and checks that every text run lies inside the canvas.
    func assertLaysOut(_ f: Figure, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        let renderer = FigureRenderer(fonts: fonts)
        let boxes = assertTextInsideAndApart(renderer.scene(for: f), fonts: fonts, apart: false, context: name, file: file, line: line)
        XCTAssertGreaterThan(boxes.count, 6, "\(name): ticks and labels drawn", file: file, line: line)
    }

    func scaleIsTime(_ s: AxisScale) -> Bool { if case .time = s { return true } else { return false } }

    func testSharedDatasets() throws {
        let weather = try figure("seattle-weather.csv")
        XCTAssertTrue(scaleIsTime(weather.panels[0].x.scale), "date is a time axis")
        XCTAssertEqual(weather.panels.flatMap(\.series).map(\.name), ["precipitation", "temp_max", "temp_min", "wind"])
        assertLaysOut(weather, "seattle-weather")

        // Long format: one line per symbol over the date axis.
        let stocks = try figure("stocks.csv")
        XCTAssertEqual(stocks.panels.count, 1)
        XCTAssertEqual(stocks.panels[0].series.map(\.name), ["MSFT", "AMZN", "IBM", "GOOG", "AAPL"])
        XCTAssertTrue(stocks.panels[0].series.allSatisfy { $0.kind == .line })
        assertLaysOut(stocks, "stocks")

        // One measurement against others, unordered: scatter, split by species.
        let iris = try figure("iris.csv")
        XCTAssertEqual(iris.panels[0].x.label, "sepal_length")
        XCTAssertTrue(iris.panels[0].series.allSatisfy { $0.kind == .scatter })
        XCTAssertEqual(iris.panels.map(\.y.label), ["sepal_width", "petal_length", "petal_width"], "a panel per measurement")
        XCTAssertEqual(iris.panels[2].series.map(\.name), ["setosa", "versicolor", "virginica"])
        assertLaysOut(iris, "iris")

        // A category column named "time" is not a counter; quoted headers read.
        let tips = try figure("tips.csv")
        XCTAssertEqual(tips.panels[0].x.label, "total_bill")
        assertLaysOut(tips, "tips")

        // Months as series over the years.
        let flights = try figure("flights.csv")
        XCTAssertEqual(flights.panels[0].series.count, 12)
        assertLaysOut(flights, "flights")

        // 23 series of very different magnitudes: no panel mixes magnitudes over 20x.
        let employment = try figure("us-employment.csv")
        XCTAssertGreaterThan(employment.panels.count, 1)
        for p in employment.panels {
            let maxima = p.series.map { $0.y.filter(\.isFinite).map(abs).max() ?? 1 }
            XCTAssertLessThanOrEqual((maxima.max() ?? 1) / max(1e-12, maxima.min() ?? 1), 20.0 + 1e-9)
        }
        assertLaysOut(employment, "us-employment")

        let github = try figure("github.csv")
        XCTAssertTrue(scaleIsTime(github.panels[0].x.scale))
        assertLaysOut(github, "github")

        let iowa = try figure("iowa-electricity.csv")
        XCTAssertEqual(iowa.panels[0].series.map(\.name), ["Fossil Fuels", "Nuclear Energy", "Renewables"])
        assertLaysOut(iowa, "iowa-electricity")

        // Several rows per category: bars of the mean per species.
        let penguins = try figure("penguins.json")
        XCTAssertTrue(penguins.panels.flatMap(\.series).allSatisfy { $0.kind == .bar })
        XCTAssertEqual(penguins.panels[0].series[0].x.count, 3)
        assertLaysOut(penguins, "penguins")
    }

    func testLightningLogGetsPanelsByFamily() throws {
        var text = "epoch,step,train_loss_step,lr-Adam,val_loss,val_acc,train_acc_step\n"
        for s in 1...40 {
            text += "\(s / 10),\(s),\(2.0 / Double(s)),,,,\(1 - 1 / Double(s))\n"
            if s % 5 == 0 { text += "\(s / 10),\(s),,\(1e-3 * pow(0.9, Double(s))),,,\n" }
            if s % 10 == 0 { text += "\(s / 10),\(s),,,\(2.2 / Double(s)),\(0.9 - 1 / Double(s)),\n" }
        }
        let f = try DefaultFigure.make(csv(text, source: "metrics.csv"))
        XCTAssertEqual(f.panels.map { $0.y.label }, ["loss", "acc", "lr-Adam"], "loss first, the learning rate last; a lone series is labelled by its column")
        XCTAssertEqual(f.panels[0].x.label, "step", "a counter is the axis, never a metric")
        let loss = f.panels[0].series
        XCTAssertEqual(loss.map(\.name), ["train_loss_step", "val_loss"])
        XCTAssertEqual(loss[0].color, loss[1].color, "train and validation share a colour")
        XCTAssertNil(loss[0].dash)
        XCTAssertEqual(loss[1].dash, Series.dashed)
        XCTAssertEqual(loss[1].x, [10, 20, 30, 40], "sparse rows are skipped, so the line joins")
        XCTAssertEqual(f.panels[2].y.scale, .log, "the learning rate alone, on a log axis")
        assertLaysOut(f, "lightning")
    }

    func testHuggingFaceTrainerStateLeavesOutRuntime() throws {
        let json = """
            {"log_history": [
              {"loss": 2.0, "learning_rate": 5e-5, "epoch": 0.5, "step": 10},
              {"loss": 1.5, "learning_rate": 4e-5, "epoch": 1.0, "step": 20},
              {"eval_loss": 1.7, "eval_accuracy": 0.6, "eval_runtime": 3.1, "eval_samples_per_second": 300, "epoch": 1.0, "step": 20},
              {"loss": 1.1, "learning_rate": 3e-5, "epoch": 1.5, "step": 30}
            ]}
            """
        let t = try JSONTableReader.parse(bytes: Array(json.utf8), source: "trainer_state.json")
        let f = try DefaultFigure.make(t)
        let names = f.panels.flatMap(\.series).map(\.name)
        XCTAssertTrue(names.contains("eval_loss") && names.contains("loss"))
        XCTAssertFalse(names.contains("eval_runtime") || names.contains("eval_samples_per_second"))
        XCTAssertFalse(names.contains("epoch") || names.contains("step"))
        assertLaysOut(f, "trainer_state")
    }

    func testOptionsOverrideTheHeuristics() throws {
        var o = RenderOptions()
        o.x = "date"; o.y = ["temp_max"]; o.kind = .scatter; o.logY = true; o.title = "Seattle"
        let f = try figure("seattle-weather.csv", o)
        XCTAssertEqual(f.title, "Seattle")
        XCTAssertEqual(f.panels.count, 1)
        XCTAssertEqual(f.panels[0].series.map(\.kind), [.scatter])
        XCTAssertEqual(f.panels[0].y.scale, .log)
        o.y = ["temp_maxx"]
        XCTAssertEqual(errorText { try self.figure("seattle-weather.csv", o) }.contains("temp_maxx"), true)
    }

    func testRunsOverlayWithOneColourPerRun() throws {
        let a = try csv("step,loss\n1,2\n2,1.5\n3,1.2\n", source: "runs/a/metrics.csv")
        let b = try csv("step,loss\n1,2.2\n2,1.4\n3,1.0\n", source: "runs/b/metrics.csv")
        XCTAssertEqual(RunInputs.runNames(["runs/a/metrics.csv", "runs/b/metrics.csv"]), ["a", "b"])
        XCTAssertEqual(RunInputs.runNames(["x/run-seed1-tag-loss.csv", "x/run-seed 2-tag-loss.csv"]), ["seed1", "seed 2"],
                       "TensorBoard's CSV exports by their runs")
        XCTAssertEqual(RunInputs.runNames(["run-a-tag-loss.csv", "run-a-tag-acc.csv"]), ["run-a-tag-loss", "run-a-tag-acc"],
                       "one run's tags keep their file names")
        let f = try DefaultFigure.make(runs: [(name: "a", table: a), (name: "b", table: b)])
        XCTAssertEqual(f.panels.count, 1)
        XCTAssertEqual(f.panels[0].series.map(\.name), ["a", "b"])
        XCTAssertNotEqual(f.panels[0].series[0].color, f.panels[0].series[1].color)
    }

    /// `--robust`: early spikes no longer set the y limits; without it they do.
    func testRobustLimitsIgnoreEarlySpikes() throws {
        var text = "step,loss\n"
        for s in 0..<300 { text += "\(s),\(0.5 * exp(-Double(s) / 100) + 0.2 + (s == 2 ? 40 : 0))\n" }
        let table = try csv(text)
        func largestTick(_ robust: Bool) -> Double {
            var o = RenderOptions()
            o.robustY = robust
            let f = try! DefaultFigure.make(table, options: o)
            XCTAssertEqual(f.panels[0].y.robust, robust)
            let scene = FigureRenderer(fonts: fonts).scene(for: f)
            return scene.commands.compactMap { c -> Double? in
                guard case .text(let run) = c, run.rotation == 0, run.horizontal == .right else { return nil }  // y tick labels
                return Double(run.text.replacingOccurrences(of: "\u{2212}", with: "-"))
            }.max() ?? .nan
        }
        XCTAssertGreaterThan(largestTick(false), 30)
        XCTAssertLessThan(largestTick(true), 1)
    }
}

/// The flags that pick another kind than the default line: histograms and box plots.
final class DefaultFigureKindFlagTests: XCTestCase {
    func tips(_ options: RenderOptions) throws -> Figure {
        try DefaultFigure.make(TableReader.read(path: sharedDataPath("tips.csv")), options: options)
    }

    func testHistogramsBinTheValuesWithCountsOnY() throws {
        var options = RenderOptions()
        options.y = ["total_bill", "tip"]
        options.kind = .histogram
        options.subplots = false
        options.bins = .count(30)
        let panel = try XCTUnwrap(try tips(options).panels.first)
        XCTAssertEqual(panel.series.map(\.kind), [.histogram, .histogram])
        XCTAssertEqual(panel.series.map(\.bins), [.count(30), .count(30)])
        XCTAssertEqual(panel.series.map(\.alpha), [0.5, 0.5], "overlaid histograms see through each other")
        XCTAssertEqual(panel.y.label, "count")
        XCTAssertEqual(panel.x.label, "", "two histograms: the legend names them, not the x axis")

        options.y = ["tip"]
        options.xLabel = "US dollars"
        let single = try XCTUnwrap(try tips(options).panels.first)
        XCTAssertEqual(single.series.map(\.alpha), [1])
        XCTAssertEqual(single.x.label, "US dollars")
        XCTAssertEqual(RenderOptions.parseBins("fd"), .freedmanDiaconis)
        XCTAssertEqual(RenderOptions.parseBins("12"), .count(12))
        XCTAssertNil(RenderOptions.parseBins("0"))
        XCTAssertNil(RenderOptions.parseBins("many"))
    }

    func testBoxPlotsKeepEveryRowAndSitSideBySide() throws {
        var options = RenderOptions()
        options.x = "day"
        options.y = ["total_bill", "tip"]
        options.kind = .box
        options.subplots = false
        let series = try XCTUnwrap(try tips(options).panels.first?.series)
        XCTAssertEqual(series.map(\.kind), [.box, .box])
        XCTAssertEqual(series.map(\.y.count), [244, 244], "every bill, not the category means")
        XCTAssertLessThan(series[0].x[0], series[1].x[0], "the second box of a day sits right of the first")
        XCTAssertEqual(series.compactMap(\.barWidth).count, 2)
    }
}
