import Geometry

/// Draws paths, rectangles, markers and images into a `Pixmap` (temporary interface; the real
/// scan converter lands next).
public final class Rasterizer {
    public init() {}

    /// Fills `path` (mapped through `transform`) with `color` under `rule`.
    public func fill(_ path: Path, transform: Transform = .identity, rule: FillRule = .nonZero,
                     color: Color, clip: Clip? = nil, into pixmap: inout Pixmap) {
        preconditionFailure("not yet implemented")
    }

    /// The anti-aliased coverage (0...255) of `path` over `area`, `area.width` bytes a row.
    public func coverageMask(_ path: Path, transform: Transform = .identity, rule: FillRule = .nonZero,
                             area: IntRect) -> [UInt8] {
        preconditionFailure("not yet implemented")
    }
}
