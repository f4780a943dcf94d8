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

    func testAxisTransformIsAffineInScaleSpaceAndInverts() {
        let y = AxisTransform(scale: LogScale(), low: 1, high: 1000)
        let up = AxisTransform.Span(from: 500, to: 200)
        XCTAssertEqual(y.pixel(1, on: up), 500, accuracy: 1e-12)
        XCTAssertEqual(y.pixel(10, on: up), 400, accuracy: 1e-12)
        XCTAssertEqual(y.pixel(1000, on: up), 200, accuracy: 1e-12)
        XCTAssertEqual(y.value(atPixel: 300, on: up), 100, accuracy: 1e-10)
        XCTAssertEqual(y.fraction(100), 2.0 / 3, accuracy: 1e-15)
        let x = AxisTransform(scale: LinearScale(), low: -2, high: 2)
        let across = AxisTransform.Span(start: 0, length: 400)
        XCTAssertEqual(x.pixel(0, on: across), 200)
        XCTAssertEqual(x.value(atPixel: 100, on: across), -1)
        XCTAssertEqual(x.value(atFraction: 0.75), 1)
        // A degenerate view centres everything and reads back as its value.
        let flat = AxisTransform(scale: LinearScale(), low: 3, high: 3)
        XCTAssertEqual(flat.pixel(3, on: .init(from: 0, to: 100)), 50)
        XCTAssertEqual(flat.pixel(7, on: .init(from: 0, to: 100)), 50)
        XCTAssertEqual(flat.value(atPixel: 80, on: .init(from: 0, to: 100)), 3)
        XCTAssertEqual(AxisTransform(scale: LogScale(), low: 0, high: 10).fraction(1), 0.5)
    }

    func testAxisTransformRoundTripsOnEveryScaleAndDirection() {
        let scales: [(any Scale, Double, Double)] = [(LinearScale(), -7, 13), (LogScale(), 0.01, 1e5),
                                                     (SymlogScale(linthresh: 1), -300, 2_000)]
        for (scale, low, high) in scales {
            for inverted in [false, true] {
                let t = AxisTransform(scale: scale, low: low, high: high, inverted: inverted)
                let span = AxisTransform.Span(start: 612.5, length: -480.25)
                XCTAssertEqual(t.pixel(low, on: span), inverted ? 132.25 : 612.5, accuracy: 1e-9)
                XCTAssertEqual(t.pixel(high, on: span), inverted ? 612.5 : 132.25, accuracy: 1e-9)
                XCTAssertEqual(t.runsBackwards(on: span), !inverted)
                for k in 0...20 {
                    let v = scale.inverse(scale.transform(low) + Double(k) / 20 * (scale.transform(high) - scale.transform(low)))
                    let f = t.fraction(v)
                    XCTAssertEqual(f, inverted ? 1 - Double(k) / 20 : Double(k) / 20, accuracy: 1e-12, "\(scale) \(v)")
                    XCTAssertEqual(t.value(atPixel: t.pixel(v, on: span), on: span), v, accuracy: abs(v) * 1e-11 + 1e-11)
                    XCTAssertEqual(t.value(atFraction: f), v, accuracy: abs(v) * 1e-11 + 1e-11)
                }
            }
        }
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
