/// A failure the user can act on, printed by the argument parser as `Error: <message>`.
///
/// Its description is the whole message (no type name, no stack trace); the process exits
/// with status 1.
struct CLIError: Error, CustomStringConvertible {
    /// The message shown to the user.
    let description: String

    init(_ message: String) { description = message }
}
