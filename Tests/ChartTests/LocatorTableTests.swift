import Chart
import Dates
import XCTest

/// Tick positions against matplotlib 3.11 (Expected/expected.json).
final class LocatorTableTests: XCTestCase {
    let expected = ExpectedValues.shared

    func testMaxNLocatorMatchesMatplotlib() {
        XCTAssertGreaterThan(expected.linear.count, 60)
        for c in expected.linear {
            let ticks = MaxNLocator().ticks(min: c.vmin, max: c.vmax, maxCount: c.nbins)
            XCTAssert(nearlyEqual(ticks, c.ticks), "[\(c.vmin), \(c.vmax)] nbins \(c.nbins): \(ticks) vs \(c.ticks)")
        }
    }

    func testMaxNLocatorCoversTheView() {
        // Spans below ~10 ulps of the values are excepted: matplotlib gives 0-1 ticks inside too.
        for c in expected.linear where c.vmax - c.vmin > 1e-14 * abs(c.vmax) {
            let ticks = MaxNLocator().ticks(min: c.vmin, max: c.vmax, maxCount: c.nbins)
            let inside = ticks.filter { $0 >= c.vmin && $0 <= c.vmax }
            XCTAssertGreaterThanOrEqual(inside.count, 2, "[\(c.vmin), \(c.vmax)]")
            XCTAssertLessThanOrEqual(inside.count, c.nbins + 1, "[\(c.vmin), \(c.vmax)]")
        }
    }

    func testMaxNLocatorDegenerateAndReversedViews() {
        XCTAssertEqual(MaxNLocator().ticks(min: 1, max: 0, maxCount: 5), MaxNLocator().ticks(min: 0, max: 1, maxCount: 5))
        XCTAssertFalse(MaxNLocator().ticks(min: 3, max: 3, maxCount: 5).isEmpty)
        XCTAssertEqual(MaxNLocator().ticks(min: .nan, max: 1, maxCount: 5), [])
        XCTAssertEqual(MaxNLocator().ticks(min: 0, max: .infinity, maxCount: 5), [])
    }

    func testAutoMinorLocatorMatchesMatplotlib() {
        for c in expected.minor {
            let major = MaxNLocator().ticks(min: c.vmin, max: c.vmax, maxCount: c.nbins)
            XCTAssert(nearlyEqual(major, c.major), "major [\(c.vmin), \(c.vmax)]")
            let minor = AutoMinorLocator().minorTicks(major: major, min: c.vmin, max: c.vmax)
            XCTAssert(nearlyEqual(minor, c.minor, absolute: 1e-15), "[\(c.vmin), \(c.vmax)] \(c.nbins): \(minor) vs \(c.minor)")
        }
    }

    func testLogLocatorMatchesMatplotlib() {
        for c in expected.log {
            let major = LogLocator().ticks(min: c.vmin, max: c.vmax, maxCount: c.numticks)
            XCTAssert(nearlyEqual(major, c.major), "[\(c.vmin), \(c.vmax)] \(c.numticks): \(major) vs \(c.major)")
            let minor = LogLocator(subs: .auto).ticks(min: c.vmin, max: c.vmax, maxCount: c.numticks)
            XCTAssert(nearlyEqual(minor, c.minor), "minor [\(c.vmin), \(c.vmax)] \(c.numticks): \(minor) vs \(c.minor)")
        }
    }

    func testSymlogLocatorMatchesMatplotlib() {
        for c in expected.symlog {
            let ticks = SymlogLocator(linthresh: c.linthresh).ticks(min: c.vmin, max: c.vmax, maxCount: c.numticks)
            XCTAssert(nearlyEqual(ticks, c.ticks), "[\(c.vmin), \(c.vmax)] t=\(c.linthresh): \(ticks) vs \(c.ticks)")
        }
    }

    func testTimeLocatorMatchesMatplotlib() {
        XCTAssertGreaterThan(expected.dates.count, 100)
        for c in expected.dates {
            let ticks = TimeLocator().ticks(min: c.start, max: c.end, maxCount: c.maxticks ?? 100)
            XCTAssert(nearlyEqual(ticks, c.ticks, relative: 0, absolute: 2e-6),
                      "\(c.name) from \(c.start) max \(String(describing: c.maxticks)): \(ticks) vs \(c.ticks)")
        }
    }

    func testTimeLocatorTicksOnCalendarBoundaries() {
        // 2012-03-05 13:17:41 + 6 hours: hourly ticks at whole hours.
        let start = CivilTime(year: 2012, month: 3, day: 5, hour: 13, minute: 17, second: 41).seconds
        let ticks = TimeLocator().ticks(min: start, max: start + 6 * 3600, maxCount: 100)
        XCTAssertEqual(ticks.count, 6)
        XCTAssert(ticks.allSatisfy { $0.truncatingRemainder(dividingBy: 3600) == 0 })
        XCTAssertEqual(TimeLocator().choose(min: start, max: start + 6 * 3600, maxCount: 100).frequency, .hourly)
    }

    func testCategoricalLocatorThinsToFit() {
        XCTAssertEqual(CategoricalLocator(count: 4).ticks(min: -0.5, max: 3.5, maxCount: 10), [0, 1, 2, 3])
        XCTAssertEqual(CategoricalLocator(count: 10).ticks(min: -0.5, max: 9.5, maxCount: 4), [0, 3, 6, 9])
        XCTAssertEqual(CategoricalLocator(count: 10).ticks(min: 2.2, max: 4.9, maxCount: 10), [3, 4])
        XCTAssertEqual(CategoricalLocator(count: 0).ticks(min: 0, max: 1, maxCount: 10), [])
    }

    func testMaxTickCountFromLabelSize() {
        XCTAssertEqual(MaxNLocator.maxTickCount(axisLength: 1000, labelExtent: 40, minSpacing: 10), 20)
        XCTAssertEqual(MaxNLocator.maxTickCount(axisLength: 30, labelExtent: 40, minSpacing: 10), 1)
        XCTAssertEqual(MaxNLocator.maxTickCount(axisLength: .nan, labelExtent: 40, minSpacing: 10), 1)
    }
}
