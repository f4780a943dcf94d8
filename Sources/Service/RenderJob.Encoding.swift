extension RenderJob {
    /// Where a job's PNG is deflated and its files written, after the render thread drew it.
    public enum Encoding: Sendable {
        /// On the render thread, right after drawing; the pixmap is kept to draw the next figure
        /// of the same size into (live figures: `watch`, the notebook's `--serve`).
        case onRenderThread
        /// On a `BackgroundWriter`, while the render thread draws the next job (batches:
        /// `render --spec a --spec b`, `report`): deflating a simple figure takes about twice
        /// as long as drawing it, so one drawer and two writers keep two cores busy. The render
        /// thread waits when the writer is full; the job counts as rendering until it is written.
        case background(BackgroundWriter)
    }
}
