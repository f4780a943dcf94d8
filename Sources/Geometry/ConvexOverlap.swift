/// How deep two convex polygons overlap, by the separating axis theorem (Gottschalk, Lin and
/// Manocha's OBB test, generalised): the least overlap of their projections onto the edge
/// normals of both; zero or less when an axis separates them.
///
/// One definition for the layout (`TextArbitration` decides which turned text boxes collide) and
/// for the layout property tests that check it, so "overlap" means the same in both.
public enum ConvexOverlap {
    /// The overlap depth of convex polygons `p` and `q` (corners in order, either winding), in
    /// their units; degenerate edges are skipped, and two polygons with no usable edge give +∞.
    public static func depth(_ p: [Point], _ q: [Point]) -> Double {
        var least = Double.infinity
        for poly in [p, q] {
            for i in poly.indices {
                let a = poly[i], b = poly[(i + 1) % poly.count]
                let len = ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
                guard len > 1e-9 else { continue }
                let nx = -(b.y - a.y) / len, ny = (b.x - a.x) / len
                let pp = p.map { $0.x * nx + $0.y * ny }, qq = q.map { $0.x * nx + $0.y * ny }
                guard let pMax = pp.max(), let pMin = pp.min(), let qMax = qq.max(), let qMin = qq.min() else { continue }
                least = min(least, min(pMax, qMax) - max(pMin, qMin))
            }
        }
        return least
    }
}
