import Chart
import FigureSpec
import TestSupport
import XCTest

/// Every spec error names the file and the key path, with exact messages.
final class FigureSpecErrorTests: XCTestCase {
    /// A one-source spec around `panels`, with extra top-level members.
    private func spec(panels: String, top: String = "") -> String {
        #"{"version": 1\#(top), "data": {"metrics": "metrics.csv"}, "panels": \#(panels)}"#
    }

    private func decodeError(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> SpecError? {
        do {
            _ = try FigureSpec.parse(text: text, source: "figure.json")
            XCTFail("expected an error for \(text)", file: file, line: line)
        } catch {
            return error
        }
        return nil
    }

    func testDecodeErrorMessages() {
        let cases: [(String, String)] = [
            (spec(panels: #"[{"series": [{"y": "loss"}]}, {"series": [{"y": "loss", "kind": "lines"}]}]"#),
             #"figure.json: panels[1].series[0].kind: expected one of line, scatter, step, area, bar, histogram, heatmap, box, pie, found "lines""#),
            (spec(panels: #"[{"x": {"scale": 3}, "series": []}]"#),
             "figure.json: panels[0].x.scale: expected a string, found 3"),
            (spec(panels: #"[{"seris": []}]"#),
             #"figure.json: panels[0].seris: unknown key (did you mean "series"?)"#),
            (spec(panels: #"[{"series": [{"y": "loss", "colour": "C0"}]}]"#),
             #"figure.json: panels[0].series[0].colour: unknown key (did you mean "color"?)"#),
            (spec(panels: #"[{"series": [], "zzz": 1}]"#),
             "figure.json: panels[0].zzz: unknown key (known keys: title, x, y, y2, grid, minor_grid, legend, group, annotations, series)"),
            (#"{"version": 2, "data": {"m": "m.csv"}, "panels": []}"#,
             "figure.json: version: unsupported version 2 (this plotline reads version 1)"),
            (#"{"version": "1", "data": {"m": "m.csv"}, "panels": []}"#,
             #"figure.json: version: expected an integer, found "1""#),
            (#"{"data": {"m": "m.csv"}, "panels": []}"#,
             "figure.json: version: missing required key"),
            (spec(panels: #"[{"series": [{"x": "epoch"}]}]"#),
             "figure.json: panels[0].series[0].y: missing required key"),
            (spec(panels: #"[{"series": [{"y": "loss"}]}]"#, top: #", "version": 1"#),
             "figure.json: version: duplicate key"),
            (spec(panels: "[]"),
             "figure.json: panels: expected at least one panel, found an empty array"),
            (spec(panels: #"[{"series": [{"y": "loss", "smooth": 1}]}]"#),
             "figure.json: panels[0].series[0].smooth: expected a weight from 0 up to (not including) 1, found 1"),
            (spec(panels: #"[{"series": [{"y": "loss", "alpha": true}]}]"#),
             "figure.json: panels[0].series[0].alpha: expected a number, found true"),
            (spec(panels: #"[{"series": [{"y": "loss", "alpha": 1.5}]}]"#),
             "figure.json: panels[0].series[0].alpha: expected a number from 0 to 1, found 1.5"),
            (spec(panels: #"[{"series": [{"y": "loss", "color": "blu"}]}]"#),
             ##"figure.json: panels[0].series[0].color: expected a colour such as "#1f77b4", "C0", "tab:orange" or a CSS name ("steelblue"), found "blu""##),
            (spec(panels: #"[{"series": [{"y": "loss", "dash": [1, "x"]}]}]"#),
             #"figure.json: panels[0].series[0].dash[1]: expected a number, found "x""#),
            (spec(panels: #"[{"series": [{"y": "loss", "dash": "dash"}]}]"#),
             #"figure.json: panels[0].series[0].dash: expected one of solid, dashed, dotted, dashdot, found "dash""#),
            (spec(panels: #"[{"series": [{"y": "loss", "marker": "o"}]}]"#),
             #"figure.json: panels[0].series[0].marker: expected one of circle, square, diamond, triangleUp, triangleDown, plus, cross, star, pentagon, hexagon, found "o""#),
            (spec(panels: #"[{"legend": "top", "series": []}]"#),
             #"figure.json: panels[0].legend: expected one of best, upper right, upper left, lower left, lower right, right, center left, center right, lower center, upper center, center, outside, below, none, found "top""#),
            (spec(panels: #"[{"y": {"linthresh": 1}, "series": []}]"#),
             #"figure.json: panels[0].y.linthresh: linthresh applies only to "scale": "symlog""#),
            (spec(panels: #"[{"y": {"min": 5, "max": 1}, "series": []}]"#),
             "figure.json: panels[0].y.max: expected a value above min (5), found 1"),
            (spec(panels: #"[{"series": [{"y": "loss", "data": "metric"}]}]"#),
             #"figure.json: panels[0].series[0].data: no data source "metric" (data sources: metrics)"#),
            (#"{"version": 1, "data": {"a": "a.csv", "b": "b.csv"}, "panels": [{"series": [{"y": "loss"}]}]}"#,
             "figure.json: panels[0].series[0].data: missing required key (the spec has 2 data sources: a, b)"),
            (spec(panels: #"[{"series": []}]"#, top: #", "size": "1200by800""#),
             #"figure.json: size: expected [width, height] or "WIDTHxHEIGHT", each side 16...16384 pixels, at most 67108864 pixels in all (see "Limits" in docs/figure-spec.md), found "1200by800""#),
            (spec(panels: #"[{"series": []}]"#, top: #", "size": [1200, 800.5]"#),
             "figure.json: size[1]: expected an integer, found 800.5"),
            (spec(panels: #"[{"series": []}]"#, top: #", "dpi": 0"#),
             "figure.json: dpi: expected 10...2400 dots per inch (see \"Limits\" in docs/figure-spec.md), found 0"),
            (spec(panels: #"[{"series": []}, {"series": []}, {"series": []}]"#, top: #", "layout": {"rows": 1, "columns": 2}"#),
             "figure.json: layout: a 1 × 2 grid has room for 2 panels, the spec has 3"),
            (spec(panels: #"[{"series": []}]"#, top: #", "theme": "Dark""#),
             #"figure.json: theme: expected one of light, dark, found "Dark""#),
            (#"{"version": 1, "data": {"m": {"file": "m.csv"}}, "panels": [{"series": []}]}"#,
             #"figure.json: data.m.file: unknown key (known keys: path, delimiter, header, timestamps, decimal, thousands, comment, na_values, encoding)"#),
            (#"{"version": 1, "data": {"m": {"path": "m.csv", "timestamps": {"t": "us"}}}, "panels": [{"series": []}]}"#,
             #"figure.json: data.m.timestamps.t: expected one of s, ms, found "us""#),
            (#"{"version": 1, "data": {"my runs": {"path": "m.csv", "delimiter": ";;"}}, "panels": [{"series": []}]}"#,
             #"figure.json: data["my runs"].delimiter: expected one ASCII character such as "," or ";", "tab" or "whitespace", found ";;""#),
            (#"{"version": 1, "data": {}, "panels": [{"series": []}]}"#,
             "figure.json: data: expected at least one data source, found an empty object"),
            (#"{"version": 1, "data": ["m.csv"], "panels": [{"series": []}]}"#,
             "figure.json: data: expected an object, found an array"),
            ("[1, 2]", "figure.json: expected an object, found an array"),
            ("{\"version\": 1,\n \"data\": {\"m\": \"m.csv\"]\n}",
             "figure.json:2: invalid JSON: expected ',' or '}' after a value, found ']'"),
            ("", "figure.json: invalid JSON: the file is empty"),
            ("{\"version\": 1}\n{}", "figure.json:2: invalid JSON: expected the end of the input after the spec object"),
        ]
        for (text, message) in cases {
            XCTAssertEqual(decodeError(text)?.description, message, text)
        }
    }

    func testColumnErrorsNameTheTableAndItsColumns() throws {
        let spec = try FigureSpec.parse(text: spec(panels: """
            [{"series": [{"x": "epoch", "y": "loss"}, {"x": "epoch", "y": "val_los"}]}]
            """), source: "figure.json")
        XCTAssertEqual(
            errorText { try spec.figure(tables: ["metrics": SpecFixtures.metrics]) },
            #"figure.json: panels[0].series[1].y: no column "val_los" in metrics.csv (did you mean "val_loss"? columns: epoch, loss, val_loss)"#)
        XCTAssertEqual(errorText { try spec.figure(tables: [:]) }, "figure.json: data.metrics: no table was loaded for this data source")
    }

    func testTextOnANumericAxis() throws {
        let table = try csv("day,tip\nSun,1\nSat,2\n", source: "tips.csv")
        let spec = try FigureSpec.parse(text: #"{"version": 1, "data": {"tips": "tips.csv"}, "panels": [{"x": {"scale": "linear"}, "series": [{"x": "day", "y": "tip"}]}]}"#,
                                        source: "figure.json")
        XCTAssertEqual(
            errorText { try spec.figure(tables: ["tips": table]) },
            #"figure.json: panels[0].series[0].x: column "day" in tips.csv is not numeric (found 'Sun'); use "scale": "category" to draw it as categories"#)
    }

    func testUnreadableSpec() {
        let message = errorText { try FigureSpec.load(path: "/nonexistent/figure.json") }
        XCTAssertTrue(message.hasPrefix("/nonexistent/figure.json: cannot read the file ("), message)
    }

    func testSuggestions() {
        let keys = ["data", "x", "y", "by", "kind", "label", "color", "width", "dash", "marker", "markersize", "alpha", "smooth", "bins",
                    "orientation", "stack", "error", "colormap", "vmin", "vmax", "columns", "value", "matrix", "labels",
                    "percentages", "y2", "aggregate", "band"]
        let cases: [(String, String?)] = [
            ("lable", "label"), ("Kind", "kind"), ("smoothing", "smooth"), ("colour", "color"), ("markers", "marker"),
            ("widht", "width"), ("z", "x"), ("datasource", nil),
        ]
        for (typo, suggestion) in cases {
            let text = spec(panels: #"[{"series": [{"y": "loss", "\#(typo)": 1}]}]"#)
            let expected = suggestion.map { "unknown key (did you mean \"\($0)\"?)" }
                ?? "unknown key (known keys: \(keys.joined(separator: ", ")))"
            XCTAssertEqual(decodeError(text)?.message, expected, typo)
            XCTAssertEqual(decodeError(text)?.keyPath, "panels[0].series[0].\(typo)")
        }
    }
}
