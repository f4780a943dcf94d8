/// Where drawing may touch a pixmap: a whole-pixel rectangle and, optionally, a coverage mask.
///
/// A rectangular clip at whole pixels costs nothing per pixel (spans are cut to it). A clip to a
/// path or to a fractional rectangle carries an 8-bit anti-aliased mask, `rect.width` bytes a row
/// over `rect`, by which every drawn pixel's coverage is multiplied.
public struct Clip: Sendable, Equatable {
    /// The pixels that may be touched; always inside the pixmap it was made for.
    public var rect: IntRect
    /// Coverage 0...255 per pixel of `rect`, row-major, or nil for "fully inside".
    public var mask: [UInt8]?

    public init(rect: IntRect, mask: [UInt8]? = nil) {
        precondition(mask == nil || mask!.count == rect.width * rect.height, "clip mask size mismatch")
        self.rect = rect
        self.mask = mask
    }

    /// No clipping beyond the pixmap's own bounds.
    public static func whole(_ pixmap: Pixmap) -> Clip { Clip(rect: pixmap.bounds) }

    /// The clip's coverage at a pixel inside `rect` (255 when there is no mask).
    @inlinable public func coverage(x: Int, y: Int) -> UInt8 {
        guard let m = mask else { return 255 }
        return m[(y - rect.y) * rect.width + (x - rect.x)]
    }
}
