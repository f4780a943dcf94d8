import Table
import TestSupport
import XCTest

/// RFC 4180 and real-world quirks: each case is input text and the expected cells, row by row.
final class CSVEdgeCaseTests: XCTestCase {
    private struct Case {
        var name: String
        var text: String
        var names: [String]
        var rows: [[String?]]
    }

    private let cases: [Case] = [
        Case(name: "plain", text: "a,b\nx,1\n", names: ["a", "b"], rows: [["x", "1"]]),
        Case(name: "quoted delimiter", text: "a,b\n\"x,1\",2\n", names: ["a", "b"], rows: [["x,1", "2"]]),
        Case(name: "doubled quotes", text: "a,b\n\"say \"\"hi\"\"\",3\n", names: ["a", "b"], rows: [["say \"hi\"", "3"]]),
        Case(name: "newline in quotes", text: "a,b\n\"two\nlines\",1\nz,2\n", names: ["a", "b"], rows: [["two\nlines", "1"], ["z", "2"]]),
        Case(name: "CRLF", text: "a,b\r\nx,1\r\nz,\r\n", names: ["a", "b"], rows: [["x", "1"], ["z", nil]]),
        Case(name: "CRLF numbers", text: "a,b\r\n1,2\r\n3,4", names: ["a", "b"], rows: [["1", "2"], ["3", "4"]]),
        Case(name: "BOM", text: "\u{FEFF}a,b\n1,2\n", names: ["a", "b"], rows: [["1", "2"]]),
        Case(name: "header with spaces", text: "\"total bill\", tip \n1,2\n", names: ["total bill", "tip"], rows: [["1", "2"]]),
        Case(name: "no final newline", text: "a,b\n1,2", names: ["a", "b"], rows: [["1", "2"]]),
        Case(name: "empty fields are missing", text: "a,b,c\n1,,3\n,2,\n", names: ["a", "b", "c"], rows: [["1", nil, "3"], [nil, "2", nil]]),
        Case(name: "blank lines skipped", text: "a,b\n\n1,2\n\n3,4\n", names: ["a", "b"], rows: [["1", "2"], ["3", "4"]]),
        // A decimal comma in a file separated by semicolons (issue 12, item 15).
        Case(name: "semicolon", text: "a;b\n1,5;2\n3;4\n", names: ["a", "b"], rows: [["1.5", "2"], ["3", "4"]]),
        Case(name: "tab", text: "a\tb c\n1\t2\n", names: ["a", "b c"], rows: [["1", "2"]]),
        Case(name: "pipe", text: "a|b\n1|2\n", names: ["a", "b"], rows: [["1", "2"]]),
        Case(name: "comma inside quotes does not vote", text: "a;b\n\"x,y,z\";1\n\"p,q\";2\n", names: ["a", "b"], rows: [["x,y,z", "1"], ["p,q", "2"]]),
        Case(name: "no header", text: "1,2\n3,4\n", names: ["col1", "col2"], rows: [["1", "2"], ["3", "4"]]),
        Case(name: "all text: no header", text: "x,y\nz,w\n", names: ["col1", "col2"], rows: [["x", "y"], ["z", "w"]]),
        Case(name: "header only", text: "epoch,loss\n", names: ["epoch", "loss"], rows: []),
        Case(name: "pandas index column", text: ",a\n0,x\n1,y\n", names: ["col1", "a"], rows: [["0", "x"], ["1", "y"]]),
        Case(name: "duplicate and empty names", text: "a,a,\n1,2,3\n", names: ["a", "a.1", "col3"], rows: [["1", "2", "3"]]),
        Case(name: "quoted numbers are numbers", text: "a\n\"1.5\"\n\" 2\"\n", names: ["a"], rows: [["1.5"], ["2"]]),
        Case(name: "missing markers", text: "a\n1\nNA\nnull\n", names: ["a"], rows: [["1"], [nil], [nil]]),
        Case(name: "single column", text: "v\n1\n2\n", names: ["v"], rows: [["1"], ["2"]]),
        Case(name: "unicode text", text: "name,v\nZürich,1\n東京,2\n", names: ["name", "v"], rows: [["Zürich", "1"], ["東京", "2"]]),
    ]

    func testCases() throws {
        for test in cases {
            let table = try csv(test.text)
            XCTAssertEqual(table.columnNames, test.names, test.name)
            XCTAssertEqual(table.rowCount, test.rows.count, test.name)
            for (row, expected) in test.rows.enumerated() where row < table.rowCount {
                XCTAssertEqual(table.columns.map { $0.text(at: row) }, expected, "\(test.name) row \(row)")
            }
        }
    }

    func testTypesFromWholeColumns() throws {
        let table = try csv("n,t,d,c,m\n1,2012-01-01,2019-03-23T20:21:09Z,a,1\n2,2012-01-02,,b,x\n")
        XCTAssertEqual(table.columns.map(\.kind), [.number, .time(.date), .time(.dateTime), .category, .category])
        XCTAssertEqual(table["m"]?.texts, ["1", "x"])
    }

    func testOverrides() throws {
        let forced = try csv("1,2\n3,4\n", options: CSVOptions(header: .present))
        XCTAssertEqual(forced.columnNames, ["1", "2"])
        XCTAssertEqual(forced.rowCount, 1)
        let absent = try csv("a,b\n3,4\n", options: CSVOptions(header: .absent))
        XCTAssertEqual(absent.columnNames, ["col1", "col2"])
        XCTAssertEqual(absent.rowCount, 2)
        let named = try csv("3;4\n", options: CSVOptions(delimiter: UInt8(ascii: ";"), header: .names(["x", "y"])))
        XCTAssertEqual(named.columnNames, ["x", "y"])
        XCTAssertEqual(named["y"]?.doubles, [4])
        let commaAsText = try csv("a;b\n1;2\n", options: CSVOptions(delimiter: UInt8(ascii: ","), header: .present))
        XCTAssertEqual(commaAsText.columnNames, ["a;b"])
    }

    func testUnixTimestampsOnRequest() throws {
        let options = CSVOptions(timestampColumns: ["t": .seconds, "ms": .milliseconds])
        let table = try csv("t,ms,v\n1546300800,1546300800500,1\n", options: options)
        XCTAssertEqual(table["t"]?.kind, .time(.dateTime))
        XCTAssertEqual(table["t"]?.text(at: 0), "2019-01-01T00:00:00Z")
        XCTAssertEqual(table["ms"]?.text(at: 0), "2019-01-01T00:00:00.500Z")
        XCTAssertEqual(table["v"]?.kind, .number)
    }

    func testPhysicalLinesCountQuotedNewlines() throws {
        // 'oops' is outnumbered by numbers: a missing value, reported on its physical line.
        let table = try csv("a,b\n\"x\ny\",1\n\"z\",2\n\"w\",oops\n")
        XCTAssertEqual(table.warnings().first.map(\.description),
                       ["test.csv:5: warning: column 'b': 'oops' is not a number (drawn as a missing value)"])
        let text = try csv("a,b\n\"x\ny\",1\n\"z\",no\n\"w\",oops\n")
        XCTAssertEqual(errorText { try text.numbers(named: "b") }, "test.csv:4: column 'b': expected a number, found 'no'")
    }

    func testTSVFromPathExtension() throws {
        let path = NSTemporaryDirectory() + "spec-\(UUID().uuidString).tsv"
        try "a b\tc\n1\t2,5\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let table = try TableReader.read(path: path)
        XCTAssertEqual(table.columnNames, ["a b", "c"])
        XCTAssertEqual(table["c"]?.texts, ["2.5"], "a decimal comma, detected")
    }
}
