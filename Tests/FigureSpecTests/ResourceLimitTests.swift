import FigureSpec
import Foundation
import Table
import TestSupport
import XCTest

/// Inputs that would take more memory than the documented limits are errors before anything of
/// that size is allocated (issue 12, items 1 and 12), not a failed allocation or the OOM killer.
final class ResourceLimitTests: XCTestCase {
    /// A long-form heat map whose x and y each have `count` distinct values.
    private func heatmapTable(_ count: Int) throws -> DataTable {
        var text = "x,y,v\n"
        for i in 0..<count { text += "\(i),\(i),1\n" }
        return try csv(text)
    }

    private let heatmapSpec = """
        {"version": 1, "data": {"d": "d.csv"},
         "panels": [{"series": [{"kind": "heatmap", "x": "x", "y": "y", "value": "v"}]}]}
        """

    func testHeatmapOfDistinctValuesIsRefusedQuickly() throws {
        // 100k × 100k cells would be 80 GB; the check counts levels first.
        let table = try heatmapTable(100_000)
        let spec = try FigureSpec.parse(text: heatmapSpec, source: "h.plot.json")
        let start = Date()
        let message = errorText { try spec.figure(tables: ["d": table]) }
        XCTAssertEqual(message, "h.plot.json: panels[0].series[0].x: too large: 100000 distinct values in \"x\" for the heat map's x axis, "
                       + "more than the limit of 10000 (see \"Limits\" in docs/figure-spec.md)")
        XCTAssertLessThan(Date().timeIntervalSince(start), 20)
    }

    func testHeatmapCellLimit() throws {
        let table = try heatmapTable(2_500)  // 2,500 levels each: 6.25 M cells
        let spec = try FigureSpec.parse(text: heatmapSpec, source: "h.plot.json")
        let message = errorText { try spec.figure(tables: ["d": table]) }
        XCTAssertTrue(message.contains("too large: a heat map of 2500 × 2500 cells, more than the limit of 4000000"), message)
        XCTAssertNoThrow(try spec.figure(tables: ["d": try heatmapTable(300)]))
    }

    func testAWholeMatrixAndASecondHeatmapAreCheckedToo() throws {
        // 2,100 rows × 2,000 columns: 4.2 M cells, drawn whole with "matrix": true (no levels to count).
        // Built directly: parsing an 8 MB CSV took most of this test's time in debug builds.
        let ones = [Double](repeating: 1, count: 2_100)
        let wide = DataTable(source: "d.csv", columns: (0..<2_000).map { Column(name: "c\($0)", storage: .number(ones)) })
        let matrix = try FigureSpec.parse(text: """
            {"version": 1, "data": {"d": "d.csv"}, "panels": [{"series": [{"kind": "heatmap", "matrix": true}]}]}
            """, source: "m.plot.json")
        XCTAssertEqual(errorText { try matrix.figure(tables: ["d": wide]) },
                       "m.plot.json: panels[0].series[0]: too large: a heat map of 2100 × 2000 cells, more than the limit of 4000000 "
                       + "(see \"Limits\" in docs/figure-spec.md)")
        // A small heat map first does not let a huge second one through.
        let two = try FigureSpec.parse(text: """
            {"version": 1, "data": {"d": "d.csv", "s": "s.csv"}, "panels": [{"series": [
              {"data": "s", "kind": "heatmap", "x": "x", "y": "y", "value": "v"},
              {"data": "d", "kind": "heatmap", "x": "x", "y": "y", "value": "v"}]}]}
            """, source: "two.plot.json")
        let message = errorText { try two.figure(tables: ["s": try heatmapTable(3), "d": try heatmapTable(2_500)]) }
        XCTAssertTrue(message.hasPrefix("two.plot.json: panels[0].series[1]: too large: a heat map of 2500 × 2500 cells"), message)
    }

    func testCategoryAxisLimit() throws {
        var text = "name,v\n"
        for i in 0..<10_001 { text += "n\(i),\(i)\n" }
        let table = try csv(text)
        let spec = try FigureSpec.parse(text: """
            {"version": 1, "data": {"d": "d.csv"}, "panels": [{"series": [{"kind": "bar", "x": "name", "y": "v"}]}]}
            """, source: "c.plot.json")
        XCTAssertEqual(errorText { try spec.figure(tables: ["d": table]) },
                       "c.plot.json: panels[0].x: too large: 10001 categories on the x axis, more than the limit of 10000 "
                       + "(see \"Limits\" in docs/figure-spec.md)")
        XCTAssertTrue(errorText { try DefaultFigure.make(table) }.contains("column 'name': too large: 10001 categories"))
    }

    func testCanvasPixelLimit() {
        let message = errorText { try FigureSpec.parse(text: "{\"version\": 1, \"size\": [16384, 16384], \"data\": {\"d\": \"d.csv\"}, \"panels\": [{\"series\": [{\"y\": \"v\"}]}]}", source: "s.plot.json") }
        XCTAssertTrue(message.contains("s.plot.json: size: expected [width, height] or \"WIDTHxHEIGHT\", each side 16...16384 pixels, "
                                       + "at most 67108864 pixels in all"), message)
        XCTAssertNoThrow(try FigureSpec.parse(text: "{\"version\": 1, \"size\": [8000, 8000], \"data\": {\"d\": \"d.csv\"}, \"panels\": [{\"series\": [{\"y\": \"v\"}]}]}", source: "s.plot.json"))
    }

    func testJSONRecordsWithANewKeyPerRowStopAtTheColumnLimit() throws {
        // 20,000 rows with a key each: 400 M values (3.2 GB) before; now refused at 10,000 columns.
        var text = ""
        for i in 0..<20_000 { text += "{\"k\(i)\": \(i)}\n" }
        let start = Date()
        let message = errorText { try JSONTableReader.parse(bytes: Array(text.utf8), source: "keys.jsonl") }
        XCTAssertEqual(message, "keys.jsonl: too large: 20000 columns, more than the limit of 10000 (see \"Limits\" in docs/figure-spec.md)")
        XCTAssertLessThan(Date().timeIntervalSince(start), 20)
    }

    func testJSONRecordsValueLimit() throws {
        // 5,000 keys on the first row, then 10,000 short rows: 50,005,000 values, over the 50 M limit.
        var text = "{" + (0..<5_000).map { "\"k\($0)\": 1" }.joined(separator: ", ") + "}\n"
        text += String(repeating: "{\"k0\": 2}\n", count: 10_000)
        let message = errorText { try JSONTableReader.parse(bytes: Array(text.utf8), source: "wide.jsonl") }
        XCTAssertEqual(message, "wide.jsonl: too large: 10001 rows × 5000 columns is more than the limit of 50000000 values "
                       + "(see \"Limits\" in docs/figure-spec.md)")
        var reader = IncrementalTableReader(source: "wide.jsonl", format: .jsonLines)
        XCTAssertTrue(errorText { try reader.append(Array(text.utf8)) }.contains("too large"))
    }

    func testSparseRecordsKeepTheirValues() throws {
        let text = "{\"a\": 1}\n{\"b\": 2, \"b\": 3}\n{\"a\": 4, \"c\": \"x\"}\n"
        let table = try JSONTableReader.parse(bytes: Array(text.utf8), source: "s.jsonl")
        XCTAssertEqual(table.columnNames, ["a", "b", "c"])
        XCTAssertEqual(table["a"]?.texts, ["1", nil, "4"])
        XCTAssertEqual(table["b"]?.texts, [nil, "3", nil], "a repeated key: the last one wins")
        XCTAssertEqual(table["c"]?.texts, [nil, nil, "x"])
    }

    func testCSVColumnLimit() {
        let header = (0..<10_001).map { "c\($0)" }.joined(separator: ",")
        XCTAssertTrue(errorText { try csv(header + "\n" + String(repeating: "1,", count: 10_000) + "1\n") }
            .contains("too large: 10001 columns"))
    }
}
