import Raster

/// How two pixmaps differ, channel by channel, in premultiplied bytes.
///
/// `maxDeltaHistogram[d]` counts the pixels whose largest channel difference is `d`, so a
/// tolerance can ask "how many pixels differ by more than k" for any k without a second pass.
public struct ImageDifference: Sendable, Equatable, CustomStringConvertible {
    /// The compared size (the smaller one in each direction when the sizes differ).
    public var width: Int
    public var height: Int
    /// False when the two pixmaps have different sizes; they never match then.
    public var sizesMatch: Bool
    /// Pixels with any channel different.
    public var differingPixels: Int
    /// The largest difference of one channel, 0...255.
    public var maxChannelDelta: Int
    /// The mean absolute channel difference over all channels of all compared pixels.
    public var meanChannelDelta: Double
    /// The root mean square channel difference (matplotlib's `calculate_rms`, 0...255 scale).
    public var rms: Double
    /// Pixels by their largest channel difference (256 buckets).
    public var maxDeltaHistogram: [Int]

    /// The number of compared pixels.
    public var pixelCount: Int { width * height }
    /// True when the sizes match and every byte is equal.
    public var isIdentical: Bool { sizesMatch && differingPixels == 0 }

    /// Pixels whose largest channel difference is greater than `delta`.
    public func pixels(exceeding delta: Int) -> Int {
        guard delta < 255 else { return 0 }
        return maxDeltaHistogram[max(0, delta + 1)...].reduce(0, +)
    }

    public var description: String {
        let size = sizesMatch ? "" : "sizes differ; "
        return "\(size)\(differingPixels) of \(pixelCount) pixels differ, max channel delta \(maxChannelDelta), mean \(format3(meanChannelDelta)), rms \(format3(rms))"
    }
}

func format3(_ v: Double) -> String { String((v * 1000).rounded() / 1000) }

/// Compares two pixmaps byte by byte (premultiplied RGBA).
///
/// When the sizes differ only the overlapping top-left part is compared and `sizesMatch` is
/// false.
public func imageDifference(_ a: Pixmap, _ b: Pixmap) -> ImageDifference {
    let w = min(a.width, b.width), h = min(a.height, b.height)
    var histogram = [Int](repeating: 0, count: 256)
    var differing = 0, maxDelta = 0
    var sum = 0, sumSquares = 0
    a.data.withUnsafeBufferPointer { pa in
        b.data.withUnsafeBufferPointer { pb in
            for y in 0..<h {
                var ia = y * a.width * 4, ib = y * b.width * 4
                for _ in 0..<w {
                    var pixelMax = 0
                    for c in 0..<4 {
                        let d = abs(Int(pa[ia + c]) - Int(pb[ib + c]))
                        sum += d
                        sumSquares += d * d
                        pixelMax = max(pixelMax, d)
                    }
                    histogram[pixelMax] += 1
                    if pixelMax > 0 { differing += 1 }
                    maxDelta = max(maxDelta, pixelMax)
                    ia += 4; ib += 4
                }
            }
        }
    }
    let channels = Double(w * h * 4)
    return ImageDifference(
        width: w, height: h, sizesMatch: a.width == b.width && a.height == b.height,
        differingPixels: differing, maxChannelDelta: maxDelta,
        meanChannelDelta: Double(sum) / channels, rms: (Double(sumSquares) / channels).squareRoot(),
        maxDeltaHistogram: histogram)
}

/// An opaque picture of where `actual` differs from `expected` by more than `threshold`:
/// those pixels red, the rest a faded grey copy of `actual` (pixels outside the overlap of
/// two different sizes count as differing).
public func differenceImage(expected: Pixmap, actual: Pixmap, threshold: Int = 0) -> Pixmap {
    // `actual` has a valid size, so this cannot throw.
    var out = try! Pixmap(width: actual.width, height: actual.height)
    for y in 0..<actual.height {
        for x in 0..<actual.width {
            let p = actual.pixel(x: x, y: y)
            var differs = x >= expected.width || y >= expected.height
            if !differs {
                let q = expected.pixel(x: x, y: y)
                let d = max(abs(Int(p.r) - Int(q.r)), abs(Int(p.g) - Int(q.g)),
                            abs(Int(p.b) - Int(q.b)), abs(Int(p.a) - Int(q.a)))
                differs = d > threshold
            }
            if differs {
                out.setPixel(x: x, y: y, PremultipliedColor(r: 255, g: 0, b: 0, a: 255))
            } else {
                // Luma of the colour over white, faded to a quarter of its contrast.
                let c = p
                let white = 255 - Int(c.a)
                let luma = (299 * (Int(c.r) + white) + 587 * (Int(c.g) + white) + 114 * (Int(c.b) + white)) / 1000
                let v = UInt8(255 - (255 - min(255, luma)) / 4)
                out.setPixel(x: x, y: y, PremultipliedColor(r: v, g: v, b: v, a: 255))
            }
        }
    }
    return out
}
