/// Reduces a line series to at most four points per pixel column — the first, the lowest, the
/// highest and the last — so that the reduced line draws the same pixels as the full one
/// (M4: Jugel et al., "M4: A Visualization-Oriented Time Series Data Aggregation", VLDB 2014).
///
/// Columns are the unit intervals [k, k + 1) of the x mapping's pixel axis; points left and
/// right of the view form one bucket each, so the segments entering the view stay exact. NaN in
/// y breaks the line: each NaN-free run in a column is reduced on its own and the break is kept
/// as one NaN point. x must be ascending (ties allowed); otherwise, or with NaN in x, the series
/// is returned unchanged (`isReduced == false`): the columns would not be contiguous runs.
///
/// Speed: each column boundary is found by galloping out from a guess (the average column width
/// left), a few reads of x for evenly spaced x; y is then scanned per column in blocks of 32 by
/// `M4ColumnReducer` (SIMD min/max, one NaN test per block, scalar path only for blocks with
/// NaN). Measured (bench plotline-chart-bench, 10⁷ points → 1,200 columns, release, 2-core
/// AMD EPYC): without NaN 3.8–4.5 ms with `assumeSorted`, 6.7–7.2 ms with the x check; with
/// 0.1% NaN 6.9–7.4 ms and 9.5–11 ms (was 13.5/17.4 and 36/40 ms). The x check is one more
/// pass over 80 MB (~3 ms). TODO: 0.1% NaN is still 1.4× over the 5 ms target (the blocks
/// holding a NaN go one value at a time, and each of ~50,000 output points is an array append).
public struct M4Decimator: Sendable {
    /// The x axis mapping whose pixel columns group the points.
    public let mapping: AxisMapping

    /// Creates a decimator for the given x mapping.
    public init(mapping: AxisMapping) {
        self.mapping = mapping
    }

    /// Data-space x boundaries between buckets, ascending: bucket 0 is x < b[0], bucket i is
    /// b[i−1] ≤ x < b[i], the last bucket is x ≥ b[last]. One boundary per whole pixel in the
    /// view (at most 1,000,000 columns).
    public func boundaries() -> [Double] {
        let p0 = Swift.min(mapping.pixel0, mapping.pixel1)
        let p1 = Swift.max(mapping.pixel0, mapping.pixel1)
        guard p0.isFinite, p1.isFinite, mapping.slope != 0 else { return [] }
        let first = p0.rounded(.down)
        let count = Int(Swift.min(p1.rounded(.up) - first, 1_000_000)) + 1
        var edges = (0..<count).map { mapping.value(atPixel: first + Double($0)) }
        if mapping.slope < 0 { edges.reverse() }
        return edges
    }

    /// The reduced series of (x, y); arrays of different lengths use the shorter length.
    public func reduce(x: [Double], y: [Double], assumeSorted: Bool = false) -> ReducedSeries {
        var output = ReducedSeries()
        x.withUnsafeBufferPointer { xb in
            y.withUnsafeBufferPointer { yb in
                reduce(x: xb, y: yb, into: &output, assumeSorted: assumeSorted)
            }
        }
        return output
    }

    /// Reduces into `output`, reusing its storage (the render thread keeps one per series).
    ///
    /// With `assumeSorted` the caller promises ascending, NaN-free x (e.g. a row counter) and
    /// the check pass is skipped; the result is unspecified if the promise is broken.
    public func reduce(x: UnsafeBufferPointer<Double>, y: UnsafeBufferPointer<Double>,
                       into output: inout ReducedSeries, assumeSorted: Bool = false) {
        let n = Swift.min(x.count, y.count)
        output.x.removeAll(keepingCapacity: true)
        output.y.removeAll(keepingCapacity: true)
        let edges = boundaries()
        guard n > 4 * (edges.count + 1), assumeSorted || M4Decimator.isAscending(x, n) else {
            output.x.append(contentsOf: x.prefix(n))
            output.y.append(contentsOf: y.prefix(n))
            output.isReduced = false
            return
        }
        output.isReduced = true
        output.x.reserveCapacity(4 * (edges.count + 1) + 16)
        output.y.reserveCapacity(4 * (edges.count + 1) + 16)
        var reducer = M4ColumnReducer(x: x.baseAddress!, y: y.baseAddress!)
        var start = 0
        for (k, edge) in edges.enumerated() {
            // Guess the boundary from the average column width left, then gallop from there.
            let guess = start + (n - start) / (edges.count + 1 - k)
            let end = M4Decimator.partitionPoint(x, from: start, to: n, below: edge, near: guess)
            if end > start { reducer.column(start, end, into: &output) }
            start = end
        }
        if n > start { reducer.column(start, n, into: &output) }
        reducer.gatherX(into: &output)
    }

    /// True when x[0..<n] ascends (ties allowed) with no NaN.
    static func isAscending(_ x: UnsafeBufferPointer<Double>, _ n: Int) -> Bool {
        guard n > 1, let base = x.baseAddress else { return n <= 1 || !x[0].isNaN }
        if base[0].isNaN { return false }
        // 32 pairs per step: `a <= b` is false for a descent and for NaN.
        typealias V = SIMD8<Double>
        let raw = UnsafeRawPointer(base)
        var i = 1
        while i + 32 <= n {
            var ordered = SIMDMask<SIMD8<Int64>>(repeating: true)
            for k in stride(from: 0, to: 32, by: 8) {
                let a = raw.loadUnaligned(fromByteOffset: (i &+ k &- 1) &* 8, as: V.self)
                let b = raw.loadUnaligned(fromByteOffset: (i &+ k) &* 8, as: V.self)
                ordered = ordered .& (a .<= b)
            }
            if !all(ordered) { return false }
            i &+= 32
        }
        var ok = true
        while i < n {
            ok = ok && base[i - 1] <= base[i]
            i += 1
        }
        return ok
    }

    /// The first index in [from, to) whose x is ≥ `edge` (x ascending), searched by galloping
    /// out from `guess` and then bisecting: a few reads when the guess is close.
    static func partitionPoint(_ x: UnsafeBufferPointer<Double>, from: Int, to: Int,
                               below edge: Double, near guess: Int) -> Int {
        let g = Swift.min(Swift.max(guess, from), to)
        var lo = from, hi = to
        var step = 1
        if g < to && x[g] < edge {
            lo = g + 1
            while g + step < to {
                if x[g + step] < edge { lo = g + step + 1; step <<= 1 } else { hi = g + step; break }
            }
        } else {
            hi = g
            while g - step >= from {
                if x[g - step] >= edge { hi = g - step; step <<= 1 } else { lo = g - step + 1; break }
            }
        }
        while lo < hi {
            let mid = lo + (hi - lo) >> 1
            if x[mid] < edge { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
