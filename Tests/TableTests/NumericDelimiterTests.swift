import Table
import TestSupport
import XCTest

/// Delimiters that can be part of a number (issue 12, item 13): the numeric fast path used to
/// read across them (`1e-2-3` with `-` gave 0.01 and 3); fields are now split first.
final class NumericDelimiterTests: XCTestCase {
    func testPointAsDelimiter() throws {
        let table = try csv("a.b.c\n1.5.2\n3.0.4\n", options: CSVOptions(delimiter: UInt8(ascii: ".")))
        XCTAssertEqual(table.columnNames, ["a", "b", "c"])
        XCTAssertEqual(table["a"]?.doubles, [1, 3])
        XCTAssertEqual(table["b"]?.doubles, [5, 0])
        XCTAssertEqual(table["c"]?.doubles, [2, 4])
    }

    func testMinusAsDelimiter() throws {
        let table = try csv("a-b-c\n1e-2-3\n4-5-6\n", options: CSVOptions(delimiter: UInt8(ascii: "-")))
        XCTAssertEqual(table["a"]?.texts, ["1e", "4"], "1e is text, not 0.01")
        XCTAssertEqual(table["b"]?.doubles, [2, 5])
        XCTAssertEqual(table["c"]?.doubles, [3, 6])
    }

    func testLetterEAsDelimiter() throws {
        let table = try csv("xey\n1e5\n2e7\n", options: CSVOptions(delimiter: UInt8(ascii: "e")))
        XCTAssertEqual(table["x"]?.doubles, [1, 2])
        XCTAssertEqual(table["y"]?.doubles, [5, 7])
    }

    func testIncrementalReaderSplitsTheSameWay() throws {
        var reader = IncrementalTableReader(source: "m.csv", format: .csv(CSVOptions(delimiter: UInt8(ascii: "."))))
        XCTAssertEqual(try reader.append(Array("a.b\n1.5\n2.25\n".utf8)), 2)
        XCTAssertEqual(reader.table["a"]?.doubles, [1, 2])
        XCTAssertEqual(reader.table["b"]?.doubles, [5, 25])
    }
}
