@testable import FigureSpec
import Foundation
@testable import Table
import TestSupport
import XCTest

/// Real exports that used to come out wrong (issue 12, item 15): decimal commas, Windows-1252,
/// comment lines, thousands separators, more missing-value spellings, one invalid date.
final class RealExportTests: XCTestCase {
    func testSemicolonFileWithDecimalCommasIsDetected() throws {
        let table = try csv("datum;wert;anzahl\n2024-01-01;1,5;3\n2024-01-02;-2,25;4\n")
        XCTAssertEqual(table["wert"]?.doubles, [1.5, -2.25])
        XCTAssertEqual(table["anzahl"]?.doubles, [3, 4])
        XCTAssertEqual(table["datum"]?.kind, .time(.date))
        // A comma-separated file keeps its point, and a point anywhere keeps detection off.
        XCTAssertEqual(try csv("a;b\n1,5;2.5\n")["a"]?.kind, .category)
    }

    func testDecimalAndThousandsOptions() throws {
        var options = CSVOptions(decimal: UInt8(ascii: ","), thousands: UInt8(ascii: "."))
        let table = try csv("v;w\n1.234,5;2\n-1.000.000,25;3\n", options: options)
        XCTAssertEqual(table["v"]?.doubles, [1234.5, -1_000_000.25])
        options = CSVOptions(thousands: UInt8(ascii: ","))
        XCTAssertEqual(try csv("v\n\"1,234\"\n\"12,345.5\"\n", options: options)["v"]?.doubles, [1234, 12345.5])
        XCTAssertEqual(try csv("v,w\n\",5\",1\n", options: options)["v"]?.kind, .category, "a separator not between digits")
    }

    func testCommentLines() throws {
        let table = try csv("# exported 2024-01-01\n# units: s\nstep,loss\n1,0.5\n# paused\n2,0.4\n")
        XCTAssertEqual(table.columnNames, ["step", "loss"])
        XCTAssertEqual(table["loss"]?.doubles, [0.5, 0.4])
        let option = try csv("step,loss\n1,0.5\n% note\n2,0.4\n", options: CSVOptions(comment: UInt8(ascii: "%")))
        XCTAssertEqual(option["step"]?.doubles, [1, 2])
        XCTAssertEqual(try csv("tag,v\n#1,2\n")["tag"]?.texts, ["#1"], "no comments unless the file starts with one")
        var reader = IncrementalTableReader(source: "c.csv", format: .csv(CSVOptions()))
        XCTAssertEqual(try reader.append(Array("# header\nstep,loss\n1,0.5\n#x\n2,0.4\n".utf8)), 2)
    }

    func testMoreMissingValueSpellings() throws {
        let table = try csv("a,b\n1,-\n2,none\n3,--\n4,<NA>\n5,7\n")
        XCTAssertEqual(table["b"]?.kind, .number)
        XCTAssertEqual(table["b"]?.texts, [nil, nil, nil, nil, "7"])
        let extra = try csv("a\nmissing\n1\n", options: CSVOptions(missingValues: ["missing"]))
        XCTAssertEqual(extra["a"]?.texts, [nil, "1"])
    }

    func testOneInvalidTimeDoesNotMakeTheColumnText() throws {
        var text = "when,v\n"
        for day in 1...20 { text += "2024-01-\(String(format: "%02d", day)) 10:00,\(day)\n" }
        text += "2024-01-21 25:00,21\n"
        let table = try csv(text)
        let when = try XCTUnwrap(table["when"])
        XCTAssertEqual(when.kind, .time(.dateTime))
        XCTAssertTrue(when.doubles.last?.isNaN == true)
        XCTAssertEqual(table.readNotes, ["test.csv:22: column 'when': '2024-01-21 25:00' is not a valid date or time; 1 value of 21 read as missing"])
        // Many invalid values: text after all.
        XCTAssertEqual(try csv("when\n2024-01-01\nfoo\nbar\n2024-01-02\n")["when"]?.kind, .category)
    }

    func testWindows1252IsDecodedWithAWarning() throws {
        let bytes: [UInt8] = Array("stadt,preis\n".utf8) + [0x4B, 0xF6, 0x6C, 0x6E] + Array(",5\n".utf8) + [0x80] + Array(",6\n".utf8)
        let table = try CSVReader.parse(bytes: bytes, source: "w.csv")
        XCTAssertEqual(table["stadt"]?.texts, ["Köln", "€"])
        XCTAssertEqual(table.readNotes, ["w.csv: not valid UTF-8 (line 2); read as Windows-1252 (give an encoding to choose another)"])
        let latin1 = try CSVReader.parse(bytes: bytes, source: "w.csv", options: CSVOptions(encoding: .latin1))
        XCTAssertEqual(latin1["stadt"]?.texts, ["Köln", "\u{80}"])
        XCTAssertEqual(latin1.readNotes, [])
        XCTAssertEqual(TextEncoding(name: "CP1252"), .windows1252)
        XCTAssertEqual(TextEncoding(name: "ISO-8859-1"), .latin1)
    }

    func testFollowingAWindows1252File() throws {
        let path = NSTemporaryDirectory() + "plotline-1252-\(UUID().uuidString).csv"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(Array("stadt,preis\nK".utf8) + [0xF6] + Array("ln,5\n".utf8)).write(to: URL(fileURLWithPath: path))
        var reader = IncrementalTableReader(path: path)
        XCTAssertEqual(try reader.refresh(path: path), .reloaded)
        XCTAssertEqual(reader.table["stadt"]?.texts, ["Köln"])
        XCTAssertEqual(reader.table.readNotes, ["\(path): not valid UTF-8 (line 2); read as Windows-1252"])
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data([0x80] + Array(",6\n".utf8)))
        handle.closeFile()
        XCTAssertEqual(try reader.refresh(path: path), .appended(rows: 1))
        XCTAssertEqual(reader.table["stadt"]?.texts, ["Köln", "€"])
        var latin1 = IncrementalTableReader(path: path, options: CSVOptions(encoding: .latin1))
        _ = try latin1.refresh(path: path)
        XCTAssertEqual(latin1.table["stadt"]?.texts, ["Köln", "\u{80}"])
    }

    func testSpecKeysForTheReadOptions() throws {
        let spec = try FigureSpec.parse(text: """
            {"version": 1, "data": {"d": {"path": "d.csv", "decimal": ",", "thousands": ".", "comment": "%",
                                          "na_values": ["k.A."], "encoding": "cp1252"}},
             "panels": [{"series": [{"y": "v"}]}]}
            """, source: "o.plot.json")
        let options = spec.data[0].options
        XCTAssertEqual(options.decimal, UInt8(ascii: ","))
        XCTAssertEqual(options.thousands, UInt8(ascii: "."))
        XCTAssertEqual(options.comment, UInt8(ascii: "%"))
        XCTAssertEqual(options.missingValues, ["k.A."])
        XCTAssertEqual(options.encoding, .windows1252)
        XCTAssertEqual(errorText { try FigureSpec.parse(text: """
            {"version": 1, "data": {"d": {"path": "d.csv", "encoding": "ebcdic"}}, "panels": [{"series": [{"y": "v"}]}]}
            """, source: "o.plot.json") }, "o.plot.json: data.d.encoding: expected one of utf-8, latin-1, windows-1252, found \"ebcdic\"")
    }

    func testDeliberateNumberForms() throws {
        // Documented in docs/figure-spec.md, "Numbers and missing values".
        let json = try JSONTableReader.parse(bytes: Array("{\"a\": 01, \"b\": +1, \"c\": inf, \"d\": NaN}\n".utf8), source: "n.jsonl")
        XCTAssertEqual(json["a"]?.doubles, [1])
        XCTAssertEqual(json["b"]?.doubles, [1])
        XCTAssertEqual(json["c"]?.doubles, [.infinity])
        XCTAssertEqual(try csv("a,b\n.inf,inf\n")["a"]?.kind, .category, ".inf is YAML's, not a number here")
        XCTAssertEqual(try csv("a,b\n.inf,inf\n")["b"]?.doubles, [.infinity])
    }
}
