import Foundation
import Table
import TestSupport
import XCTest

/// A followed file rewritten in place is read again, not taken for an append (issue 12, item 5):
/// one that grew and kept its first 256 bytes used to give `ok` with stale rows.
final class RewriteDetectionTests: XCTestCase {
    private var path = ""

    override func setUp() {
        path = NSTemporaryDirectory() + "plotline-rewrite-\(UUID().uuidString).csv"
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: path)
    }

    private func rows(_ range: Range<Int>, value: (Int) -> Double) -> String {
        range.map { "\($0),\(value($0))\n" }.joined()
    }

    /// Rewrites the file's bytes in place (same inode: O_TRUNC, not a rename).
    private func overwrite(_ text: String) throws {
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        handle.truncateFile(atOffset: 0)
        handle.write(Data(text.utf8))
        handle.closeFile()
    }

    func testGrownRewriteKeepingTheFirstBytesIsReloaded() throws {
        let header = "step,loss\n"
        try Data((header + rows(0..<251) { Double($0) / 1000 }).utf8).write(to: URL(fileURLWithPath: path))
        var reader = IncrementalTableReader(path: path)
        XCTAssertEqual(try reader.refresh(path: path), .appended(rows: 251))
        // The same first rows (well past 256 bytes), then different values and more rows.
        try overwrite(header + rows(0..<40) { Double($0) / 1000 } + rows(40..<300) { Double($0) })
        XCTAssertEqual(try reader.refresh(path: path), .reloaded)
        XCTAssertEqual(reader.table.rowCount, 300)
        XCTAssertEqual(reader.table["loss"]?.doubles[299], 299)
        XCTAssertEqual(reader.table["loss"]?.doubles[100], 100, "no stale value")
    }

    func testSameSizeRewriteIsReloaded() throws {
        try Data("a,b\n1,2\n3,4\n".utf8).write(to: URL(fileURLWithPath: path))
        var reader = IncrementalTableReader(path: path)
        _ = try reader.refresh(path: path)
        try overwrite("a,b\n5,6\n7,8\n")
        XCTAssertEqual(try reader.refresh(path: path), .reloaded)
        XCTAssertEqual(reader.table["a"]?.doubles, [5, 7])
    }

    func testAppendsStayIncremental() throws {
        try Data("a,b\n1,2\n".utf8).write(to: URL(fileURLWithPath: path))
        var reader = IncrementalTableReader(path: path)
        _ = try reader.refresh(path: path)
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data("3,4\n".utf8))
        handle.closeFile()
        XCTAssertEqual(try reader.refresh(path: path), .appended(rows: 1))
        XCTAssertEqual(try reader.refresh(path: path), .unchanged)
    }

    func testLargeFileRewriteBeforeTheOffsetIsReloaded() throws {
        // Over the 1 MiB whole-hash limit: the samples and the window before the offset decide.
        let header = "step,loss\n"
        let body = rows(0..<80_000) { Double($0) }
        try Data((header + body).utf8).write(to: URL(fileURLWithPath: path))
        var reader = IncrementalTableReader(path: path)
        _ = try reader.refresh(path: path)
        XCTAssertEqual(reader.table.rowCount, 80_000)
        var changed = Array((header + body).utf8)
        changed[changed.count - 3] = UInt8(ascii: "7")  // the last row's value, just before the offset
        try overwrite(String(decoding: changed, as: UTF8.self) + "80000,1\n")
        XCTAssertEqual(try reader.refresh(path: path), .reloaded)
        XCTAssertEqual(reader.table.rowCount, 80_001)
    }

    func testBinaryDataIsAnErrorWithoutQuotingIt() throws {
        try Data("SECRET=hunter2\0PATH=/bin\0".utf8).write(to: URL(fileURLWithPath: path))
        var reader = IncrementalTableReader(path: path)
        let message = errorText { try reader.refresh(path: path) }
        XCTAssertTrue(message.contains("binary data (a NUL byte at offset 14)"), message)
        XCTAssertFalse(message.contains("hunter2"), message)
    }
}
