import FoundationEssentials

/// Reads any supported table file, choosing the reader from `FileKind.all`.
public enum TableReader {
    /// Reads `path` with the reader of its `FileKind` (by name, then by content).
    public static func read(path: String, options: CSVOptions = CSVOptions()) throws(DataError) -> DataTable {
        try FileKind.read(path: path, options: options)
    }

    /// Reads `path` (a real path, opened without following a final link) under the name
    /// `source`, which also chooses the reader: what a confined spec reads (`ReadConfinement`).
    public static func read(path: String, source: String, options: CSVOptions = CSVOptions()) throws(DataError) -> DataTable {
        try FileKind.read(bytes: try FileBytes.read(path: path, source: source, noFollow: true), source: source, options: options)
    }

    /// Reads the file open as `fd` (opened by the caller without following links, see
    /// `ConfinedOpen`) under the name `source`, which chooses the reader. With `limits`, a file
    /// over `followedBytes` is an error before it is read (what `watch` reads whole).
    public static func read(fileDescriptor fd: Int32, source: String, options: CSVOptions = CSVOptions(),
                            limits: ResourceLimits? = nil) throws(DataError) -> DataTable {
        try FileKind.read(bytes: try FileBytes.read(fileDescriptor: fd, source: source, limits: limits), source: source, options: options)
    }

    /// Parses bytes (for example standard input, source `-`): a name in `source` chooses the
    /// kind as for a file; otherwise the content does (see `FileKind.detect`).
    public static func parse<Bytes: ContiguousBytes>(
        bytes: Bytes, source: String, options: CSVOptions = CSVOptions()
    ) throws(DataError) -> DataTable {
        let data = bytes as? Data ?? bytes.withUnsafeBytes { Data($0) }
        return try FileKind.read(bytes: data, source: source, options: options)
    }
}
