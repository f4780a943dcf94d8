import Chart
import FigureSpec
import Table
import TestSupport
import XCTest

/// A default figure draws at most `ResourceLimits.defaultSeries` series: a table of thousands of
/// numeric columns (JSON records with a new key on every row) is an error that asks for `--y`,
/// not minutes of drawing thousands of lines.
final class DefaultSeriesLimitTests: XCTestCase {
    func wide(_ count: Int) -> DataTable {
        let step = Column(name: "step", storage: .number([0, 1]))
        let columns = (0..<count).map { Column(name: "k\($0)", storage: .number([Double($0), Double($0) + 1])) }
        return DataTable(source: "wide.jsonl", columns: [step] + columns)
    }

    func testMoreSeriesThanTheLimitIsAnErrorThatSaysWhatToDo() throws {
        let limit = ResourceLimits.standard.defaultSeries
        XCTAssertEqual(errorText { try DefaultFigure.make(self.wide(limit + 1)) },
                       "wide.jsonl: too large: \(limit + 1) series (\(limit + 1) numeric columns), more than the limit of \(limit) "
                       + "a default figure draws (see \"Limits\" in docs/figure-spec.md); choose columns with --y, or a heat map "
                       + "(--kind heatmap) of a matrix")
        var options = RenderOptions()
        options.y = ["k1", "k2"]
        XCTAssertEqual(try DefaultFigure.make(wide(limit + 1), options: options).panels.flatMap(\.series).count, 2,
                       "named columns are drawn")
    }
}
