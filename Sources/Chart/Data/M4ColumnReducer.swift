/// The inner loop of `M4Decimator`: reduces one pixel column's index range of y to its first,
/// lowest, highest and last point per NaN-free run, appending them to the output.
///
/// y is read in blocks of 32 values (four `SIMD8<Double>` loads). A block is first tested for
/// NaN with one vectorised `v != v`; a NaN-free block folds into the open run through a min/max
/// tree and one horizontal reduction, and only the block's start is remembered when it improves
/// the run's extreme — the exact first index of the extreme is found once per run by scanning
/// that one block. A block holding a NaN goes through the scalar path, which closes the run at
/// each NaN and keeps the break once. The output is the same as the plain scalar rule: per run,
/// the first index whose y equals the run's minimum (then maximum), runs of ≤ 4 points kept whole.
struct M4ColumnReducer {
    typealias V = SIMD8<Double>

    /// Values per block of the vector path.
    static let block = 32

    let x: UnsafePointer<Double>
    let y: UnsafePointer<Double>
    /// True while the output ends in a break (or is empty), so a second break is not appended.
    private var endsInBreak = true

    // The open run: `runStart < 0` when none. `minAt`/`maxAt` is where the extreme was first
    // reached — an exact index, or the start of the block that reached it.
    private var runStart = -1
    private var minValue = 0.0, maxValue = 0.0
    private var minAt = 0, maxAt = 0

    init(x: UnsafePointer<Double>, y: UnsafePointer<Double>) {
        self.x = x
        self.y = y
    }

    /// Appends the reduced points of the column y[lo..<hi].
    mutating func column(_ lo: Int, _ hi: Int, into out: inout ReducedSeries) {
        if hi - lo <= 4 {
            for i in lo..<hi { point(i, into: &out) }
            return
        }
        let raw = UnsafeRawPointer(y)
        var i = lo
        while i + M4ColumnReducer.block <= hi {
            let a = raw.loadUnaligned(fromByteOffset: i &* 8, as: V.self)
            let b = raw.loadUnaligned(fromByteOffset: (i &+ 8) &* 8, as: V.self)
            let c = raw.loadUnaligned(fromByteOffset: (i &+ 16) &* 8, as: V.self)
            let d = raw.loadUnaligned(fromByteOffset: (i &+ 24) &* 8, as: V.self)
            let nan = (a .!= a) .| (b .!= b) .| (c .!= c) .| (d .!= d)
            if any(nan) {
                scalar(i, i &+ M4ColumnReducer.block, into: &out)
            } else {
                let low = M4ColumnReducer.horizontalMin(vmin(vmin(a, b), vmin(c, d)))
                let high = M4ColumnReducer.horizontalMax(vmax(vmax(a, b), vmax(c, d)))
                if runStart < 0 {
                    runStart = i
                    minValue = low; minAt = i
                    maxValue = high; maxAt = i
                } else {
                    if low < minValue { minValue = low; minAt = i }
                    if high > maxValue { maxValue = high; maxAt = i }
                }
            }
            i &+= M4ColumnReducer.block
        }
        scalar(i, hi, into: &out)
        closeRun(hi, into: &out)
    }

    /// Folds y[lo..<hi] one value at a time, closing the run at each NaN.
    @inline(__always)
    private mutating func scalar(_ lo: Int, _ hi: Int, into out: inout ReducedSeries) {
        var i = lo
        while i < hi {
            let v = y[i]
            if v.isNaN {
                closeRun(i, into: &out)
                if !endsInBreak { append(i, into: &out) }
            } else if runStart < 0 {
                runStart = i
                minValue = v; minAt = i
                maxValue = v; maxAt = i
            } else {
                if v < minValue { minValue = v; minAt = i }
                if v > maxValue { maxValue = v; maxAt = i }
            }
            i &+= 1
        }
    }

    /// Emits the open run, which ends before `end`, and leaves no run open.
    private mutating func closeRun(_ end: Int, into out: inout ReducedSeries) {
        let start = runStart
        guard start >= 0 else { return }
        runStart = -1
        if end - start <= 4 {
            for i in start..<end { append(i, into: &out) }
            return
        }
        var iMin = minAt
        while y[iMin] != minValue { iMin &+= 1 }
        var iMax = maxAt
        while y[iMax] != maxValue { iMax &+= 1 }
        let first = Swift.min(iMin, iMax), second = Swift.max(iMin, iMax)
        append(start, into: &out)
        if first != start { append(first, into: &out) }
        if second != first { append(second, into: &out) }
        if end - 1 != second { append(end - 1, into: &out) }
    }

    /// Appends point i, skipping a NaN that would follow another break.
    private mutating func point(_ i: Int, into out: inout ReducedSeries) {
        if y[i].isNaN && endsInBreak { return }
        append(i, into: &out)
    }

    private mutating func append(_ i: Int, into out: inout ReducedSeries) {
        out.x.append(x[i])
        out.y.append(y[i])
        endsInBreak = y[i].isNaN
    }

    /// The smallest lane (NaN-free input).
    @inline(__always)
    static func horizontalMin(_ v: V) -> Double {
        Swift.min(Swift.min(Swift.min(v[0], v[4]), Swift.min(v[2], v[6])),
                  Swift.min(Swift.min(v[1], v[5]), Swift.min(v[3], v[7])))
    }

    /// The largest lane (NaN-free input).
    @inline(__always)
    static func horizontalMax(_ v: V) -> Double {
        Swift.max(Swift.max(Swift.max(v[0], v[4]), Swift.max(v[2], v[6])),
                  Swift.max(Swift.max(v[1], v[5]), Swift.max(v[3], v[7])))
    }
}

// Lane-wise minimum and maximum, written lane by lane: LLVM folds the eight compare-and-selects
// into `minpd`/`maxpd`. The stdlib's `replacing(with:where:)` and `pointwiseMin` go through a
// per-lane loop that stays scalar and spills (measured 10× slower, 150 ms for 10⁷ points).

/// Lane-wise minimum of a and b (NaN-free input).
@inline(__always)
private func vmin(_ a: SIMD8<Double>, _ b: SIMD8<Double>) -> SIMD8<Double> {
    var r = a
    r[0] = b[0] < a[0] ? b[0] : a[0]; r[1] = b[1] < a[1] ? b[1] : a[1]
    r[2] = b[2] < a[2] ? b[2] : a[2]; r[3] = b[3] < a[3] ? b[3] : a[3]
    r[4] = b[4] < a[4] ? b[4] : a[4]; r[5] = b[5] < a[5] ? b[5] : a[5]
    r[6] = b[6] < a[6] ? b[6] : a[6]; r[7] = b[7] < a[7] ? b[7] : a[7]
    return r
}

/// Lane-wise maximum of a and b (NaN-free input).
@inline(__always)
private func vmax(_ a: SIMD8<Double>, _ b: SIMD8<Double>) -> SIMD8<Double> {
    var r = a
    r[0] = b[0] > a[0] ? b[0] : a[0]; r[1] = b[1] > a[1] ? b[1] : a[1]
    r[2] = b[2] > a[2] ? b[2] : a[2]; r[3] = b[3] > a[3] ? b[3] : a[3]
    r[4] = b[4] > a[4] ? b[4] : a[4]; r[5] = b[5] > a[5] ? b[5] : a[5]
    r[6] = b[6] > a[6] ? b[6] : a[6]; r[7] = b[7] > a[7] ? b[7] : a[7]
    return r
}
