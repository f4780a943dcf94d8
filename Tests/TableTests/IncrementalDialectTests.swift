import Table
import TestSupport
import XCTest

/// The incremental reader types appended rows with the same dialect options as the whole-file
/// reader (issue 12): a decimal comma, thousands separators and extra missing spellings used
/// to be forgotten when a chunk's category column was typed again as numbers.
final class IncrementalDialectTests: XCTestCase {
    private let options = CSVOptions(delimiter: UInt8(ascii: ";"), decimal: UInt8(ascii: ","), thousands: UInt8(ascii: "."),
                                     missingValues: ["x"])

    /// Appends `chunks` one by one, then compares with the whole-file reader on their concatenation.
    private func follow(_ chunks: [String]) throws -> (followed: DataTable, whole: DataTable) {
        var reader = IncrementalTableReader(source: "d.csv", format: .csv(options))
        for chunk in chunks { _ = try reader.append(Array(chunk.utf8)) }
        let whole = try CSVReader.parse(bytes: Array(chunks.joined().utf8), source: "d.csv", options: options)
        return (reader.table, whole)
    }

    func testAppendedDecimalCommasAreNumbers() throws {
        let (followed, whole) = try follow(["step;loss\n1;1,5\n", "2;2,25\n", "3;1.000,5\n"])
        XCTAssertEqual(followed["loss"]?.doubles, [1.5, 2.25, 1000.5])
        XCTAssertEqual(followed["loss"]?.doubles, whole["loss"]?.doubles)
    }

    func testACategoryChunkTypedAgainWithTheDialect() throws {
        // The first chunk is mostly text (a category holding "1,5" and "x"); the numbers that
        // follow make the column numeric, and "1,5" must then read as 1.5 and "x" as missing,
        // as the whole-file reader reads them, not as two stray texts.
        let (followed, whole) = try follow(["step;v\n1;1,5\n2;x\n3;foo\n4;bar\n", "5;2,5\n6;3,5\n7;4,5\n8;5,5\n9;6,5\n"])
        let values = try XCTUnwrap(followed["v"]?.doubles)
        XCTAssertEqual(values[0], 1.5)
        XCTAssertTrue(values[1].isNaN)
        XCTAssertEqual(Array(values[4...]), [2.5, 3.5, 4.5, 5.5, 6.5])
        XCTAssertEqual(followed["v"]?.texts, whole["v"]?.texts)
        XCTAssertEqual(followed.warnings().total, whole.warnings().total, "only foo and bar are strays")
        XCTAssertEqual(followed.warnings().total, 2)
    }

    func testAFollowedFileReadsAsRenderReadsIt() throws {
        let folder = NSTemporaryDirectory() + "plotline-dialect-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/m.csv"
        try "step;loss\n1;0,5\n".write(toFile: path, atomically: false, encoding: .utf8)
        var reader = IncrementalTableReader(path: path, options: CSVOptions(decimal: UInt8(ascii: ",")))
        _ = try reader.refresh(path: path)
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data("2;0,25\n3;x\n".utf8))
        handle.closeFile()
        XCTAssertEqual(try reader.refresh(path: path), .appended(rows: 2))
        XCTAssertEqual(reader.table["loss"]?.texts, ["0.5", "0.25", nil])
        XCTAssertEqual(reader.table.warnings().total, 1, "x is not a missing spelling here")
    }
}
