import Chart
import FigureSpec
import XCTest

/// The axis keys of a spec panel and figure: `grid` per axis, `minor_grid`, the right y axis
/// (`y2`, series `"axis"`) and the figure's `share`, with exact errors.
final class FigureSpecAxesTests: XCTestCase {
    private func spec(panel: String, top: String = "") -> String {
        #"{"version": 1\#(top), "data": {"metrics": "metrics.csv"}, "panels": [{\#(panel)"series": [{"data": "metrics", "x": "epoch", "y": "loss"}]}]}"#
    }

    private func panel(_ text: String) throws -> Chart.Panel {
        let s = try FigureSpec.parse(text: text, source: "figure.json")
        return try s.figure(tables: ["metrics": SpecFixtures.metrics]).panels[0]
    }

    func testGridKeys() throws {
        let cases: [(String, Bool, GridAxis, Bool)] = [
            ("", true, .both, false),
            (#""grid": true, "#, true, .both, false),
            (#""grid": false, "#, false, .both, false),
            (#""grid": "y", "#, true, .y, false),
            (#""grid": "x", "minor_grid": true, "#, true, .x, true),
            (#""minor_grid": true, "#, true, .both, true),
        ]
        for (keys, grid, axis, minor) in cases {
            let p = try panel(spec(panel: keys))
            XCTAssertEqual(p.grid, grid, keys)
            XCTAssertEqual(p.gridAxis, axis, keys)
            XCTAssertEqual(p.minorGrid, minor, keys)
        }
    }

    func testGridErrors() {
        let cases: [(String, String)] = [
            (spec(panel: #""grid": "z", "#), #"figure.json: panels[0].grid: expected one of x, y, both, found "z""#),
            (spec(panel: #""grid": 1, "#), #"figure.json: panels[0].grid: expected true, false, "x" or "y", found 1"#),
            (spec(panel: #""minor_grid": "yes", "#), #"figure.json: panels[0].minor_grid: expected true or false, found "yes""#),
        ]
        for (text, message) in cases {
            do {
                _ = try FigureSpec.parse(text: text, source: "figure.json")
                XCTFail("expected an error for \(text)")
            } catch {
                XCTAssertEqual(error.description, message)
            }
        }
    }

    private func twinSpec(_ second: String, panel: String = "") -> String {
        #"{"version": 1, "data": {"metrics": "metrics.csv"}, "panels": [{\#(panel)"series": [{"data": "metrics", "x": "epoch", "y": "loss"}, \#(second)]}]}"#
    }

    func testRightAxisSeries() throws {
        let p = try panel(twinSpec(#"{"data": "metrics", "x": "epoch", "y": "val_loss", "axis": "right"}"#,
                                   panel: #""y2": {"label": "validation", "scale": "log"}, "#))
        XCTAssertEqual(p.series.map(\.yAxis), [.left, .right])
        XCTAssertEqual(p.y.label, "loss", "the left label comes from the left series only")
        XCTAssertEqual(p.y2?.label, "validation")
        XCTAssertEqual(p.y2?.scale, .log)
        XCTAssertEqual(p.series[1].y, [0.9, 0.6])
        // Without y2 the right axis is automatic and labelled by its column.
        let auto = try panel(twinSpec(#"{"data": "metrics", "x": "epoch", "y": "val_loss", "axis": "right", "smooth": 0.5}"#))
        XCTAssertEqual(auto.y2?.label, "val_loss")
        XCTAssertEqual(auto.y2?.scale, .linear)
        XCTAssertEqual(auto.series.map(\.yAxis), [.left, .right, .right], "the smoothed pair both go right")
        // "axis": "left" and no y2: no right axis.
        let left = try panel(twinSpec(#"{"data": "metrics", "x": "epoch", "y": "val_loss", "axis": "left"}"#))
        XCTAssertNil(left.y2)
        XCTAssertFalse(left.hasRightAxis)
    }

    func testRightAxisErrors() {
        let decodeCases: [(String, String)] = [
            (twinSpec(#"{"data": "metrics", "y": "loss", "axis": "up"}"#),
             #"figure.json: panels[0].series[1].axis: expected one of left, right, found "up""#),
            (twinSpec(#"{"data": "metrics", "y": "loss", "axis": "right", "axis": "left"}"#),
             "figure.json: panels[0].series[1].axis: duplicate key"),
            (twinSpec(#"{"data": "metrics", "y": "loss", "axis": "right", "colr": "C1"}"#),
             #"figure.json: panels[0].series[1].colr: unknown key (did you mean "color"?)"#),
            (twinSpec(#"{"data": "metrics", "y": "loss"}"#, panel: #""y2": {"scale": "cubic"}, "#),
             #"figure.json: panels[0].y2.scale: expected one of linear, log, symlog, time, category, found "cubic""#),
            (twinSpec(#"{"data": "metrics", "y": "loss", "axis": "left"}"#, panel: #""y2": {"label": "b"}, "#),
             #"figure.json: panels[0].y2: "y2" applies only to a panel with a series on "axis": "right""#),
        ]
        for (text, message) in decodeCases {
            do {
                _ = try FigureSpec.parse(text: text, source: "figure.json")
                XCTFail("expected an error for \(text)")
            } catch {
                XCTAssertEqual(error.description, message)
            }
        }
        let buildCases: [(String, String)] = [
            (twinSpec(#"{"data": "metrics", "y": "loss", "kind": "histogram", "axis": "right"}"#),
             #"figure.json: panels[0].series[1].axis: "axis": "right" needs a series with values along y (line, scatter, step, area, vertical bar or box)"#),
            (twinSpec(#"{"data": "metrics", "x": "epoch", "y": "loss", "axis": "right"}"#, panel: #""y2": {"scale": "category"}, "#),
             "figure.json: panels[0].series[1].axis: the right y axis cannot be a category axis"),
        ]
        for (text, message) in buildCases {
            do {
                _ = try panel(text)
                XCTFail("expected an error for \(text)")
            } catch {
                XCTAssertEqual("\(error)", message)
            }
        }
    }

    func testShare() throws {
        let cases: [(String, Bool, Bool)] = [
            ("", false, false),
            (#", "share": {"x": true}"#, true, false),
            (#", "share": {"y": true}"#, false, true),
            (#", "share": {"x": true, "y": false}"#, true, false),
            (#", "share": {}"#, false, false),
        ]
        for (top, x, y) in cases {
            let s = try FigureSpec.parse(text: spec(panel: "", top: top), source: "figure.json")
            let f = try s.figure(tables: ["metrics": SpecFixtures.metrics])
            XCTAssertEqual(f.sharedX, x, top)
            XCTAssertEqual(f.sharedY, y, top)
        }
        let errors: [(String, String)] = [
            (#", "share": true"#, "figure.json: share: expected an object, found true"),
            (#", "share": {"x": "yes"}"#, #"figure.json: share.x: expected true or false, found "yes""#),
            (#", "share": {"both": true}"#, "figure.json: share.both: unknown key (known keys: x, y)"),
        ]
        for (top, message) in errors {
            do {
                _ = try FigureSpec.parse(text: spec(panel: "", top: top), source: "figure.json")
                XCTFail("expected an error for \(top)")
            } catch {
                XCTAssertEqual(error.description, message)
            }
        }
    }
}
