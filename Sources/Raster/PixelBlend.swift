/// Source-over compositing of premultiplied RGBA8 pixels packed in a `UInt32`, two channels at a
/// time.
///
/// A pixel's bytes in memory are R, G, B, A, so as a little-endian word R is bits 0–7 and A bits
/// 24–31 (`PremultipliedColor.pack`). Masking with `0x00FF00FF` puts R and B (or G and A) in
/// separate 16-bit lanes, so one multiply scales two channels; the rounding is the exact
/// `x·k/255` of `mul255` in each lane. This is the classic trick of Skia's `SkAlphaMulQ` and
/// Blinn's "three wrongs make a right".
public enum PixelBlend {
    /// Each channel of `c` times `k / 255`, rounded to nearest.
    @inlinable @inline(__always)
    public static func scale(_ c: UInt32, _ k: UInt32) -> UInt32 {
        var rb = (c & 0x00FF_00FF) &* k &+ 0x0080_0080
        rb = ((rb &+ ((rb >> 8) & 0x00FF_00FF)) >> 8) & 0x00FF_00FF
        var ga = ((c >> 8) & 0x00FF_00FF) &* k &+ 0x0080_0080
        ga = (ga &+ ((ga >> 8) & 0x00FF_00FF)) & 0xFF00_FF00
        return rb | ga
    }

    /// `src` (premultiplied) scaled by a coverage byte: `src` itself at full coverage.
    @inlinable @inline(__always)
    public static func scaled(_ src: UInt32, coverage c: UInt8) -> UInt32 {
        c == 255 ? src : scale(src, UInt32(c))
    }

    /// `src` over `dst`, both premultiplied.
    @inlinable @inline(__always)
    public static func over(_ src: UInt32, _ dst: UInt32) -> UInt32 {
        src &+ scale(dst, 255 &- (src >> 24))
    }

    /// Composites `src` (premultiplied) scaled by `coverage` over `count` pixels from `p`.
    ///
    /// An opaque source at full coverage is a plain store, the solid-span fast path of interiors.
    @inlinable @inline(__always)
    public static func span(_ p: UnsafeMutablePointer<UInt32>, count: Int, src: UInt32, coverage: UInt8) {
        if coverage == 255 && src >> 24 == 255 {
            store(p, count: count, src)
            return
        }
        let s = coverage == 255 ? src : scale(src, UInt32(coverage))
        if s == 0 { return }
        let inv = 255 &- (s >> 24)
        for i in 0..<count { p[i] = s &+ scale(p[i], inv) }
    }

    /// Stores `value` into `count` pixels from `p`, eight at a time with unaligned vector stores.
    @inlinable @inline(__always)
    public static func store(_ p: UnsafeMutablePointer<UInt32>, count: Int, _ value: UInt32) {
        let raw = UnsafeMutableRawPointer(p)
        var i = 0
        if count >= 8 {
            let v8 = SIMD8<UInt32>(repeating: value)
            while i + 8 <= count { raw.storeBytes(of: v8, toByteOffset: i * 4, as: SIMD8<UInt32>.self); i += 8 }
        }
        if i + 4 <= count {
            raw.storeBytes(of: SIMD4<UInt32>(repeating: value), toByteOffset: i * 4, as: SIMD4<UInt32>.self); i += 4
        }
        while i < count { p[i] = value; i += 1 }
    }

    /// Composites `src` scaled by per-pixel `coverage` bytes over `count` pixels from `p`.
    @inlinable @inline(__always)
    public static func span(_ p: UnsafeMutablePointer<UInt32>, count: Int, src: UInt32,
                            coverage: UnsafePointer<UInt8>) {
        let opaque = src >> 24 == 255
        for i in 0..<count {
            let c = coverage[i]
            if c == 0 { continue }
            if c == 255 && opaque { p[i] = src; continue }
            p[i] = over(scaled(src, coverage: c), p[i])
        }
    }

    /// Composites `src` scaled by `coverage` and per-pixel `mask` bytes (a clip) over `count`
    /// pixels from `p`.
    @inlinable @inline(__always)
    public static func span(_ p: UnsafeMutablePointer<UInt32>, count: Int, src: UInt32, coverage: UInt8,
                            mask: UnsafePointer<UInt8>) {
        for i in 0..<count {
            let c = mul255(coverage, mask[i])
            if c == 0 { continue }
            let s = c == 255 ? src : scale(src, UInt32(c))
            p[i] = s &+ scale(p[i], 255 &- (s >> 24))
        }
    }
}
