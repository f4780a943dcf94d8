import Foundation
import Table
import TestSupport
import XCTest

/// Spreadsheet exports whose text leaves a choice are read as a person reads them, with a read
/// note, and the choice made on the first read holds for `watch`'s appended rows.
final class ColumnConventionTests: XCTestCase {
    func day(_ y: Int, _ m: Int, _ d: Int) -> Double {
        TimeParser.parse(String(format: "%04d-%02d-%02d", y, m, d))!.seconds
    }

    func testDayFirstDatesDecidedByADayAbove12() throws {
        let t = try csv("date,temp\n01/03/2024,10\n13/03/2024,11\n")
        XCTAssertEqual(t["date"]?.doubles, [day(2024, 3, 1), day(2024, 3, 13)])
        XCTAssertEqual(t.readNotes, ["test.csv: column 'date': dates such as '01/03/2024' read as day/month/year (a value above 12 decides)"])
        XCTAssertEqual(t.readConventions["date"], .dateOrder(.dayFirst))
    }

    func testMonthFirstDatesAndTheSeparatorsConvention() throws {
        let us = try csv("date,v\n03/01/2024,1\n03/25/2024,2\n")
        XCTAssertEqual(us["date"]?.doubles, [day(2024, 3, 1), day(2024, 3, 25)])
        let ambiguousSlash = try csv("date,v\n03/01/2024,1\n04/01/2024,2\n")
        XCTAssertEqual(ambiguousSlash["date"]?.doubles, [day(2024, 3, 1), day(2024, 4, 1)], "slashes: month first, as pandas")
        XCTAssertTrue(ambiguousSlash.readNotes.first?.contains("no value decides") == true)
        let dots = try csv("Datum;v\n03.01.2024;1\n04.01.2024;2\n")
        XCTAssertEqual(dots["Datum"]?.doubles, [day(2024, 1, 3), day(2024, 1, 4)], "dots: day first")
        let clock = try csv("t,v\n13/03/2024 10:30,1\n14/03/2024 11:00,2\n")
        XCTAssertEqual(clock["t"]?.doubles.first, day(2024, 3, 13) + 10.5 * 3600)
    }

    func testContradictoryOrMixedColumnsStayText() throws {
        let both = try csv("d,v\n13/01/2024,1\n01/13/2024,2\n")
        XCTAssertNil(both.readConventions["d"], "a day above 12 in both places is no date order")
        if case .category = both["d"]?.storage {} else { XCTFail("kept as text") }
        let mixed = try csv("d,v\n13/01/2024,1\n2024/01/14,2\n")
        XCTAssertNil(mixed.readConventions["d"])
    }

    func testQuotedGroupedNumbersReadWithTheirThousandsSeparator() throws {
        let t = try csv("month,revenue\nJan,\"1,234,567\"\nFeb,\"2,345.5\"\nMar,n/a\nApr,999\n")
        XCTAssertEqual(t["revenue"]?.doubles.map { $0.isNaN ? -1 : $0 }, [1_234_567, 2_345.5, -1, 999])
        XCTAssertEqual(t.readNotes, ["test.csv: column 'revenue': numbers read with ',' as the thousands separator (detected; --thousands sets it)"])
        let euro = try csv("m;v\na;1.234,5\nb;12,25\n")
        XCTAssertEqual(euro["v"]?.doubles, [1234.5, 12.25], "a point groups thousands beside a decimal comma")
    }

    func testNotGroupedNumbersStayText() throws {
        for bad in ["\"1,23\"", "\"1,2345\"", "\"12,345,67\"", "\",123\""] {
            let t = try csv("m,v\na,\(bad)\nb,\"1,000\"\n")
            XCTAssertNil(t.readConventions["v"], bad)
        }
    }

    func testExcelsSepLineNamesTheDelimiter() throws {
        let t = try csv("sep=;\r\nZeit;Wert A;Wert B\r\n1;1,5;2\r\n2;2,5;3\r\n")
        XCTAssertEqual(t.columnNames, ["Zeit", "Wert A", "Wert B"])
        XCTAssertEqual(t["Wert A"]?.doubles, [1.5, 2.5])
        let bom = try csv("\u{FEFF}sep=,\na,b\n1,2\n")
        XCTAssertEqual(bom.columnNames, ["a", "b"])
        XCTAssertEqual(errorText { try csv("sep=;\na;b\n1;2;3\n") }, "test.csv:3: 3 fields, the header has 2",
                       "line numbers count the sep= line")
        for odd in ["sep=\"", "sep=1", "sep=x", "sep=."] {
            // Read as an ordinary first row (one field), so the next rows have one too many.
            XCTAssertEqual(errorText { try csv(odd + "\na,b\n1,2\n") }, "test.csv:2: 2 fields, the header has 1", odd)
        }
    }

    func testWatchKeepsTheFirstReadsChoiceForAppendedRows() throws {
        var reader = IncrementalTableReader(source: "m.csv", format: .csv(CSVOptions()))
        XCTAssertEqual(try reader.append(Array("date,v\n13/03/2024,1\n".utf8)), 1)
        // Alone, 05/04/2024 would read month first; the file's first rows said day first.
        XCTAssertEqual(try reader.append(Array("05/04/2024,2\n".utf8)), 1)
        XCTAssertEqual(reader.table["date"]?.doubles, [day(2024, 3, 13), day(2024, 4, 5)])
        var money = IncrementalTableReader(source: "m.csv", format: .csv(CSVOptions()))
        _ = try money.append(Array("m,v\na,\"1,234\"\n".utf8))
        _ = try money.append(Array("b,\"5,000\"\n".utf8))
        XCTAssertEqual(money.table["v"]?.doubles, [1234, 5000])
    }
}

/// Times written with a UTC offset are shown at it (the first value's), as matplotlib shows
/// them in the first value's time zone.
final class UTCOffsetDisplayTests: XCTestCase {
    func testTimesAreShownAtTheirFirstWrittenOffset() throws {
        let noon = TimeParser.parse("2024-05-01T12:00:00Z")!.seconds
        let t = try csv("t,v\n2024-05-01T12:00:00+02:00,1\n2024-05-01T13:00:00+02:00,2\n")
        XCTAssertEqual(t["t"]?.doubles, [noon, noon + 3600], "12:00+02:00 reads 12:00 on the axis")
        XCTAssertEqual(t.readConventions["t"], .utcOffset(7200))
        // A change of offset within the column (summer time ends) keeps the instants' order.
        let dst = try csv("t,v\n2024-10-27T02:30:00+02:00,1\n2024-10-27T02:30:00+01:00,2\n")
        XCTAssertEqual(dst["t"]?.doubles.map { $0 - dst["t"]!.doubles[0] }, [0, 3600])
        let utc = try csv("t,v\n2024-05-01T12:00:00Z,1\n2024-05-01 12:00:00,2\n")
        XCTAssertEqual(utc["t"]?.doubles, [noon, noon])
        let json = try JSONTableReader.parse(bytes: Array(#"[{"t": "2024-05-01T12:00:00-05:00", "v": 1}]"#.utf8), source: "r.json")
        XCTAssertEqual(json["t"]?.doubles, [noon])
    }

    func testWatchKeepsTheFirstReadsOffset() throws {
        var reader = IncrementalTableReader(source: "m.csv", format: .csv(CSVOptions()))
        _ = try reader.append(Array("t,v\n2024-05-01T12:00:00+02:00,1\n".utf8))
        _ = try reader.append(Array("2024-05-01T12:00:00+00:00,2\n".utf8))
        let noon = TimeParser.parse("2024-05-01T12:00:00Z")!.seconds
        XCTAssertEqual(reader.table["t"]?.doubles, [noon, noon + 7200], "an appended UTC time shown at the file's +02:00")
    }

    func testWatchKeepsAJSONLinesLogsFirstOffset() throws {
        var reader = IncrementalTableReader(source: "m.jsonl", format: .jsonLines)
        _ = try reader.append(Array(#"{"t": "2024-05-01T12:00:00+02:00", "v": 1}"#.utf8 + [10]))
        _ = try reader.append(Array(#"{"t": "2024-05-01T12:00:00+05:00", "v": 2}"#.utf8 + [10]))
        let noon = TimeParser.parse("2024-05-01T12:00:00Z")!.seconds
        XCTAssertEqual(reader.table["t"]?.doubles, [noon, noon - 3 * 3600],
                       "12:00+05:00 appended is 09:00 at the log's first offset, +02:00")
        XCTAssertEqual(reader.table.readConventions["t"], .utcOffset(7200))
        // The whole-file read of the same bytes agrees with what watch drew.
        let whole = try JSONTableReader.parseLines(
            bytes: Array((#"{"t": "2024-05-01T12:00:00+02:00", "v": 1}"# + "\n" + #"{"t": "2024-05-01T12:00:00+05:00", "v": 2}"# + "\n").utf8),
            from: 0, line: 1, source: "m.jsonl", complete: true)
        XCTAssertEqual(whole.table["t"]?.doubles, reader.table["t"]?.doubles)
    }
}
