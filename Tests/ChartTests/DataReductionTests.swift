@testable import Chart
import Geometry
import TestSupport
import XCTest

final class M4DecimatorTests: XCTestCase {
    /// Per bucket and NaN-free run: (bucket, first, min, max, last), with a marker per break —
    /// what a line drawn through the points covers in each pixel column.
    private func drawnSummary(x: [Double], y: [Double], boundaries: [Double]) -> [[Double]] {
        var out: [[Double]] = []
        var current: [Double]? = nil
        var lastBucket = -1
        func flush() { if let c = current { out.append(c) }; current = nil }
        for i in x.indices {
            let bucket = Double(boundaries.partitioningIndex(of: x[i]))
            if y[i].isNaN {
                flush()
                if out.last != [-1] && !out.isEmpty { out.append([-1]) }
                continue
            }
            if Int(bucket) != lastBucket { flush() }
            lastBucket = Int(bucket)
            if var c = current {
                c[2] = min(c[2], y[i]); c[3] = max(c[3], y[i]); c[4] = y[i]
                current = c
            } else {
                current = [bucket, y[i], y[i], y[i], y[i]]
            }
        }
        flush()
        if out.last == [-1] { out.removeLast() }
        return out
    }

    func testReducedSeriesDrawsLikeTheOriginal() {
        var rng = SeededRandom(seed: 42)
        for trial in 0..<20 {
            let n = 2_000 + trial * 1_500
            var x: [Double] = []
            var t = rng.double(-50, 50)
            for _ in 0..<n { t += rng.double(0, 0.2); x.append(t) }
            var walk = 0.0
            let y = x.map { _ -> Double in
                walk += rng.double(-1, 1)
                return rng.double(0, 1) < 0.01 ? .nan : walk
            }
            let view = (x[n / 10], x[n - n / 7])
            // Pixels along the data, against it (a y axis growing upwards), or an inverted axis.
            let axis = AxisTransform(scale: LinearScale(), low: view.0, high: view.1, inverted: trial % 3 == 2)
            let m4 = M4Decimator(axis: axis, pixels: trial % 2 == 0 ? .init(from: 10, to: 10 + Double(50 + trial * 7))
                                                                    : .init(from: 300, to: 20))
            let reduced = m4.reduce(x: x, y: y)
            XCTAssertTrue(reduced.isReduced)
            XCTAssertLessThan(reduced.count, n / 3)
            let edges = m4.boundaries()
            XCTAssertEqual(drawnSummary(x: reduced.x, y: reduced.y, boundaries: edges),
                           drawnSummary(x: x, y: y, boundaries: edges), "trial \(trial)")
            let breaks = reduced.y.filter(\.isNaN).count - (reduced.y.last!.isNaN ? 1 : 0)
            XCTAssertEqual(breaks, drawnSummary(x: x, y: y, boundaries: edges).filter { $0 == [-1] }.count)
        }
    }

    func testAtMostFourPointsPerColumnWithoutGaps() {
        let n = 100_000
        let x = (0..<n).map(Double.init)
        let y = x.map { sin($0 * 0.01) * 100 + ($0.truncatingRemainder(dividingBy: 7)) }
        let m4 = M4Decimator(axis: AxisTransform(scale: LinearScale(), low: 0, high: Double(n)), pixels: .init(from: 0, to: 100))
        let reduced = m4.reduce(x: x, y: y, assumeSorted: true)
        XCTAssertLessThanOrEqual(reduced.count, 4 * (m4.boundaries().count + 1))
        XCTAssertEqual(reduced.x.first, 0)
        XCTAssertEqual(reduced.x.last, Double(n - 1))
        XCTAssertEqual(reduced.y.max(), y.max())
        XCTAssertEqual(reduced.y.min(), y.min())
        XCTAssertEqual(reduced.x, reduced.x.sorted())
    }

    func testNaNGapStaysAGap() {
        let n = 10_000
        let x = (0..<n).map(Double.init)
        var y = x.map { $0 * 0.5 }
        for i in 4_000..<6_000 { y[i] = .nan }
        let m4 = M4Decimator(axis: AxisTransform(scale: LinearScale(), low: 0, high: Double(n)), pixels: .init(from: 0, to: 50))
        let reduced = m4.reduce(x: x, y: y)
        XCTAssertEqual(reduced.y.filter(\.isNaN).count, 1)
        let gap = reduced.y.firstIndex { $0.isNaN }!
        XCTAssertEqual(reduced.x[gap - 1], 3_999)
        XCTAssertEqual(reduced.x[gap + 1], 6_000)
    }

    func testUnsortedOrNaNXIsReturnedUnchanged() {
        var x = (0..<1_000).map(Double.init)
        let y = x.map { $0 * $0 }
        x.swapAt(10, 11)
        let m4 = M4Decimator(axis: AxisTransform(scale: LinearScale(), low: 0, high: 1_000), pixels: .init(from: 0, to: 10))
        let unsorted = m4.reduce(x: x, y: y)
        XCTAssertFalse(unsorted.isReduced)
        XCTAssertEqual(unsorted.x, x)
        x.swapAt(10, 11)
        x[500] = .nan
        XCTAssertFalse(m4.reduce(x: x, y: y).isReduced)
        XCTAssertFalse(m4.reduce(x: [1, 2], y: [3, 4]).isReduced)
    }

    func testLogXMappingGroupsByPixelColumn() {
        let x = (1...100_000).map(Double.init)
        let y = x.map { log($0) }
        let m4 = M4Decimator(axis: AxisTransform(scale: LogScale(), low: 1, high: 100_000), pixels: .init(from: 0, to: 50))
        let reduced = m4.reduce(x: x, y: y)
        XCTAssertTrue(reduced.isReduced)
        XCTAssertLessThan(reduced.count, 300)
        XCTAssertEqual(drawnSummary(x: reduced.x, y: reduced.y, boundaries: m4.boundaries()),
                       drawnSummary(x: x, y: y, boundaries: m4.boundaries()))
    }

    /// The M4 rule one point at a time: per bucket and NaN-free run, the first point, the first
    /// minimum, the first maximum and the last (runs of ≤ 4 points whole), one NaN per break.
    private func oracle(x: [Double], y: [Double], boundaries: [Double]) -> [(Double, Double)] {
        oracle(x: x, y: y) { boundaries.partitioningIndex(of: $0) }
    }

    /// The M4 rule with the bucket of each x given by `bucket` (equal along runs of points).
    private func oracle(x: [Double], y: [Double], bucket: (Double) -> Int) -> [(Double, Double)] {
        var out: [(Double, Double)] = []
        func add(_ i: Int) {
            if y[i].isNaN && (out.isEmpty || out.last!.1.isNaN) { return }
            out.append((x[i], y[i]))
        }
        func run(_ s: Int, _ e: Int) {
            guard e - s > 4 else { for i in s..<e { add(i) }; return }
            var iMin = s, iMax = s
            for i in s..<e {
                if y[i] < y[iMin] { iMin = i }
                if y[i] > y[iMax] { iMax = i }
            }
            for i in Set([s, iMin, iMax, e - 1]).sorted() { add(i) }
        }
        var s = 0
        while s < x.count {
            var e = s
            let b = bucket(x[s])
            while e < x.count && bucket(x[e]) == b { e += 1 }
            if e - s <= 4 {
                for i in s..<e { add(i) }
            } else {
                var r = s
                for i in s..<e where y[i].isNaN { run(r, i); add(i); r = i + 1 }
                run(r, e)
            }
            s = e
        }
        return out
    }

    func testFastPathMatchesTheScalarRuleBitForBit() {
        checkAgainstTheOracle(parallelThreshold: Int.max)
    }

    func testTwoHalvesOnTwoThreadsMatchTheScalarRuleBitForBit() {
        checkAgainstTheOracle(parallelThreshold: 0)
    }

    func testUnsortedXInEitherHalfIsReturnedUnchanged() {
        let n = 4_000
        for bad in [10, n / 2 - 1, n / 2, n / 2 + 1, n - 5] {
            var x = (0..<n).map(Double.init)
            x.swapAt(bad, bad + 1)
            let y = x.map { sin($0) }
            let m4 = M4Decimator(axis: AxisTransform(scale: LinearScale(), low: 0, high: Double(n)), pixels: .init(from: 0, to: 40),
                                 parallelThreshold: 0)
            let reduced = m4.reduce(x: x, y: y)
            XCTAssertFalse(reduced.isReduced, "descent at \(bad)")
            XCTAssertEqual(reduced.x, x)
        }
    }

    /// The painter's reduced line on an x axis `inverted` or not, drawn on `frame`.
    private func paintedReduction(_ series: Series, frame: Rect, inverted: Bool) -> [Point?] {
        var x = AxisModel(spec: AxisSpec(), values: [series.x])
        x.inverted = inverted
        let y = AxisModel(spec: AxisSpec(), values: [series.y])
        let style = ResolvedStyle(theme: .light, dpi: 100, fonts: sharedFonts())
        return SeriesPainter(x: x, y: y, frame: frame, style: style).reduced(series)
    }

    /// A random walk of `n` points on evenly spaced x.
    private func walk(_ n: Int, seed: UInt64) -> Series {
        var rng = SeededRandom(seed: seed)
        var level = 0.0
        let x = (0..<n).map { Double($0) * 0.37 + 5 }
        let y = x.map { _ -> Double in level += rng.double(-1, 1); return level }
        return Series("walk", x: x, y: y)
    }

    func testInvertedXAxisDecimatesTheSamePointsDrawnMirrored() {
        let series = walk(20_000, seed: 11)
        // Whole-pixel ends: the inverted axis's columns are the upright ones mirrored.
        let frame = Rect(x: 40, y: 10, width: 300, height: 200)
        let upright = paintedReduction(series, frame: frame, inverted: false).compactMap { $0 }
        let inverted = paintedReduction(series, frame: frame, inverted: true).compactMap { $0 }
        XCTAssertGreaterThan(upright.count, 300)
        XCTAssertLessThan(upright.count, 4 * 302)
        XCTAssertEqual(inverted.count, upright.count)
        let mirrored = inverted.map { Point(frame.minX + frame.maxX - $0.x, $0.y) }.sorted { $0.x < $1.x }
        for (a, b) in zip(upright.sorted { $0.x < $1.x }, mirrored) {
            XCTAssertEqual(a.x, b.x, accuracy: 1e-9)
            XCTAssertEqual(a.y, b.y)
        }
    }

    func testInvertedXAxisBucketsByTheColumnsItIsDrawnIn() {
        let series = walk(20_000, seed: 12)
        // Fractional ends: mirrored upright columns would straddle the drawn ones.
        let frame = Rect(x: 40.3, y: 10, width: 299.45, height: 200)
        for inverted in [false, true] {
            var axis = AxisModel(spec: AxisSpec(), values: [series.x])
            axis.inverted = inverted
            let transform = axis.transform, span = AxisTransform.Span.x(of: frame)
            let yTransform = AxisModel(spec: AxisSpec(), values: [series.y]).transform
            let drawn = paintedReduction(series, frame: frame, inverted: inverted).compactMap { $0 }
            let expected = oracle(x: series.x, y: series.y) { Int(transform.pixel($0, on: span).rounded(.down)) }
            XCTAssertGreaterThan(expected.count, 300)
            XCTAssertEqual(drawn.count, expected.count, "inverted \(inverted)")
            guard drawn.count == expected.count else { continue }
            for (p, (x, y)) in zip(drawn, expected) {
                XCTAssertEqual(p.x, transform.pixel(x, on: span), accuracy: 1e-9, "inverted \(inverted)")
                XCTAssertEqual(p.y, yTransform.pixel(y, on: .y(of: frame)), accuracy: 1e-9)
            }
        }
    }

    private func checkAgainstTheOracle(parallelThreshold: Int) {
        var rng = SeededRandom(seed: 7)
        let specials: [Double] = [.nan, .infinity, -.infinity, 0, -0.0, 3, 3, -3]
        for trial in 0..<60 {
            let n = 200 + trial * 97
            let x = (0..<n).map { Double($0 / (1 + trial % 3)) }  // ties in x
            let nanRate = [0, 0.0005, 0.01, 0.2][trial % 4]
            var y = (0..<n).map { _ in (rng.double(-4, 4) * 4).rounded() / 4 }  // many ties in y
            for i in y.indices where rng.double(0, 1) < nanRate { y[i] = .nan }
            if trial % 5 == 0 { for _ in 0..<6 { y[Int(rng.double(0, Double(n)))] = specials[Int(rng.double(0, 8))] } }
            if trial % 7 == 3 { for i in (n / 3)..<(n / 2) { y[i] = .nan } }
            if trial % 11 == 4 { y = y.indices.map { -Double($0) } }  // a new minimum in every block
            let columns = Double(3 + trial * 2)
            let axis = AxisTransform(scale: LinearScale(), low: x[n / 20], high: x[n - 1 - n / 15],
                                     inverted: trial % 3 == 1)
            let m4 = M4Decimator(axis: axis, pixels: trial % 2 == 0 ? .init(from: 0, to: columns) : .init(from: columns + 7, to: 7),
                                 parallelThreshold: parallelThreshold)
            let reduced = m4.reduce(x: x, y: y, assumeSorted: trial % 3 == 0)
            XCTAssertTrue(reduced.isReduced, "trial \(trial)")
            let expected = oracle(x: x, y: y, boundaries: m4.boundaries())
            XCTAssertEqual(reduced.x.map(\.bitPattern), expected.map(\.0.bitPattern), "trial \(trial)")
            XCTAssertEqual(reduced.y.map(\.bitPattern), expected.map(\.1.bitPattern), "trial \(trial)")
        }
    }
}

extension Array where Element == Double {
    /// The first index whose element is greater than `value` (elements ascending).
    func partitioningIndex(of value: Double) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if self[mid] <= value { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

final class SmoothingAndLimitsTests: XCTestCase {
    func testEMAMatchesHandComputedTensorBoardValues() {
        // w = 0.5: last = 0.5, 1.25, (NaN skipped), 2.625; debias 0.5, 0.75, 0.875.
        let got = EMASmoother(weight: 0.5).smooth([1, 2, .nan, 4])
        XCTAssertEqual(got[0], 1, accuracy: 1e-15)
        XCTAssertEqual(got[1], 5.0 / 3.0, accuracy: 1e-15)
        XCTAssertTrue(got[2].isNaN)
        XCTAssertEqual(got[3], 3, accuracy: 1e-15)
        // w = 0.9 on [10, 0]: last = 1, 0.9; debias 0.1, 0.19.
        let heavy = EMASmoother(weight: 0.9).smooth([10, 0, .infinity])
        XCTAssertEqual(heavy[0], 10, accuracy: 1e-12)
        XCTAssertEqual(heavy[1], 0.9 / 0.19, accuracy: 1e-12)
        XCTAssertEqual(heavy[2], .infinity)
        XCTAssertEqual(EMASmoother(weight: 0).smooth([3, 1, 2]), [3, 1, 2])
        XCTAssertEqual(EMASmoother(weight: 0.99).smooth([0.3, 0.3, 0.3]), [0.3, 0.3, 0.3])
        XCTAssertEqual(EMASmoother(weight: 5).weight, 1)
        XCTAssertEqual(EMASmoother(weight: 0.6).smooth([]), [])
    }

    func testRobustLimitsIgnoreAnEarlySpike() {
        var values = [1e6, 5e5]
        values += (0..<1_000).map { 1 + 0.001 * Double($0) }
        let (lo, hi) = RobustLimits().limits(values)!
        XCTAssertLessThan(hi, 3)
        XCTAssertGreaterThan(lo, 0.9)
        XCTAssertLessThan(lo, 1.0)
        let calm = (0..<1_000).map { Double($0) }
        let (a, b) = RobustLimits(margin: 0).limits(calm)!
        XCTAssertEqual(a, 0)
        XCTAssertEqual(b, 999)
        XCTAssertNil(RobustLimits().limits([.nan, .infinity]))
        let (s0, s1) = RobustLimits().limits([4])!
        XCTAssert(s0 < 4 && s1 > 4)
    }
}

final class HistogramTests: XCTestCase {
    func testBinsMatchNumpy() {
        for c in ExpectedValues.shared.histogram {
            let rule: Histogram.Rule
            switch c.rule {
            case .count(let n): rule = .count(n)
            case .name("auto"): rule = .auto
            case .name("sturges"): rule = .sturges
            case .name("fd"): rule = .freedmanDiaconis
            case .name("sqrt"): rule = .sqrt
            case .name(let other): XCTFail("unknown rule \(other)"); continue
            }
            let h = Histogram(c.data, rule: rule)
            XCTAssert(nearlyEqual(h.edges, c.edges, relative: 1e-13), "\(c.name) \(c.rule): \(h.edges.count - 1) bins vs \(c.edges.count - 1)")
            XCTAssertEqual(h.counts, c.counts, "\(c.name) \(c.rule)")
        }
    }

    func testNaNIgnoredAndEmptySafe() {
        let h = Histogram([1, .nan, 2, .infinity, 3], rule: .count(2))
        XCTAssertEqual(h.edges, [1, 2, 3])
        XCTAssertEqual(h.counts, [1, 2])
        let empty = Histogram([.nan])
        XCTAssertEqual(empty.edges, [0, 1])
        XCTAssertEqual(empty.counts, [0])
    }
}
