/// A batch of rows read from part of a growing input, and where the next read starts.
public struct TableChunk: Sendable {
    /// The rows read.
    public var table: DataTable
    /// The byte offset just after the last row read (a half-written last line is not consumed).
    public var consumed: Int
    /// The 1-based physical line number at `consumed`.
    public var nextLine: Int

    /// Creates a chunk.
    public init(table: DataTable, consumed: Int, nextLine: Int) {
        self.table = table
        self.consumed = consumed
        self.nextLine = nextLine
    }
}
