/// A figure's canvas, validated: its size in pixels and its dpi, inside the one documented range.
///
/// The range is decided here and nowhere else (docs/figure-spec.md, "Canvas size and dpi"):
/// each side 16...16384 pixels, at most 67,108,864 pixels (64 Mi, 256 MB of RGBA) in all, and
/// 10...2400 dots per inch. Every edge that takes a size or a dpi from a user parses it into a
/// `Canvas` and reports `Canvas.Error` with its own location: `plotline render --size/--dpi`,
/// a figure spec's `size` and `dpi` (also those the Python helper writes), a report figure's
/// `options`. The render pipeline checks figures made by code (library callers) with the same
/// rule, once, before layout; past that point nothing re-checks.
public struct Canvas: Sendable, Hashable, CustomStringConvertible {
    /// The smallest and largest side in pixels.
    public static let sides = 16...16384
    /// The most pixels of one canvas: 64 Mi, 256 MB of RGBA.
    public static let maxPixels = 64 << 20
    /// The dots per inch accepted: point sizes (fonts, lines) scale with it.
    public static let dpiRange: ClosedRange<Double> = 10...2400
    /// The default canvas: 1200×800 pixels at 100 dpi (matplotlib's 12×8 inches at 100 dpi).
    public static let standard = Canvas(checkedWidth: 1200, height: 800, dpi: 100)

    public let width: Int
    public let height: Int
    public let dpi: Double

    /// A canvas, or `Canvas.Error` saying which value is out of the range and what the range is.
    public init(width: Int, height: Int, dpi: Double = 100) throws(Canvas.Error) {
        try Canvas.check(width: width, height: height)
        try Canvas.check(dpi: dpi)
        self.init(checkedWidth: width, height: height, dpi: dpi)
    }

    /// The canvas of a figure, checked (for figures built by code rather than parsed).
    public init(of figure: Figure) throws(Canvas.Error) {
        try self.init(width: figure.width, height: figure.height, dpi: figure.dpi)
    }

    private init(checkedWidth width: Int, height: Int, dpi: Double) {
        self.width = width; self.height = height; self.dpi = dpi
    }

    /// This canvas with another dpi (checked).
    public func with(dpi: Double) throws(Canvas.Error) -> Canvas { try Canvas(width: width, height: height, dpi: dpi) }

    /// Throws unless `width × height` is a canvas size in the range.
    public static func check(width: Int, height: Int) throws(Canvas.Error) {
        guard sides.contains(width), sides.contains(height), width * height <= maxPixels else {
            throw .size(width: width, height: height)
        }
    }

    /// Throws unless `dpi` is in the range.
    public static func check(dpi: Double) throws(Canvas.Error) {
        guard dpiRange.contains(dpi) else { throw .dpi(dpi) }
    }

    /// Parses `WIDTHxHEIGHT` (`x`, `X` or `×` between two whole numbers); nil when it is not of that form.
    public static func parseSize(_ text: String) -> (width: Int, height: Int)? {
        let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: "×", omittingEmptySubsequences: false) }
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]) else { return nil }
        return (w, h)
    }

    /// What a size must be, for messages: "each side 16...16384 pixels, at most 67108864 pixels in all".
    public static let sizeRange = "each side \(sides.lowerBound)...\(sides.upperBound) pixels, at most \(maxPixels) pixels in all"
    /// What a dpi must be, for messages: "10...2400 dots per inch".
    public static let dpiRangeText = "\(Int(dpiRange.lowerBound))...\(Int(dpiRange.upperBound)) dots per inch"

    public var description: String { "\(width)x\(height) at \(dpi.formatted) dpi" }

    /// A size or dpi outside the canvas range; the message states the range.
    public enum Error: Swift.Error, Equatable, CustomStringConvertible {
        case size(width: Int, height: Int)
        case dpi(Double)

        public var description: String {
            switch self {
            case .size(let w, let h): return "invalid canvas size \(w)x\(h): \(Canvas.sizeRange)"
            case .dpi(let d): return "invalid dpi \(d.formatted): must be \(Canvas.dpiRangeText)"
            }
        }
    }
}

private extension Double {
    /// `100` rather than `100.0`; other values as Swift prints them.
    var formatted: String { self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self) }
}
