import CFreeType
import Geometry

/// Converts FreeType outlines to Geometry paths, after FreeType's own `FT_Outline_Decompose`.
///
/// FreeType walks the contours (resolving TrueType's implied on-curve points between two conic
/// control points) and calls back with move / line / conic / cubic segments; each contour is
/// closed explicitly. Coordinates are copied as they are (font units, y up, when the glyph was
/// loaded with `FT_LOAD_NO_SCALE`); the caller scales and flips.
enum GlyphOutline {
    private final class Builder {
        var path = Path()
        var open = false
    }

    /// The outline as a path, in the outline's own coordinates.
    static func path(of outline: UnsafeMutablePointer<FT_Outline>) -> Path {
        let builder = Builder()
        var funcs = FT_Outline_Funcs(
            move_to: { to, user in
                let b = Unmanaged<Builder>.fromOpaque(user!).takeUnretainedValue()
                if b.open { b.path.close() }
                b.path.move(to: GlyphOutline.point(to!))
                b.open = true
                return 0
            },
            line_to: { to, user in
                let b = Unmanaged<Builder>.fromOpaque(user!).takeUnretainedValue()
                b.path.line(to: GlyphOutline.point(to!))
                return 0
            },
            conic_to: { control, to, user in
                let b = Unmanaged<Builder>.fromOpaque(user!).takeUnretainedValue()
                b.path.quad(to: GlyphOutline.point(to!), control: GlyphOutline.point(control!))
                return 0
            },
            cubic_to: { c1, c2, to, user in
                let b = Unmanaged<Builder>.fromOpaque(user!).takeUnretainedValue()
                b.path.cubic(to: GlyphOutline.point(to!), control1: GlyphOutline.point(c1!),
                             control2: GlyphOutline.point(c2!))
                return 0
            },
            shift: 0, delta: 0)
        let user = Unmanaged.passUnretained(builder).toOpaque()
        let err = withExtendedLifetime(builder) { FT_Outline_Decompose(outline, &funcs, user) }
        if err != 0 { return Path() }
        if builder.open { builder.path.close() }
        return builder.path
    }

    private static func point(_ v: UnsafePointer<FT_Vector>) -> Point {
        Point(Double(v.pointee.x), Double(v.pointee.y))
    }
}
