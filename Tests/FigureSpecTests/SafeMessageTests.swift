import FigureSpec
import Foundation
import Table
import TestSupport
import XCTest

/// Error messages quote no raw binary bytes, no more than a short piece of input, and no
/// Foundation error dumps (issue 12: low list, and item 2's leaks).
final class SafeMessageTests: XCTestCase {
    func testBinaryFileIsRefusedWithoutQuotingIt() {
        let environ = Array("CI_TOKEN=abc123\0HOME=/root\0".utf8)
        let message = errorText { try TableReader.parse(bytes: environ, source: "environ") }
        XCTAssertTrue(message.hasPrefix("environ: not a format plotline reads: binary data (a NUL byte at byte 15)"), message)
        XCTAssertFalse(message.contains("CI_TOKEN") || message.contains("abc123"), message)
        XCTAssertTrue(errorText { try JSONTableReader.parse(bytes: environ, source: "e.json") }.contains("binary data"))
    }

    func testStrayValuesAreEscapedAndShort() throws {
        let bytes = Array("v\n1\n\u{1B}[31mred\u{07}\u{202E}".utf8) + Array(String(repeating: "x", count: 100).utf8) + [0x0A]
        let table = try CSVReader.parse(bytes: bytes, source: "b.csv")
        let message = errorText { try table.numbers(named: "v") }
        XCTAssertTrue(message.hasPrefix("b.csv:3: column 'v': expected a number, found '\\x1B[31mred\\x07\\xE2\\x80\\xAExxx"), message)
        XCTAssertTrue(message.hasSuffix("…'"), message)
        XCTAssertFalse(message.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{FFFD}" }, message)
    }

    func testJSONStringsInMessagesAreEscaped() throws {
        let table = try JSONTableReader.parse(bytes: Array("{\"v\": 1}\n{\"v\": \"a\\u0007b\"}\n".utf8), source: "j.jsonl")
        XCTAssertEqual(errorText { try table.numbers(named: "v") }, "j.jsonl:2: column 'v': expected a number, found \"a\\x07b\"")
    }

    func testColumnListIsShort() throws {
        let header = (0..<50).map { "c\($0)" }.joined(separator: ",")
        let table = try csv(header + "\n" + (0..<50).map(String.init).joined(separator: ",") + "\n")
        let message = errorText { try table.numbers(named: "zz") }
        XCTAssertTrue(message.hasSuffix("'c18', 'c19', and 30 more)"), message)
    }

    func testUnreadableFilesSayWhyInOneLine() throws {
        let folder = NSTemporaryDirectory()
        XCTAssertEqual(errorText { try TableReader.read(path: "/nonexistent/x.csv") },
                       "/nonexistent/x.csv: cannot read the file (No such file or directory)")
        XCTAssertEqual(errorText { try TableReader.read(path: folder) }, "\(folder): cannot read the file (it is a folder)")
        let spec = errorText { try FigureSpec.load(path: "/nonexistent/f.plot.json") }
        XCTAssertFalse(spec.contains("Error Domain") || spec.contains("UserInfo"), spec)
        XCTAssertTrue(spec.hasPrefix("/nonexistent/f.plot.json: cannot read the file ("), spec)
    }

    func testErrorTextOfFoundationErrors() {
        // What FoundationEssentials throws (the product links no other Foundation): a CocoaError
        // with the POSIX cause, or the POSIX error itself.
        let error = CocoaError(.fileReadNoSuchFile, userInfo: [NSUnderlyingErrorKey: POSIXError(.ENOENT)])
        XCTAssertEqual(ErrorText.describe(error), "No such file or directory")
        XCTAssertEqual(ErrorText.describe(POSIXError(.EACCES)), "Permission denied")
        XCTAssertThrowsError(try Data(contentsOf: URL(fileURLWithPath: "/nonexistent/x.csv"))) {
            XCTAssertEqual(ErrorText.describe($0), "No such file or directory")
        }
        XCTAssertEqual(ErrorText.describe(DataError(.emptyInput, at: DataLocation(source: "e.csv"))), "e.csv: the input is empty")
    }

    func testCocoaErrorsWithoutAPOSIXCauseAreWordsNotADump() throws {
        // Data(contentsOf:) on a folder fails with CocoaError 256 and no underlying POSIX error:
        // it used to read "The operation could not be completed. (NSCocoaErrorDomain error 256.)".
        let folder = NSTemporaryDirectory() + "plotline-safe-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let unknown = CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: folder])
        XCTAssertEqual(ErrorText.describe(unknown), "Is a directory")
        XCTAssertEqual(ErrorText.describe(CocoaError(.fileReadUnknown)), "an unknown read error")
        XCTAssertEqual(ErrorText.describe(CocoaError(.fileReadCorruptFile)), "the file is corrupt or in an unknown format")
        XCTAssertFalse(ErrorText.describe(CocoaError(.fileLocking)).contains("userInfo"))
        XCTAssertEqual(errorText { try FigureSpec.load(path: folder) }, folder + ": cannot read the file (a folder, not a figure spec file)")
    }

    func testWarningsAndColumnNamesEscapeControlCharacters() throws {
        // A cell or a spec's column name with a terminal escape used to reach the terminal raw.
        let table = try CSVReader.parse(bytes: Array("x,y\n1,2\n2,3\n3,\u{1B}[31mred\u{07}\n4,5\n".utf8), source: "e.csv")
        let warning = try XCTUnwrap(table.warnings().first.first).description
        XCTAssertEqual(warning, "e.csv:4: warning: column 'y': '\\x1B[31mred\\x07' is not a number (drawn as a missing value)")
        let spec = try FigureSpec.parse(text: """
            {"version": 1, "data": {"d": "e.csv"}, "panels": [{"series": [{"y": "\\u001b[2Jz"}]}]}
            """, source: "e.plot.json")
        let message = errorText { try spec.figure(tables: ["d": table]) }
        XCTAssertEqual(message, "e.plot.json: panels[0].series[0].y: no column \"\\x1B[2Jz\" in e.csv (columns: x, y)")
        XCTAssertFalse(message.unicodeScalars.contains { $0.value < 0x20 }, message)
    }
}
