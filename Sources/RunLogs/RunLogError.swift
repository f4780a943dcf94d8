/// A problem in a training log, naming the file, the byte offset or line, and what was expected.
///
/// Reads like a compiler diagnostic: `logs/a/events.out.tfevents.1: byte 1234: corrupt record:
/// the payload's CRC32C does not match`, or `mlruns/0/r/metrics/loss:3: expected
/// 'timestamp value step', found 'abc'`.
public struct RunLogError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file (or folder) the problem is in.
    public var file: String
    /// The byte offset of the record at fault, for binary files.
    public var offset: Int?
    /// The 1-based line at fault, for text files.
    public var line: Int?
    /// What is wrong, and what was expected.
    public var message: String

    /// Creates an error.
    public init(file: String, offset: Int? = nil, line: Int? = nil, _ message: String) {
        self.file = file
        self.offset = offset
        self.line = line
        self.message = message
    }

    /// `file: byte N: message` or `file:line: message`.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let offset { text += ": byte \(offset)" }
        return text + ": " + message
    }
}
