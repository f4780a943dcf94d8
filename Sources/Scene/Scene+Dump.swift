import ContentHash
import Geometry
import Raster
import Text

extension Scene {
    /// Paths with more elements than this are dumped as a summary (count, bounds, hash).
    public static let dumpPathLimit = 48

    /// A deterministic, line-per-command text form of the scene for layout tests.
    ///
    /// Coordinates print with at most 3 decimals; long paths and point lists are summarised by
    /// their element count, bounds and an FNV-1a hash of their coordinates, so a dump stays
    /// readable and still changes whenever the geometry does.
    public func dump() -> String {
        var lines = ["scene \(width)x\(height) background \(background)"]
        var depth = 0
        for c in commands {
            if case .popClip = c { depth = max(0, depth - 1) }
            lines.append(String(repeating: "  ", count: depth) + Scene.dumpLine(c))
            if case .pushClip = c { depth += 1 }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func dumpLine(_ c: SceneCommand) -> String {
        switch c {
        case .fill(let p, let rule, let color):
            return "fill \(color) \(rule == .nonZero ? "nonzero" : "evenodd") \(dumpPath(p))"
        case .fillRect(let r, let color):
            return "rect \(color) \(r)"
        case .stroke(let p, let s, let color):
            var style = "w=\(Point.format(s.width)) \(s.cap.rawValue) \(s.join.rawValue)"
            if s.join == .miter { style += " limit=\(Point.format(s.miterLimit))" }
            if let d = s.dash {
                style += " dash=[\(d.intervals.map(Point.format).joined(separator: " "))]"
                if d.phase != 0 { style += "+\(Point.format(d.phase))" }
            }
            return "stroke \(color) \(style) \(dumpPath(p))"
        case .text(let run):
            return "text \(run)"
        case .markers(let m):
            var s = "markers n=\(m.points.count)"
            if let f = m.fill { s += " fill=\(f)" }
            if let st = m.strokeStyle, let sc = m.strokeColor { s += " stroke=\(sc) w=\(Point.format(st.width))" }
            s += " shape={\(dumpPath(m.shape))} at \(dumpPoints(m.points))"
            return s
        case .image(let img, let rect, let filter, let opacity):
            return "image \(img.width)x\(img.height) into \(rect) \(filter) opacity=\(Point.format(opacity)) hash=\(hashHex(img.data))"
        case .pushClip(.rect(let r)):
            return "clip rect \(r)"
        case .pushClip(.path(let p, let rule)):
            return "clip path \(rule == .nonZero ? "nonzero" : "evenodd") \(dumpPath(p))"
        case .popClip:
            return "unclip"
        }
    }

    static func dumpPath(_ p: Path) -> String {
        if p.verbs.count <= dumpPathLimit { return p.description }
        let b = p.bounds.map { "\($0)" } ?? "[]"
        return "<path \(p.verbs.count) verbs, bounds \(b), hash \(hashHex(points: p.points))>"
    }

    static func dumpPoints(_ pts: [Point]) -> String {
        if pts.count <= 8 { return pts.map(\.description).joined(separator: " ") }
        let b = Path(polyline: pts).bounds.map { "\($0)" } ?? "[]"
        return "<\(pts.count) points, bounds \(b), hash \(hashHex(points: pts))>"
    }

    static func hashHex(points: [Point]) -> String {
        var h = FNV1a64()
        for p in points { h.add(word: p.x.bitPattern); h.add(word: p.y.bitPattern) }
        return h.hex
    }

    static func hashHex(_ bytes: [UInt8]) -> String { FNV1a64.hex(of: bytes) }
}
