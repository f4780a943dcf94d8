import Chart
import Spec
import XCTest

/// The axis keys of a spec panel and figure: `grid` per axis, `minor_grid`, with exact errors.
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
}
