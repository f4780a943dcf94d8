import Geometry
import Raster
import Text

/// One drawing instruction of a `Scene`, in device pixels.
public enum SceneCommand: Sendable, Equatable {
    case fill(Path, rule: FillRule, color: Color)
    case fillRect(Rect, color: Color)
    case stroke(Path, style: StrokeStyle, color: Color)
    case text(TextRun)
    case markers(MarkerSet)
    case image(Pixmap, rect: Rect, filter: ImageFilter, opacity: Double)
    case pushClip(ClipShape)
    case popClip
}

/// The region a `pushClip` restricts drawing to.
public enum ClipShape: Sendable, Equatable {
    case rect(Rect)
    case path(Path, rule: FillRule)
}

/// Many copies of one small shape: the markers of a scatter series.
public struct MarkerSet: Sendable, Equatable {
    /// The marker outline centred on (0, 0), in pixels.
    public var shape: Path
    /// Marker centres in device pixels.
    public var points: [Point]
    /// The fill colour, or nil for outline-only markers.
    public var fill: Color?
    /// The outline style, or nil for no outline.
    public var strokeStyle: StrokeStyle?
    /// The outline colour (used when `strokeStyle` is set).
    public var strokeColor: Color?

    public init(shape: Path, points: [Point], fill: Color?, strokeStyle: StrokeStyle? = nil, strokeColor: Color? = nil) {
        self.shape = shape; self.points = points; self.fill = fill
        self.strokeStyle = strokeStyle; self.strokeColor = strokeColor
    }
}
