/// Where one output stands: versions submitted, drawn and written, and the last error.
///
/// Read it with `RenderQueue.status(of:)`; it is a snapshot taken under the queue's lock, so
/// the fields agree with each other. A later sidecar status file is written from this.
public struct OutputStatus: Sendable, Hashable {
    /// The output path.
    public var output: String
    /// The latest version submitted (0: none).
    public var submittedVersion: UInt64 = 0
    /// The latest version whose render finished, written or failed (0: none).
    public var renderedVersion: UInt64 = 0
    /// The version the file on disk holds, from this queue (0: none written).
    public var writtenVersion: UInt64 = 0
    /// The size of the last written PNG in bytes.
    public var bytes = 0
    /// The render-thread time of the last finished render.
    public var milliseconds = 0.0
    /// The last render's error, or nil when it wrote the file (a good write clears it).
    public var error: String?
    /// Renders finished for this output, written or failed.
    public var renders = 0
    /// Renders that failed.
    public var failures = 0
    /// True while a job for this output waits.
    public var isWaiting = false
    /// True while this output's job is being drawn.
    public var isRendering = false

    /// An output with nothing submitted yet.
    public init(output: String) { self.output = output }
}
