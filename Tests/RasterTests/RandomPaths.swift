import Geometry
import TestSupport

enum RandomPaths {
    /// A path of 1–3 closed sub-paths, each of 3–8 vertices joined by lines, quadratics and cubics,
    /// spread over (and a little beyond) a `size × size` canvas: self-intersections included.
    static func make(_ rng: inout SeededRandom, size: Double) -> Path {
        var p = Path()
        for _ in 0..<Int.random(in: 1...2, using: &rng) {
            func pt() -> Point { Point(rng.double(-0.1 * size, 1.1 * size), rng.double(-0.1 * size, 1.1 * size)) }
            p.move(to: pt())
            for _ in 0..<Int.random(in: 2...5, using: &rng) {
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: p.quad(to: pt(), control: pt())
                case 1: p.cubic(to: pt(), control1: pt(), control2: pt())
                default: p.line(to: pt())
                }
            }
            p.close()
        }
        return p
    }
}
