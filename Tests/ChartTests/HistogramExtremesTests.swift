import Chart
import XCTest

/// Histograms of values at the edges of the double range (issue 12, item 10): each used to trap
/// converting a NaN or infinite bin position to Int; now every value lands in a bin.
final class HistogramExtremesTests: XCTestCase {
    private func check(_ values: [Double], file: StaticString = #filePath, line: UInt = #line) {
        for rule in [Histogram.Rule.auto, .sturges, .freedmanDiaconis, .sqrt, .count(10)] {
            let h = Histogram(values, rule: rule)
            XCTAssertEqual(h.counts.reduce(0, +), values.filter(\.isFinite).count, "\(values) \(rule)", file: file, line: line)
            XCTAssertEqual(h.edges.count, h.counts.count + 1, file: file, line: line)
            XCTAssertTrue(h.edges.allSatisfy(\.isFinite), "\(h.edges)", file: file, line: line)
            XCTAssertTrue(zip(h.edges, h.edges.dropFirst()).allSatisfy { $0 <= $1 }, "\(h.edges)", file: file, line: line)
            XCTAssertLessThan(h.edges[0], h.edges[h.edges.count - 1], "never an empty range", file: file, line: line)
        }
    }

    func testOneHugeValue() { check([4e40]) }

    func testEqualValuesBeyondTwoToThe53() { check([1e16, 1e16]) }

    func testRangeWiderThanTheLargestDouble() {
        check([-1.7e308, 1.7e308])
        check([-.greatestFiniteMagnitude, 0, .greatestFiniteMagnitude])
    }

    func testSubnormalRange() {
        check([0, 5e-324])
        check([5e-324, 1e-323, 1.5e-323])
    }

    func testTheLargestDoubleAlone() {
        check([.greatestFiniteMagnitude])
        check([-.greatestFiniteMagnitude, -.greatestFiniteMagnitude])
    }

    func testOrdinaryValuesKeepNumpysBins() {
        // numpy.histogram([1, 2, 2, 3, 3, 3], bins=4)
        let h = Histogram([1, 2, 2, 3, 3, 3], rule: .count(4))
        XCTAssertEqual(h.edges, [1, 1.5, 2, 2.5, 3])
        XCTAssertEqual(h.counts, [1, 0, 2, 3])
        // numpy.histogram([5], bins=2): edges 4.5, 5, 5.5
        XCTAssertEqual(Histogram([5], rule: .count(2)).edges, [4.5, 5, 5.5])
    }

    /// Every finite value is counted in the bin whose edges hold it (`e[i] <= v < e[i + 1]`, the
    /// last bin closed), with NaN and ±inf left out, as numpy's `histogram` does, for random
    /// values including ones exactly on the edges.
    func testEveryValueLandsInTheBinItsEdgesGive() {
        var generator = SystemRandomNumberGenerator()
        for trial in 0..<200 {
            let count = Int.random(in: 1...400, using: &generator)
            var values = (0..<count).map { _ in Double.random(in: -3...7, using: &generator) }
            if trial % 3 == 0 { values += [.nan, .infinity, -.infinity, -0.0, 0.0] }
            let bins = Int.random(in: 1...60, using: &generator)
            let h = Histogram(values, rule: .count(bins))
            // Values exactly on the edges, counted again through `edges:`.
            let onEdges = h.edges + values
            for (data, histogram) in [(values, h), (onEdges, Histogram(onEdges, edges: h.edges))] {
                var expected = [Int](repeating: 0, count: bins)
                let e = histogram.edges
                for v in data where v.isFinite && v >= e[0] && v <= e[bins] {
                    let i = v == e[bins] ? bins - 1 : (0..<bins).first { e[$0] <= v && v < e[$0 + 1] }!
                    expected[i] += 1
                }
                XCTAssertEqual(histogram.counts, expected, "trial \(trial)")
            }
            let finite = values.filter(\.isFinite)
            if let low = finite.min(), let high = finite.max(), low < high {
                XCTAssertEqual(h.edges.first, low)
                XCTAssertEqual(h.edges.last, high)
            }
        }
    }
}
