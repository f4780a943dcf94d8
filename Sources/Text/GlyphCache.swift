/// Rendered glyph coverage masks, keyed by (face, size, glyph, quarter-pixel offset, quadrant).
///
/// All masks live in one byte arena, so a lookup is one hash of a 64-bit key and drawing reads
/// straight from the arena: no allocation per glyph. The cache is bounded by `byteLimit`: when an
/// insert would pass it, everything is dropped and refilled on demand (a label set is a few
/// hundred masks, so in practice this only happens when sizes change wildly; a whole clear keeps
/// the hot path free of LRU bookkeeping).
final class GlyphCache {
    /// Where a mask lives in the arena and where its top-left pixel goes relative to the whole
    /// device pixel that the glyph's pen position falls on (y down).
    struct Slot {
        var offset: Int32
        var width: Int16, height: Int16
        var left: Int16, top: Int16
        var isEmpty: Bool { width == 0 || height == 0 }
    }

    private(set) var arena: [UInt8] = []
    private var slots: [UInt64: Slot] = [:]
    /// The arena size beyond which the cache is cleared.
    let byteLimit: Int
    private(set) var misses = 0, clears = 0

    init(byteLimit: Int = 8 << 20) {
        self.byteLimit = byteLimit
        arena.reserveCapacity(256 << 10)
    }

    var count: Int { slots.count }
    var byteCount: Int { arena.count }

    /// The cache key; a glyph index beyond 16 bits or a size beyond 30 bits never occurs in
    /// TrueType (65,535 glyphs at most) or in practice (sizes are capped by the caller).
    @inline(__always)
    static func key(face: Int, size26: Int, glyph: UInt32, quarter: Int, quadrant: Int) -> UInt64 {
        UInt64(glyph & 0xffff) | UInt64(size26 & 0x3fff_ffff) << 16
            | UInt64(quarter & 3) << 46 | UInt64(quadrant & 3) << 48 | UInt64(face & 0xff) << 50
    }

    @inline(__always)
    func lookup(_ key: UInt64) -> Slot? {
        slots[key]
    }

    /// Stores a mask (`width × height` bytes) and returns its slot.
    @discardableResult
    func insert(_ key: UInt64, pixels: UnsafeBufferPointer<UInt8>, width: Int, height: Int,
                left: Int, top: Int) -> Slot {
        misses += 1
        if arena.count + pixels.count > byteLimit {
            arena.removeAll(keepingCapacity: true)
            slots.removeAll(keepingCapacity: true)
            clears += 1
        }
        let slot = Slot(offset: Int32(arena.count), width: Int16(clamping: width), height: Int16(clamping: height),
                        left: Int16(clamping: left), top: Int16(clamping: top))
        arena.append(contentsOf: pixels)
        slots[key] = slot
        return slot
    }

    /// Drops every mask.
    func removeAll() {
        arena.removeAll(keepingCapacity: false)
        slots.removeAll(keepingCapacity: false)
    }

    /// Turns a glyph mask by a quarter turn `quadrant` times counter-clockwise on screen (y down).
    ///
    /// Pure index math, so a rotated glyph has exactly the pixels of the upright one. Returns the
    /// rotated bytes and its width and height.
    static func rotate(_ src: UnsafeBufferPointer<UInt8>, width w: Int, height h: Int,
                       quadrant: Int) -> (pixels: [UInt8], width: Int, height: Int) {
        switch quadrant & 3 {
        case 0:
            return (Array(src), w, h)
        case 1:  // 90° CCW: device row r, column c reads source row c, column w-1-r.
            var out = [UInt8](repeating: 0, count: w * h)
            for r in 0..<w { for c in 0..<h { out[r * h + c] = src[c * w + (w - 1 - r)] } }
            return (out, h, w)
        case 2:  // 180°: both axes reversed.
            var out = [UInt8](repeating: 0, count: w * h)
            for r in 0..<h { for c in 0..<w { out[r * w + c] = src[(h - 1 - r) * w + (w - 1 - c)] } }
            return (out, w, h)
        default:  // 270° CCW (= 90° clockwise): row r, column c reads source row h-1-c, column r.
            var out = [UInt8](repeating: 0, count: w * h)
            for r in 0..<w { for c in 0..<h { out[r * h + c] = src[(h - 1 - c) * w + r] } }
            return (out, h, w)
        }
    }

    /// Where a rotated mask's top-left pixel goes relative to the rotated pen pixel, given the
    /// upright mask's size and FreeType bearings (`left` right of the pen, `top` above it).
    static func rotatedOrigin(width w: Int, height h: Int, left: Int, top: Int,
                              quadrant: Int) -> (x: Int, y: Int) {
        switch quadrant & 3 {
        case 0: return (left, -top)
        case 1: return (-top, -(left + w))
        case 2: return (-(left + w), top - h)
        default: return (top - h, left)
        }
    }
}
