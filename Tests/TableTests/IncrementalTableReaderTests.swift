import Table
import TestSupport
import XCTest

/// Appends in pieces, half-written lines, and files that shrink or are replaced.
final class IncrementalTableReaderTests: XCTestCase {
    func testHalfLineThenItsRest() throws {
        var reader = IncrementalTableReader(source: "m.csv", format: .csv(CSVOptions()))
        XCTAssertEqual(try reader.append(Array("epoch,lo".utf8)), 0)
        XCTAssertEqual(reader.table.columns.count, 0)
        XCTAssertEqual(try reader.append(Array("ss\n".utf8)), 0)
        XCTAssertEqual(reader.table.columnNames, ["epoch", "loss"])
        XCTAssertEqual(try reader.append(Array("1,0.9\n2,0.".utf8)), 1)
        XCTAssertEqual(reader.consumed, 17)
        XCTAssertEqual(try reader.append(Array("8\n3,abc\n".utf8)), 2)
        XCTAssertEqual(reader.table.rowCount, 3)
        XCTAssertEqual(reader.table["loss"]?.texts, ["0.9", "0.8", nil], "a stray among numbers is a missing value")
        XCTAssertEqual(reader.table.warnings().first.map(\.description),
                       ["m.csv:4: warning: column 'loss': 'abc' is not a number (drawn as a missing value)"])
    }

    func testQuotedNewlineSplitAcrossAppends() throws {
        var reader = IncrementalTableReader(source: "q.csv", format: .csv(CSVOptions()))
        XCTAssertEqual(try reader.append(Array("note,v\n\"a\n".utf8)), 0)
        XCTAssertEqual(try reader.append(Array("b\",1\n".utf8)), 1)
        XCTAssertEqual(reader.table["note"]?.texts, ["a\nb"])
    }

    func testJSONLinesKeysAppearPartWay() throws {
        var reader = IncrementalTableReader(source: "m.jsonl", format: .jsonLines)
        XCTAssertEqual(try reader.append(Array("{\"step\": 1, \"loss\": 2.0}\n{\"step\": 2, \"lo".utf8)), 1)
        XCTAssertEqual(try reader.append(Array("ss\": 1.5, \"eval_loss\": 1.7}\n".utf8)), 1)
        XCTAssertEqual(reader.table.columnNames, ["step", "loss", "eval_loss"])
        XCTAssertEqual(reader.table["eval_loss"]?.texts, [nil, "1.7"])
        XCTAssertEqual(reader.table["loss"]?.doubles, [2.0, 1.5])
    }

    func testFileGrowsShrinksAndIsReplaced() throws {
        let folder = NSTemporaryDirectory() + "spec-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/metrics.csv"
        try "step,loss\n1,0.5\n".write(toFile: path, atomically: false, encoding: .utf8)
        var reader = IncrementalTableReader(path: path)
        XCTAssertEqual(try reader.refresh(path: path), .appended(rows: 1))
        XCTAssertEqual(try reader.refresh(path: path), .unchanged)

        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("2,0.4\n3,0".utf8))
        XCTAssertEqual(try reader.refresh(path: path), .appended(rows: 1))
        try handle.write(contentsOf: Data(".3\n".utf8))
        try handle.close()
        XCTAssertEqual(try reader.refresh(path: path), .appended(rows: 1))
        XCTAssertEqual(reader.table["loss"]?.doubles, [0.5, 0.4, 0.3])

        // Truncated and rewritten in place: shorter than what was read.
        try "step,loss\n9,0.1\n".write(toFile: path, atomically: false, encoding: .utf8)
        XCTAssertEqual(try reader.refresh(path: path), .reloaded)
        XCTAssertEqual(reader.table["step"]?.doubles, [9])

        // Replaced by rename (a new inode), even if longer.
        try "step,acc\n1,0.1\n2,0.2\n3,0.3\n".write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertEqual(try reader.refresh(path: path), .reloaded)
        XCTAssertEqual(reader.table.columnNames, ["step", "acc"])
        XCTAssertEqual(reader.table.rowCount, 3)

        try FileManager.default.removeItem(atPath: path)
        XCTAssertThrowsError(try reader.refresh(path: path))
    }

    func testChunkAPIMatchesAWholeRead() throws {
        let text = Array("a,b\n1,x\n2,y\n3,z".utf8)
        let dialect = try XCTUnwrap(try CSVReader.detectDialect(bytes: text, source: "t.csv", complete: false))
        let first = try CSVReader.parse(bytes: text, from: dialect.dataOffset, line: dialect.dataLine, dialect: dialect, source: "t.csv", complete: false)
        XCTAssertEqual(first.table.rowCount, 2)
        XCTAssertEqual(first.nextLine, 4)
        let rest = try CSVReader.parse(bytes: text, from: first.consumed, line: first.nextLine, dialect: dialect, source: "t.csv", complete: true)
        var joined = first.table
        joined.append(rest.table)
        XCTAssertEqual(joined, try csv(String(decoding: text, as: UTF8.self), source: "t.csv"))
    }
}
