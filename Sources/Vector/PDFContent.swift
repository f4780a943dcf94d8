import Geometry
import Raster

/// A PDF content stream being written, with the graphics state it has set, so colours, widths
/// and alphas are written only when they change (`q`/`Q` save and restore that record too).
struct PDFContent {
    struct State {
        var fill: (UInt8, UInt8, UInt8)? = nil
        var stroke: (UInt8, UInt8, UInt8)? = nil
        var lineWidth: Double? = nil
        var cap: LineCap = .butt
        var join: LineJoin = .miter
        var miterLimit: Double = 10
        var dash: DashPattern? = nil
        var gs: String? = nil
    }

    var out = ByteWriter(capacity: 1 << 18)
    var state = State()
    private var saved: [State] = []

    mutating func save() { out.ascii("q\n"); saved.append(state) }

    mutating func restore() {
        guard let s = saved.popLast() else { return }
        out.ascii("Q\n"); state = s
    }

    var depth: Int { saved.count }

    mutating func op(_ s: String) { out.ascii(s) }

    mutating func num(_ v: Double, _ decimals: Int = 2) { out.number(v, decimals: decimals) }

    mutating func fillColor(_ c: Color) {
        if let f = state.fill, f == (c.r, c.g, c.b) { return }
        rgb(c); out.ascii(" rg\n"); state.fill = (c.r, c.g, c.b)
    }

    mutating func strokeColor(_ c: Color) {
        if let f = state.stroke, f == (c.r, c.g, c.b) { return }
        rgb(c); out.ascii(" RG\n"); state.stroke = (c.r, c.g, c.b)
    }

    private mutating func rgb(_ c: Color) {
        out.number(Double(c.r) / 255, decimals: 3); out.byte(32)
        out.number(Double(c.g) / 255, decimals: 3); out.byte(32)
        out.number(Double(c.b) / 255, decimals: 3)
    }

    /// Selects an ExtGState (alphas) by resource name.
    mutating func graphicsState(_ name: String) {
        if state.gs == name { return }
        out.byte(UInt8(ascii: "/")); out.ascii(name); out.ascii(" gs\n"); state.gs = name
    }

    mutating func strokeStyle(_ s: StrokeStyle) {
        if state.lineWidth != s.width { num(s.width, 3); out.ascii(" w\n"); state.lineWidth = s.width }
        if state.cap != s.cap {
            out.int(s.cap == .butt ? 0 : s.cap == .round ? 1 : 2); out.ascii(" J\n"); state.cap = s.cap
        }
        if state.join != s.join {
            out.int(s.join == .miter ? 0 : s.join == .round ? 1 : 2); out.ascii(" j\n"); state.join = s.join
        }
        if s.join == .miter && state.miterLimit != max(1, s.miterLimit) {
            num(max(1, s.miterLimit), 3); out.ascii(" M\n"); state.miterLimit = max(1, s.miterLimit)
        }
        if state.dash != s.dash {
            out.byte(UInt8(ascii: "["))
            for (i, v) in (s.dash?.intervals ?? []).enumerated() {
                if i > 0 { out.byte(32) }
                num(v, 3)
            }
            out.ascii("] "); num(s.dash?.phase ?? 0, 3); out.ascii(" d\n")
            state.dash = s.dash
        }
    }

    /// The path's segments (quadratics raised to cubics, which PDF lacks).
    mutating func path(_ p: Path) {
        var current = Point(0, 0), start = Point(0, 0)
        p.forEach { e in
            switch e {
            case .move(let q):
                point(q); out.ascii(" m\n"); current = q; start = q
            case .line(let q):
                point(q); out.ascii(" l\n"); current = q
            case .quad(let c, let q):
                let c1 = Point(current.x + 2 / 3 * (c.x - current.x), current.y + 2 / 3 * (c.y - current.y))
                let c2 = Point(q.x + 2 / 3 * (c.x - q.x), q.y + 2 / 3 * (c.y - q.y))
                point(c1); out.byte(32); point(c2); out.byte(32); point(q); out.ascii(" c\n"); current = q
            case .cubic(let c1, let c2, let q):
                point(c1); out.byte(32); point(c2); out.byte(32); point(q); out.ascii(" c\n"); current = q
            case .close:
                out.ascii("h\n"); current = start
            }
        }
    }

    mutating func rect(_ r: Rect) {
        num(r.minX); out.byte(32); num(r.minY); out.byte(32); num(r.width); out.byte(32); num(r.height); out.ascii(" re\n")
    }

    @inline(__always) mutating func point(_ p: Point) {
        out.number(p.x, decimals: 2); out.byte(32); out.number(p.y, decimals: 2)
    }

    mutating func matrix(_ t: Transform, decimals: Int = 4) {
        num(t.a, decimals); out.byte(32); num(t.b, decimals); out.byte(32)
        num(t.c, decimals); out.byte(32); num(t.d, decimals); out.byte(32)
        num(t.tx, 3); out.byte(32); num(t.ty, 3)
    }
}
