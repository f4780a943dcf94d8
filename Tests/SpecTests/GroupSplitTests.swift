import Chart
import Foundation
import Spec
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

    func testByOverACategoryAxisDrawsGroupedMeanBars() throws {
        let tips = try figure("tips.csv") { $0.x = "day"; $0.y = ["tip"]; $0.by = "sex" }
        let panel = try XCTUnwrap(tips.panels.first)
        XCTAssertEqual(panel.series.map(\.name), ["Female", "Male"])
        XCTAssertTrue(panel.series.allSatisfy { $0.kind == .bar })
        XCTAssertEqual(panel.y.label, "mean of tip", "bars of means say they are means")
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
