/// Whole-column scans that every 10⁶-row series goes through before it is drawn: whether x
/// ascends, whether a column holds NaN, and the extremes of its finite values.
///
/// Each runs over blocks of 32 values with SIMD comparisons and one test per block, instead of a
/// loop that branches (and so does not vectorize) on every value: on a 10⁶-row line (W3 of
/// `../shared/bench`) the three scalar loops were 4–5% of the whole `render` (bench/README.md,
/// "Column scans"). Results are exactly the scalar loops'.
public enum ColumnScan {
    private typealias V = SIMD8<Double>
    private static let block = 32

    /// True when `x` ascends (ties allowed) with no NaN; an empty column ascends.
    public static func isAscending(_ x: UnsafeBufferPointer<Double>) -> Bool {
        let n = x.count
        guard n > 1, let base = x.baseAddress else { return n == 0 || !x[0].isNaN }
        if base[0].isNaN { return false }
        // `a <= b` is false for a descent and for NaN.
        let raw = UnsafeRawPointer(base)
        var i = 1
        while i + block <= n {
            var ordered = SIMDMask<SIMD8<Int64>>(repeating: true)
            for k in stride(from: 0, to: block, by: 8) {
                let a = raw.loadUnaligned(fromByteOffset: (i &+ k &- 1) &* 8, as: V.self)
                let b = raw.loadUnaligned(fromByteOffset: (i &+ k) &* 8, as: V.self)
                ordered = ordered .& (a .<= b)
            }
            if !all(ordered) { return false }
            i &+= block
        }
        var ok = true
        while i < n {
            ok = ok && base[i - 1] <= base[i]
            i += 1
        }
        return ok
    }

    /// True when some value of `values` is NaN (of any payload).
    public static func containsNaN(_ values: UnsafeBufferPointer<Double>) -> Bool {
        guard let base = values.baseAddress else { return false }
        let raw = UnsafeRawPointer(base), n = values.count
        var i = 0
        while i + block <= n {
            var nan = SIMDMask<SIMD8<Int64>>(repeating: false)
            for k in stride(from: 0, to: block, by: 8) {
                let a = raw.loadUnaligned(fromByteOffset: (i &+ k) &* 8, as: V.self)
                nan = nan .| (a .!= a)
            }
            if any(nan) { return true }
            i &+= block
        }
        while i < n {
            if base[i].isNaN { return true }
            i += 1
        }
        return false
    }

    /// The least and greatest finite value of `values`, or (+∞, −∞) when none is finite. A zero
    /// extreme is +0.0 whichever zeros the column holds.
    public static func finiteBounds(_ values: UnsafeBufferPointer<Double>) -> (low: Double, high: Double) {
        var lo = Double.infinity, hi = -Double.infinity
        guard let base = values.baseAddress else { return (lo, hi) }
        let raw = UnsafeRawPointer(base), n = values.count
        let up = V(repeating: .infinity), down = V(repeating: -.infinity)
        var los = up, his = down
        var i = 0
        while i + block <= n {
            for k in stride(from: 0, to: block, by: 8) {
                let a = raw.loadUnaligned(fromByteOffset: (i &+ k) &* 8, as: V.self)
                // NaN and ±∞ compare false to both bounds: they leave the running extremes as
                // they are.
                let finite = (a .> down) .& (a .< up)
                los = los.replacing(with: a, where: finite .& (a .< los))
                his = his.replacing(with: a, where: finite .& (a .> his))
            }
            i &+= block
        }
        lo = los.min(); hi = his.max()
        while i < n {
            let v = base[i]
            if v.isFinite { lo = Swift.min(lo, v); hi = Swift.max(hi, v) }
            i += 1
        }
        return (lo == 0 ? 0 : lo, hi == 0 ? 0 : hi)
    }
}
