import XCTest
@testable import Chart

/// `ColumnScan`'s vectorized scans agree with the obvious scalar loops on columns of every length
/// around the block size, with NaN (both payloads), ±∞, −0.0 and descents at every position.
final class ColumnScanTests: XCTestCase {
    private func scalarAscending(_ v: [Double]) -> Bool {
        if v.count == 1 { return !v[0].isNaN }
        for i in 1..<max(v.count, 1) where !(v[i - 1] <= v[i]) { return false }
        return true
    }

    private func scalarBounds(_ v: [Double]) -> (Double, Double) {
        var lo = Double.infinity, hi = -Double.infinity
        for x in v where x.isFinite { lo = min(lo, x); hi = max(hi, x) }
        return (lo, hi)
    }

    private func columns() -> [[Double]] {
        var rng = SystemRandomNumberGenerator()
        var out: [[Double]] = []
        let specials: [Double] = [.nan, Double(nan: 1, signaling: false), .infinity, -.infinity, -0.0, 0.0, -1e308, 1e308]
        for n in [0, 1, 2, 7, 31, 32, 33, 63, 64, 65, 100, 257] {
            let ascending = (0..<n).map { Double($0) * 0.5 }
            out.append(ascending)
            out.append((0..<n).map { _ in Double.random(in: -1e6...1e6, using: &rng) })
            for position in Set([0, n / 2, max(n - 1, 0)]) where n > 0 {
                for s in specials {
                    var c = ascending; c[position] = s; out.append(c)
                }
                var descent = ascending; descent[position] = -5; out.append(descent)
            }
        }
        return out
    }

    func testAgreesWithScalarLoops() {
        for c in columns() {
            c.withUnsafeBufferPointer { b in
                XCTAssertEqual(ColumnScan.isAscending(b), scalarAscending(c), "isAscending \(c)")
                XCTAssertEqual(ColumnScan.containsNaN(b), c.contains { $0.isNaN }, "containsNaN \(c)")
                let (lo, hi) = ColumnScan.finiteBounds(b), (slo, shi) = scalarBounds(c)
                XCTAssertEqual(lo, slo, "low \(c)"); XCTAssertEqual(hi, shi, "high \(c)")
            }
        }
    }

    func testZeroExtremesArePositiveZero() {
        for c in [[-0.0, 1, 2], [1, -0.0], Array(repeating: -0.0, count: 70) + [3]] {
            let (lo, _) = c.withUnsafeBufferPointer(ColumnScan.finiteBounds)
            XCTAssertEqual(lo.sign, .plus, "\(c)")
            XCTAssertEqual(lo, 0)
        }
        let (_, hi) = [-3.0, -0.0].withUnsafeBufferPointer(ColumnScan.finiteBounds)
        XCTAssertEqual(hi.sign, .plus)
    }

    func testNoFiniteValue() {
        let (lo, hi) = [Double.nan, .infinity, -.infinity].withUnsafeBufferPointer(ColumnScan.finiteBounds)
        XCTAssertEqual(lo, .infinity); XCTAssertEqual(hi, -.infinity)
    }
}
