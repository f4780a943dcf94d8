import Chart
import FigureSpec
import Table
import TestSupport
import XCTest

/// An explicit NaN breaks a line; a missing cell is skipped and its neighbours joined.
final class ExplicitNaNTests: XCTestCase {
    /// The y values with NaN written as nil, so arrays with NaN compare.
    func ys(_ s: Series) -> [Double?] { s.y.map { $0.isNaN ? nil : $0 } }

    func testCSVNanBreaksWhileEmptyCellsJoin() throws {
        let text = "step,loss,val_loss\n1,1.0,\n2,nan,0.9\n3,0.8,\n4,0.7,NaN\n5,0.6,0.5\n6,,0.4\n"
        let f = try DefaultFigure.make(csv(text, source: "metrics.csv"))
        let series = f.panels.flatMap(\.series)
        let loss = try XCTUnwrap(series.first { $0.name == "loss" })
        XCTAssertEqual(loss.x, [1, 2, 3, 4, 5], "the empty cell at step 6 is skipped")
        XCTAssertEqual(ys(loss), [1.0, nil, 0.8, 0.7, 0.6], "the explicit nan stays, as a break")
        let val = try XCTUnwrap(series.first { $0.name == "val_loss" })
        XCTAssertEqual(val.x, [2, 4, 5, 6], "empty cells skipped, NaN kept")
        XCTAssertEqual(ys(val), [0.9, nil, 0.5, 0.4])
    }

    func testJSONNaNBreaksWhileNullJoins() throws {
        let json = #"[{"x": 1, "y": 1}, {"x": 2, "y": NaN}, {"x": 3, "y": null}, {"x": 4, "y": 2}, {"x": 5, "y": 3}]"#
        let t = try JSONTableReader.parse(bytes: Array(json.utf8), source: "points.json")
        let f = try DefaultFigure.make(t)
        let s = try XCTUnwrap(f.panels.first?.series.first)
        XCTAssertEqual(s.x, [1, 2, 4, 5])
        XCTAssertEqual(ys(s), [1, nil, 2, 3])
    }

    func testSpecSeriesKeepsNaNAndDropsMissing() throws {
        let table = try csv("x,y\n1,1\n2,nan\n3,\n4,2\n5,3\n")
        let spec = try FigureSpec.parse(text: #"{"version": 1, "data": {"t": "t.csv"}, "panels": [{"series": [{"x": "x", "y": "y"}]}]}"#,
                                        source: "figure.json", directory: "/d")
        let s = try XCTUnwrap(spec.figure(tables: ["t": table]).panels.first?.series.first)
        XCTAssertEqual(s.x, [1, 2, 4, 5])
        XCTAssertEqual(ys(s), [1, nil, 2, 3])
    }
}

extension ExplicitNaNTests {
    func testNpyNaNBreaksTheLine() throws {
        // A float64 vector against the row number, with a NaN of another payload (negative).
        let negativeNaN = Double(bitPattern: 0xFFF8_0000_0000_0000)
        let bytes = NpyReaderTests.npy("<f8", shape: [5], data: NpyReaderTests.doubles([1, 2, negativeNaN, 3, 2]))
        let f = try DefaultFigure.make(NpyReader.parse(bytes: bytes, source: "a.npy"))
        let s = try XCTUnwrap(f.panels.first?.series.first)
        XCTAssertEqual(s.x, [0, 1, 2, 3, 4], "an array has no missing cells: the NaN row stays")
        XCTAssertEqual(ys(s), [1, 2, nil, 3, 2])
    }
}
