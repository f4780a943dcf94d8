import Foundation

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

    /// Parses bytes (for example standard input, source `-`): a name in `source` chooses the
    /// kind as for a file; otherwise the content does (see `FileKind.detect`).
    public static func parse<Bytes: ContiguousBytes>(
        bytes: Bytes, source: String, options: CSVOptions = CSVOptions()
    ) throws(DataError) -> DataTable {
        let data = bytes as? Data ?? bytes.withUnsafeBytes { Data($0) }
        return try FileKind.read(bytes: data, source: source, options: options)
    }
}
