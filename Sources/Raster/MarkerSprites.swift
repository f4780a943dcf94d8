/// The quarter-pixel variants of one marker's layers, flattened for stamping into a pixmap whose
/// rows are `stride` pixels long.
///
/// Each variant (layer `l`, offset `fx`, `fy`: index `(l · steps + fx) · steps + fy`) becomes a
/// run of quads in one contiguous buffer: four neighbouring pixels of a mask row, as their offset
/// in pixels from the mask's top-left pixel and the layer's premultiplied colour already scaled by
/// each pixel's coverage. Rows are padded to whole quads with zero colour, and rows with nothing
/// to draw are left out. Stamping a marker wholly inside the pixmap is then pointer arithmetic and
/// one four-pixel source-over per quad (`blend`), with no array retains, optional unwraps or
/// per-pixel coverage scaling; a zero colour leaves its pixel as it was, so the result is the same
/// bytes as blending the mask with `PixelBlend.span`. Variants are built on first use from
/// `MarkerStamper`'s cached masks, which are kept for markers cut by the clip.
///
/// Owns its buffers and lives for one `stampMarkers` call on one thread: not `Sendable`.
final class MarkerSprites {
    /// Where one variant's quads are and the box its mask covers.
    struct Variant {
        /// Index of the first quad; -1 while the variant has not been built.
        var start = -1
        var count = 0
        /// The mask's top-left pixel relative to the marker's whole pixel, and its size.
        var dx = 0, dy = 0, width = 0, height = 0
        /// The width the quads touch: `width` rounded up to a multiple of 4.
        var paddedWidth = 0
        /// False when the layer draws nothing at this offset (an empty or unusable shape).
        var present = false
    }

    let stride: Int
    /// Per variant, in index order.
    private(set) var variants: UnsafeMutablePointer<Variant>
    let variantCount: Int
    /// Per quad: offset in pixels of its first pixel from the mask's top-left pixel, `y · stride + x`.
    private(set) var offsets: UnsafeMutablePointer<Int>
    /// Per quad: the layer's colour scaled by each pixel's coverage (premultiplied, packed).
    private(set) var sources: UnsafeMutablePointer<SIMD4<UInt32>>
    private var count = 0
    private var capacity: Int
    /// The masks themselves, for markers cut by the clip (`Rasterizer.blendClipped`).
    private(set) var masks: [MarkerStamper.Mask?]

    init(layers: Int, stride: Int) {
        self.stride = stride
        variantCount = layers * MarkerStamper.steps * MarkerStamper.steps
        variants = .allocate(capacity: variantCount)
        variants.initialize(repeating: Variant(), count: variantCount)
        capacity = 256
        offsets = .allocate(capacity: capacity)
        sources = .allocate(capacity: capacity)
        masks = Array(repeating: nil, count: variantCount)
    }

    deinit {
        variants.deinitialize(count: variantCount)
        variants.deallocate()
        offsets.deallocate()
        sources.deallocate()
    }

    /// Builds variant `k` from `mask` (nil: nothing to draw) for a layer of colour `src`.
    ///
    /// Quads whose four scaled colours are all zero are left out: blending zero over a pixel
    /// leaves it as it was. May move `offsets` and `sources`.
    func build(_ k: Int, mask: MarkerStamper.Mask?, src: UInt32) {
        masks[k] = mask
        guard let m = mask else {
            variants[k] = Variant(start: count, count: 0, present: false)
            return
        }
        let quadsPerRow = (m.width + 3) / 4
        let need = count + quadsPerRow * m.height
        if need > capacity { grow(to: need) }
        let start = count
        m.coverage.withUnsafeBufferPointer { cov in
            for y in 0..<m.height {
                for q in 0..<quadsPerRow {
                    var s = SIMD4<UInt32>(repeating: 0)
                    for i in 0..<4 where q * 4 + i < m.width {
                        s[i] = PixelBlend.scaled(src, coverage: cov[y * m.width + q * 4 + i])
                    }
                    if s == SIMD4(repeating: 0) { continue }
                    offsets[count] = y * stride + q * 4
                    sources[count] = s
                    count += 1
                }
            }
        }
        variants[k] = Variant(start: start, count: count - start, dx: m.dx, dy: m.dy,
                              width: m.width, height: m.height, paddedWidth: quadsPerRow * 4, present: true)
    }

    /// `s` over the four pixels from `p` (any alignment), both premultiplied: in each lane
    /// `PixelBlend.over`, the same bytes.
    ///
    /// `PixelBlend.scale` keeps two channels in the 16-bit halves of a word and no carry crosses
    /// a half (each product is at most 255 · 255 + 128 + 254 < 2¹⁶), so the same steps run here
    /// on 16-bit lanes: eight channel multiplies in one SSE2 `pmullw`, where 32-bit lanes would
    /// need `pmulld` (SSE4.1, not in the x86-64 baseline) or its emulation.
    @inline(__always)
    static func blend(_ s: SIMD4<UInt32>, over p: UnsafeMutablePointer<UInt32>) {
        let raw = UnsafeMutableRawPointer(p)
        let d = raw.loadUnaligned(as: SIMD4<UInt32>.self)
        let a = SIMD4<UInt32>(repeating: 255) &- (s &>> 24)
        let k = unsafeBitCast(a | (a &<< 16), to: SIMD8<UInt16>.self)  // each pixel's factor in both halves
        let lo = SIMD4<UInt32>(repeating: 0x00FF_00FF)
        let half = SIMD8<UInt16>(repeating: 0x80)
        var rb = unsafeBitCast(d & lo, to: SIMD8<UInt16>.self) &* k &+ half
        rb = (rb &+ (rb &>> 8)) &>> 8
        var ga = unsafeBitCast((d &>> 8) & lo, to: SIMD8<UInt16>.self) &* k &+ half
        ga = (ga &+ (ga &>> 8)) &>> 8
        let scaled = unsafeBitCast(rb, to: SIMD4<UInt32>.self) | (unsafeBitCast(ga, to: SIMD4<UInt32>.self) &<< 8)
        raw.storeBytes(of: s &+ scaled, as: SIMD4<UInt32>.self)
    }

    private func grow(to need: Int) {
        let cap = max(need, capacity * 2)
        let o = UnsafeMutablePointer<Int>.allocate(capacity: cap)
        let s = UnsafeMutablePointer<SIMD4<UInt32>>.allocate(capacity: cap)
        o.initialize(from: offsets, count: count)
        s.initialize(from: sources, count: count)
        offsets.deallocate(); sources.deallocate()
        offsets = o; sources = s; capacity = cap
    }
}
