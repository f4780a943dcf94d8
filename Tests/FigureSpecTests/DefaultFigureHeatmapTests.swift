import Chart
import FigureSpec
import Foundation
import Table
import TestSupport
import XCTest

/// `--kind heatmap` on a table (`DefaultFigure.heatmapColumns`): long tables pivot to one cell
/// per row, wide numeric tables are their matrix (labelled by a text first column), the user's
/// `--x`, `--y` and `--value` win, and tables with no cells are a clear error.
final class DefaultFigureHeatmapTests: XCTestCase {
    func heatmap(_ table: DataTable, _ configure: (inout RenderOptions) -> Void = { _ in }) throws -> Chart.Panel {
        var options = RenderOptions()
        options.kind = .heatmap
        configure(&options)
        let figure = try DefaultFigure.make(table, options: options)
        XCTAssertEqual(figure.panels.count, 1)
        return figure.panels[0]
    }

    func testALongTablePivotsToOneCellPerRow() throws {
        // seaborn's flights: x the first column, y the second, the value the last numeric one.
        let flights = try TableReader.read(path: sharedDataPath("flights.csv"))
        let panel = try heatmap(flights)
        guard case .category(let years) = panel.x.scale, case .category(let months) = panel.y.scale else {
            return XCTFail("category axes expected: \(panel.x.scale) / \(panel.y.scale)")
        }
        XCTAssertEqual(years.count, 12); XCTAssertEqual(years.first, "1949")
        XCTAssertEqual(months.prefix(2), ["January", "February"])
        XCTAssertEqual(panel.x.label, "year"); XCTAssertEqual(panel.y.label, "month")
        let series = try XCTUnwrap(panel.series.first)
        XCTAssertEqual(series.kind, .heatmap)
        XCTAssertEqual(series.matrix.count, 12)
        XCTAssertEqual(series.matrix[0][0], 112, "January 1949")
        XCTAssertEqual(series.matrix[11][11], 432, "December 1960")
        // Named columns swap the axes.
        let swapped = try heatmap(flights) { $0.x = "month"; $0.y = ["year"]; $0.value = "passengers" }
        XCTAssertEqual(swapped.series[0].matrix[0][0], 112)
        XCTAssertEqual(swapped.series[0].matrix[0][1], 118, "February 1949: the next column")
    }

    func testThreeNumericColumnsAreAGridSearch() throws {
        let grid = try csv("lr,batch,acc\n0.1,32,0.8\n0.1,64,0.82\n0.01,32,0.9\n0.01,64,0.91\n")
        let panel = try heatmap(grid)
        XCTAssertEqual(panel.x.scale, .category(["0.01", "0.1"]))
        XCTAssertEqual(panel.y.scale, .category(["32", "64"]))
        XCTAssertEqual(panel.series[0].matrix, [[0.9, 0.8], [0.91, 0.82]])
    }

    func testAWideTableIsItsMatrixLabelledByItsFirstTextColumn() throws {
        let corr = try csv(",a,b,c\na,1,0.5,-0.2\nb,0.5,1,0.1\nc,-0.2,0.1,1\n")
        let panel = try heatmap(corr)
        XCTAssertEqual(panel.x.scale, .category(["a", "b", "c"]))
        XCTAssertEqual(panel.y.scale, .category(["a", "b", "c"]))
        XCTAssertNil(panel.y.label, "an empty header names nothing")
        XCTAssertEqual(panel.series[0].matrix[0], [1, 0.5, -0.2])
        // A 2 × 2 correlation matrix has three columns, but its rows are named by its columns: wide.
        let small = try heatmap(try csv(",a,b\na,1,0.3\nb,0.3,1\n"))
        XCTAssertEqual(small.series[0].matrix, [[1, 0.3], [0.3, 1]])
        // All numbers, no labels: rows by number.
        let plain = try heatmap(try csv("u,v,w,z\n1,2,3,4\n5,6,7,8\n"))
        XCTAssertEqual(plain.x.scale, .category(["u", "v", "w", "z"]))
        XCTAssertEqual(plain.series[0].matrix, [[1, 2, 3, 4], [5, 6, 7, 8]])
        // Several --y columns: their matrix, rows labelled by --x.
        let named = try heatmap(try csv("name,u,v,w\np,1,2,3\nq,4,5,6\n")) { $0.y = ["w", "u"]; $0.x = "name" }
        XCTAssertEqual(named.x.scale, .category(["w", "u"]))
        XCTAssertEqual(named.y.scale, .category(["p", "q"]))
        XCTAssertEqual(named.series[0].matrix, [[3, 1], [6, 4]])
    }

    func testTablesWithoutCellsAndUnknownColumnsAreClearErrors() throws {
        let single = try csv("a\n1\n2\n")
        XCTAssertTrue(errorText { try self.heatmap(single) }.contains("a heat map needs an x, a y and a numeric value column"))
        let t = try csv("a,b,c\n1,2,3\n")
        let unknown = errorText { try self.heatmap(t) { $0.value = "zz" } }
        XCTAssertTrue(unknown.contains("'zz'") && unknown.contains("no such column"), unknown)
    }

    func testTheSpecItWritesDrawsTheSameHeatmap() throws {
        let flights = try TableReader.read(path: sharedDataPath("flights.csv"))
        var options = RenderOptions()
        options.kind = .heatmap
        options.colorMap = .magma
        let spec = try DefaultFigure.spec([(name: "flights", path: sharedDataPath("flights.csv"), table: flights)],
                                          options: options, source: "f.plot.json", directory: "/tmp")
        let series = spec.panels[0].series[0]
        XCTAssertEqual(series.kind, .heatmap)
        XCTAssertEqual([series.x, series.y, series.value], ["year", "month", "passengers"])
        XCTAssertEqual(series.colorMap, .magma)
        let back = try FigureSpec.parse(text: spec.jsonText(), source: spec.source, directory: spec.directory)
        XCTAssertEqual(back, spec)
        XCTAssertEqual(try back.figure(tables: [spec.data[0].name: flights]).panels[0].series[0].matrix,
                       try DefaultFigure.make(flights, options: options).panels[0].series[0].matrix)
    }

    func testAWideSpecsRowLabelsMustNotRepeat() throws {
        let text = #"{"version": 1, "data": {"d": "d.csv"}, "panels": [{"series": [{"kind": "heatmap", "columns": ["u"], "y": "name"}]}]}"#
        let spec = try FigureSpec.parse(text: text, source: "h.json", directory: "/tmp")
        let table = try csv("name,u\np,1\np,2\n")
        let message = errorText { try spec.figure(tables: ["d": table]) }
        XCTAssertTrue(message.contains("panels[0].series[0].y") && message.contains("repeats \"p\""), message)
        let mixed = #"{"version": 1, "data": {"d": "d.csv"}, "panels": [{"series": [{"kind": "heatmap", "columns": ["u"], "value": "u"}]}]}"#
        XCTAssertTrue(errorText { try FigureSpec.parse(text: mixed, source: "h.json", directory: "/tmp") }.contains("not both"))
    }
}
