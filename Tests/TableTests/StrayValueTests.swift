import Table
import TestSupport
import XCTest

/// A cell that is not a number in an otherwise numeric column: a missing value and a warning,
/// the same whether the file is read whole or followed as it grows.
final class StrayValueTests: XCTestCase {
    /// A training log whose `lr` column got one logged list, `[0.0005]`, on line 4 (row 3).
    static let log = """
        step,loss,lr
        1,0.9,0.001
        2,0.8,0.001
        3,0.7,[0.0005]
        4,0.6,0.0005
        5,0.5,0.0005

        """

    func testOneStrayIsAMissingValueAndTheSeriesKeepsItsOtherPoints() throws {
        let table = try csv(Self.log, source: "m.csv")
        XCTAssertEqual(table["lr"]?.kind, .number)
        XCTAssertEqual(table["lr"]?.texts, ["0.001", "0.001", nil, "0.0005", "0.0005"])
        let (warnings, total) = table.warnings()
        XCTAssertEqual(total, 1)
        XCTAssertEqual(warnings, [DataWarning(file: "m.csv", line: 4, column: "lr", value: "[0.0005]")])
        XCTAssertEqual(warnings.first?.description,
                       "m.csv:4: warning: column 'lr': '[0.0005]' is not a number (drawn as a missing value)")
    }

    func testAColumnThatIsMostlyTextIsStillACategoryAndNotAWarning() throws {
        let table = try csv("step,phase\n1,warmup\n2,train\n3,1\n4,train\n", source: "p.csv")
        XCTAssertEqual(table["phase"]?.kind, .category)
        XCTAssertEqual(table["phase"]?.texts, ["warmup", "train", "1", "train"])
        XCTAssertEqual(table.warnings().total, 0)
    }

    func testMissingMarkersAreNotStrays() throws {
        let table = try csv("a\n1\nNA\n\n2\nnull\n", source: "n.csv")
        XCTAssertEqual(table["a"]?.kind, .number)
        XCTAssertEqual(table.warnings().total, 0)
    }

    func testWarningsAreCappedWithATotalInRowOrder() throws {
        var text = "a,b\n"
        for row in 0..<100 { text += row % 4 == 0 ? "x\(row),y\(row)\n" : "\(row),\(row)\n" }
        let table = try csv(text, source: "c.csv")
        let (warnings, total) = table.warnings(limit: 5)
        XCTAssertEqual(total, 50)
        XCTAssertEqual(warnings.map(\.value), ["x0", "y0", "x4", "y4", "x8"])
        XCTAssertEqual(warnings.map(\.line), [2, 2, 6, 6, 10])
    }

    func testJSONLinesStraysCarryTheirLine() throws {
        let text = "{\"step\": 1, \"lr\": 0.001}\n{\"step\": 2, \"lr\": \"[0.0005]\"}\n{\"step\": 3, \"lr\": 0.0005}\n"
        let table = try JSONTableReader.parse(bytes: Array(text.utf8), source: "m.jsonl")
        XCTAssertEqual(table["lr"]?.kind, .number)
        XCTAssertEqual(table.warnings().first, [DataWarning(file: "m.jsonl", line: 2, column: "lr", value: "[0.0005]")])
    }

    /// Reads `text` whole, then follows it in pieces cut at every `step` bytes, and checks the two tables agree.
    private func assertIncrementalMatchesWhole(_ text: String, source: String, step: Int,
                                               file: StaticString = #filePath, line: UInt = #line) throws {
        let whole = try TableReader.parse(bytes: Array(text.utf8), source: source)
        var reader = IncrementalTableReader(path: source)
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let end = min(bytes.count, offset + step)
            _ = try reader.append(bytes[offset..<end])
            offset = end
        }
        XCTAssertEqual(reader.table.columnNames, whole.columnNames, file: file, line: line)
        for column in whole.columns {
            XCTAssertEqual(reader.table[column.name]?.kind, column.kind, "\(source) step \(step): \(column.name)", file: file, line: line)
            XCTAssertEqual(reader.table[column.name]?.texts, column.texts, "\(source) step \(step): \(column.name)", file: file, line: line)
        }
        XCTAssertEqual(reader.table.warnings(limit: 100).first, whole.warnings(limit: 100).first,
                       "\(source) step \(step)", file: file, line: line)
        XCTAssertEqual(reader.table.warnings().total, whole.warnings().total, file: file, line: line)
    }

    func testTheIncrementalReaderTypesColumnsAsTheWholeFileReaderDoes() throws {
        var flipping = "a,b\n"
        // b: text first (a category while followed), then numbers take over; a: numbers, then mostly text.
        for row in 0..<6 { flipping += "\(row),t\(row)\n" }
        for row in 6..<20 { flipping += "w\(row),\(row)\n" }
        let jsonl = (0..<12).map { "{\"v\": \($0 == 4 ? "\"bad\"" : "\($0)")}\n" }.joined()
        for step in [1, 3, 7, 16, 1_000] {
            try assertIncrementalMatchesWhole(Self.log, source: "m.csv", step: step)
            try assertIncrementalMatchesWhole(flipping, source: "f.csv", step: step)
            try assertIncrementalMatchesWhole(jsonl, source: "v.jsonl", step: step)
        }
    }

    func testLaterGoodRowsKeepAddingToTheSeries() throws {
        // Followed row by row, as `watch` reads a log: the stray row used to turn the column into
        // text for good, and every later number was lost with it.
        var reader = IncrementalTableReader(source: "m.csv", format: .csv(CSVOptions()))
        _ = try reader.append(Array("step,lr\n1,0.001\n2,0.001\n".utf8))
        _ = try reader.append(Array("3,[0.0005]\n".utf8))
        XCTAssertEqual(reader.table["lr"]?.kind, .number)
        _ = try reader.append(Array("4,0.0005\n".utf8))
        _ = try reader.append(Array("5,0.0004\n".utf8))
        XCTAssertEqual(try reader.table.numbers(named: "lr").map { $0.isNaN ? -1 : $0 }, [0.001, 0.001, -1, 0.0005, 0.0004])
        XCTAssertEqual(reader.table.warnings().first, [DataWarning(file: "m.csv", line: 4, column: "lr", value: "[0.0005]")])
    }
}
