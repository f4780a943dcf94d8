// Scene: the display list between a chart model and the pixels.
//
// Design: a figure is laid out once into a flat list of drawing commands in device pixels (fill,
// stroke, rect, text run, image, markers, push/pop clip). This is the one seam between the plot
// layer and the backends, after matplotlib's `RendererBase` ("implementing draw_path alone would
// give a highly capable backend"): the chart layer never touches pixels, and layout tests compare a
// deterministic text dump of the Scene instead of images. `ScenePlayer` replays a Scene with the
// Raster and Text modules on the render thread; an SVG player could replay the same list.
//
// A Scene is a Sendable value, so it can be built on any thread and handed to the render thread.

import Geometry
import Raster
import Text

/// A figure as an ordered list of drawing commands in device pixels, with a canvas size.
public struct Scene: Sendable, Equatable {
    /// The canvas width in device pixels.
    public var width: Int
    /// The canvas height in device pixels.
    public var height: Int
    /// The colour the canvas starts with (transparent allowed).
    public var background: Color
    /// The commands in painting order: later commands draw over earlier ones.
    public private(set) var commands: [SceneCommand] = []

    public init(width: Int, height: Int, background: Color = .white) {
        self.width = width
        self.height = height
        self.background = background
    }

    /// Appends a command as it is.
    public mutating func append(_ command: SceneCommand) { commands.append(command) }

    /// Removes the commands at `indices` (positions in `commands`), keeping the others in order.
    public mutating func removeCommands(at indices: Set<Int>) {
        guard !indices.isEmpty else { return }
        commands = commands.enumerated().filter { !indices.contains($0.offset) }.map(\.element)
    }

    /// Fills a path with a colour.
    public mutating func fill(_ path: Path, color: Color, rule: FillRule = .nonZero) {
        commands.append(.fill(path, rule: rule, color: color))
    }

    /// Fills an axis-aligned rectangle (bars, backgrounds, legend frames).
    public mutating func fill(_ rect: Rect, color: Color) {
        commands.append(.fillRect(rect, color: color))
    }

    /// Strokes a path's outline.
    public mutating func stroke(_ path: Path, style: StrokeStyle, color: Color) {
        commands.append(.stroke(path, style: style, color: color))
    }

    /// Draws a run of text (see `TextRun` for anchoring and rotation).
    public mutating func text(_ run: TextRun) { commands.append(.text(run)) }

    /// Draws one marker shape (centred on the origin, in pixels) at every point.
    public mutating func markers(_ shape: Path, at points: [Point], fill: Color?, stroke: (StrokeStyle, Color)? = nil) {
        commands.append(.markers(MarkerSet(shape: shape, points: points, fill: fill,
                                           strokeStyle: stroke?.0, strokeColor: stroke?.1)))
    }

    /// Draws an image scaled into a rectangle.
    public mutating func image(_ image: Pixmap, in rect: Rect, filter: ImageFilter = .nearest, opacity: Double = 1) {
        commands.append(.image(image, rect: rect, filter: filter, opacity: opacity))
    }

    /// Restricts the following commands to a rectangle until the matching `popClip`.
    public mutating func pushClip(_ rect: Rect) { commands.append(.pushClip(.rect(rect))) }

    /// Restricts the following commands to a path until the matching `popClip`.
    public mutating func pushClip(_ path: Path, rule: FillRule = .nonZero) {
        commands.append(.pushClip(.path(path, rule: rule)))
    }

    /// Ends the innermost clip.
    public mutating func popClip() { commands.append(.popClip) }
}
