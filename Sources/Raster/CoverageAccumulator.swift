import Geometry

/// Exact-area coverage of a set of line edges over a rectangle of pixels, by signed-area
/// accumulation.
///
/// Each edge adds, to every cell it crosses, the signed area it sweeps to the cell's right
/// (`dy · fraction of the cell to its right`) and carries the rest to the next cell; a
/// left-to-right prefix sum over a row then gives each pixel's exact area-weighted winding value.
/// This is the algorithm of font-rs (Raph Levien) and, in cell form, FreeType's smooth
/// rasterizer. Fill rules are applied to the accumulated value: nonzero takes `min(1, |a|)`,
/// even-odd folds `|a|` into 0...1 with period 2, as FreeType does.
///
/// Sparse: a bit per 16-cell block records which blocks an edge touched. The sweep walks only
/// touched blocks cell by cell; between them the accumulated value is constant, so an untouched
/// block is one span (skipped when empty, a solid span when inside). Rows no edge touched cost a
/// word test. Cells are cleared as they are read, so the buffer is ready for the next path without
/// a full clear.
struct CoverageAccumulator {
    static let blockShift = 4
    static let blockSize = 1 << blockShift

    /// Width and height of the area in cells (device pixels).
    private(set) var width = 0
    private(set) var height = 0
    /// Cells per row: `width + 2`, so an edge at x = width never writes past the row.
    private var stride = 0
    private var wordsPerRow = 0
    private var storage = Storage()
    // The storage's buffers, cached so the hot loops index raw memory with no checks.
    private var cells: UnsafeMutablePointer<Float>
    private var touched: UnsafeMutablePointer<UInt64>

    init() {
        cells = storage.cells
        touched = storage.touched
    }

    /// The cells the buffers hold now.
    var capacity: Int { storage.cellCount }

    /// The zeroed buffers behind an accumulator; grown, never shrunk, and freed with it.
    final class Storage {
        private(set) var cells = UnsafeMutablePointer<Float>.allocate(capacity: 1)
        private(set) var touched = UnsafeMutablePointer<UInt64>.allocate(capacity: 1)
        private var cellCapacity = 1, wordCapacity = 1
        var cellCount: Int { cellCapacity }

        init() { cells.initialize(to: 0); touched.initialize(to: 0) }

        func reserve(cells n: Int, words m: Int) {
            if n > cellCapacity {
                cells.deallocate()
                cells = .allocate(capacity: n)
                cells.initialize(repeating: 0, count: n)
                cellCapacity = n
            }
            if m > wordCapacity {
                touched.deallocate()
                touched = .allocate(capacity: m)
                touched.initialize(repeating: 0, count: m)
                wordCapacity = m
            }
        }

        deinit { cells.deallocate(); touched.deallocate() }
    }

    /// Prepares an empty area of `width × height` cells, reusing the buffers when they are big
    /// enough (they are always left cleared by `sweep`).
    mutating func reset(width: Int, height: Int) {
        self.width = width
        self.height = height
        stride = width + 2
        let blocks = (stride + CoverageAccumulator.blockSize - 1) >> CoverageAccumulator.blockShift
        wordsPerRow = (blocks + 63) >> 6
        storage.reserve(cells: stride * height, words: wordsPerRow * height)
        cells = storage.cells
        touched = storage.touched
    }

    /// Adds an edge from `p` to `q` in area coordinates (0,0 is the area's top-left corner).
    ///
    /// The edge may lie anywhere: parts above or below the area are dropped, parts left of it are
    /// moved onto x = 0 (they still change the winding of every pixel to their right), parts
    /// right of it are dropped. Non-finite edges are ignored.
    @inline(__always)
    mutating func addLine(_ p: Point, _ q: Point) {
        var x0 = p.x, y0 = p.y, x1 = q.x, y1 = q.y
        if y0 == y1 { return }
        let h = Double(height), w = Double(width)
        // Fast path: wholly inside (false for NaN).
        if x0 >= 0 && x0 <= w && x1 >= 0 && x1 <= w && y0 >= 0 && y0 <= h && y1 >= 0 && y1 <= h {
            addLineInside(x0, y0, x1, y1)
            return
        }
        // Clip to 0 ≤ y ≤ h.
        if y0 < 0 && y1 < 0 || y0 > h && y1 > h { return }
        if y0 < 0 || y0 > h || y1 < 0 || y1 > h {
            let dxdy = (x1 - x0) / (y1 - y0)
            if y0 < 0 { x0 += (0 - y0) * dxdy; y0 = 0 } else if y0 > h { x0 += (h - y0) * dxdy; y0 = h }
            if y1 < 0 { x1 += (0 - y1) * dxdy; y1 = 0 } else if y1 > h { x1 += (h - y1) * dxdy; y1 = h }
            if y0 == y1 { return }
        }
        guard x0.isFinite, x1.isFinite, y0.isFinite, y1.isFinite else { return }
        // Clip to 0 ≤ x ≤ w: the part left of 0 becomes a vertical edge at 0, the part right of w
        // is dropped.
        if x0 >= w && x1 >= w { return }
        if x0 <= 0 && x1 <= 0 { accumulate(0, y0, 0, y1); return }
        if x0 >= 0 && x0 <= w && x1 >= 0 && x1 <= w { accumulate(x0, y0, x1, y1); return }
        let dydx = (y1 - y0) / (x1 - x0)
        var ax = x0, ay = y0, bx = x1, by = y1
        if ax > bx { swap(&ax, &bx); swap(&ay, &by) }  // now ax < bx
        // Left part.
        if ax < 0 {
            let yc = ay + (0 - ax) * dydx
            accumulateOrdered(0, ay, 0, yc, forward: x0 <= x1)
            ax = 0; ay = yc
        }
        // Right part dropped.
        if bx > w {
            by = ay + (w - ax) * dydx
            bx = w
        }
        accumulateOrdered(ax, ay, bx, by, forward: x0 <= x1)
    }

    /// Adds an edge known to lie inside the area (0...width × 0...height, finite): no clipping.
    @inline(__always)
    mutating func addLineInside(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) {
        // Within one cell, as most edges of a dense polyline's outline are: one update, no loop.
        let yLo = min(y0, y1), yi = Int(yLo)
        let lo = min(x0, x1), loI = Int(lo), loFloor = Double(loI)
        if max(y0, y1) <= Double(yi + 1) && max(x0, x1) <= loFloor + 1 {
            if y0 == y1 { return }
            let d = Float(y1 - y0)
            let xmf = Float(0.5 * (x0 + x1) - loFloor)
            let row = cells + yi * stride
            row[loI] += d - d * xmf
            row[loI + 1] += d * xmf
            let bitRow = touched + yi * wordsPerRow
            let b0 = loI >> CoverageAccumulator.blockShift, b1 = (loI + 1) >> CoverageAccumulator.blockShift
            bitRow[b0 >> 6] |= 1 << UInt64(b0 & 63)
            bitRow[b1 >> 6] |= 1 << UInt64(b1 & 63)
            return
        }
        accumulate(x0, y0, x1, y1)
    }

    /// Accumulates the piece (ax, ay)–(bx, by), which was cut from an edge whose original
    /// direction ran left-to-right when `forward`; the winding sign follows the original edge.
    @inline(__always)
    private mutating func accumulateOrdered(_ ax: Double, _ ay: Double, _ bx: Double, _ by: Double, forward: Bool) {
        if forward { accumulate(ax, ay, bx, by) } else { accumulate(bx, by, ax, ay) }
    }

    /// The font-rs line routine on an edge already inside the area.
    @inline(__always)
    private mutating func accumulate(_ px: Double, _ py: Double, _ qx: Double, _ qy: Double) {
        if py == qy { return }
        let dir: Float, x0: Double, y0: Double, x1: Double, y1: Double
        if py < qy { dir = 1; x0 = px; y0 = py; x1 = qx; y1 = qy } else { dir = -1; x0 = qx; y0 = qy; x1 = px; y1 = py }
        var y = Int(y0)
        let stride = self.stride, wordsPerRow = self.wordsPerRow
        let shift = CoverageAccumulator.blockShift
        // Fast path: the edge lies within one row and one cell (short edges of dense polylines).
        if y1 <= Double(y + 1) {
            let lo = max(0, min(x0, x1)), hi = max(x0, x1)
            let loI = Int(lo)
            let loFloor = Double(loI)
            if hi <= loFloor + 1 {
                let d = Float(y1 - y0) * dir
                let xmf = Float(0.5 * (x0 + x1) - loFloor)
                let row = cells + y * stride
                row[loI] += d - d * xmf
                row[loI + 1] += d * xmf
                let bitRow = touched + y * wordsPerRow
                let b0 = loI >> shift, b1 = (loI + 1) >> shift
                bitRow[b0 >> 6] |= 1 << UInt64(b0 & 63)
                bitRow[b1 >> 6] |= 1 << UInt64(b1 & 63)
                return
            }
        }
        let dxdy = (x1 - x0) / (y1 - y0)
        let yEnd = min(height, CoverageAccumulator.ceil(y1))
        var yTop = y0, x = x0
        // x stays within 0...width (addLine clipped it), so cells loI ≤ width and loI + 1 ≤
        // width + 1 lie inside the row's `width + 2` cells.
        var row = cells + y * stride
        var bitRow = touched + y * wordsPerRow
        while y < yEnd {
            let yBottom = min(Double(y + 1), y1)
            let dy = yBottom - yTop
            let xNext = x + dxdy * dy
            let d = Float(dy) * dir
            let lo = max(0, min(x, xNext)), hi = max(x, xNext)
            let loI = Int(lo)  // lo ≥ 0, so truncation is the floor
            let loFloor = Double(loI)
            if hi <= loFloor + 1 {
                // The common case for plot lines: the edge stays in one cell on this row.
                let xmf = Float(0.5 * (x + xNext) - loFloor)
                row[loI] += d - d * xmf
                row[loI + 1] += d * xmf
                let b0 = loI >> shift, b1 = (loI + 1) >> shift
                bitRow[b0 >> 6] |= 1 << UInt64(b0 & 63)
                bitRow[b1 >> 6] |= 1 << UInt64(b1 & 63)
            } else {
                let hiCeil = CoverageAccumulator.ceil(hi)
                let hiI = hiCeil
                let s = Float(1 / (hi - lo))
                let x0f = Float(lo - loFloor)
                let a0 = 0.5 * s * (1 - x0f) * (1 - x0f)
                let x1f = Float(hi - Double(hiCeil) + 1)
                let am = 0.5 * s * x1f * x1f
                row[loI] += d * a0
                if hiI == loI + 2 {
                    row[loI + 1] += d * (1 - a0 - am)
                } else {
                    let a1 = s * (1.5 - x0f)
                    row[loI + 1] += d * (a1 - a0)
                    var xi = loI + 2
                    let ds = d * s
                    while xi < hiI - 1 { row[xi] += ds; xi += 1 }
                    let a2 = a1 + Float(hiI - loI - 3) * s
                    row[hiI - 1] += d * (1 - a2 - am)
                }
                row[hiI] += d * am
                var blk = loI >> shift
                let bEnd = hiI >> shift
                while blk <= bEnd { bitRow[blk >> 6] |= 1 << UInt64(blk & 63); blk += 1 }
            }
            x = xNext
            yTop = yBottom
            y += 1
            row += stride
            bitRow += wordsPerRow
        }
    }

    /// The ceiling of a non-negative value, without a libm call (baseline x86-64 has no
    /// rounding instruction, so `rounded(.up)` is a function call on the hot path).
    @inline(__always)
    static func ceil(_ v: Double) -> Int {
        let t = Int(v)
        return Double(t) < v ? t + 1 : t
    }

    /// Converts an accumulated winding value to 8-bit coverage under `rule`.
    @inline(__always)
    static func coverage(_ a: Float, _ rule: FillRule) -> UInt8 {
        var v = abs(a)
        if rule == .evenOdd {
            v -= 2 * Float(Int(v * 0.5))  // v ≥ 0: truncation is the floor
            if v > 1 { v = 2 - v }
        } else if v > 1 {
            v = 1
        }
        return UInt8(v * 255 + 0.5)
    }

    /// Walks every row, clearing the cells as it reads them, and reports maximal runs of equal,
    /// non-zero coverage as `span(y, x, length, coverage)` in area coordinates.
    @inline(__always)
    mutating func sweep(rule: FillRule, _ span: (Int, Int, Int, UInt8) -> Void) {
        let stride = self.stride, wordsPerRow = self.wordsPerRow, width = self.width
        let bs = CoverageAccumulator.blockSize
        let blocks = (width + bs - 1) / bs
        let acc = cells, bits = touched
        do {
            do {
                for y in 0..<height {
                    let wordRow = y * wordsPerRow
                    var any: UInt64 = 0
                    for k in 0..<wordsPerRow { any |= bits[wordRow + k] }
                    if any == 0 { continue }
                    let row = y * stride
                    var a: Float = 0
                    var runX = 0, runLen = 0
                    var runCov: UInt8 = 0
                    var b = 0
                    while b < blocks {
                        let word = bits[wordRow + (b >> 6)]
                        let x0 = b * bs, x1 = min(width, x0 + bs)
                        if word & (1 << UInt64(b & 63)) != 0 {
                            var x = x0
                            while x < x1 {
                                a += acc[row + x]; acc[row + x] = 0
                                let c = CoverageAccumulator.coverage(a, rule)
                                if c == runCov && runLen > 0 {
                                    runLen += 1
                                } else {
                                    if runLen > 0 && runCov != 0 { span(y, runX, runLen, runCov) }
                                    runX = x; runLen = 1; runCov = c
                                }
                                x += 1
                            }
                        } else {
                            if word == 0 && b & 63 == 0 && abs(a) < 1.0 / 512 {
                                // A whole word of empty blocks with nothing carried in: skip it.
                                if runLen > 0 && runCov != 0 { span(y, runX, runLen, runCov) }
                                runLen = 0
                                b += 64
                                continue
                            }
                            let c = CoverageAccumulator.coverage(a, rule)
                            if c == runCov && runLen > 0 {
                                runLen += x1 - x0
                            } else {
                                if runLen > 0 && runCov != 0 { span(y, runX, runLen, runCov) }
                                runX = x0; runLen = x1 - x0; runCov = c
                            }
                        }
                        b += 1
                    }
                    if runLen > 0 && runCov != 0 { span(y, runX, runLen, runCov) }
                    // Cells past the last block (x = width, width + 1) and the block bits.
                    acc[row + width] = 0; acc[row + width + 1] = 0
                    for k in 0..<wordsPerRow { bits[wordRow + k] = 0 }
                }
            }
        }
    }
}
