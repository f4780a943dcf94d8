@testable import Table
import XCTest

/// Date and date-time forms: text → seconds since the epoch (UTC) and whether there was a time.
final class TimeParserTests: XCTestCase {
    func testForms() {
        let cases: [(String, Double?, Bool)] = [
            ("1970-01-01", 0, false),
            ("2012-01-01", 1_325_376_000, false),
            ("2012-02-29", 1_330_473_600, false),
            ("2013-02-29", nil, false),
            ("2019-03-23 20:21:09", 1_553_372_469, true),
            ("2019-03-23T20:21:09Z", 1_553_372_469, true),
            ("2019-03-23T20:21:09.250Z", 1_553_372_469.25, true),
            ("2019-03-23T22:21:09+02:00", 1_553_372_469, true),
            ("2019-03-23T15:21:09-0500", 1_553_372_469, true),
            ("2019-03-23T20:21", 1_553_372_460, true),
            ("2015/01/01 01:00:00", 1_420_074_000, true),
            ("Jan 1 2000", 946_684_800, false),
            ("January 1, 2000", 946_684_800, false),
            ("1 Jan 2000", 946_684_800, false),
            ("Mar 1 2010", 1_267_401_600, false),
            ("1969-12-31", -86_400, false),
            ("2019-13-01", nil, false),
            ("2019-03-23T25:00:00", nil, false),
            ("20190323", nil, false),
            ("hello world", nil, false),
            ("Jan 1", nil, false),
        ]
        for (text, seconds, hasTime) in cases {
            let parsed = TimeParser.parse(text)
            XCTAssertEqual(parsed?.seconds, seconds, text)
            if seconds != nil { XCTAssertEqual(parsed?.hasTime, hasTime, text) }
        }
    }

    func testFormatRoundTrip() {
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            let (y, m, d) = TimeParser.civil(fromDays: days)
            XCTAssertEqual(TimeParser.days(year: y, month: m, day: d), days)
        }
        XCTAssertEqual(TimeParser.format(1_553_372_469, kind: .dateTime), "2019-03-23T20:21:09Z")
        XCTAssertEqual(TimeParser.format(-86_400, kind: .date), "1969-12-31")
    }
}
