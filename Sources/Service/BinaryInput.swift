/// The error a watched figure records when its data file holds binary bytes, not a table.
///
/// A NUL byte never occurs in CSV, TSV or JSON text; a file that has one (an image, a
/// compressed log, a gigabyte of zeros) is refused after its first 8 KB instead of being read
/// whole and reported as an empty table.
public struct BinaryInput: Error, CustomStringConvertible, Equatable, Sendable {
    /// The data file.
    public var path: String
    /// Where its first NUL byte is.
    public var offset: Int

    /// The error for `path` with a NUL byte at `offset`.
    public init(path: String, offset: Int) {
        self.path = path
        self.offset = offset
    }

    public var description: String { "\(path): a binary file, not a table (a NUL byte at offset \(offset)); no data drawn" }
}
