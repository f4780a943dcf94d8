import Chart
import Dates
import XCTest

final class ScaleTests: XCTestCase {
    func testAutoLimitsMatchMatplotlib() {
        for c in ExpectedValues.shared.autoscale {
            let scale: any Scale = c.scale == "log" ? LogScale() : LinearScale()
            let (lo, hi) = scale.autoLimits(of: c.data)
            XCTAssert(nearlyEqual([lo, hi], c.limits, relative: 1e-12), "\(c.scale) \(c.data): \(lo), \(hi) vs \(c.limits)")
        }
    }

    func testAutoLimitsEdgeCases() {
        XCTAssert(LinearScale().autoLimits(of: []) == (0, 1))
        XCTAssert(LinearScale().autoLimits(of: [.nan, .nan]) == (0, 1))
        XCTAssert(LogScale().autoLimits(of: []) == (1, 10))
        XCTAssert(LogScale().autoLimits(of: [-1, 0]) == (1, 10))
        let (a, b) = LinearScale().autoLimits(of: [1, .infinity, 3, -.infinity, .nan])
        XCTAssertEqual(a, 0.9, accuracy: 1e-12)
        XCTAssertEqual(b, 3.1, accuracy: 1e-12)
        let (c, d) = LogScale().autoLimits(of: [-5, 0, 1, 100])
        XCTAssertEqual(log10(c), -0.1, accuracy: 1e-12)
        XCTAssertEqual(log10(d), 2.1, accuracy: 1e-12)
        let (t0, t1) = TimeScale().autoLimits(of: [86_400])
        XCTAssertEqual(t1 - t0, 4 * 365 * 86_400 * 1.1, accuracy: 1e-3)
        XCTAssert(TimeScale().autoLimits(of: []) == (0, 86_400))
        let (s0, s1) = SymlogScale().autoLimits(of: [0])
        XCTAssert(s0 < 0 && s1 > 0 && s0.isFinite && s1.isFinite)
        let cat = CategoricalScale(levels: ["a", "b", "c"])
        let (k0, k1) = cat.autoLimits(dataMin: 0, dataMax: 2, margin: 0)
        XCTAssertEqual([k0, k1], [-0.5, 2.5])
        XCTAssertEqual(cat.position(of: "c"), 2)
        XCTAssertNil(cat.position(of: "z"))
    }

    func testExtremeValuesNeverGiveNaN() {
        let scales: [any Scale] = [LinearScale(), LogScale(), SymlogScale(), TimeScale(), CategoricalScale(levels: ["a"])]
        let cases: [(Double, Double)] = [(-.greatestFiniteMagnitude, .greatestFiniteMagnitude), (1e-300, 1e-300),
                                         (0, 0), (Double.leastNonzeroMagnitude, Double.leastNonzeroMagnitude), (.infinity, -.infinity), (7, 3)]
        for scale in scales {
            for (lo, hi) in cases {
                let (a, b) = scale.autoLimits(dataMin: lo, dataMax: hi, margin: 0.05)
                XCTAssert(a.isFinite && b.isFinite && a <= b, "\(type(of: scale)) [\(lo), \(hi)] -> \(a), \(b)")
            }
        }
    }

    func testSymlogTransformRoundTripsAndMatchesMatplotlib() {
        let s = SymlogScale(linthresh: 1)
        // matplotlib: SymmetricalLogTransform(10, 1, 1).transform([0.5, 10, -100]).
        XCTAssertEqual(s.transform(0.5), 0.5 / 0.9, accuracy: 1e-15)
        XCTAssertEqual(s.transform(10), 1 / 0.9 + 1, accuracy: 1e-15)
        XCTAssertEqual(s.transform(-100), -(1 / 0.9 + 2), accuracy: 1e-15)
        for v in [-1e6, -3, -1, -0.2, 0, 0.7, 1, 42, 1e9] {
            XCTAssertEqual(s.inverse(s.transform(v)), v, accuracy: abs(v) * 1e-12 + 1e-15)
        }
        XCTAssertFalse(LogScale().isValid(0))
        XCTAssertFalse(LogScale().isValid(-1))
        XCTAssertTrue(LogScale().isValid(1e-300))
        XCTAssertFalse(LinearScale().isValid(.nan))
    }

    func testAxisMappingIsAffineInScaleSpaceAndInverts() {
        let y = AxisMapping(scale: LogScale(), domain: (1, 1000), pixels: (500, 200))
        XCTAssertEqual(y.pixel(1), 500, accuracy: 1e-12)
        XCTAssertEqual(y.pixel(10), 400, accuracy: 1e-12)
        XCTAssertEqual(y.pixel(1000), 200, accuracy: 1e-12)
        XCTAssertEqual(y.value(atPixel: 300), 100, accuracy: 1e-10)
        let x = AxisMapping(scale: LinearScale(), domain: (-2, 2), pixels: (0, 400))
        XCTAssertEqual(x.pixel(0), 200)
        XCTAssertEqual(x.value(atPixel: 100), -1)
        let flat = AxisMapping(scale: LinearScale(), domain: (3, 3), pixels: (0, 100))
        XCTAssertEqual(flat.pixel(3), 50)
    }

    func testCivilTimeRoundTrips() {
        for (s, text) in [(0.0, "1970-01-01 00:00:00.000000"), (951_782_400, "2000-02-29 00:00:00.000000"),
                          (-86_400.5, "1969-12-30 23:59:59.500000"), (1_330_953_461.25, "2012-03-05 13:17:41.250000")] {
            let t = CivilTime(seconds: s)!
            XCTAssertEqual(t.format("%Y-%m-%d %H:%M:%S.%f"), text)
            XCTAssertEqual(t.seconds, s)
        }
        XCTAssertEqual(CivilTime(year: 2012, month: 1, day: 31).addingMonths(1).format("%Y-%m-%d"), "2012-02-29")
        XCTAssertEqual(CivilTime(year: 2012, month: 11).addingMonths(-13).format("%Y-%b"), "2011-Oct")
    }
}
