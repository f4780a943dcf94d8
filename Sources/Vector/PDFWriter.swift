import Geometry
import Raster
import Scene
import Text

/// Plays a `Scene` as a one-page PDF 1.4 document.
///
/// The page is the canvas at `72 / dpi` points per pixel (a 1200×800 px figure at 100 dpi is a
/// 12×8 inch page, as matplotlib sizes it); one `cm` flips the page so every command is written
/// in the scene's own y-down pixels with two decimals. Paths are `m l c h` (quadratics raised to
/// cubics), alpha is an ExtGState per distinct (fill, stroke) alpha pair, clips are `W n` inside
/// `q … Q`. Text is real text: glyphs of the bundled fonts embedded as TrueType subsets
/// (`PDFFont`), kerning in `TJ`, rotation in `Tm`. Markers are one Form XObject per scatter
/// series, placed with relative `cm` moves, unless the series is dense enough to be embedded as an
/// image of its pixels (`DenseSeries`, under `rasterize`); images (heat maps) are Flate-compressed image
/// XObjects with a soft mask when they have alpha, not interpolated unless the scene asks for
/// bilinear, and enlarged by whole repeats first (`NearestUpscale`) so that viewers which
/// smooth small images anyway keep the cells crisp.
public enum PDFWriter {
    /// The document for `scene` drawn at `dpi` (page size and nothing else depends on it).
    /// `rasterize` says which scatter series may be embedded as images (`DenseSeries`).
    public static func encode(_ scene: Scene, fonts: FontLibrary, dpi: Double = 100, rasterize: RasterizeMode = .auto) throws -> [UInt8] {
        var encoder = PDFEncoder(fonts: fonts, rasterize: rasterize)
        return try encoder.encode(scene, dpi: dpi.isFinite && dpi > 0 ? dpi : 100)
    }
}

/// The state of one PDF encoding.
struct PDFEncoder {
    /// zlib level of the page's content stream. Level 6 spent most of a dense figure's time in
    /// zlib for 15% fewer bytes (W4's 3.2 MB of marker placements: 92 ms → 684 KB at 6, 27 ms →
    /// 813 KB at 1; W2's lines 29 ms → 3.5 ms, 106 → 123 KB), still about half of matplotlib's
    /// files; fonts and images, small or already repetitive, keep zlib's default.
    static let contentLevel: Int32 = 1

    let fonts: FontLibrary
    let rasterize: RasterizeMode
    var document = PDFDocument()
    var content = PDFContent()
    var resources = 0
    var alphaStates: [UInt16: String] = [:]
    var xobjects: [(name: String, id: Int)] = []
    var markerForms: [MarkerKey: String] = [:]
    var pdfFonts: [PDFFont] = []
    var fontIDs: [Int] = []

    init(fonts: FontLibrary, rasterize: RasterizeMode = .auto) { self.fonts = fonts; self.rasterize = rasterize }

    mutating func encode(_ scene: Scene, dpi: Double) throws -> [UInt8] {
        let catalog = document.allocate(), pages = document.allocate(), page = document.allocate()
        let contents = document.allocate()
        resources = document.allocate()
        let info = document.allocate()
        let k = 72 / dpi
        let width = Double(scene.width) * k, height = Double(scene.height) * k
        content.matrix(Transform(a: k, b: 0, c: 0, d: -k, tx: 0, ty: height), decimals: 6)
        content.op(" cm\n")
        let canvas = Rect(x: 0, y: 0, width: Double(scene.width), height: Double(scene.height))
        if scene.background.a > 0 { fill(rect: canvas, color: scene.background) }
        let base = content.depth
        // The bounding boxes of the clips in force, innermost last (where a rasterized series goes).
        var clipBounds: [Rect] = []
        for command in scene.commands {
            switch command {
            case .fill(let path, let rule, let color):
                guard color.a > 0, !path.isEmpty else { continue }
                setFill(color)
                content.path(path)
                content.op(rule == .evenOdd ? "f*\n" : "f\n")
            case .fillRect(let r, let color):
                guard color.a > 0, !r.isEmpty else { continue }
                fill(rect: r, color: color)
            case .stroke(let path, let style, let color):
                guard color.a > 0, style.width > 0, !path.isEmpty else { continue }
                setStroke(style, color)
                content.path(path)
                content.op("S\n")
            case .text(let run):
                text(run)
            case .markers(let set):
                if let (pixmap, rect) = DenseSeries.image(of: set, mode: rasterize, clipBounds: clipBounds.last, canvas: canvas) {
                    image(pixmap, rect: rect, filter: .nearest, opacity: 1, level: PDFEncoder.contentLevel)
                } else {
                    markers(set, canvas: canvas)
                }
            case .image(let pixmap, let rect, let filter, let opacity):
                image(pixmap, rect: rect, filter: filter, opacity: opacity)
            case .pushClip(let shape):
                content.save()
                clipBounds.append(DenseSeries.bounds(of: shape, within: clipBounds.last ?? canvas))
                switch shape {
                case .rect(let r): content.rect(r); content.op("W n\n")
                case .path(let p, let rule): content.path(p); content.op(rule == .evenOdd ? "W* n\n" : "W n\n")
                }
            case .popClip:
                if content.depth > base { content.restore(); clipBounds.removeLast() }
            }
        }
        while content.depth > base { content.restore() }

        document.setStream(contents, dictionary: "", data: content.out.bytes, level: PDFEncoder.contentLevel)
        for (i, font) in pdfFonts.enumerated() { try font.write(into: &document, id: fontIDs[i]) }
        writeResources()
        var w = ByteWriter(capacity: 128)
        w.ascii("[0 0 "); w.number(width, decimals: 3); w.byte(32); w.number(height, decimals: 3); w.ascii("]")
        let box = String(decoding: w.bytes, as: UTF8.self)
        document.set(page, "<< /Type /Page /Parent \(pages) 0 R /MediaBox \(box) /Resources \(resources) 0 R /Contents \(contents) 0 R >>")
        document.set(pages, "<< /Type /Pages /Kids [\(page) 0 R] /Count 1 >>")
        document.set(catalog, "<< /Type /Catalog /Pages \(pages) 0 R >>")
        document.set(info, "<< /Producer (Plotline) >>")
        return document.serialize(root: catalog, info: info)
    }

    // MARK: - Paint

    mutating func fill(rect: Rect, color: Color) {
        setFill(color)
        content.rect(rect)
        content.op("f\n")
    }

    mutating func setFill(_ color: Color) {
        content.fillColor(color)
        alpha(fill: color.a, stroke: alphaOf(content.state.gs).stroke)
    }

    mutating func setStroke(_ style: StrokeStyle, _ color: Color) {
        content.strokeColor(color)
        content.strokeStyle(style)
        alpha(fill: alphaOf(content.state.gs).fill, stroke: color.a)
    }

    /// Selects the ExtGState for this pair of alphas (none is needed while both are opaque and
    /// no state has been set).
    mutating func alpha(fill: UInt8, stroke: UInt8) {
        if content.state.gs == nil && fill == 255 && stroke == 255 { return }
        let key = UInt16(fill) << 8 | UInt16(stroke)
        let name: String
        if let known = alphaStates[key] {
            name = known
        } else {
            name = "A\(alphaStates.count)"
            alphaStates[key] = name
        }
        content.graphicsState(name)
    }

    /// The alphas of a selected ExtGState (opaque for none).
    func alphaOf(_ name: String?) -> (fill: UInt8, stroke: UInt8) {
        guard let name, let key = alphaStates.first(where: { $0.value == name })?.key else { return (255, 255) }
        return (UInt8(key >> 8), UInt8(key & 0xff))
    }

    mutating func writeResources() {
        var w = ByteWriter(capacity: 512)
        w.ascii("<< /ProcSet [/PDF /Text /ImageC]")
        if !alphaStates.isEmpty {
            w.ascii(" /ExtGState <<")
            for (key, name) in alphaStates.sorted(by: { $0.value.count != $1.value.count ? $0.value.count < $1.value.count : $0.value < $1.value }) {
                w.ascii(" /"); w.ascii(name); w.ascii(" << /Type /ExtGState /ca ")
                w.number(Double(key >> 8) / 255, decimals: 4); w.ascii(" /CA ")
                w.number(Double(key & 0xff) / 255, decimals: 4); w.ascii(" >>")
            }
            w.ascii(" >>")
        }
        if !pdfFonts.isEmpty {
            w.ascii(" /Font <<")
            for (i, f) in pdfFonts.enumerated() { w.ascii(" /"); w.ascii(f.resourceName); w.byte(32); w.int(fontIDs[i]); w.ascii(" 0 R") }
            w.ascii(" >>")
        }
        if !xobjects.isEmpty {
            w.ascii(" /XObject <<")
            for x in xobjects { w.ascii(" /"); w.ascii(x.name); w.byte(32); w.int(x.id); w.ascii(" 0 R") }
            w.ascii(" >>")
        }
        w.ascii(" >>")
        document.set(resources, bytes: w.bytes)
    }

    // MARK: - Text

    mutating func text(_ run: TextRun) {
        guard let layout = fonts.glyphLayout(run) else { return }
        let fontIndex: Int
        if let i = pdfFonts.firstIndex(where: { $0.face == layout.face }) {
            fontIndex = i
        } else {
            fontIndex = pdfFonts.count
            pdfFonts.append(PDFFont(face: layout.face, fontPath: layout.fontPath, resourceName: "F\(fontIndex)"))
            fontIDs.append(document.allocate())
        }
        setFill(run.color)
        let upem = layout.unitsPerEm
        content.op("BT /"); content.op(pdfFonts[fontIndex].resourceName); content.op(" 1 Tf ")
        // Text space (y up, 1 unit = 1 em) → run space (y down, pixels) → device pixels.
        content.matrix(Transform.scale(layout.size, -layout.size).concatenating(layout.transform), decimals: 5)
        content.op(" Tm [<")
        var expected = 0
        for (i, g) in layout.glyphs.enumerated() {
            if i > 0 && g.pen != expected {
                // Kerning: TJ moves left by n/1000 em for a positive n.
                content.op(">"); content.num(-Double(g.pen - expected) * 1000 / upem, 2); content.op("<")
            }
            content.out.hex4(pdfFonts[fontIndex].cid(glyph: g.glyph, scalar: g.scalar))
            expected = g.pen + g.advance
        }
        content.op(">] TJ ET\n")
    }

    // MARK: - Markers

    /// One Form XObject per marker style, placed at each visible point by relative moves.
    mutating func markers(_ set: MarkerSet, canvas: Rect) {
        guard !set.points.isEmpty, !set.shape.isEmpty, let bounds = set.shape.bounds else { return }
        let fill = set.fill.flatMap { $0.a > 0 ? $0 : nil }
        let stroke = set.strokeStyle.flatMap { s in set.strokeColor.flatMap { $0.a > 0 && s.width > 0 ? (s, $0) : nil } }
        guard fill != nil || stroke != nil else { return }
        let key = MarkerKey(shape: set.shape, fill: fill, stroke: stroke?.0, strokeColor: stroke?.1)
        let name: String
        if let known = markerForms[key] {
            name = known
        } else {
            name = "M\(markerForms.count)"
            markerForms[key] = name
            formXObject(name: name, set: set, fill: fill, stroke: stroke, bounds: bounds)
        }
        let reach = (stroke?.0.width ?? 0) * max(1, stroke?.0.miterLimit ?? 1) + 1
        content.save()
        var x = 0, y = 0  // the current origin in hundredths of a pixel
        for p in set.points where p.x.isFinite && p.y.isFinite
            && p.x >= canvas.minX - bounds.maxX - reach && p.x <= canvas.maxX - bounds.minX + reach
            && p.y >= canvas.minY - bounds.maxY - reach && p.y <= canvas.maxY - bounds.minY + reach {
            let nx = Int((p.x * 100).rounded()), ny = Int((p.y * 100).rounded())
            content.op("1 0 0 1 "); content.num(Double(nx - x) / 100); content.out.byte(32)
            content.num(Double(ny - y) / 100); content.op(" cm /"); content.op(name); content.op(" Do\n")
            x = nx; y = ny
        }
        content.restore()
    }

    mutating func formXObject(name: String, set: MarkerSet, fill: Color?, stroke: (StrokeStyle, Color)?, bounds: Rect) {
        var form = PDFContent()
        if let f = fill { form.fillColor(f) }
        if let (s, c) = stroke { form.strokeColor(c); form.strokeStyle(s) }
        let a = (fill?.a ?? 255, stroke?.1.a ?? 255)
        if a != (255, 255) {
            let key = UInt16(a.0) << 8 | UInt16(a.1)
            let gs = alphaStates[key] ?? "A\(alphaStates.count)"
            alphaStates[key] = gs
            form.graphicsState(gs)
        }
        form.path(set.shape)
        form.op(fill != nil && stroke != nil ? "B\n" : fill != nil ? "f\n" : "S\n")
        let id = document.allocate()
        let reach = (stroke?.0.width ?? 0) * max(1, stroke?.0.miterLimit ?? 1) + 1
        var w = ByteWriter(capacity: 128)
        w.ascii("/Type /XObject /Subtype /Form /BBox [")
        w.number(bounds.minX - reach); w.byte(32); w.number(bounds.minY - reach); w.byte(32)
        w.number(bounds.maxX + reach); w.byte(32); w.number(bounds.maxY + reach)
        w.ascii("] /Resources "); w.int(resources); w.ascii(" 0 R")
        document.setStream(id, dictionary: String(decoding: w.bytes, as: UTF8.self), data: form.out.bytes)
        xobjects.append((name, id))
    }

    // MARK: - Images

    /// `level` is the zlib level of its streams (a rasterized series, as large as the plot area,
    /// takes the content stream's fast level).
    mutating func image(_ original: Pixmap, rect: Rect, filter: ImageFilter, opacity: Double, level: Int32 = 6) {
        guard opacity > 0, !rect.isEmpty, rect.isFinite else { return }
        // Device pixels here are 72/dpi pt; enlarging to the drawn size in pixels keeps cells crisp.
        let pixmap = filter == .nearest ? NearestUpscale.enlarged(original, toFill: rect) : original
        let n = pixmap.width * pixmap.height
        var rgb = [UInt8](repeating: 0, count: n * 3)
        var alphaChannel = [UInt8](repeating: 255, count: n)
        let opaque = pixmap.isOpaque
        pixmap.data.withUnsafeBufferPointer { src in
            for i in 0..<n {
                let a = Int(src[4 * i + 3])
                for c in 0..<3 {
                    let v = Int(src[4 * i + c])
                    rgb[3 * i + c] = a == 255 ? UInt8(v) : a == 0 ? 0 : UInt8(min(255, (v * 255 + a / 2) / a))
                }
                alphaChannel[i] = UInt8(a)
            }
        }
        let interpolate = filter == .bilinear ? " /Interpolate true" : ""
        var smask = ""
        if !opaque {
            let maskID = document.allocate()
            document.setStream(maskID, dictionary: "/Type /XObject /Subtype /Image /Width \(pixmap.width) /Height \(pixmap.height) /ColorSpace /DeviceGray /BitsPerComponent 8\(interpolate)", data: alphaChannel, level: level)
            smask = " /SMask \(maskID) 0 R"
        }
        let id = document.allocate()
        document.setStream(id, dictionary: "/Type /XObject /Subtype /Image /Width \(pixmap.width) /Height \(pixmap.height) /ColorSpace /DeviceRGB /BitsPerComponent 8\(interpolate)\(smask)", data: rgb, level: level)
        let name = "I\(xobjects.count)"
        xobjects.append((name, id))
        content.save()
        if opacity < 1 { alpha(fill: UInt8((opacity * 255).rounded()), stroke: 255) }
        // The unit square's top row (y = 1) is the image's first row: onto the rect's top.
        content.matrix(Transform(a: rect.width, b: 0, c: 0, d: -rect.height, tx: rect.minX, ty: rect.maxY), decimals: 3)
        content.op(" cm /"); content.op(name); content.op(" Do\n")
        content.restore()
    }
}

/// What makes two marker sets draw the same mark: one Form XObject serves both.
struct MarkerKey: Hashable {
    var shape: Path
    var fill: Color?
    var stroke: StrokeStyle?
    var strokeColor: Color?
}
