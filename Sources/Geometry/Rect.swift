/// An axis-aligned rectangle given by its minimum corner and size, in device pixels.
///
/// Sizes may be zero (an empty rectangle) but never negative: the initialisers normalise.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = width < 0 ? x + width : x
        self.y = height < 0 ? y + height : y
        self.width = abs(width)
        self.height = abs(height)
    }

    /// The rectangle spanned by two corners, in any order.
    public init(corner a: Point, _ b: Point) {
        self.init(x: min(a.x, b.x), y: min(a.y, b.y), width: abs(b.x - a.x), height: abs(b.y - a.y))
    }

    @inlinable public var minX: Double { x }
    @inlinable public var minY: Double { y }
    @inlinable public var maxX: Double { x + width }
    @inlinable public var maxY: Double { y + height }
    @inlinable public var center: Point { Point(x + width / 2, y + height / 2) }
    @inlinable public var isEmpty: Bool { !(width > 0 && height > 0) }
    @inlinable public var isFinite: Bool { x.isFinite && y.isFinite && width.isFinite && height.isFinite }

    /// The overlap of two rectangles, or nil when they do not overlap with positive area.
    public func intersection(_ o: Rect) -> Rect? {
        let x0 = max(minX, o.minX), y0 = max(minY, o.minY)
        let x1 = min(maxX, o.maxX), y1 = min(maxY, o.maxY)
        guard x1 > x0, y1 > y0 else { return nil }
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }

    /// The smallest rectangle containing both.
    public func union(_ o: Rect) -> Rect {
        let x0 = min(minX, o.minX), y0 = min(minY, o.minY)
        return Rect(x: x0, y: y0, width: max(maxX, o.maxX) - x0, height: max(maxY, o.maxY) - y0)
    }

    /// The rectangle grown by `d` on every side (shrunk when `d` is negative, never below zero).
    public func insetBy(_ d: Double) -> Rect {
        Rect(x: x + d, y: y + d, width: max(0, width - 2 * d), height: max(0, height - 2 * d))
    }

    public func contains(_ p: Point) -> Bool { p.x >= minX && p.x < maxX && p.y >= minY && p.y < maxY }

    /// The rectangle with its edges moved to whole pixels (rounded), for crisp fills.
    public var snapped: Rect {
        let x0 = minX.rounded(), y0 = minY.rounded()
        return Rect(x: x0, y: y0, width: maxX.rounded() - x0, height: maxY.rounded() - y0)
    }

    public var description: String {
        "[\(Point.format(x)) \(Point.format(y)) \(Point.format(width))x\(Point.format(height))]"
    }
}

/// Pixel snapping for strokes: where a line of `width` device pixels should sit so that its
/// edges fall on pixel boundaries (the centre of a 1-px line sits on a half pixel).
public enum PixelSnap {
    /// The snapped coordinate for a line centred near `v` of the given stroke width.
    public static func coordinate(_ v: Double, strokeWidth: Double) -> Double {
        let w = max(1, strokeWidth.rounded())
        if Int(w) % 2 == 1 { return (v - 0.5).rounded() + 0.5 }
        return v.rounded()
    }
}
