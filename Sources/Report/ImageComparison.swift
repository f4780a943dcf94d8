#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Raster

/// How a new image differs from its baseline, pixel by pixel, under a tolerance.
///
/// The images are compared over the pixels they share (both anchored at the top-left corner).
/// A pixel differs when one of its straight-alpha R, G, B, A channels differs by more than
/// `tolerance.channel`. Pixels that lie in only one image (a size mismatch) all count as
/// differing and are part of `changedBounds`; `maxChannelDifference` covers the shared pixels.
///
/// Speed: each row is first compared with `memcmp`, so identical rows (most rows of a plot
/// with a small change) cost a memory scan; only differing rows go pixel by pixel, and only
/// translucent pixels pay for demultiplying. A 1200×800 pair takes about 0.1 ms when identical
/// or a few pixels differ, 3.5 ms when every pixel differs (release build; measured with
/// `bench/Sources/plotline-compare-bench`, whose header has the table).
///
/// Straight alpha comes from demultiplying the decoder's premultiplied pixels: exact for
/// opaque pixels and for every colour premultiplication can produce; two straight colours that
/// premultiply to the same bytes (translucent pixels only) look the same when composited, and
/// compare equal here. Fully transparent pixels are equal whatever their colour.
public struct ImageComparison: Sendable, Equatable {
    /// The baseline's size in pixels.
    public var baselineWidth: Int, baselineHeight: Int
    /// The new image's size in pixels.
    public var width: Int, height: Int
    /// The tolerance the counts were made with.
    public var tolerance: ImageTolerance
    /// Pixels differing by more than `tolerance.channel`, plus those in only one image.
    public var differingPixels: Int
    /// The largest difference of one channel (0...255) over the shared pixels, tolerated or not.
    public var maxChannelDifference: Int
    /// The smallest rectangle holding every differing pixel; nil when none differs.
    public var changedBounds: IntRect?

    /// True when both images have the same width and height.
    public var sizesMatch: Bool { width == baselineWidth && height == baselineHeight }

    /// True when the sizes differ or more than `tolerance.pixels` pixels differ.
    public var isChanged: Bool { !sizesMatch || differingPixels > tolerance.pixels }

    /// Compares `current` with `baseline` under `tolerance`.
    public init(baseline: Pixmap, current: Pixmap, tolerance: ImageTolerance = ImageTolerance()) {
        baselineWidth = baseline.width; baselineHeight = baseline.height
        width = current.width; height = current.height
        self.tolerance = tolerance
        var scan = ImageComparison.scanShared(baseline, current, channel: max(0, tolerance.channel))
        for strip in ImageComparison.unsharedStrips(baseline.bounds, current.bounds) {
            scan.differing += strip.width * strip.height
            scan.bounds = scan.bounds.map { $0.union(strip) } ?? strip
        }
        differingPixels = scan.differing
        maxChannelDifference = scan.maxDifference
        changedBounds = scan.bounds
    }

    /// The running totals of a scan over the shared pixels.
    struct Scan {
        var differing = 0
        var maxDifference = 0
        var bounds: IntRect?
    }

    /// Counts, over the pixels both images have, those differing by more than `channel`.
    static func scanShared(_ a: Pixmap, _ b: Pixmap, channel: Int) -> Scan {
        let w = min(a.width, b.width), h = min(a.height, b.height)
        var scan = Scan()
        var minX = Int.max, maxX = -1, minY = Int.max, maxY = -1
        a.data.withUnsafeBytes { ra in
            b.data.withUnsafeBytes { rb in
                let pa = ra.bindMemory(to: UInt32.self).baseAddress!
                let pb = rb.bindMemory(to: UInt32.self).baseAddress!
                for y in 0..<h {
                    let rowA = pa + y &* a.width, rowB = pb + y &* b.width
                    if memcmp(rowA, rowB, w &* 4) == 0 { continue }
                    var rowMin = Int.max, rowMax = -1, rowCount = 0, rowMaxDifference = 0
                    for x in 0..<w {
                        let u = rowA[x], v = rowB[x]
                        if u == v { continue }
                        let d = pixelDifference(u, v)
                        if d > rowMaxDifference { rowMaxDifference = d }
                        if d > channel {
                            rowCount &+= 1
                            if x < rowMin { rowMin = x }
                            rowMax = x
                        }
                    }
                    if rowMaxDifference > scan.maxDifference { scan.maxDifference = rowMaxDifference }
                    guard rowCount > 0 else { continue }
                    scan.differing &+= rowCount
                    minX = min(minX, rowMin); maxX = max(maxX, rowMax)
                    if y < minY { minY = y }
                    maxY = y
                }
            }
        }
        if maxX >= 0 {
            scan.bounds = IntRect(x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1)
        }
        return scan
    }

    /// The largest straight-alpha channel difference between two packed RGBA8 premultiplied
    /// pixels (bytes R, G, B, A in memory).
    @inline(__always)
    static func pixelDifference(_ u: UInt32, _ v: UInt32) -> Int {
        let p = UInt32(littleEndian: u), q = UInt32(littleEndian: v)
        let au = p >> 24, av = q >> 24
        if au == 255 && av == 255 {
            return max(byteDifference(p, q, 0), byteDifference(p, q, 8), byteDifference(p, q, 16))
        }
        let su = demultiply(p), sv = demultiply(q)
        return max(byteDifference(su, sv, 0), byteDifference(su, sv, 8),
                   byteDifference(su, sv, 16), byteDifference(su, sv, 24))
    }

    @inline(__always)
    static func byteDifference(_ p: UInt32, _ q: UInt32, _ shift: UInt32) -> Int {
        let a = Int((p >> shift) & 0xff), b = Int((q >> shift) & 0xff)
        return a > b ? a &- b : b &- a
    }

    /// A packed premultiplied pixel in straight alpha, rounding to nearest (as
    /// `PremultipliedColor.demultiplied`); fully transparent pixels become 0.
    @inline(__always)
    static func demultiply(_ p: UInt32) -> UInt32 {
        let a = p >> 24
        if a == 255 { return p }
        if a == 0 { return 0 }
        @inline(__always) func d(_ shift: UInt32) -> UInt32 {
            min(255, (((p >> shift) & 0xff) &* 255 &+ a / 2) / a) << shift
        }
        return d(0) | d(8) | d(16) | a << 24
    }

    /// The parts of `a` ∪ `b` (both at the origin) that lie in only one of them, as at most two
    /// disjoint strips: the columns right of the narrower image (in the wider one's rows) and,
    /// below the shorter image, the taller one's rows within the shared columns.
    static func unsharedStrips(_ a: IntRect, _ b: IntRect) -> [IntRect] {
        let sharedW = min(a.width, b.width), sharedH = min(a.height, b.height)
        let wider = a.width >= b.width ? a : b, taller = a.height >= b.height ? a : b
        let strips = [
            IntRect(x: sharedW, y: 0, width: wider.width - sharedW, height: wider.height),
            IntRect(x: 0, y: sharedH, width: sharedW, height: taller.height - sharedH),
        ]
        return strips.filter { !$0.isEmpty }
    }
}

extension IntRect {
    /// The smallest rectangle holding both.
    func union(_ o: IntRect) -> IntRect {
        let x0 = min(x, o.x), y0 = min(y, o.y)
        return IntRect(x: x0, y: y0, width: max(maxX, o.maxX) - x0, height: max(maxY, o.maxY) - y0)
    }
}
