import Chart
import FigureSpec
import Table
import XCTest

/// The spec keys `y2` (an area between two columns), `aggregate` and `band` (rows sharing an x
/// drawn as one point: a line over a band, or a bar with an error bar): what they build, and
/// their errors.
final class FigureSpecAggregateTests: XCTestCase {
    static let table = DataTable(source: "/d/t.csv", columns: [
        Column(name: "step", storage: .number([0, 0, 1, 1, 2])),
        Column(name: "g", storage: .category(codes: [0, 1, 0, 1, 0], levels: ["a", "b"])),
        Column(name: "hi", storage: .number([3, 4, 5, .nan, 7])),
        Column(name: "lo", storage: .number([1, 2, .nan, 2, 3])),
    ])

    private func figure(_ series: String) throws -> Figure {
        let spec = try FigureSpec.parse(text: #"{"version": 1, "data": {"t": "t.csv"}, "panels": [{"series": [\#(series)]}]}"#,
                                        source: "figure.json", directory: "/d")
        return try spec.figure(tables: ["t": Self.table])
    }

    private func message(_ series: String) -> String {
        do { _ = try figure(series); return "" } catch { return "\(error)" }
    }

    func testAreaBetweenTwoColumns() throws {
        let s = try figure(#"{"kind": "area", "x": "step", "y": "hi", "y2": "lo"}"#).panels[0].series[0]
        XCTAssertEqual(s.kind, .area)
        XCTAssertEqual(s.y, [3, 4, 5, 7], "rows without y are left out")
        XCTAssertEqual(s.y2?.count, 4)
        XCTAssertTrue(s.y2![2].isNaN, "a missing lower edge breaks the fill")
    }

    func testAggregateRowsSharingAnX() throws {
        let panel = try figure(#"{"x": "step", "y": "hi", "aggregate": "mean"}"#).panels[0]
        XCTAssertEqual(panel.series.map(\.kind), [.area, .line])
        XCTAssertEqual(panel.series[1].name, "mean of hi ± std")
        XCTAssertEqual(panel.series[1].x, [0, 1, 2])
        XCTAssertEqual(panel.series[1].y, [3.5, 5, 7])
        XCTAssertEqual(panel.series[0].y2?[0] ?? 0, 3.5 - 0.5.squareRoot(), accuracy: 1e-12)
        let grouped = try figure(#"{"x": "step", "y": "lo", "by": "g", "aggregate": "median", "band": "none"}"#).panels[0]
        XCTAssertEqual(grouped.series.map(\.name), ["a: median", "b: median"])
    }

    /// Bars: the statistic per category, its band as error bars (default ± 1 std).
    func testAggregateBarsHaveErrorBars() throws {
        let bars = try figure(#"{"kind": "bar", "x": "g", "y": "hi", "aggregate": "mean"}"#).panels[0].series
        XCTAssertEqual(bars.count, 1, "no band shape: error bars")
        XCTAssertEqual(bars[0].kind, .bar)
        XCTAssertEqual(bars[0].y, [5, 4], "a: mean of 3, 5, 7; b: 4 (its other row has no value)")
        XCTAssertEqual(bars[0].yError?[0] ?? 0, 2, accuracy: 1e-12, "± 1 sample std")
        XCTAssertTrue(bars[0].yError?[1].isNaN ?? false, "one value: no error bar")
        let medians = try figure(#"{"kind": "bar", "x": "g", "y": "hi", "aggregate": "median", "band": "none"}"#).panels[0].series
        XCTAssertEqual(medians[0].y, [5, 4])
        XCTAssertNil(medians[0].yError)
        XCTAssertTrue(message(#"{"kind": "bar", "x": "g", "y": "hi", "aggregate": "mean", "band": "minmax"}"#)
            .contains("panels[0].series[0].band"))
    }

    func testErrors() {
        XCTAssertTrue(message(#"{"x": "step", "y": "hi", "band": "std"}"#).contains(
            #"panels[0].series[0].band: "band" is the spread around an aggregate: give "aggregate": "mean" or "median" too"#),
            message(#"{"x": "step", "y": "hi", "band": "std"}"#))
        XCTAssertTrue(message(#"{"x": "step", "y": "hi", "y2": "lo"}"#).contains(#""y2" applies only to "kind": "area""#))
        XCTAssertTrue(message(#"{"x": "step", "y": "hi", "aggregate": "max"}"#).contains("aggregate"))
        XCTAssertTrue(message(#"{"kind": "area", "x": "step", "y": "hi", "y2": "nope"}"#).contains("nope"))
    }
}
