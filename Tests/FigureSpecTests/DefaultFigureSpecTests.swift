import Chart
import FigureSpec
import Foundation
import Table
import TestSupport
import XCTest

/// The default figure as a figure spec (`DefaultFigure.spec`): every choice and flag written out
/// as spec keys, and the spec's text read back to the same spec.
final class DefaultFigureSpecTests: XCTestCase {
    func spec(_ file: String, _ options: RenderOptions = RenderOptions(), read: CSVOptions = CSVOptions()) throws -> FigureSpec {
        let table = try TableReader.read(path: sharedDataPath(file), options: read)
        return try DefaultFigure.spec([(name: file, path: "data/" + file, table: table)], options: options, read: read,
                                      source: "t.plot.json", directory: "/tmp")
    }

    /// The spec's text parses back to an equal spec.
    func assertTextRoundTrips(_ s: FigureSpec, file: StaticString = #filePath, line: UInt = #line) throws {
        let back = try FigureSpec.parse(text: s.jsonText(), source: s.source, directory: s.directory)
        XCTAssertEqual(back, s, file: file, line: line)
        XCTAssertEqual(back.jsonText(), s.jsonText(), file: file, line: line)
    }

    func testFlagsAreSpecKeys() throws {
        var o = RenderOptions()
        o.x = "date"; o.y = ["temp_max", "temp_min"]; o.kind = .line; o.logY = true; o.title = "Seattle"
        o.width = 1000; o.height = 700; o.dpi = 120; o.theme = .dark; o.smooth = 0.6; o.subplots = false
        o.xLabel = "day"; o.yLabel = "°C"; o.robustY = true
        let s = try spec("seattle-weather.csv", o)
        XCTAssertEqual(s.title, "Seattle")
        XCTAssertEqual(s.width, 1000); XCTAssertEqual(s.height, 700); XCTAssertEqual(s.dpi, 120); XCTAssertEqual(s.theme, .dark)
        XCTAssertEqual(s.data.map(\.path), ["data/seattle-weather.csv"])
        XCTAssertEqual(s.panels.count, 1)
        let p = s.panels[0]
        XCTAssertEqual(p.series.map(\.y), ["temp_max", "temp_min"])
        XCTAssertEqual(p.series.map(\.x), ["date", "date"])
        XCTAssertEqual(p.series.map(\.kind), [.line, .line])
        XCTAssertEqual(p.series.map(\.color), [.cycle(0), .cycle(1)])
        XCTAssertEqual(p.series.map(\.smooth), [0.6, 0.6], "1461 points: smoothed")
        XCTAssertEqual(p.y.scale, .log)
        XCTAssertEqual(p.y.robust, true)
        XCTAssertEqual(p.x.scale, .time)
        XCTAssertEqual(p.x.label, "day"); XCTAssertEqual(p.y.label, "°C")
        XCTAssertEqual(p.legend, .best)
        try assertTextRoundTrips(s)
        let text = s.jsonText()
        XCTAssertTrue(text.hasPrefix("{\n  \"version\": 1,\n  \"title\": \"Seattle\",\n  \"size\": [1000, 700],\n  \"dpi\": 120,\n  \"theme\": \"dark\",\n"), text)
    }

    func testGroupsCategoryMeansAndOrder() throws {
        var o = RenderOptions()
        o.x = "day"; o.y = ["total_bill", "tip"]; o.by = "sex"; o.subplots = false
        let s = try spec("tips.csv", o)
        let p = s.panels[0]
        XCTAssertEqual(p.series.map(\.by), ["sex", "sex"])
        XCTAssertEqual(p.series.map(\.label), ["total_bill", "tip"], "several y columns: legend entries by column and group")
        XCTAssertEqual(p.series.map(\.aggregate), [.mean, .mean], "several rows per day: bars of the mean")
        XCTAssertEqual(p.series.map(\.kind), [.bar, .bar])
        XCTAssertEqual(p.group, 0.8, "grouped bars side by side")
        XCTAssertEqual(p.x.scale, .category)
        XCTAssertEqual(p.x.categories, ["Sun", "Sat", "Thur", "Fri"], "the table's order of days")
        try assertTextRoundTrips(s)
    }

    func testLongFormatSplitsAndTrainingLogsStyle() throws {
        let stocks = try spec("stocks.csv")
        XCTAssertEqual(stocks.panels[0].series.map(\.by), ["symbol"], "a long-format table's category column splits it")
        let log = try csv("step,loss,val_loss,lr\n" + (1...30).map { "\($0),\(1.0 / Double($0)),\(1.2 / Double($0)),\(0.1 * pow(0.8, Double($0)))" }
            .joined(separator: "\n") + "\n")
        var o = RenderOptions()
        o.smooth = 0.6
        let s = try DefaultFigure.spec([(name: "m", path: "m.csv", table: log)], options: o)
        XCTAssertEqual(s.panels.map { $0.series.map(\.y) }, [["loss", "val_loss"], ["lr"]])
        XCTAssertEqual(s.panels[0].series.map(\.color), [.cycle(0), .cycle(0)], "train and validation share a colour")
        XCTAssertEqual(s.panels[0].series[1].dash, Chart.Series.dashed, "validation is dashed")
        XCTAssertEqual(s.panels[0].series.map(\.smooth), [0.6, 0.6])
        XCTAssertNil(s.panels[1].series[0].smooth, "a learning-rate schedule is not smoothed")
        XCTAssertEqual(s.panels[1].y.scale, .log, "an exponential decay on a log axis")
        XCTAssertEqual(s.panels[0].y.label, "loss")
        try assertTextRoundTrips(s)
    }

    func testReadOptionsAreTheDataSourcesOptions() throws {
        let read = CSVOptions(delimiter: UInt8(ascii: "\t"), header: .present, timestampColumns: ["t": .milliseconds],
                              decimal: UInt8(ascii: ","), thousands: UInt8(ascii: "."), comment: UInt8(ascii: "#"),
                              missingValues: ["?", "n/a"], encoding: .latin1)
        let table = try csv("t\tv\n1000\t1,5\n2000\t2,5\n", options: read)
        let s = try DefaultFigure.spec([(name: "m", path: "m.tsv", table: table)], read: read, source: "s.json", directory: "/tmp")
        XCTAssertEqual(s.data[0].options, read)
        let lines = s.jsonText().split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let from = try XCTUnwrap(lines.firstIndex(of: #""path": "m.tsv","#))
        XCTAssertEqual(Array(lines[from..<from + 11]), [
            #""path": "m.tsv","#, #""delimiter": "tab","#, #""header": true,"#, #""timestamps": {"#, #""t": "ms""#, "},",
            #""decimal": ",","#, #""thousands": ".","#, ##""comment": "#","##, #""na_values": ["?", "n/a"],"#, #""encoding": "latin-1""#,
        ])
        try assertTextRoundTrips(s)
    }

    func testALearningRateScheduleIsNeverSmoothed() throws {
        let table = try TableReader.read(path: packageRoot() + "/examples/metrics.csv")
        var o = RenderOptions()
        o.smooth = 0.6
        let s = try DefaultFigure.spec([(name: "m", path: "m.csv", table: table)], options: o)
        let smoothed = Dictionary(uniqueKeysWithValues: s.panels.flatMap(\.series).map { ($0.y ?? "", $0.smooth) })
        XCTAssertEqual(smoothed["loss"], 0.6)
        XCTAssertEqual(smoothed["learning_rate"], .some(nil), "a schedule's steps are not averaged away")
    }

    func testGroupedHistogramsAreNamedAfterTheirColumn() throws {
        var o = RenderOptions()
        o.y = ["tip"]; o.kind = .histogram; o.by = "day"
        let p = try spec("tips.csv", o).panels[0]
        XCTAssertEqual(p.series.map(\.by), ["day"])
        XCTAssertEqual(p.series.map(\.alpha), [0.5], "overlaid histograms see through each other")
        XCTAssertEqual(p.x.label, "tip", "the binned column names the x axis")
        XCTAssertEqual(p.y.label, "count")
        XCTAssertNil(p.series[0].x)
    }

    func testDrawingTheSpecIsTheDefaultFigure() throws {
        // `make` is `spec` drawn: the same figure as building the spec and drawing it by hand.
        let table = try TableReader.read(path: sharedDataPath("penguins.json"))
        let s = try DefaultFigure.spec([(name: "p", path: "p.json", table: table)])
        let drawn = try s.figure(tables: [DefaultFigure.dataName: table])
        let made = try DefaultFigure.make(table)
        XCTAssertEqual(drawn.panels.map { $0.series.map(\.y) }, made.panels.map { $0.series.map(\.y) })
        XCTAssertEqual(made.panels[0].series[0].x.count, 3, "a bar per species")
    }

    func testNewKeysAreChecked() throws {
        func decode(_ series: String, axis: String = "{}") -> String {
            errorText { try FigureSpec.parse(text: "{\"version\": 1, \"data\": {\"d\": \"d.csv\"}, \"panels\": [{\"x\": \(axis), \"series\": [\(series)]}]}", source: "s.json") }
        }
        XCTAssertTrue(decode("{\"y\": \"a\", \"aggregate\": \"max\"}").contains("panels[0].series[0].aggregate"))
        XCTAssertTrue(decode("{\"y\": \"a\", \"kind\": \"histogram\", \"aggregate\": \"mean\"}").contains("applies only to"))
        XCTAssertTrue(decode("{\"y\": \"a\"}", axis: "{\"scale\": \"log\", \"categories\": [\"a\"]}").contains("panels[0].x.categories"))
        XCTAssertTrue(decode("{\"y\": \"a\"}", axis: "{\"categories\": [\"a\", \"a\"]}").contains("panels[0].x.categories[1]"))
    }
}
