/// What a finished render produced for one request: the file, its size, the time, the version.
///
/// A request that was replaced while it waited (latest wins) is answered by the render of the
/// job that replaced it: `version` is then higher than `requestedVersion`, and the file holds
/// that newer state, which includes everything the request asked for.
public struct RenderResult: Sendable, Hashable {
    /// The PNG file that was written.
    public var output: String
    /// The version the request was submitted as.
    public var requestedVersion: UInt64
    /// The version that was drawn and written (≥ `requestedVersion`).
    public var version: UInt64
    /// The size of the written PNG in bytes.
    public var bytes: Int
    /// Time on the render thread: building the figure, layout, drawing, encoding, writing.
    public var milliseconds: Double
    /// The queue-wide number of this render (1 for the queue's first).
    public var sequence: Int
    /// How many renders of other outputs started while this output waited: the fairness
    /// measure. With round-robin scheduling it is below the number of outputs waiting.
    public var rendersAhead: Int

    /// True when a newer submission replaced the request before it was drawn.
    public var wasSuperseded: Bool { version != requestedVersion }

    /// A result (the queue makes these; public for tests and tools).
    public init(output: String, requestedVersion: UInt64, version: UInt64, bytes: Int,
                milliseconds: Double, sequence: Int, rendersAhead: Int) {
        self.output = output; self.requestedVersion = requestedVersion; self.version = version
        self.bytes = bytes; self.milliseconds = milliseconds; self.sequence = sequence
        self.rendersAhead = rendersAhead
    }
}
