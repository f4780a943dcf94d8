import Chart
import XCTest

/// Tick labels against matplotlib 3.11 (Expected/expected.json).
///
/// Deliberate difference: matplotlib writes log labels in mathtext (`$\mathdefault{10^{-2}}$`);
/// make_expected.py turns them into the Unicode form LogFormatter produces ("10⁻²").
final class FormatterTableTests: XCTestCase {
    let expected = ExpectedValues.shared

    func testScalarFormatterMatchesMatplotlib() {
        for c in expected.linear {
            let got = ScalarFormatter().format(c.ticks, viewMin: c.vmin, viewMax: c.vmax)
            XCTAssertEqual(got.labels, c.labels, "[\(c.vmin), \(c.vmax)] nbins \(c.nbins)")
            XCTAssertEqual(got.offset ?? "", c.offset, "offset of [\(c.vmin), \(c.vmax)] nbins \(c.nbins)")
        }
    }

    func testScalarFormatterUsesTheUnicodeMinus() {
        let got = ScalarFormatter().format([-2, -1, 0, 1])
        XCTAssertEqual(got.labels, ["\u{2212}2", "\u{2212}1", "0", "1"])
        XCTAssertNil(got.offset)
        XCTAssertFalse(ScalarFormatter().format([-2e-7, -1e-7]).offset?.contains("-") ?? true)
    }

    func testLogFormatterMatchesMatplotlib() {
        for c in expected.log {
            XCTAssertEqual(LogFormatter().format(c.major).labels, c.labels, "[\(c.vmin), \(c.vmax)]")
        }
    }

    func testLogFormatterNonDecadesAndOptions() {
        XCTAssertEqual(LogFormatter().format([20, 0.05, 1]).labels, ["2×10¹", "5×10⁻²", "10⁰"])
        XCTAssertEqual(LogFormatter(labelOnlyBase: true).format([20, 100]).labels, ["", "10²"])
        XCTAssertEqual(LogFormatter(minExponent: 3).format([1, 100, 1000, 0.1]).labels, ["1", "100", "10³", "0.1"])
    }

    func testConciseDateFormatterMatchesMatplotlib() {
        for c in expected.dates {
            let got = ConciseDateFormatter().format(c.ticks)
            XCTAssertEqual(got.labels, c.labels, "\(c.name) from \(c.start)")
            XCTAssertEqual(got.offset ?? "", c.offset, "offset of \(c.name) from \(c.start)")
        }
    }

    func testCategoricalAndPercentFormatters() {
        let levels = CategoricalFormatter(levels: ["a", "b", "c"])
        XCTAssertEqual(levels.format([0, 1, 2, 3, 0.5, -1]).labels, ["a", "b", "c", "", "", ""])
        XCTAssertEqual(PercentFormatter(xmax: 1).format([0, 0.25, 0.5], viewMin: 0, viewMax: 0.5).labels,
                       ["0%", "25%", "50%"])
        XCTAssertEqual(PercentFormatter().format([-1, 0, 1], viewMin: -1, viewMax: 1).labels,
                       ["\u{2212}1.00%", "0.00%", "1.00%"])
        XCTAssertEqual(PercentFormatter(decimals: 2).format([12.5]).labels, ["12.50%"])
    }
}
