import Chart
import FigureSpec
import Foundation
import Table
import TestSupport
import XCTest

/// `by` (`--by COL`): one series per group, for named columns as for the default figure.
final class GroupSplitTests: XCTestCase {
    func figure(_ file: String, _ configure: (inout RenderOptions) -> Void) throws -> Figure {
        var options = RenderOptions()
        configure(&options)
        return try DefaultFigure.make(TableReader.read(path: sharedDataPath(file)), options: options)
    }

    func testNamedColumnsKeepTheLongFormatSplitAndNeverDrawBack() throws {
        let stocks = try figure("stocks.csv") { $0.x = "date"; $0.y = ["price"] }
        XCTAssertEqual(stocks.panels.count, 1)
        let series = stocks.panels[0].series
        XCTAssertEqual(series.map(\.name), ["MSFT", "AMZN", "IBM", "GOOG", "AAPL"])
        for s in series {
            XCTAssertEqual(s.kind, .line)
            XCTAssertTrue(zip(s.x, s.x.dropFirst()).allSatisfy { $0.0 <= $0.1 }, "\(s.name) goes forward in x")
        }
        XCTAssertEqual(series.map(\.x.count).reduce(0, +), 560, "every row in exactly one group")
        XCTAssertEqual(Set(series.map(\.color)).count, 5, "a colour per group")
        XCTAssertEqual(stocks.panels[0].y.label, "price")
        XCTAssertEqual(stocks.panels[0].legend, .best)
    }

    func testByColoursIrisBySpeciesWithTheSameColourInEveryPanel() throws {
        let iris = try figure("iris.csv") { $0.x = "petal_length"; $0.by = "species" }
        XCTAssertEqual(iris.panels.count, 3, "one panel per y column")
        for panel in iris.panels {
            XCTAssertEqual(panel.series.map(\.name), ["setosa", "versicolor", "virginica"])
            XCTAssertEqual(panel.series.map(\.x.count), [50, 50, 50])
            XCTAssertEqual(panel.series.map(\.color), iris.panels[0].series.map(\.color), "a group keeps its colour across panels")
        }
        XCTAssertFalse(iris.panels.flatMap(\.series).contains { $0.name == "species" })
    }

    /// Several y columns split by one `by` in one panel (tips `--by sex --no-subplots`): no two
    /// (column, group) series look alike, as seaborn's `hue=` + `style=`: colour per group,
    /// marker (scatter) or dash (line) per column, bars a colour each; legend names say both.
    func testSeveralColumnsSplitInOnePanelAreAllDistinguishable() throws {
        let tips = try figure("tips.csv") { $0.by = "sex"; $0.subplots = false }
        let series = try XCTUnwrap(tips.panels.first?.series)
        XCTAssertEqual(series.map(\.name), ["tip Female", "tip Male", "size Female", "size Male"])
        XCTAssertEqual(series.map(\.kind), [.scatter, .scatter, .scatter, .scatter])
        XCTAssertEqual(series[0].color, series[2].color, "a group keeps its colour")
        XCTAssertNotEqual(series[0].color, series[1].color)
        XCTAssertEqual(series.map(\.marker), [.circle, .circle, .square, .square], "a marker per column")
        let looks = series.map { "\($0.color.map { "\($0)" } ?? "-")|\(String(describing: $0.marker))" }
        XCTAssertEqual(Set(looks).count, 4, "every series looks different: \(looks)")

        let lines = try figure("tips.csv") { $0.x = "size"; $0.y = ["total_bill", "tip"]; $0.by = "sex"; $0.subplots = false; $0.kind = .line }
        let drawn = try XCTUnwrap(lines.panels.first?.series)
        XCTAssertEqual(drawn.map(\.name), ["total_bill Female", "total_bill Male", "tip Female", "tip Male"])
        XCTAssertEqual(drawn.map(\.dash), [nil, nil, Series.dashed, Series.dashed], "a dash per column")
        XCTAssertEqual(drawn[0].color, drawn[2].color)

        let bars = try figure("tips.csv") { $0.y = ["total_bill", "tip"]; $0.by = "sex"; $0.subplots = false; $0.kind = .histogram }
        let histograms = try XCTUnwrap(bars.panels.first?.series)
        XCTAssertEqual(Set(histograms.map(\.color)).count, 4, "bars have neither dash nor marker: a colour each")
    }

    func testByOverACategoryAxisDrawsGroupedMeanBars() throws {
        let tips = try figure("tips.csv") { $0.x = "day"; $0.y = ["tip"]; $0.by = "sex" }
        let panel = try XCTUnwrap(tips.panels.first)
        XCTAssertEqual(panel.series.map(\.name), ["Female", "Male"])
        XCTAssertTrue(panel.series.allSatisfy { $0.kind == .bar })
        XCTAssertEqual(panel.y.label, "mean of tip (± 1 std)", "bars of means say they are means, and what their error bars are")
        // Side by side within each day's slot.
        XCTAssertLessThan(panel.series[0].x[0], panel.series[1].x[0])
    }

    func testNumericGroupsAreSortedAndTooManyGroupsIsAnError() throws {
        let table = try TableReader.parse(bytes: Data("x,y,g\n1,1,8\n2,2,4\n3,3,8\n4,4,6\n".utf8), source: "t.csv")
        let split = try GroupSplit.make(table, by: "g")
        XCTAssertEqual(split.levels, ["4", "6", "8"])
        XCTAssertEqual(split.codes, [2, 0, 2, 1])
        var rows = "x,y,id\n"
        for i in 0..<(GroupSplit.maximumGroups + 5) { rows += "\(i),\(i),run\(i)\n" }
        let wide = try TableReader.parse(bytes: Data(rows.utf8), source: "wide.csv")
        var options = RenderOptions()
        options.by = "id"
        XCTAssertThrowsError(try DefaultFigure.make(wide, options: options)) {
            XCTAssertEqual("\($0)", "wide.csv: column 'id': more than 60 distinct values to split by; a figure tells at most 60 groups apart (choose a column with fewer values)")
        }
        options.by = "nope"
        XCTAssertThrowsError(try DefaultFigure.make(wide, options: options)) {
            XCTAssertTrue("\($0)".contains("column 'nope': no such column"), "\($0)")
        }
    }
}

/// The spec's `by` key: the same split as `--by`, for series of a written figure spec.
final class FigureSpecByTests: XCTestCase {
    func build(_ json: String) throws -> Figure {
        let folder = NSTemporaryDirectory() + "by-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: sharedDataPath("stocks.csv"), toPath: folder + "/stocks.csv")
        try Data(json.utf8).write(to: URL(fileURLWithPath: folder + "/f.plot.json"))
        let spec = try FigureSpec.load(path: folder + "/f.plot.json")
        return try spec.figure(tables: spec.readTables())
    }

    func testBySplitsASeriesIntoGroupsInXOrder() throws {
        let f = try build("""
            {"version": 1, "data": {"s": "stocks.csv"},
             "panels": [{"series": [{"x": "date", "y": "price", "by": "symbol", "label": "price of"}]}]}
            """)
        let series = f.panels[0].series
        XCTAssertEqual(series.map(\.name), ["price of MSFT", "price of AMZN", "price of IBM", "price of GOOG", "price of AAPL"])
        XCTAssertEqual(series.map(\.x.count).reduce(0, +), 560)
        XCTAssertEqual(Set(series.map(\.color)).count, 5)
        for s in series { XCTAssertTrue(zip(s.x, s.x.dropFirst()).allSatisfy { $0.0 <= $0.1 }, s.name) }
    }

    func testByErrorsNameTheKeyPath() throws {
        XCTAssertThrowsError(try build("""
            {"version": 1, "data": {"s": "stocks.csv"}, "panels": [{"series": [{"x": "date", "y": "price", "by": "sym"}]}]}
            """)) { XCTAssertTrue("\($0)".contains("panels[0].series[0].by"), "\($0)") }
        XCTAssertThrowsError(try build("""
            {"version": 1, "data": {"s": "stocks.csv"}, "panels": [{"series": [{"y": "price", "by": "symbol", "kind": "pie"}]}]}
            """)) { XCTAssertTrue("\($0)".contains("\"by\" applies only to"), "\($0)") }
    }
}

/// Training logs: the learning rate's axis, smoothing, and family members told apart.
final class TrainingLogStyleTests: XCTestCase {
    func log(_ lr: (Double) -> Double, extra: String = "") throws -> Figure {
        var text = "step,train_loss_step,train_loss_epoch,lr\n"
        for s in 0..<100 {
            let t = Double(s) / 99
            text += "\(s),\(2 / (1 + t * 9)),\(s % 25 == 24 ? "\(2 / (1 + t * 9))" : ""),\(lr(t))\n"
        }
        return try DefaultFigure.make(TableReader.parse(bytes: Data(text.utf8), source: "metrics.csv"))
    }

    func testLearningRateAxisFollowsTheScheduleShape() throws {
        let exponential = try log { 1e-3 * pow(1e-3, $0) }
        XCTAssertEqual(exponential.panels.last?.y.scale, .log, "exponential decay: straight on a log axis")
        let cosineToTiny = try log { 1e-3 * 0.5 * (1 + cos(.pi * $0)) + 1e-7 }
        XCTAssertEqual(cosineToTiny.panels.last?.y.scale, .linear, "cosine: no cliff at the tail")
        let cosineToZero = try log { 1e-3 * 0.5 * (1 + cos(.pi * $0)) }
        XCTAssertEqual(cosineToZero.panels.last?.y.scale, .linear)
        let constant = try log { _ in 1e-3 }
        XCTAssertEqual(constant.panels.last?.y.scale, .linear, "one value: nothing to spread over decades")
    }

    func testEpochTwinHasMarkersAndSmoothingSkipsScheduleAndShortCurves() throws {
        var text = "step,train_loss_step,train_loss_epoch,lr\n"
        for s in 0..<100 { text += "\(s),\(2.0 / Double(s + 1)),\(s % 20 == 19 ? "1.0" : ""),\(1e-3)\n" }
        var options = RenderOptions()
        options.smooth = 0.6
        let f = try DefaultFigure.make(TableReader.parse(bytes: Data(text.utf8), source: "metrics.csv"), options: options)
        let loss = try XCTUnwrap(f.panels.first { $0.y.label == "loss" })
        let named = loss.series.filter { !$0.name.isEmpty }
        XCTAssertEqual(named.map(\.name), ["train_loss_step", "train_loss_epoch"])
        XCTAssertNil(named[0].marker)
        XCTAssertEqual(named[1].marker, .circle, "the epoch twin is told apart from the step curve")
        XCTAssertEqual(loss.series.filter { $0.name.isEmpty }.count, 1, "only the 100-point curve gets a faint raw copy")
        let lr = try XCTUnwrap(f.panels.last)
        XCTAssertEqual(lr.series.map(\.name), ["lr"], "the schedule is not smoothed")
    }
}

/// More series than colours: every round of the colour cycle gets its own dash pattern.
final class ColourCycleTests: XCTestCase {
    func testSeriesPastTheCycleAreToldApartByDashes() throws {
        var text = "t,value,run\n"
        for r in 0..<24 { for t in 0..<20 { text += "\(t),\(Double(r) + sin(Double(t) / 3)),run\(r)\n" } }
        var options = RenderOptions()
        options.by = "run"
        let f = try DefaultFigure.make(TableReader.parse(bytes: Data(text.utf8), source: "runs.csv"), options: options)
        let series = try XCTUnwrap(f.panels.first?.series)
        guard series.count == 24 else { return XCTFail("\(series.count) series") }
        XCTAssertEqual(series[0].color, series[10].color)
        XCTAssertNil(series[0].dash)
        XCTAssertEqual(series[10].dash, Series.dashed)
        XCTAssertEqual(series[20].dash, Series.dotted)
        let styles = series.map { "\($0.color)|\(String(describing: $0.dash))" }
        XCTAssertEqual(Set(styles).count, 24, "no two series look alike")
    }
}
