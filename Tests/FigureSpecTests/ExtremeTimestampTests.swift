@testable import FigureSpec
@testable import Table
import TestSupport
import XCTest

/// Timestamps that are infinite or beyond any calendar (issue 12, item 11): formatting them
/// used to trap converting the day count to Int; now they read as their number of seconds.
final class ExtremeTimestampTests: XCTestCase {
    func testInfiniteAndHugeTimestampsFormatAsNumbers() throws {
        var options = CSVOptions()
        options.timestampColumns = ["t": .seconds]
        let table = try csv("t,v\ninf,1\n-inf,2\n8e23,3\n1e300,4\n0,5\n", options: options)
        XCTAssertEqual(table["t"]?.kind, .time(.dateTime))
        XCTAssertEqual(table["t"]?.texts, ["inf", "-inf", "8e+23", "1e+300", "1970-01-01T00:00:00Z"])
    }

    func testFormatAtTheLimit() {
        XCTAssertEqual(TimeParser.format(.nan, kind: .date), "nan")
        XCTAssertEqual(TimeParser.format(253_402_300_799, kind: .dateTime), "9999-12-31T23:59:59Z")
        XCTAssertFalse(TimeParser.format(TimeParser.maximumDays * 86_400, kind: .date).isEmpty)
        XCTAssertEqual(TimeParser.format(TimeParser.maximumDays * 86_400 * 2, kind: .date), Column.format(number: TimeParser.maximumDays * 86_400 * 2))
    }

    func testASpecWithInfiniteTimestampsOnACategoryAxisBuilds() throws {
        var options = CSVOptions()
        options.timestampColumns = ["t": .seconds]
        let table = try csv("t,v\ninf,1\n1e30,2\n", options: options)
        let spec = try FigureSpec.parse(text: """
            {"version": 1, "data": {"d": "d.csv"},
             "panels": [{"x": {"scale": "category"}, "series": [{"kind": "bar", "x": "t", "y": "v"}]},
                        {"series": [{"kind": "pie", "y": "v", "labels": "t"}]}]}
            """, source: "f.plot.json")
        XCTAssertNoThrow(try spec.figure(tables: ["d": table]))
    }
}
