import Geometry

/// Writes a `Path` as SVG path data: absolute commands, a command letter only when it changes.
enum SVGPathData {
    static func write(_ path: Path, to out: inout ByteWriter, decimals: Int = 2) {
        var last: UInt8 = 0
        func command(_ c: UInt8, _ out: inout ByteWriter) {
            if c != last || c == UInt8(ascii: "M") { out.byte(c); last = c } else { out.byte(32) }
        }
        path.forEach { element in
            switch element {
            case .move(let p):
                command(UInt8(ascii: "M"), &out)
                point(p, &out, decimals)
            case .line(let p):
                command(UInt8(ascii: "L"), &out)
                point(p, &out, decimals)
            case .quad(let c, let p):
                command(UInt8(ascii: "Q"), &out)
                point(c, &out, decimals); out.byte(32); point(p, &out, decimals)
            case .cubic(let c1, let c2, let p):
                command(UInt8(ascii: "C"), &out)
                point(c1, &out, decimals); out.byte(32); point(c2, &out, decimals); out.byte(32); point(p, &out, decimals)
            case .close:
                out.byte(UInt8(ascii: "Z")); last = UInt8(ascii: "Z")
            }
        }
    }

    @inline(__always)
    static func point(_ p: Point, _ out: inout ByteWriter, _ decimals: Int) {
        out.number(p.x, decimals: decimals); out.byte(32); out.number(p.y, decimals: decimals)
    }
}
