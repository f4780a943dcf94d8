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
/// Speed: column boundaries come from a binary search on x (about 25 reads per column), then y
/// is scanned once per column, 4 lanes at a time, and read a second time from L2 to find the
/// first index of the extremes. Without `assumeSorted`, one extra pass checks that x ascends.
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
        var emitter = Emitter(x: x, y: y)
        var start = 0
        for edge in edges {
            let end = M4Decimator.partitionPoint(x, from: start, to: n, below: edge)
            if end > start { emitter.bucket(start, end, into: &output) }
            start = end
        }
        if n > start { emitter.bucket(start, n, into: &output) }
    }

    /// True when x[0..<n] ascends (ties allowed) with no NaN.
    static func isAscending(_ x: UnsafeBufferPointer<Double>, _ n: Int) -> Bool {
        guard n > 1, let base = x.baseAddress else { return n <= 1 || !x[0].isNaN }
        if base[0].isNaN { return false }
        var ok = true
        var i = 1
        // Branch-free chunks of 8 comparisons: `!(a <= b)` also catches NaN.
        while i + 8 <= n {
            var bad = false
            for k in 0..<8 { bad = bad || !(base[i + k - 1] <= base[i + k]) }
            if bad { ok = false; break }
            i += 8
        }
        while ok && i < n {
            if !(base[i - 1] <= base[i]) { ok = false }
            i += 1
        }
        return ok
    }

    /// The first index in [from, to) whose x is ≥ `edge` (x ascending).
    static func partitionPoint(_ x: UnsafeBufferPointer<Double>, from: Int, to: Int, below edge: Double) -> Int {
        var lo = from
        var hi = to
        while lo < hi {
            let mid = lo + (hi - lo) >> 1
            if x[mid] < edge { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

/// Appends the M4 points of one bucket at a time, remembering whether the output ends in a break.
private struct Emitter {
    let x: UnsafeBufferPointer<Double>
    let y: UnsafeBufferPointer<Double>
    var endsInBreak = true

    init(x: UnsafeBufferPointer<Double>, y: UnsafeBufferPointer<Double>) {
        self.x = x
        self.y = y
    }

    mutating func bucket(_ lo: Int, _ hi: Int, into out: inout ReducedSeries) {
        if hi - lo <= 4 {
            for i in lo..<hi { point(i, into: &out) }
            return
        }
        guard let (minValue, maxValue) = Emitter.extremes(y, lo, hi) else {
            runs(lo, hi, into: &out)
            return
        }
        var iMin = lo
        while y[iMin] != minValue { iMin += 1 }
        var iMax = lo
        while y[iMax] != maxValue { iMax += 1 }
        emit(lo, Swift.min(iMin, iMax), Swift.max(iMin, iMax), hi - 1, into: &out)
    }

    /// Min and max of y[lo..<hi], or nil when the slice holds a NaN.
    static func extremes(_ y: UnsafeBufferPointer<Double>, _ lo: Int, _ hi: Int) -> (Double, Double)? {
        let p = y.baseAddress! + lo
        let n = hi - lo
        var mn0 = SIMD4<Double>(repeating: .infinity), mx0 = SIMD4<Double>(repeating: -.infinity)
        var mn1 = mn0, mx1 = mx0
        var nan = SIMDMask<SIMD4<Int64>>(repeating: false)
        var i = 0
        let raw = UnsafeRawPointer(p)
        while i + 8 <= n {
            let a = raw.loadUnaligned(fromByteOffset: i * 8, as: SIMD4<Double>.self)
            let b = raw.loadUnaligned(fromByteOffset: (i + 4) * 8, as: SIMD4<Double>.self)
            nan .|= (a .!= a) .| (b .!= b)
            mn0 = pointwiseMin(mn0, a); mx0 = pointwiseMax(mx0, a)
            mn1 = pointwiseMin(mn1, b); mx1 = pointwiseMax(mx1, b)
            i += 8
        }
        if any(nan) { return nil }
        var mn = pointwiseMin(mn0, mn1).min()
        var mx = pointwiseMax(mx0, mx1).max()
        while i < n {
            let v = p[i]
            if v.isNaN { return nil }
            mn = Swift.min(mn, v); mx = Swift.max(mx, v)
            i += 1
        }
        return (mn, mx)
    }

    /// A bucket with NaN: each NaN-free run is reduced alone; NaNs become one break each.
    private mutating func runs(_ lo: Int, _ hi: Int, into out: inout ReducedSeries) {
        var runStart = -1
        var iMin = 0, iMax = 0
        for i in lo..<hi {
            let v = y[i]
            if v.isNaN {
                if runStart >= 0 { emit(runStart, Swift.min(iMin, iMax), Swift.max(iMin, iMax), i - 1, into: &out) }
                runStart = -1
                point(i, into: &out)
            } else if runStart < 0 {
                runStart = i; iMin = i; iMax = i
            } else {
                if v < y[iMin] { iMin = i }
                if v > y[iMax] { iMax = i }
            }
        }
        if runStart >= 0 { emit(runStart, Swift.min(iMin, iMax), Swift.max(iMin, iMax), hi - 1, into: &out) }
    }

    /// Appends the distinct indices among a ≤ b ≤ c ≤ d.
    private mutating func emit(_ a: Int, _ b: Int, _ c: Int, _ d: Int, into out: inout ReducedSeries) {
        append(a, into: &out)
        if b != a { append(b, into: &out) }
        if c != b { append(c, into: &out) }
        if d != c { append(d, into: &out) }
    }

    private mutating func point(_ i: Int, into out: inout ReducedSeries) {
        if y[i].isNaN {
            if endsInBreak { return }
            endsInBreak = true
        }
        append(i, into: &out)
    }

    private mutating func append(_ i: Int, into out: inout ReducedSeries) {
        out.x.append(x[i])
        out.y.append(y[i])
        endsInBreak = y[i].isNaN
    }
}
