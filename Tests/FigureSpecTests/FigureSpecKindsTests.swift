import Chart
@testable import FigureSpec
import Raster
@testable import Table
import XCTest

/// The series kinds beyond lines (histogram, heat map, box, pie), bar options, grouped bars,
/// marker sizes and annotations: decoding, the Chart figure they build, and their errors.
final class FigureSpecKindsTests: XCTestCase {
    /// A table with a category column, numbers with a gap, errors and a long-form grid.
    static let table = DataTable(source: "/d/t.csv", columns: [
        Column(name: "cat", storage: .category(codes: [0, 1, 2, 0], levels: ["a", "b", "c"])),
        Column(name: "u", storage: .number([1, 2, .nan, 4])),
        Column(name: "v", storage: .number([10, 20, 30, 40])),
        Column(name: "err", storage: .number([0.1, 0.2, 0.3, 0.4])),
        Column(name: "gx", storage: .number([2, 1, 2, 1])),
        Column(name: "gy", storage: .category(codes: [0, 0, 1, 1], levels: ["top", "bottom"])),
    ])

    private func figure(_ panels: String, file: StaticString = #filePath, line: UInt = #line) throws -> Figure {
        let spec = try FigureSpec.parse(text: #"{"version": 1, "data": {"t": "t.csv"}, "panels": \#(panels)}"#,
                                        source: "figure.json", directory: "/d")
        return try spec.figure(tables: ["t": Self.table])
    }

    private func message(_ panels: String, build: Bool = false) -> String? {
        do {
            let spec = try FigureSpec.parse(text: #"{"version": 1, "data": {"t": "t.csv"}, "panels": \#(panels)}"#,
                                            source: "figure.json", directory: "/d")
            if build { _ = try spec.figure(tables: ["t": Self.table]) }
            return nil
        } catch {
            return error.description
        }
    }

    func testHistogramDecodesAndBuilds() throws {
        let spec = try FigureSpec.parse(text: """
            {"version": 1, "data": {"t": "t.csv"}, "panels": [{"series": [
              {"kind": "histogram", "y": "v", "bins": 20},
              {"kind": "histogram", "y": "v", "bins": "fd", "orientation": "horizontal"},
              {"kind": "histogram", "x": "u"}]}]}
            """, source: "figure.json", directory: "/d")
        let s = spec.panels[0].series
        XCTAssertEqual(s[0].bins, .count(20))
        XCTAssertEqual(s[1].bins, .freedmanDiaconis)
        XCTAssertEqual(s[1].orientation, .horizontal)
        XCTAssertNil(s[2].y)
        let panel = try spec.figure(tables: ["t": Self.table]).panels[0]
        XCTAssertEqual(panel.series[0], Chart.Series.histogram("v", values: [10, 20, 30, 40], bins: .count(20), color: Theme.tab10[0]))
        XCTAssertEqual(panel.series[1].barOrientation, .horizontal)
        XCTAssertEqual(panel.series[2].barOrientation, .horizontal, "a histogram of x is horizontal")
        XCTAssertEqual(panel.series[2].y.count, 4, "NaN stays; the histogram skips it")
        XCTAssertEqual(panel.series[2].bins, .auto)
    }

    func testHistogramAxisLabelIsTheValuesColumn() throws {
        let panel = try figure(#"[{"series": [{"kind": "histogram", "y": "v"}]}]"#).panels[0]
        XCTAssertEqual(panel.x.label, "v")
        XCTAssertNil(panel.y.label)
    }

    func testPieDropsMissingValuesWithTheirLabels() throws {
        let panel = try figure(#"[{"series": [{"kind": "pie", "y": "u", "labels": "cat", "percentages": false}]}]"#).panels[0]
        let expected = Chart.Series.pie("u", values: [1, 2, 4], labels: ["a", "b", "a"], showsPercentages: false)
        XCTAssertEqual(panel.series[0], expected)
        XCTAssertTrue(panel.isPie)
    }

    func testWideHeatmapIsOneMatrixRowPerTableRow() throws {
        let panel = try figure(#"""
            [{"series": [{"kind": "heatmap", "columns": ["u", "v"], "colormap": "magma", "vmin": 0, "vmax": 50, "label": "level"}]}]
            """#).panels[0]
        let s = panel.series[0]
        XCTAssertEqual(s.kind, .heatmap)
        XCTAssertEqual(s.matrix.count, 4)
        XCTAssertEqual(s.matrix[0], [1, 10])
        XCTAssertTrue(s.matrix[2][0].isNaN)
        XCTAssertEqual(s.colorMap, .magma)
        XCTAssertEqual(s.colorMin, 0)
        XCTAssertEqual(s.colorMax, 50)
        XCTAssertEqual(s.labels, ["level"])
        XCTAssertEqual(panel.x.scale, .category(["u", "v"]))
        XCTAssertEqual(panel.y.scale, .linear)
    }

    func testLongHeatmapPivotsCells() throws {
        let panel = try figure(#"[{"series": [{"kind": "heatmap", "x": "gx", "y": "gy", "value": "v"}]}]"#).panels[0]
        // Columns: the sorted numbers 1, 2; rows: the text in order of appearance.
        XCTAssertEqual(panel.series[0].matrix, [[20, 10], [40, 30]])
        XCTAssertEqual(panel.x.scale, .category(["1", "2"]))
        XCTAssertEqual(panel.y.scale, .category(["top", "bottom"]))
        XCTAssertEqual(panel.x.label, "gx")
        XCTAssertEqual(panel.series[0].colorMap, .viridis)
        XCTAssertEqual(panel.series[0].labels, ["v"])
    }

    func testBoxPlotsTakeCategoriesOnX() throws {
        let panel = try figure(#"[{"series": [{"kind": "box", "x": "cat", "y": "v"}]}]"#).panels[0]
        XCTAssertEqual(panel.series[0], Chart.Series.box("v", categories: [0, 1, 2, 0], values: [10, 20, 30, 40]))
        XCTAssertEqual(panel.x.scale, .category(["a", "b", "c"]))
    }

    func testBarsStackErrorsAndHorizontal() throws {
        let panel = try figure(#"""
            [{"series": [{"kind": "bar", "x": "cat", "y": "u", "stack": "s", "error": "err"},
                         {"kind": "bar", "x": "cat", "y": "v", "stack": "s"}]},
             {"series": [{"kind": "bar", "x": "cat", "y": "v", "orientation": "horizontal"}]}]
            """#).panels
        let a = panel[0].series[0]
        XCTAssertEqual(a.x, [0, 1, 0], "the row with no u is dropped")
        XCTAssertEqual(a.yError, [0.1, 0.2, 0.4], "and so is its error")
        XCTAssertEqual(a.stack, "s")
        XCTAssertEqual(panel[0].series[1].stack, "s")
        let h = panel[1]
        XCTAssertEqual(h.series[0].barOrientation, .horizontal)
        XCTAssertEqual(h.y.scale, .category(["a", "b", "c"]), "horizontal bars put their categories on y")
        XCTAssertEqual(h.x.scale, .linear)
        XCTAssertEqual(h.y.label, "cat")
        XCTAssertEqual(h.x.label, "v")
    }

    func testGroupedBarsSitSideBySide() throws {
        let panel = try figure(#"""
            [{"group": true, "series": [{"kind": "bar", "x": "cat", "y": "v"}, {"kind": "bar", "x": "cat", "y": "err"},
                                        {"kind": "bar", "x": "cat", "y": "v", "stack": "s"}, {"kind": "bar", "x": "cat", "y": "err", "stack": "s"},
                                        {"x": "cat", "y": "v"}]}]
            """#).panels[0]
        // Three places (two series and one stack) share 0.8 of the unit step.
        let w = 0.8 / 3
        XCTAssertEqual(panel.series[0].x, [-w, 1 - w, 2 - w, -w])
        XCTAssertEqual(panel.series[1].x, [0, 1, 2, 0])
        XCTAssertEqual(panel.series[2].x, [w, 1 + w, 2 + w, w])
        XCTAssertEqual(panel.series[3].x, panel.series[2].x)
        XCTAssertEqual(panel.series[0].barWidth, w)
        XCTAssertEqual(panel.series[4].x, [0, 0, 1, 2], "lines are not shifted (and are drawn in x order)")
        let matplotlib = try figure(#"[{"group": 0.81, "series": [{"kind": "bar", "x": "cat", "y": "v"}, {"kind": "bar", "x": "cat", "y": "err"}]}]"#)
        XCTAssertEqual(matplotlib.panels[0].series[0].barWidth!, 0.405, accuracy: 1e-12)
        XCTAssertEqual(matplotlib.panels[0].series[0].x[1], 1 - 0.2025, accuracy: 1e-12)
    }

    func testMarkerSizeInPoints() throws {
        let s = try figure(#"[{"series": [{"kind": "scatter", "x": "u", "y": "v", "markersize": 2.16, "alpha": 0.3}]}]"#)
            .panels[0].series[0]
        XCTAssertEqual(s.markerSize, 2.16)
        XCTAssertEqual(s.alpha, 0.3)
    }

    func testAnnotations() throws {
        let panel = try figure(#"""
            [{"annotations": [{"hline": 0.5, "color": "#ff0000", "dash": "dashed", "width": 2},
                              {"vline": 3},
                              {"hspan": [1, 2], "alpha": 0.1},
                              {"vspan": ["2012-01-01", "2012-01-02"], "color": "C1"},
                              {"text": "peak", "x": 2, "y": 40, "dx": 0, "marker": false}],
              "series": [{"y": "v"}]}]
            """#).panels[0]
        XCTAssertEqual(panel.annotations, [
            .horizontalLine(y: 0.5, color: Color(rgb: 0xff0000), width: 2, dash: Chart.Series.dashed),
            .verticalLine(x: 3),
            .horizontalSpan(y0: 1, y1: 2, alpha: 0.1),
            .verticalSpan(x0: 1_325_376_000, x1: 1_325_462_400, color: Theme.tab10[1]),
            .text("peak", x: 2, y: 40, dx: 0, dy: 4, marker: false),
        ])
    }

    func testErrorMessages() {
        let cases: [(String, String)] = [
            (#"[{"series": [{"kind": "histogram", "y": "v", "bins": 2.5}]}]"#,
             #"figure.json: panels[0].series[0].bins: expected an integer, found 2.5"#),
            (#"[{"series": [{"kind": "histogram", "y": "v", "bins": true}]}]"#,
             #"figure.json: panels[0].series[0].bins: expected a bin count or one of "auto", "sturges", "fd", "sqrt", found true"#),
            (#"[{"series": [{"kind": "histogram", "y": "v", "bins": "scott"}]}]"#,
             #"figure.json: panels[0].series[0].bins: expected one of auto, sturges, fd, sqrt, found "scott""#),
            (#"[{"series": [{"kind": "histogram", "y": "v", "bins": 0}]}]"#,
             #"figure.json: panels[0].series[0].bins: expected a bin count from 1 to 10000, found 0"#),
            (#"[{"series": [{"kind": "histogram", "x": "u", "y": "v"}]}]"#,
             #"figure.json: panels[0].series[0].x: a histogram takes one values column: "y" (or "x" for a horizontal histogram), not both"#),
            (#"[{"series": [{"kind": "histogram", "x": "u", "orientation": "vertical"}]}]"#,
             #"figure.json: panels[0].series[0].orientation: a histogram of "x" is horizontal; use "y" for a vertical one"#),
            (#"[{"series": [{"kind": "histogram"}]}]"#,
             #"figure.json: panels[0].series[0].y: missing required key (the histogram's values column)"#),
            (#"[{"series": [{"y": "v", "bins": 10}]}]"#,
             #"figure.json: panels[0].series[0].bins: "bins" applies only to "kind": "histogram""#),
            (#"[{"series": [{"kind": "scatter", "y": "v", "orientation": "horizontal"}]}]"#,
             #"figure.json: panels[0].series[0].orientation: "orientation" applies only to "kind": "bar" or "histogram""#),
            (#"[{"series": [{"kind": "bar", "y": "v", "orientation": "sideways"}]}]"#,
             #"figure.json: panels[0].series[0].orientation: expected one of vertical, horizontal, found "sideways""#),
            (#"[{"series": [{"kind": "bar", "y": "v", "markersize": 3}]}]"#,
             #"figure.json: panels[0].series[0].markersize: "markersize" applies only to "kind": "line" or "scatter""#),
            (#"[{"series": [{"kind": "scatter", "y": "v", "markersize": -3}]}]"#,
             #"figure.json: panels[0].series[0].markersize: expected a positive size in points (at most 100), found -3"#),
            (#"[{"series": [{"kind": "step", "y": "v", "error": "err"}]}]"#,
             #"figure.json: panels[0].series[0].error: "error" applies only to "kind": "line", "scatter" or "bar""#),
            (#"[{"series": [{"kind": "heatmap", "columns": ["u"], "colormap": "jet"}]}]"#,
             #"figure.json: panels[0].series[0].colormap: expected one of viridis, magma, plasma, inferno, cividis, RdBu, coolwarm, found "jet""#),
            (#"[{"series": [{"kind": "heatmap", "columns": ["u"], "vmin": 2, "vmax": 1}]}]"#,
             #"figure.json: panels[0].series[0].vmax: expected a value above vmin (2), found 1"#),
            (#"[{"series": [{"kind": "heatmap", "columns": []}]}]"#,
             #"figure.json: panels[0].series[0].columns: expected at least one column name, found an empty array"#),
            (#"[{"series": [{"kind": "heatmap", "columns": ["u"], "x": "gx"}]}]"#,
             #"figure.json: panels[0].series[0].x: a heat map takes either "columns" (wide, with "y" naming the rows) or "x", "y" and "value" (long), not both"#),
            (#"[{"series": [{"kind": "heatmap", "x": "gx", "y": "gy"}]}]"#,
             #"figure.json: panels[0].series[0].value: missing required key (a heat map takes "matrix": true, "columns", or "x", "y" and "value")"#),
            (#"[{"series": [{"y": "v", "colormap": "magma"}]}]"#,
             #"figure.json: panels[0].series[0].colormap: "colormap" applies only to "kind": "heatmap""#),
            (#"[{"series": [{"kind": "pie", "x": "cat", "y": "v"}]}]"#,
             #"figure.json: panels[0].series[0].x: a pie takes "y" (wedge sizes) and "labels", not "x""#),
            (#"[{"series": [{"kind": "pie", "y": "v", "percentages": "yes"}]}]"#,
             #"figure.json: panels[0].series[0].percentages: expected true or false, found "yes""#),
            (#"[{"series": [{"kind": "box", "x": "cat"}]}]"#,
             #"figure.json: panels[0].series[0].y: missing required key (the box plot's values column)"#),
            (#"[{"group": "yes", "series": []}]"#,
             #"figure.json: panels[0].group: expected true, false or a fraction of the slot, found "yes""#),
            (#"[{"group": 1.5, "series": []}]"#,
             #"figure.json: panels[0].group: expected a fraction of the slot from 0.01 to 1, found 1.5"#),
            (#"[{"annotations": {"hline": 1}, "series": []}]"#,
             #"figure.json: panels[0].annotations: expected an array, found an object"#),
            (#"[{"annotations": [{"hline": 1, "vline": 2}], "series": []}]"#,
             #"figure.json: panels[0].annotations[0]: an annotation takes one of hline, vline, hspan, vspan, text; found hline and vline"#),
            (#"[{"annotations": [{"color": "C0"}], "series": []}]"#,
             #"figure.json: panels[0].annotations[0]: missing required key (one of hline, vline, hspan, vspan, text)"#),
            (#"[{"annotations": [{"hlin": 1}], "series": []}]"#,
             #"figure.json: panels[0].annotations[0].hlin: unknown key (did you mean "hline"?)"#),
            (#"[{"annotations": [{"hline": 1, "alpha": 0.5}], "series": []}]"#,
             #"figure.json: panels[0].annotations[0].alpha: unknown key (known keys: hline, color, width, dash)"#),
            (#"[{"annotations": [{"hspan": [1]}], "series": []}]"#,
             #"figure.json: panels[0].annotations[0].hspan: expected [from, to], found 1 value"#),
            (#"[{"annotations": [{"vline": "noon"}], "series": []}]"#,
             #"figure.json: panels[0].annotations[0].vline: expected a number or a date such as "2012-01-31", found "noon""#),
            (#"[{"annotations": [{"text": "peak", "x": 1}], "series": []}]"#,
             #"figure.json: panels[0].annotations[0].y: missing required key"#),
        ]
        for (panels, expected) in cases {
            XCTAssertEqual(message(panels), expected, panels)
        }
    }

    func testBuildErrorsNameTheKey() {
        let cases: [(String, String)] = [
            (#"[{"series": [{"kind": "histogram", "y": "cat"}]}]"#,
             #"figure.json: panels[0].series[0].y: column "cat" in t.csv is not numeric (found 'a'); use "scale": "category" to draw it as categories"#),
            (#"[{"series": [{"kind": "heatmap", "columns": ["u", "nope"]}]}]"#,
             #"figure.json: panels[0].series[0].columns[1]: no column "nope" in t.csv (columns: cat, u, v, err, gx, gy)"#),
            (#"[{"series": [{"kind": "heatmap", "columns": ["u", "cat"]}]}]"#,
             #"figure.json: panels[0].series[0].columns[1]: column "cat" in t.csv is not numeric (found 'a'); use "scale": "category" to draw it as categories"#),
            (#"[{"series": [{"y": "v", "error": "cat"}]}]"#,
             #"figure.json: panels[0].series[0].error: column "cat" in t.csv is not numeric (found 'a'); use "scale": "category" to draw it as categories"#),
            (#"[{"series": [{"kind": "pie", "y": "v", "labels": "lab"}]}]"#,
             #"figure.json: panels[0].series[0].labels: no column "lab" in t.csv (columns: cat, u, v, err, gx, gy)"#),
        ]
        for (panels, expected) in cases {
            XCTAssertEqual(message(panels, build: true), expected, panels)
        }
    }
}
