/// Why the figure server could not start: a bad address, or a socket call that failed.
public struct ServeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, in words for the user (with the system's reason when there is one).
    public var message: String

    /// An error with its message.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}
