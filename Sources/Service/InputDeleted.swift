/// The error a watched figure records when its input file is deleted.
///
/// The last good PNG stays on disk; the sidecar turns `ok: false` with this message, so a
/// poller (the notebook helper, the browser page) can tell the figure no longer follows a file.
public struct InputDeleted: Error, CustomStringConvertible, Equatable, Sendable {
    /// The input that disappeared.
    public var path: String

    /// The error for a deleted `path`.
    public init(path: String) { self.path = path }

    public var description: String { "\(path): the input file was deleted (the figure shows its last contents)" }
}
