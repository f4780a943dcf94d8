import Geometry

extension Rasterizer {
    /// The clip that allows only the part of `within` that lies inside `rect`.
    ///
    /// A rectangle on whole pixels only narrows the clip's pixel rectangle (free per pixel); a
    /// fractional one adds an anti-aliased mask. Nil when nothing is left.
    public func clip(_ rect: Rect, within: Clip) -> Clip? {
        let r = rect
        if r.minX == r.minX.rounded(), r.minY == r.minY.rounded(), r.maxX == r.maxX.rounded(), r.maxY == r.maxY.rounded(),
           r.isFinite {
            let ir = IntRect(x: Int(max(-1e9, r.minX)), y: Int(max(-1e9, r.minY)),
                             width: Int(min(2e9, r.width)), height: Int(min(2e9, r.height)))
            guard let area = ir.intersection(within.rect) else { return nil }
            return Rasterizer.narrow(within, to: area, mask: nil)
        }
        return clip(Path.rect(r), rule: .nonZero, within: within)
    }

    /// The clip that allows only the part of `within` inside `path` (anti-aliased edges).
    public func clip(_ path: Path, rule: FillRule = .nonZero, transform: Transform = .identity, within: Clip) -> Clip? {
        guard let area = area(of: path, transform: transform, within: within.rect, pixmap: within.rect) else { return nil }
        let cov = coverageMask(path, transform: transform, rule: rule, area: area)
        return Rasterizer.narrow(within, to: area, mask: cov)
    }

    /// `clip` cut to `area` (inside its rect), its mask multiplied by `mask` (over `area`).
    static func narrow(_ clip: Clip, to area: IntRect, mask: [UInt8]?) -> Clip {
        guard clip.mask != nil || mask != nil else { return Clip(rect: area) }
        var out = mask ?? [UInt8](repeating: 255, count: area.width * area.height)
        if let old = clip.mask {
            for y in 0..<area.height {
                for x in 0..<area.width {
                    let o = old[(y + area.y - clip.rect.y) * clip.rect.width + (x + area.x - clip.rect.x)]
                    out[y * area.width + x] = mul255(out[y * area.width + x], o)
                }
            }
        }
        return Clip(rect: area, mask: out)
    }
}
