import Foundation

/// Reads any supported table file, choosing the reader from the name and the first byte.
public enum TableReader {
    /// Reads `path`: `.csv` / `.tsv` / `.tab` / `.txt` as delimited text, `.json` / `.jsonl` /
    /// `.ndjson` as JSON; other names by content, as `parse` does.
    public static func read(path: String, options: CSVOptions = CSVOptions()) throws(DataError) -> DataTable {
        try read(bytes: try FileBytes.read(path: path), source: path, options: options)
    }

    /// Reads `path` (a real path, opened without following a final link) under the name
    /// `source`, which also chooses the reader: what a confined spec reads (`ReadConfinement`).
    public static func read(path: String, source: String, options: CSVOptions = CSVOptions()) throws(DataError) -> DataTable {
        try read(bytes: try FileBytes.read(path: path, source: source, noFollow: true), source: source, options: options)
    }

    private static func read(bytes data: Data, source path: String, options: CSVOptions) throws(DataError) -> DataTable {
        let options = options.forPath(path)
        let lower = path.lowercased()
        if lower.hasSuffix(".csv") || lower.hasSuffix(".tsv") || lower.hasSuffix(".tab") || lower.hasSuffix(".txt") {
            return try CSVReader.parse(bytes: data, source: path, options: options)
        }
        if lower.hasSuffix(".json") || lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") {
            return try JSONTableReader.parse(bytes: data, source: path)
        }
        return try parse(bytes: data, source: path, options: options)
    }

    /// Parses bytes (for example standard input, source `-`), detecting JSON from the first
    /// non-blank byte (`{` or `[`) and reading CSV / TSV otherwise.
    public static func parse<Bytes: ContiguousBytes>(
        bytes: Bytes, source: String, options: CSVOptions = CSVOptions()
    ) throws(DataError) -> DataTable {
        let looksLikeJSON: Bool = bytes.withUnsafeBytes { raw in
            var i = 0
            if raw.count >= 3, raw[0] == 0xEF, raw[1] == 0xBB, raw[2] == 0xBF { i = 3 }
            while i < raw.count, raw[i] == 0x20 || raw[i] == 0x0A || raw[i] == 0x0D || raw[i] == 0x09 { i += 1 }
            return i < raw.count && (raw[i] == UInt8(ascii: "{") || raw[i] == UInt8(ascii: "["))
        }
        if looksLikeJSON { return try JSONTableReader.parse(bytes: bytes, source: source) }
        return try CSVReader.parse(bytes: bytes, source: source, options: options)
    }
}
