import Chart
import XCTest

/// The aggregation rule of `SeriesAggregate`: exact alignment on shared x, binning otherwise,
/// and the statistics and bands (checked against hand-computed numpy / scipy values).
final class SeriesAggregateTests: XCTestCase {
    func testSharedXIsAlignedExactlyWithMeanAndSampleStd() {
        let x = [0.0, 1, 2]
        let a = SeriesAggregate([(x, [1, 2, 3]), (x, [3, 4, 5]), (x, [2, 6, 4])], statistic: .mean, band: .std)
        XCTAssertEqual(a.alignment, .exact)
        XCTAssertEqual(a.x, x)
        XCTAssertEqual(a.y, [2, 4, 4])
        XCTAssertEqual(a.count, [3, 3, 3])
        // np.std([1, 3, 2], ddof=1) = 1; np.std([2, 4, 6], ddof=1) = 2
        XCTAssertEqual(a.low[0], 1, accuracy: 1e-12); XCTAssertEqual(a.high[0], 3, accuracy: 1e-12)
        XCTAssertEqual(a.low[1], 2, accuracy: 1e-12); XCTAssertEqual(a.high[1], 6, accuracy: 1e-12)
    }

    func testARunStoppedEarlyThinsTheAggregateAndOneValueHasNoBand() {
        let a = SeriesAggregate([([0, 10, 20, 30], [1, 1, 1, 1]), ([0, 10, 20, 30], [3, 3, 3, 3]), ([0, 10], [2, 2])])
        XCTAssertEqual(a.alignment, .exact)
        XCTAssertEqual(a.x, [0, 10, 20, 30])
        XCTAssertEqual(a.count, [3, 3, 2, 2])
        XCTAssertEqual(a.y, [2, 2, 2, 2])
        let b = SeriesAggregate([([0, 10, 20], [1, 1, 1]), ([0, 10], [3, 3])])
        XCTAssertEqual(b.count, [2, 2, 1])
        XCTAssertEqual(b.y[2], 1)
        XCTAssertTrue(b.low[2].isNaN && b.high[2].isNaN, "a point of one run has no band")
    }

    func testDifferentGridsAreBinnedOverTheRangeTwoRunsCover() {
        // Run a logs every 10 steps over 0...100, run b every 25 over 0...100, run c every 10 over 50...150.
        let a = (0...10).map { Double($0) * 10 }, b = (0...4).map { Double($0) * 25 }, c = (5...15).map { Double($0) * 10 }
        let agg = SeriesAggregate([(a, a.map { _ in 1 }), (b, b.map { _ in 2 }), (c, c.map { _ in 3 })])
        XCTAssertEqual(agg.alignment, .binned)
        // Range: the second-smallest first x (0) to the second-largest last x (100); bins: the
        // sparsest run's points in it (b: 5), so 5 bins of 20 centred at 10, 30, ..., 90.
        XCTAssertEqual(agg.x, [10, 30, 50, 70, 90])
        // Bin 0 [0, 20): a (0, 10) and b (0); bin 4 [80, 100]: a, b and c (80, 90, 100).
        XCTAssertEqual(agg.count, [2, 2, 3, 3, 3])
        XCTAssertEqual(agg.y[0], 1.5, accuracy: 1e-12)
        XCTAssertEqual(agg.y[4], 2, accuracy: 1e-12)
    }

    func testMissingValuesAreNotValues() {
        let a = SeriesAggregate([([0, 1, 2], [1, .nan, 3]), ([0, 1, 2], [3, 5, .infinity])], statistic: .mean, band: .minmax)
        XCTAssertEqual(a.alignment, .exact)
        XCTAssertEqual(a.y, [2, 5, 3])
        XCTAssertEqual(a.count, [2, 1, 1])
        XCTAssertEqual(a.low[0], 1); XCTAssertEqual(a.high[0], 3)
        XCTAssertTrue(a.low[1].isNaN)
    }

    func testMedianAndConfidenceInterval() {
        let x = [0.0]
        let values: [[Double]] = [[1], [2], [10], [4]]
        let median = SeriesAggregate(values.map { (x, $0) }, statistic: .median, band: .none)
        XCTAssertEqual(median.y, [3])
        XCTAssertTrue(median.low[0].isNaN)
        let ci = SeriesAggregate(values.map { (x, $0) }, statistic: .mean, band: .ci95)
        // scipy: t.ppf(0.975, 3) = 3.182; std([1, 2, 10, 4], ddof=1) = 4.0311; half = 3.182 · 4.0311 / 2
        let half = 3.182 * SeriesAggregate.standardDeviation([1, 2, 10, 4]) / 2
        XCTAssertEqual(ci.y[0], 4.25, accuracy: 1e-12)
        XCTAssertEqual(ci.high[0] - ci.y[0], half, accuracy: 1e-9)
        XCTAssertEqual(SeriesAggregate.standardDeviation([1, 2, 10, 4]), 4.0311288741492746, accuracy: 1e-12)
    }

    func testAStepBandStepsWithItsLine() {
        let a = SeriesAggregate([([0, 1, 2], [1, 2, 3]), ([0, 1, 2], [3, 4, 5])])
        let o = a.bandOutline(steps: true)
        XCTAssertEqual(o.x, [0, 0, 1, 1, 2])
        XCTAssertEqual(o.high.map { ($0 * 1e9).rounded() / 1e9 }, [2, 3, 3, 4, 4].map { $0 + 2.0.squareRoot() }.map { ($0 * 1e9).rounded() / 1e9 })
        XCTAssertEqual(a.bandOutline(steps: false).x, [0, 1, 2])
    }

    func testRowsSharingAnXInOneCurveAreAggregated() {
        // seaborn's lineplot: one table, several rows per x.
        let a = SeriesAggregate([([0, 0, 1, 1, 1], [1, 3, 2, 4, 6])], statistic: .mean, band: .std)
        XCTAssertEqual(a.x, [0, 1])
        XCTAssertEqual(a.y, [2, 4])
        XCTAssertEqual(a.count, [2, 3])
    }
}
