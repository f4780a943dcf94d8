import PNG
import Raster
import Scene

/// Turns a Scene into the bytes of one output format: the one place where the format decides
/// which player draws the scene.
public enum FigureEncoder {
    /// The encoded figure. PNG draws with `player` (its rasterizer and glyph cache); SVG and PDF
    /// use only its fonts, laying text out exactly as the PNG does. `dpi` sizes the PDF page;
    /// `rasterize` says which dense series SVG and PDF may embed as images (`DenseSeries`).
    public static func encode(_ scene: Scene, as format: OutputFormat, player: ScenePlayer, dpi: Double = 100,
                              rasterize: RasterizeMode = .auto, pngOptions: PNG.Options = .default) throws -> [UInt8] {
        switch format {
        case .png: return try PNG.encode(player.render(scene), options: pngOptions)
        case .svg: return try SVGWriter.encode(scene, fonts: player.fonts, rasterize: rasterize)
        case .pdf: return try PDFWriter.encode(scene, fonts: player.fonts, dpi: dpi, rasterize: rasterize)
        }
    }
}
