/// The quarter-pixel variants of one marker's layers, flattened for stamping into a pixmap whose
/// rows are `stride` pixels long.
///
/// Each variant (layer `l`, offset `fx`, `fy`: index `(l · steps + fx) · steps + fy`) becomes a
/// run of entries in one contiguous buffer: for every mask pixel whose scaled colour is not zero,
/// its offset in pixels from the mask's top-left pixel, and the layer's premultiplied colour
/// already scaled by that pixel's coverage. Stamping a marker wholly inside the pixmap is then
/// pointer arithmetic and one source-over per pixel (`PixelBlend.over`), with no array retains,
/// optional unwraps or per-pixel coverage scaling; the result is the same bytes as blending the
/// mask with `PixelBlend.span`. Variants are built on first use from `MarkerStamper`'s cached
/// masks, which are kept for markers that need clipping.
///
/// Owns its buffers and lives for one `stampMarkers` call on one thread: not `Sendable`.
final class MarkerSprites {
    /// Where one variant's entries are and the box its mask covers.
    struct Variant {
        /// Index of the first entry; -1 while the variant has not been built.
        var start = -1
        var count = 0
        /// The mask's top-left pixel relative to the marker's whole pixel, and its size.
        var dx = 0, dy = 0, width = 0, height = 0
        /// False when the layer draws nothing at this offset (an empty or unusable shape).
        var present = false
    }

    let stride: Int
    /// Per variant, in index order.
    private(set) var variants: UnsafeMutablePointer<Variant>
    let variantCount: Int
    /// Per entry: offset in pixels from the mask's top-left pixel, `y · stride + x`.
    private(set) var offsets: UnsafeMutablePointer<Int>
    /// Per entry: the layer's colour scaled by the pixel's coverage (premultiplied, packed).
    private(set) var sources: UnsafeMutablePointer<UInt32>
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
    /// Entries are added only for pixels where the scaled colour is not zero: blending zero over
    /// a pixel leaves it as it was. May move `offsets` and `sources`.
    func build(_ k: Int, mask: MarkerStamper.Mask?, src: UInt32) {
        masks[k] = mask
        guard let m = mask else {
            variants[k] = Variant(start: count, count: 0, present: false)
            return
        }
        let need = count + m.width * m.height
        if need > capacity { grow(to: need) }
        let start = count
        m.coverage.withUnsafeBufferPointer { cov in
            for y in 0..<m.height {
                for x in 0..<m.width {
                    let c = cov[y * m.width + x]
                    let s = PixelBlend.scaled(src, coverage: c)
                    if s == 0 { continue }
                    offsets[count] = y * stride + x
                    sources[count] = s
                    count += 1
                }
            }
        }
        variants[k] = Variant(start: start, count: count - start, dx: m.dx, dy: m.dy,
                              width: m.width, height: m.height, present: true)
    }

    private func grow(to need: Int) {
        let cap = max(need, capacity * 2)
        let o = UnsafeMutablePointer<Int>.allocate(capacity: cap)
        let s = UnsafeMutablePointer<UInt32>.allocate(capacity: cap)
        o.initialize(from: offsets, count: count)
        s.initialize(from: sources, count: count)
        offsets.deallocate(); sources.deallocate()
        offsets = o; sources = s; capacity = cap
    }
}
