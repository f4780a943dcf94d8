extension RenderQueue {
    /// What to do with waiting jobs when the queue shuts down.
    public enum ShutdownMode: Sendable, Hashable {
        /// Draw every waiting job (one per output), then stop.
        case finishQueued
        /// Drop the waiting jobs (their callers get `RenderError.cancelled`); the render in
        /// progress still finishes, so no file is left half-written.
        case cancelQueued
    }
}
