import Chart
import FigureSpec
import Foundation
import Scene
import TestSupport
import Text
import XCTest

/// Specs on disk: relative paths, real data files, and a training log read with its options.
final class FigureSpecFilesTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "figure-spec-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder + "/runs", withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    private func write(_ text: String, to name: String) throws -> String {
        let path = folder + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func testSeattleWeatherTimeAxis() throws {
        let data = URL(fileURLWithPath: sharedDataPath("seattle-weather.csv")).standardizedFileURL.path
        let path = try write("""
            {"version": 1, "title": "Seattle", "data": {"weather": "\(data)"},
             "panels": [
               {"y": {"label": "°C"}, "series": [{"x": "date", "y": "temp_max", "label": "max", "smooth": 0.9},
                                                 {"x": "date", "y": "temp_min", "label": "min", "smooth": 0.9}]},
               {"series": [{"x": "weather", "y": "wind", "kind": "scatter", "marker": "diamond"}]}
             ]}
            """, to: "seattle.plot.json")
        let spec = try FigureSpec.load(path: path)
        XCTAssertEqual(spec.dataSources()["weather"]?.resolvedPath, data)
        let tables = try spec.readTables()
        let rows = try XCTUnwrap(tables["weather"]).rowCount
        XCTAssertEqual(rows, 1461)
        let figure = try spec.figure(tables: tables)
        let temps = figure.panels[0]
        XCTAssertEqual(temps.x.scale, .time)
        XCTAssertEqual(temps.x.label, "date")
        XCTAssertEqual(temps.y.label, "°C")
        XCTAssertEqual(temps.series.map(\.name), ["", "max", "", "min"])
        XCTAssertEqual(temps.series[0].x.first, 1_325_376_000)  // 2012-01-01
        XCTAssertEqual(temps.series[0].x.count, rows)
        XCTAssertEqual(temps.series[0].alpha, 0.25)
        XCTAssertEqual(temps.series[0].color, temps.series[1].color)
        XCTAssertEqual(temps.series[2].color, Theme.tab10[1])
        XCTAssertEqual(temps.series[1].y, EMASmoother(weight: 0.9).smooth(temps.series[0].y))
        let wind = figure.panels[1]
        XCTAssertEqual(wind.x.scale, .category(["drizzle", "rain", "sun", "snow", "fog"]))
        XCTAssertEqual(Set(wind.series[0].x), [0, 1, 2, 3, 4])

        let scene = FigureRenderer(fonts: try FontLibrary()).scene(for: figure)
        XCTAssertFalse(scene.commands.isEmpty)
    }

    func testRelativePathsAndReadOptions() throws {
        // A Lightning-style log: each metric only on its own rows, semicolons, millisecond stamps.
        _ = try write("""
            t;step;loss;val_loss
            1700000000000;0;2.0;
            1700000060000;1;1.5;
            1700000120000;2;;1.7
            1700000180000;3;1.0;
            1700000240000;4;;1.2
            """, to: "runs/metrics.txt")
        let path = try write("""
            {"version": 1, "data": {"log": {"path": "runs/metrics.txt", "delimiter": ";", "header": true, "timestamps": {"t": "ms"}}},
             "panels": [{"series": [{"x": "step", "y": "loss"}, {"x": "step", "y": "val_loss", "dash": "dashed", "color": "C0"}]},
                        {"series": [{"x": "t", "y": "loss"}]}]}
            """, to: "log.plot.json")
        let spec = try FigureSpec.load(path: path)
        let source = try XCTUnwrap(spec.dataSources()["log"])
        XCTAssertEqual(source.path, "runs/metrics.txt")
        XCTAssertEqual(source.resolvedPath, URL(fileURLWithPath: folder + "/runs/metrics.txt").standardizedFileURL.path)
        let figure = try spec.figure(tables: try spec.readTables())
        let panel = figure.panels[0]
        XCTAssertEqual(panel.series[0].x, [0, 1, 3])
        XCTAssertEqual(panel.series[0].y, [2.0, 1.5, 1.0])
        XCTAssertEqual(panel.series[1].x, [2, 4])
        XCTAssertEqual(panel.series[1].y, [1.7, 1.2])
        XCTAssertEqual(panel.series[1].color, panel.series[0].color)
        XCTAssertEqual(panel.series[1].dash, Chart.Series.dashed)
        XCTAssertEqual(panel.x.label, "step")
        XCTAssertNil(panel.y.label)
        XCTAssertEqual(figure.panels[1].x.scale, .time)
        XCTAssertEqual(figure.panels[1].series[0].x, [1_700_000_000, 1_700_000_060, 1_700_000_180])
    }

    func testSyntaxErrorNamesTheLine() throws {
        let path = try write("{\n  \"version\": 1,\n  \"data\": {\"m\": \"m.csv\"},\n  \"panels\": [}\n}\n", to: "bad.plot.json")
        XCTAssertEqual(errorText { try FigureSpec.load(path: path) }, "\(path):4: invalid JSON: expected a value, found '}'")
    }

    func testMissingDataFileIsADataError() throws {
        let path = try write(#"{"version": 1, "data": {"m": "nope.csv"}, "panels": [{"series": [{"y": "loss"}]}]}"#, to: "f.plot.json")
        let spec = try FigureSpec.load(path: path)
        XCTAssertThrowsError(try spec.readTables()) { error in
            XCTAssertTrue("\(error)".hasPrefix(folder + "/nope.csv: cannot read the file"), "\(error)")
        }
    }
}
