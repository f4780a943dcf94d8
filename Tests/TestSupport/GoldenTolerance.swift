/// How close an image must be to its golden to pass.
///
/// Rasterizer goldens are pixel-exact (tiny-skia's habit); text goldens allow small
/// differences because FreeType versions move edges (matplotlib pins FreeType and uses RMS).
public enum GoldenTolerance: Sendable, Equatable, CustomStringConvertible {
    /// Every byte equal.
    case exact
    /// At most `maxDifferingFraction` of the pixels may have a channel off by more than `maxDelta`.
    case channels(maxDelta: Int, maxDifferingFraction: Double)
    /// The RMS channel difference (0...255 scale, like matplotlib's `tol`) at most this.
    case rms(Double)

    /// The tolerance for images with text: a few pixels may differ a little.
    public static func text(maxChannelDelta: Int = 32, maxDifferingFraction: Double = 0.002) -> GoldenTolerance {
        .channels(maxDelta: maxChannelDelta, maxDifferingFraction: maxDifferingFraction)
    }

    /// True when `difference` is within this tolerance (never for different sizes).
    public func accepts(_ difference: ImageDifference) -> Bool {
        guard difference.sizesMatch else { return false }
        switch self {
        case .exact:
            return difference.differingPixels == 0
        case .channels(let maxDelta, let fraction):
            return Double(difference.pixels(exceeding: maxDelta)) <= fraction * Double(difference.pixelCount)
        case .rms(let limit):
            return difference.rms <= limit
        }
    }

    /// The channel difference the diff image marks (differences at or below it are not red).
    var threshold: Int {
        if case .channels(let maxDelta, _) = self { return maxDelta }
        return 0
    }

    public var description: String {
        switch self {
        case .exact: return "exact"
        case .channels(let d, let f): return "at most \(f * 100)% of pixels off by more than \(d)"
        case .rms(let r): return "rms ≤ \(r)"
        }
    }
}
