import Foundation
import Table
import TestSupport
import XCTest

/// `watch` follows files with lone-CR and CRLF line ends like `render` reads them (issue 12,
/// item 14): the incremental reader used to split on LF only and report 0 rows.
final class LineEndFollowTests: XCTestCase {
    func testLoneCRRows() throws {
        var reader = IncrementalTableReader(source: "m.csv", format: .csv(CSVOptions()))
        XCTAssertEqual(try reader.append(Array("step,loss\r1,0.5\r2,0.4\r".utf8)), 2)
        XCTAssertEqual(reader.table["loss"]?.doubles, [0.5, 0.4])
        XCTAssertEqual(try reader.append(Array("3,0.3\r".utf8)), 1)
        XCTAssertEqual(reader.table.rowCount, try csv("step,loss\r1,0.5\r2,0.4\r3,0.3\r").rowCount)
    }

    func testCRLFSplitBetweenAppendsKeepsLineNumbers() throws {
        var reader = IncrementalTableReader(source: "m.csv", format: .csv(CSVOptions()))
        XCTAssertEqual(try reader.append(Array("step,loss\r".utf8)), 0)
        XCTAssertEqual(try reader.append(Array("\n1,0.5\r".utf8)), 1)
        XCTAssertEqual(try reader.append(Array("\n2,abc\r\n".utf8)), 1)
        XCTAssertEqual(reader.table.rowCount, 2)
        XCTAssertEqual(errorText { try reader.table.numbers(named: "loss") }, "m.csv:3: column 'loss': expected a number, found 'abc'")
    }

    func testJSONLinesWithLoneCR() throws {
        var reader = IncrementalTableReader(source: "m.jsonl", format: .jsonLines)
        XCTAssertEqual(try reader.append(Array("{\"step\": 1}\r{\"step\": 2}\r".utf8)), 2)
        XCTAssertEqual(try reader.append(Array("\n{\"step\": 3}\r\n".utf8)), 1)
        XCTAssertEqual(reader.table["step"]?.doubles, [1, 2, 3])
        XCTAssertEqual(try JSONTableReader.parse(bytes: Array("{\"a\": 1}\r{\"a\": 2}\r".utf8), source: "w.jsonl").rowCount, 2)
    }

    func testRefreshOfALoneCRFile() throws {
        let path = NSTemporaryDirectory() + "plotline-cr-\(UUID().uuidString).csv"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("step,loss\r1,0.5\r2,0.4\r".utf8).write(to: URL(fileURLWithPath: path))
        var reader = IncrementalTableReader(path: path)
        _ = try reader.refresh(path: path)
        XCTAssertEqual(reader.table.rowCount, 2)
    }
}
