import Dispatch
import FoundationEssentials
import Synchronization

/// Reduces a line series to at most four points per pixel column — the first, the lowest, the
/// highest and the last — so that the reduced line draws the same pixels as the full one
/// (M4: Jugel et al., "M4: A Visualization-Oriented Time Series Data Aggregation", VLDB 2014).
///
/// Columns are the unit intervals [k, k + 1) of the pixel axis, found through the x axis's own
/// `AxisTransform` (so an inverted axis buckets along its drawn direction); points left and
/// right of the view form one bucket each, so the segments entering the view stay exact. NaN in
/// y breaks the line: each NaN-free run in a column is reduced on its own and the break is kept
/// as one NaN point. x must be ascending (ties allowed); otherwise, or with NaN in x, the series
/// is returned unchanged (`isReduced == false`): the columns would not be contiguous runs.
///
/// Speed: each column boundary is found by galloping out from a guess (the average column width
/// left), a few reads of x for evenly spaced x; y is then scanned per column in blocks of 32 by
/// `M4ColumnReducer` (SIMD min/max, one NaN test per block, scalar path only for blocks with
/// NaN). Series of a million points or more are cut in two at a column boundary and both halves
/// are checked and reduced at once on two threads (memory bandwidth, not arithmetic, is the
/// limit, and two cores read faster than one). Measured (bench plotline-chart-bench, 10⁷ points
/// → 1,200 columns, release, 2-core AMD EPYC, medians): without NaN 3.5 ms with the x check,
/// 2.0 ms with `assumeSorted`; with 0.1% NaN 5.3 ms and 4.0 ms (one thread: 6.7–7.2 / 3.8–4.5
/// and 9.5–11 / 6.9–7.4 ms). The 0.1%-NaN case with the check is still just over the 5 ms
/// target: the blocks holding a NaN go one value at a time.
public struct M4Decimator: Sendable {
    /// The x axis's data → position rule.
    public let axis: AxisTransform
    /// The pixels the x axis is drawn on, whose unit columns group the points.
    public let pixels: AxisTransform.Span

    /// Creates a decimator for x axis `axis` drawn on `pixels`.
    public init(axis: AxisTransform, pixels: AxisTransform.Span, parallelThreshold: Int = 1 << 20) {
        self.axis = axis
        self.pixels = pixels
        self.parallelThreshold = parallelThreshold
    }

    /// Data-space x boundaries between buckets, ascending: bucket 0 is x < b[0], bucket i is
    /// b[i−1] ≤ x < b[i], the last bucket is x ≥ b[last]. One boundary per whole pixel in the
    /// view (at most 1,000,000 columns); none for a degenerate view or an empty span.
    public func boundaries() -> [Double] {
        let (p0, p1) = pixels.bounds
        guard p0.isFinite, p1.isFinite, p0 != p1, !axis.centred else { return [] }
        let first = p0.rounded(.down)
        let count = Int(Swift.min(p1.rounded(.up) - first, 1_000_000)) + 1
        var edges = (0..<count).map { axis.value(atPixel: first + Double($0), on: pixels) }
        if axis.runsBackwards(on: pixels) { edges.reverse() }
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
    /// the check pass is skipped; the result is unspecified if the promise is broken. Series of
    /// at least `parallelThreshold` points are cut in two at a column boundary and both halves
    /// are checked and reduced at once on two threads; the joined result is the same.
    public func reduce(x: UnsafeBufferPointer<Double>, y: UnsafeBufferPointer<Double>,
                       into output: inout ReducedSeries, assumeSorted: Bool = false) {
        let n = Swift.min(x.count, y.count)
        output.x.removeAll(keepingCapacity: true)
        output.y.removeAll(keepingCapacity: true)
        let edges = boundaries()
        guard n > 4 * (edges.count + 1) else {
            M4Decimator.keepWhole(x, y, n, into: &output)
            return
        }
        output.x.reserveCapacity(4 * (edges.count + 1) + 16)
        output.y.reserveCapacity(4 * (edges.count + 1) + 16)
        let whole = Part(points: 0..<n, edges: 0..<edges.count, tail: true, startsAfterPoint: false)
        if n >= parallelThreshold, let (first, second) = split(x, n, edges) {
            let halves = Halves()
            let parts = [first, second]
            edges.withUnsafeBufferPointer { e in
                let input = SharedInput(x: x, y: y, edges: e)
                DispatchQueue.concurrentPerform(iterations: 2) { i in
                    var out = ReducedSeries()
                    let ok = M4Decimator.reducePart(parts[i], input.x, input.y, input.edges,
                                                    assumeSorted: assumeSorted, into: &out)
                    halves.store(i, ok ? out : nil)
                }
            }
            guard let a = halves.parts[0], let b = halves.parts[1] else {
                M4Decimator.keepWhole(x, y, n, into: &output)
                return
            }
            output.x.append(contentsOf: a.x)
            output.y.append(contentsOf: a.y)
            // The second half was reduced as if a point came before it, so it keeps a break
            // at its start; drop it when the first half already ends in one (or is empty).
            let skip = (b.y.first?.isNaN ?? false) && (a.y.last?.isNaN ?? true) ? 1 : 0
            output.x.append(contentsOf: b.x.dropFirst(skip))
            output.y.append(contentsOf: b.y.dropFirst(skip))
            output.isReduced = true
            return
        }
        let ok = edges.withUnsafeBufferPointer { e in
            M4Decimator.reducePart(whole, x, y, e, assumeSorted: assumeSorted, into: &output)
        }
        if !ok { M4Decimator.keepWhole(x, y, n, into: &output) }
    }

    /// Series with at least this many points are reduced in two halves on two threads (about
    /// a million: below that the thread hand-off costs more than half of the scan).
    public var parallelThreshold = 1 << 20

    /// A contiguous share of the work: the points, the boundaries that cut them into columns,
    /// whether the last column runs to the end of the points (`tail`), and whether a point
    /// precedes them (so a break at their start is kept, for the join to decide).
    struct Part: Sendable {
        var points: Range<Int>
        var edges: Range<Int>
        var tail: Bool
        var startsAfterPoint: Bool
    }

    /// The read-only buffers both halves read. `concurrentPerform` returns only after both
    /// iterations end, so the buffers outlive every use and nothing writes them meanwhile.
    struct SharedInput: @unchecked Sendable {
        let x: UnsafeBufferPointer<Double>
        let y: UnsafeBufferPointer<Double>
        let edges: UnsafeBufferPointer<Double>
    }

    /// The two halves' results, written from two threads at distinct indices.
    final class Halves: @unchecked Sendable {
        private(set) var parts: [ReducedSeries?] = [nil, nil]
        private let lock = Mutex(())
        func store(_ i: Int, _ r: ReducedSeries?) { lock.withLock { _ in parts[i] = r } }
    }

    /// Cuts the points in two at the column boundary nearest the middle point, or nil when
    /// there is no such boundary with points on both sides.
    func split(_ x: UnsafeBufferPointer<Double>, _ n: Int, _ edges: [Double]) -> (Part, Part)? {
        let middle = x[n / 2]
        guard middle.isFinite else { return nil }
        var lo = 0, hi = edges.count  // first edge above the middle point
        while lo < hi {
            let mid = (lo + hi) / 2
            if edges[mid] <= middle { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0, lo < edges.count else { return nil }
        let cut = M4Decimator.partitionPoint(x, from: 0, to: n, below: edges[lo], near: n / 2)
        guard cut > 0, cut < n else { return nil }
        return (Part(points: 0..<cut, edges: 0..<(lo + 1), tail: false, startsAfterPoint: false),
                Part(points: cut..<n, edges: (lo + 1)..<edges.count, tail: true, startsAfterPoint: true))
    }

    /// Checks (unless `assumeSorted`) and reduces one part into `output`; false when its x
    /// is not ascending or holds NaN.
    static func reducePart(_ part: Part, _ x: UnsafeBufferPointer<Double>, _ y: UnsafeBufferPointer<Double>,
                           _ edges: UnsafeBufferPointer<Double>, assumeSorted: Bool,
                           into output: inout ReducedSeries) -> Bool {
        if !assumeSorted {
            // Include the pair that straddles the cut, so the two checks together cover all of x.
            let from = part.startsAfterPoint ? part.points.lowerBound - 1 : part.points.lowerBound
            let slice = UnsafeBufferPointer(rebasing: x[from..<part.points.upperBound])
            guard ColumnScan.isAscending(slice) else { return false }
        }
        output.isReduced = true
        var reducer = M4ColumnReducer(x: x.baseAddress!, y: y.baseAddress!, endsInBreak: !part.startsAfterPoint)
        var start = part.points.lowerBound
        let end = part.points.upperBound
        let last = part.edges.upperBound
        for k in part.edges {
            // Guess the boundary from the average column width left, then gallop from there.
            let guess = start + (end - start) / (last + (part.tail ? 1 : 0) - k)
            let stop = partitionPoint(x, from: start, to: end, below: edges[k], near: guess)
            if stop > start { reducer.column(start, stop, into: &output) }
            start = stop
        }
        if end > start { reducer.column(start, end, into: &output) }
        reducer.gatherX(into: &output)
        return true
    }

    /// The series unchanged (`isReduced == false`).
    static func keepWhole(_ x: UnsafeBufferPointer<Double>, _ y: UnsafeBufferPointer<Double>, _ n: Int,
                          into output: inout ReducedSeries) {
        output.x.removeAll(keepingCapacity: true)
        output.y.removeAll(keepingCapacity: true)
        output.x.append(contentsOf: x.prefix(n))
        output.y.append(contentsOf: y.prefix(n))
        output.isReduced = false
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
