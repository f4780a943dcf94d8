import Geometry
import PNG
import Raster
import Scene
import Text

/// Plays a `Scene` as an SVG 1.1 document.
///
/// Coordinates are the scene's device pixels (`viewBox` = canvas), written with two decimals.
/// Text is drawn from glyph outlines defined once in `<defs>` (in font units, id `g<face>-<glyph>`)
/// and placed with `<use>` inside a group carrying the run's transform, so the file looks the same
/// without the fonts installed; each run also keeps its text in an unpainted `<text>` element
/// (`fill="none"`), so it can be searched, selected and read by screen readers. Marker shapes are
/// defined once per scatter series and reused at every point, unless the series is dense enough to
/// be embedded as an image of its pixels (`DenseSeries`, under `rasterize`); images (heat maps, and
/// those rasterized series) are PNG data URIs
/// with nearest-neighbour scaling unless the scene asks for bilinear (enlarged first by whole
/// repeats, `NearestUpscale`, as viewers such as librsvg ignore `image-rendering`). Ids are counters in painting
/// order, so the same scene gives the same bytes.
public enum SVGWriter {
    /// The document for `scene`; `fonts` lays out text exactly as the PNG player does.
    /// `rasterize` says which scatter series may be embedded as images (`DenseSeries`).
    public static func encode(_ scene: Scene, fonts: FontLibrary, rasterize: RasterizeMode = .auto) throws -> [UInt8] {
        var encoder = SVGEncoder(fonts: fonts, rasterize: rasterize)
        return try encoder.encode(scene)
    }
}

/// The state of one SVG encoding: the body, the glyph and marker definitions seen so far.
struct SVGEncoder {
    let fonts: FontLibrary
    let rasterize: RasterizeMode
    var body = ByteWriter(capacity: 1 << 18)
    var defs = ByteWriter(capacity: 1 << 14)
    var glyphIDs: Set<Int> = []
    var markerIDs: [Path: Int] = [:]
    var clipCount = 0

    init(fonts: FontLibrary, rasterize: RasterizeMode = .auto) { self.fonts = fonts; self.rasterize = rasterize }

    mutating func encode(_ scene: Scene) throws -> [UInt8] {
        if scene.background.a > 0 {
            body.ascii("<rect width=\"100%\" height=\"100%\"")
            paint("fill", scene.background)
            body.ascii("/>\n")
        }
        var depth = 0
        let canvas = Rect(x: 0, y: 0, width: Double(scene.width), height: Double(scene.height))
        // The bounding boxes of the clips in force, innermost last (where a rasterized series goes).
        var clipBounds: [Rect] = []
        for command in scene.commands {
            switch command {
            case .fill(let path, let rule, let color):
                guard color.a > 0, !path.isEmpty else { continue }
                body.ascii("<path d=\"")
                SVGPathData.write(path, to: &body)
                body.byte(UInt8(ascii: "\""))
                paint("fill", color)
                if rule == .evenOdd { body.ascii(" fill-rule=\"evenodd\"") }
                body.ascii("/>\n")
            case .fillRect(let r, let color):
                guard color.a > 0, !r.isEmpty else { continue }
                body.ascii("<rect")
                rectAttributes(r)
                paint("fill", color)
                body.ascii("/>\n")
            case .stroke(let path, let style, let color):
                guard color.a > 0, style.width > 0, !path.isEmpty else { continue }
                body.ascii("<path d=\"")
                SVGPathData.write(path, to: &body)
                body.ascii("\" fill=\"none\"")
                stroke(style, color)
                body.ascii("/>\n")
            case .text(let run):
                text(run)
            case .markers(let set):
                if let (pixmap, rect) = DenseSeries.image(of: set, mode: rasterize, clipBounds: clipBounds.last, canvas: canvas) {
                    try image(pixmap, rect: rect, filter: .nearest, opacity: 1)
                } else {
                    markers(set, canvas: canvas)
                }
            case .image(let pixmap, let rect, let filter, let opacity):
                try image(pixmap, rect: rect, filter: filter, opacity: opacity)
            case .pushClip(let shape):
                let id = clipCount
                clipCount += 1
                clipBounds.append(DenseSeries.bounds(of: shape, within: clipBounds.last ?? canvas))
                body.ascii("<clipPath id=\"c"); body.int(id); body.ascii("\">")
                switch shape {
                case .rect(let r):
                    body.ascii("<rect")
                    rectAttributes(r)
                    body.ascii("/>")
                case .path(let p, let rule):
                    body.ascii("<path d=\"")
                    SVGPathData.write(p, to: &body)
                    body.byte(UInt8(ascii: "\""))
                    if rule == .evenOdd { body.ascii(" clip-rule=\"evenodd\"") }
                    body.ascii("/>")
                }
                body.ascii("</clipPath>\n<g clip-path=\"url(#c"); body.int(id); body.ascii(")\">\n")
                depth += 1
            case .popClip:
                if depth > 0 { body.ascii("</g>\n"); depth -= 1; clipBounds.removeLast() }
            }
        }
        while depth > 0 { body.ascii("</g>\n"); depth -= 1 }

        var out = ByteWriter(capacity: body.count + defs.count + 512)
        out.ascii("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        out.ascii("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\" width=\"")
        out.int(scene.width); out.ascii("\" height=\""); out.int(scene.height)
        out.ascii("\" viewBox=\"0 0 "); out.int(scene.width); out.byte(32); out.int(scene.height)
        out.ascii("\">\n<!-- Plotline -->\n")
        if defs.count > 0 { out.ascii("<defs>\n"); out.append(defs.bytes); out.ascii("</defs>\n") }
        out.append(body.bytes)
        out.ascii("</svg>\n")
        return out.bytes
    }

    // MARK: - Attributes

    /// ` fill="#rrggbb"` (or stroke) and its opacity when not opaque.
    mutating func paint(_ property: String, _ color: Color) {
        body.byte(32); body.ascii(property); body.ascii("=\"#")
        body.hex2(color.r); body.hex2(color.g); body.hex2(color.b); body.byte(UInt8(ascii: "\""))
        if color.a < 255 {
            body.byte(32); body.ascii(property); body.ascii("-opacity=\"")
            body.number(Double(color.a) / 255, decimals: 3); body.byte(UInt8(ascii: "\""))
        }
    }

    /// The stroke colour and every style value that differs from SVG's defaults.
    mutating func stroke(_ s: StrokeStyle, _ color: Color) {
        paint("stroke", color)
        body.ascii(" stroke-width=\""); body.number(s.width, decimals: 3); body.byte(UInt8(ascii: "\""))
        if s.cap != .butt { body.ascii(" stroke-linecap=\""); body.ascii(s.cap.rawValue); body.byte(UInt8(ascii: "\"")) }
        if s.join != .miter { body.ascii(" stroke-linejoin=\""); body.ascii(s.join.rawValue); body.byte(UInt8(ascii: "\"")) }
        if s.join == .miter && s.miterLimit != 4 {
            body.ascii(" stroke-miterlimit=\""); body.number(max(1, s.miterLimit), decimals: 3); body.byte(UInt8(ascii: "\""))
        }
        if let d = s.dash {
            body.ascii(" stroke-dasharray=\"")
            for (i, v) in d.intervals.enumerated() {
                if i > 0 { body.byte(32) }
                body.number(v, decimals: 3)
            }
            body.byte(UInt8(ascii: "\""))
            if d.phase != 0 { body.ascii(" stroke-dashoffset=\""); body.number(d.phase, decimals: 3); body.byte(UInt8(ascii: "\"")) }
        }
    }

    mutating func rectAttributes(_ r: Rect) {
        body.ascii(" x=\""); body.number(r.minX); body.ascii("\" y=\""); body.number(r.minY)
        body.ascii("\" width=\""); body.number(r.width); body.ascii("\" height=\""); body.number(r.height)
        body.byte(UInt8(ascii: "\""))
    }

    /// ` transform="matrix(a b c d e f)"`.
    mutating func matrix(_ t: Transform, decimals: Int) {
        body.ascii(" transform=\"matrix(")
        for (i, v) in [t.a, t.b, t.c, t.d].enumerated() {
            if i > 0 { body.byte(32) }
            body.number(v, decimals: decimals)
        }
        body.byte(32); body.number(t.tx, decimals: 3); body.byte(32); body.number(t.ty, decimals: 3)
        body.ascii(")\"")
    }

    // MARK: - Text

    /// The run's glyphs as `<use>`s of outlines in font units, and its text, unpainted, on top.
    mutating func text(_ run: TextRun) {
        guard let layout = fonts.glyphLayout(run) else { return }
        let scale = layout.size / layout.unitsPerEm
        // The searchable text: laid over the glyphs with the same advance, painted by nothing.
        body.ascii("<text")
        matrix(layout.transform, decimals: 6)
        body.ascii(" font-family=\"DejaVu Sans\" font-size=\""); body.number(layout.size, decimals: 3)
        body.ascii("\" textLength=\""); body.number(Double(layout.advance) * scale, decimals: 3)
        body.ascii("\" lengthAdjust=\"spacingAndGlyphs\" fill=\"none\">")
        SVGText.escape(run.text, into: &body)
        body.ascii("</text>\n<g")
        matrix(Transform.scale(scale, -scale).concatenating(layout.transform), decimals: 7)
        paint("fill", run.color)
        body.ascii(">")
        let faceIndex = FontFace.allCases.firstIndex(of: layout.face) ?? 0
        for g in layout.glyphs {
            let outline = fonts.glyphOutline(g.glyph, face: layout.face)
            if outline.isEmpty { continue }
            let key = faceIndex << 24 | Int(g.glyph)
            if glyphIDs.insert(key).inserted {
                defs.ascii("<path id=\"g"); defs.int(faceIndex); defs.byte(UInt8(ascii: "-")); defs.int(Int(g.glyph))
                defs.ascii("\" d=\"")
                SVGPathData.write(outline, to: &defs, decimals: 1)
                defs.ascii("\"/>\n")
            }
            body.ascii("<use xlink:href=\"#g"); body.int(faceIndex); body.byte(UInt8(ascii: "-")); body.int(Int(g.glyph))
            body.byte(UInt8(ascii: "\""))
            if g.pen != 0 { body.ascii(" x=\""); body.int(g.pen); body.byte(UInt8(ascii: "\"")) }
            body.ascii("/>")
        }
        body.ascii("</g>\n")
    }

    // MARK: - Markers

    /// One `<use>` per visible point of a marker shape defined once.
    mutating func markers(_ set: MarkerSet, canvas: Rect) {
        guard !set.points.isEmpty, !set.shape.isEmpty, let bounds = set.shape.bounds else { return }
        let hasFill = set.fill.map { $0.a > 0 } ?? false
        let strokeStyle = set.strokeStyle.flatMap { s in (set.strokeColor?.a ?? 0) > 0 && s.width > 0 ? s : nil }
        guard hasFill || strokeStyle != nil else { return }
        let id: Int
        if let known = markerIDs[set.shape] {
            id = known
        } else {
            id = markerIDs.count
            markerIDs[set.shape] = id
            defs.ascii("<path id=\"m"); defs.int(id); defs.ascii("\" d=\"")
            SVGPathData.write(set.shape, to: &defs, decimals: 3)
            defs.ascii("\"/>\n")
        }
        body.ascii("<g")
        if let f = set.fill, f.a > 0 { paint("fill", f) } else { body.ascii(" fill=\"none\"") }
        if let s = strokeStyle, let c = set.strokeColor { stroke(s, c) }
        body.ascii(">\n")
        // A marker whose shape and outline lie wholly off the canvas paints nothing: skip it.
        let reach = (strokeStyle?.width ?? 0) * max(1, strokeStyle?.miterLimit ?? 1) + 1
        let visible = Rect(x: canvas.minX - bounds.maxX - reach, y: canvas.minY - bounds.maxY - reach,
                           width: canvas.width + bounds.width + 2 * reach, height: canvas.height + bounds.height + 2 * reach)
        for p in set.points where p.x >= visible.minX && p.x <= visible.maxX && p.y >= visible.minY && p.y <= visible.maxY {
            body.ascii("<use xlink:href=\"#m"); body.int(id)
            body.ascii("\" x=\""); body.number(p.x); body.ascii("\" y=\""); body.number(p.y); body.ascii("\"/>\n")
        }
        body.ascii("</g>\n")
    }

    // MARK: - Images

    /// A PNG data URI scaled into `rect`, crisp (nearest neighbour) unless bilinear is asked for.
    mutating func image(_ pixmap: Pixmap, rect: Rect, filter: ImageFilter, opacity: Double) throws {
        guard opacity > 0, !rect.isEmpty, rect.isFinite else { return }
        let png = try PNG.encode(filter == .nearest ? NearestUpscale.enlarged(pixmap, toFill: rect) : pixmap)
        body.ascii("<image")
        rectAttributes(rect)
        body.ascii(" preserveAspectRatio=\"none\"")
        if filter == .nearest {
            body.ascii(" image-rendering=\"optimizeSpeed\" style=\"image-rendering:pixelated\"")
        }
        if opacity < 1 { body.ascii(" opacity=\""); body.number(opacity, decimals: 3); body.byte(UInt8(ascii: "\"")) }
        body.ascii(" xlink:href=\"data:image/png;base64,")
        Base64.encode(png, into: &body)
        body.ascii("\"/>\n")
    }
}
