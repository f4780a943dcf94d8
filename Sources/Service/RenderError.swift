/// Why a request to a `RenderQueue` did not produce its file.
///
/// In every case the output file is left exactly as it was: a failed render never writes a
/// partial or empty PNG, so the previous good figure stays for whoever is watching it.
public enum RenderError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The queue was shut down before the job was submitted.
    case shutDown
    /// The job was waiting when the queue was shut down with `.cancelQueued`.
    case cancelled(output: String, version: UInt64)
    /// Building, drawing, encoding or writing the figure failed; `reason` says what and where.
    case failed(output: String, version: UInt64, reason: String)

    /// One line for logs and status files.
    public var description: String {
        switch self {
        case .shutDown:
            return "the render queue is shut down"
        case .cancelled(let output, let version):
            return "\(output) (version \(version)): cancelled by shutdown"
        case .failed(let output, let version, let reason):
            return "\(output) (version \(version)): \(reason)"
        }
    }
}
