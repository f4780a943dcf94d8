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

    /// x, read only by `gatherX`.
    let x: UnsafePointer<Double>
    let y: UnsafePointer<Double>
    /// True while the output ends in a break (or is empty), so a second break is not appended.
    private var endsInBreak = true

    /// A reducer over x and y; `endsInBreak: false` keeps a break at the very start (for a
    /// part that follows other points).
    init(x: UnsafePointer<Double>, y: UnsafePointer<Double>, endsInBreak: Bool = true) {
        self.x = x
        self.y = y
        self.endsInBreak = endsInBreak
    }

    /// A NaN-free run of the current column; `start < 0` when none is open. `minAt`/`maxAt` is
    /// where the extreme was first reached — an exact index, or the start of the block that
    /// reached it. A local of `column`, so it stays in registers.
    private struct Run {
        var start = -1
        var minValue = 0.0, maxValue = 0.0
        var minAt = 0, maxAt = 0

        @inline(__always)
        mutating func open(_ i: Int, _ low: Double, _ high: Double) {
            start = i
            minValue = low; minAt = i
            maxValue = high; maxAt = i
        }

        @inline(__always)
        mutating func fold(_ i: Int, _ low: Double, _ high: Double) {
            if low < minValue { minValue = low; minAt = i }
            if high > maxValue { maxValue = high; maxAt = i }
        }
    }

    /// Appends the reduced points of the column y[lo..<hi].
    mutating func column(_ lo: Int, _ hi: Int, into out: inout ReducedSeries) {
        if hi - lo <= 4 {
            for i in lo..<hi { point(i, into: &out) }
            return
        }
        let raw = UnsafeRawPointer(y)
        var run = Run()
        var i = lo
        while i + M4ColumnReducer.block <= hi {
            let a = raw.loadUnaligned(fromByteOffset: i &* 8, as: V.self)
            let b = raw.loadUnaligned(fromByteOffset: (i &+ 8) &* 8, as: V.self)
            let c = raw.loadUnaligned(fromByteOffset: (i &+ 16) &* 8, as: V.self)
            let d = raw.loadUnaligned(fromByteOffset: (i &+ 24) &* 8, as: V.self)
            let nan = (a .!= a) .| (b .!= b) .| (c .!= c) .| (d .!= d)
            if any(nan) {
                scalar(i, i &+ M4ColumnReducer.block, &run, into: &out)
            } else {
                let low = horizontalMin(vmin(vmin(a, b), vmin(c, d)))
                let high = horizontalMax(vmax(vmax(a, b), vmax(c, d)))
                if run.start < 0 { run.open(i, low, high) } else { run.fold(i, low, high) }
            }
            i &+= M4ColumnReducer.block
        }
        scalar(i, hi, &run, into: &out)
        close(run, hi, into: &out)
    }

    /// Folds y[lo..<hi] one value at a time, closing the run at each NaN.
    @inline(__always)
    private mutating func scalar(_ lo: Int, _ hi: Int, _ run: inout Run, into out: inout ReducedSeries) {
        var i = lo
        while i < hi {
            let v = y[i]
            if v.isNaN {
                close(run, i, into: &out)
                run.start = -1
                if !endsInBreak { append(i, into: &out) }
            } else if run.start < 0 {
                run.open(i, v, v)
            } else {
                run.fold(i, v, v)
            }
            i &+= 1
        }
    }

    /// Emits `run`, which ends before `end`: its first point, first minimum, first maximum and
    /// last point in index order, or all of it when it has at most 4 points.
    private mutating func close(_ run: Run, _ end: Int, into out: inout ReducedSeries) {
        let start = run.start
        guard start >= 0 else { return }
        if end - start <= 4 {
            for i in start..<end { append(i, into: &out) }
            return
        }
        var iMin = run.minAt
        while y[iMin] != run.minValue { iMin &+= 1 }
        var iMax = run.maxAt
        while y[iMax] != run.maxValue { iMax &+= 1 }
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

    /// Appends y[i], with the index i standing in for x[i] until `gatherX` (exact below 2⁵³):
    /// reading x here would be a cache miss per point that the y scan cannot hide (x is
    /// otherwise untouched), while the gather overlaps them.
    private mutating func append(_ i: Int, into out: inout ReducedSeries) {
        out.x.append(Double(i))
        out.y.append(y[i])
        endsInBreak = y[i].isNaN
    }

    /// Replaces the indices left in `out.x` by `append` with their x values.
    func gatherX(into out: inout ReducedSeries) {
        out.x.withUnsafeMutableBufferPointer { indices in
            for k in indices.indices { indices[k] = x[Int(indices[k])] }
        }
    }
}

/// The smallest lane (NaN-free input); `b < a ? b : a` is the form that compiles to `minsd`,
/// where `Swift.min` becomes a compare and three logic operations.
@inline(__always)
private func horizontalMin(_ v: SIMD8<Double>) -> Double {
    let m = vmin(vmin(v.lowHalf, v.highHalf).lowHalf, vmin(v.lowHalf, v.highHalf).highHalf)
    return m[1] < m[0] ? m[1] : m[0]
}

/// The largest lane (NaN-free input).
@inline(__always)
private func horizontalMax(_ v: SIMD8<Double>) -> Double {
    let m = vmax(vmax(v.lowHalf, v.highHalf).lowHalf, vmax(v.lowHalf, v.highHalf).highHalf)
    return m[1] > m[0] ? m[1] : m[0]
}

// Lane-wise minimum and maximum, written lane by lane: LLVM folds the eight compare-and-selects
// into `minpd`/`maxpd`. The stdlib's `replacing(with:where:)` and `pointwiseMin` go through a
// per-lane loop that stays scalar and spills (measured 10× slower, 150 ms for 10⁷ points).

/// Lane-wise minimum of a and b (NaN-free input).
@inline(__always)
private func vmin<T: SIMD>(_ a: T, _ b: T) -> T where T.Scalar == Double {
    var r = a
    for k in 0..<T.scalarCount { r[k] = b[k] < a[k] ? b[k] : a[k] }
    return r
}

/// Lane-wise maximum of a and b (NaN-free input).
@inline(__always)
private func vmax<T: SIMD>(_ a: T, _ b: T) -> T where T.Scalar == Double {
    var r = a
    for k in 0..<T.scalarCount { r[k] = b[k] > a[k] ? b[k] : a[k] }
    return r
}
