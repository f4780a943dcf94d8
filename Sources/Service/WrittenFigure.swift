/// What the render pipeline wrote for one job: the files, the PNG's bytes and the canvas size.
///
/// Handed to a job's `RenderJob.onWritten` on the thread that wrote the files (the render
/// thread, or the job's background writer), before the queue records the render as written.
public struct WrittenFigure: Sendable {
    /// The job's output path (its key in the queue).
    public var output: String
    /// Every file written, in order: the main output first, then `alsoWrite`'s.
    public var files: [String] = []
    /// The encoded PNG, when the job wrote one (for hashing; arrays share their storage).
    public var png: [UInt8]?
    /// The size in bytes of the main output.
    public var bytes = 0
    /// The canvas width in pixels.
    public var width: Int
    /// The canvas height in pixels.
    public var height: Int
    /// What the drawing had to leave out, for the user ("left out for lack of room: 2 legends",
    /// `FigureRenderer.layout`); empty when everything was drawn.
    public var notes: [String] = []

    /// A record of a job's output before its files are written.
    public init(output: String, width: Int, height: Int) {
        self.output = output; self.width = width; self.height = height
    }
}
