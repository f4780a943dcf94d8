/// The receipt for a submitted job: its output and the version it was given.
///
/// Versions count the submissions for one output, from 1, in the order the queue accepted
/// them; the highest version is the latest state, and the one the output ends at. Compare a
/// ticket with `OutputStatus.writtenVersion` to know whether the file reflects a submission.
public struct RenderTicket: Sendable, Hashable {
    /// The output path the job was submitted for.
    public var output: String
    /// This submission's version for its output (1, 2, 3, ...).
    public var version: UInt64

    /// A ticket (the queue makes these; public for tests and tools that store them).
    public init(output: String, version: UInt64) {
        self.output = output
        self.version = version
    }
}
