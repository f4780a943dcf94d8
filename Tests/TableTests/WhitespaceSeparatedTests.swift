import Foundation
import Table
import TestSupport
import XCTest

/// Whitespace-separated numbers (`np.savetxt`, gnuplot data files) read as columns, named by a
/// `# x y z` comment line right above them, in `render` and in `watch`.
final class WhitespaceSeparatedTests: XCTestCase {
    func testSavetxtOutputWithItsHeaderComment() throws {
        let text = "# x y z\n0.000000000000000000e+00 1.5e+00 -2.0e+00\n1.000000000000000000e-01 2.5e+00 -3.0e+00\n"
        let t = try csv(text)
        XCTAssertEqual(t.columnNames, ["x", "y", "z"])
        XCTAssertEqual(t["y"]?.doubles, [1.5, 2.5])
        XCTAssertEqual(t["z"]?.doubles, [-2, -3])
    }

    func testAlignedColumnsWithLeadingTrailingBlanksTabsAndBlankLines() throws {
        let t = try csv("  1   2.5\t 3\n  2\t3.5  4   \n   \n  3   1.5  5\n")
        XCTAssertEqual(t.columnNames, ["col1", "col2", "col3"])
        XCTAssertEqual(t.rowCount, 3)
        XCTAssertEqual(t["col2"]?.doubles, [2.5, 3.5, 1.5])
        XCTAssertEqual(t["col3"]?.doubles, [3, 4, 5])
    }

    func testTrailingBlanksWithoutALineBreakAreNotARow() throws {
        XCTAssertEqual(try csv("# a b\n1 2\n3 4\n   ").rowCount, 2)
        var reader = IncrementalTableReader(source: "m.dat", format: .csv(CSVOptions()))
        XCTAssertEqual(try reader.append(Array("# t v\n1 0.5\n  ".utf8)), 1, "blanks still being written wait")
        XCTAssertEqual(try reader.append(Array("2 0.25\n".utf8)), 1)
        XCTAssertEqual(reader.table["v"]?.doubles, [0.5, 0.25])
    }

    func testAHeaderRowOfWordsAndAnExplicitOption() throws {
        let t = try csv("step loss acc\n1 0.9 0.1\n2 0.7 0.3\n")
        XCTAssertEqual(t.columnNames, ["step", "loss", "acc"])
        XCTAssertEqual(t["acc"]?.doubles, [0.1, 0.3])
        var options = CSVOptions()
        options.delimiter = CSVReadSetting.character("whitespace")
        XCTAssertEqual(try csv("a b\n1  2\n", options: options)["b"]?.doubles, [2])
        XCTAssertEqual(CSVReadSetting.text(of: UInt8(ascii: " ")), "whitespace")
    }

    func testOneWordPerLineAndRaggedLinesAreNotWhitespaceTables() throws {
        XCTAssertEqual(try csv("v\n1\n2\n").columnNames, ["v"])
        // Words that differ in number per line: not a table of blank-separated fields.
        XCTAssertEqual(try csv("a b\n1 2 3\n").columnNames.count, 1)
    }

    func testWatchFollowsAWhitespaceFile() throws {
        var reader = IncrementalTableReader(source: "m.dat", format: .csv(CSVOptions()))
        XCTAssertEqual(try reader.append(Array("# t v\n1  0.5\n".utf8)), 1)
        XCTAssertEqual(try reader.append(Array("  2  0.25  \n3 0.125\n".utf8)), 2)
        XCTAssertEqual(reader.table.columnNames, ["t", "v"])
        XCTAssertEqual(reader.table["v"]?.doubles, [0.5, 0.25, 0.125])
    }
}
