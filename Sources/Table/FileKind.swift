import FoundationEssentials
import RunLogs
import Platform

/// A kind of input file: how it is recognized (extension, file name, first bytes) and which
/// reader turns it into a `DataTable`. `FileKind.all` is the one table of kinds that `render`,
/// `watch` and `report` consult; adding a format is one line there.
///
/// Kinds without a reader are formats recognized only to say what a file is (`Parquet file`),
/// so that an unreadable input is an error naming what was detected, never an empty figure.
public struct FileKind: Sendable, Equatable, CustomStringConvertible {
    /// Reads a whole file's bytes (`path` names it in messages).
    public typealias Reader = @Sendable (_ path: String, _ bytes: Data, _ options: CSVOptions) throws(DataError) -> DataTable

    /// What the format is called in messages (`CSV`, `TensorBoard event file`).
    public let name: String
    /// Lower-case file name extensions, without the dot.
    public let extensions: [String]
    /// Extensions read when a file is named on its own but not picked up in a folder (`.txt`).
    let namedOnly: [String]
    /// Recognizes a file name (for names without an extension, such as event files).
    let nameTest: (@Sendable (String) -> Bool)?
    /// Recognizes the first bytes of the content (magic numbers, framing).
    let sniff: (@Sendable (UnsafeRawBufferPointer) -> Bool)?
    /// The reader, or nil for a format that is only recognized.
    let reader: Reader?

    /// A kind; give `reader` nil for a format that is recognized but not read.
    public init(_ name: String, extensions: [String] = [], namedOnly: [String] = [], names: (@Sendable (String) -> Bool)? = nil,
                magic: (@Sendable (UnsafeRawBufferPointer) -> Bool)? = nil, reader: Reader?) {
        self.name = name
        self.extensions = extensions
        self.namedOnly = namedOnly
        self.nameTest = names
        self.sniff = magic
        self.reader = reader
    }

    /// True when plotline reads this kind.
    public var isReadable: Bool { reader != nil }

    public var description: String { name }

    public static func == (a: FileKind, b: FileKind) -> Bool { a.name == b.name }
}

extension FileKind {
    /// Delimited text: CSV, TSV (`.tsv`, `.tab` are tab-delimited unless told otherwise).
    public static let delimited = FileKind("CSV", extensions: ["csv", "tsv", "tab"], namedOnly: ["txt"]) { path, bytes, options throws(DataError) in
        try CSVReader.parse(bytes: bytes, source: path, options: options.forPath(path))
    }
    /// One JSON object per line.
    public static let jsonLines = FileKind("JSON Lines", extensions: ["jsonl", "ndjson"]) { path, bytes, _ throws(DataError) in
        try JSONTableReader.parse(bytes: bytes, source: path)
    }
    /// A JSON document: an array of records, or a Hugging Face `trainer_state.json`.
    public static let json = FileKind("JSON", extensions: ["json"]) { path, bytes, _ throws(DataError) in
        try JSONTableReader.parse(bytes: bytes, source: path)
    }
    /// A TensorBoard event file (`events.out.tfevents.*`, or TFRecord framing by content).
    public static let tensorBoard = FileKind(
        "TensorBoard event file", names: EventFileSet.isEventFileName, magic: TFRecordScanner.looksLikeTFRecord
    ) { path, bytes, _ throws(DataError) in
        try RunLogTables.eventTable(bytes: bytes, source: path)
    }
    /// One metric of an MLflow run (`metrics/<key>`: lines `timestamp value step`).
    public static let mlflowMetric = FileKind("MLflow metric file", magic: RunLogTables.looksLikeMLflowMetric) { path, bytes, _ throws(DataError) in
        try RunLogTables.mlflowMetricTable(bytes: bytes, source: path)
    }

    /// Every kind, in the order they are tried: names first, then content. One line per format.
    public static let all: [FileKind] = [
        .delimited, .jsonLines,
        FileKind("NumPy array", extensions: ["npy"], magic: { NpyReader.isNpy($0) }) { path, bytes, _ throws(DataError) in
            try NpyReader.parse(bytes: bytes, source: path)
        },
        .json, .tensorBoard, .mlflowMetric,
        FileKind("Parquet file", extensions: ["parquet"], magic: startsWith("PAR1"), reader: nil),
        FileKind("Arrow/Feather file", extensions: ["arrow", "feather"], magic: startsWith("ARROW1"), reader: nil),
        FileKind("HDF5 file", extensions: ["h5", "hdf5"], magic: startsWith("\u{89}HDF"), reader: nil),
        FileKind("SQLite database", extensions: ["sqlite", "db"], magic: startsWith("SQLite format 3"), reader: nil),
        FileKind("gzip-compressed file", extensions: ["gz"], magic: startsWith([0x1F, 0x8B]), reader: nil),
        FileKind("zip archive (or .xlsx)", extensions: ["zip", "xlsx"], magic: startsWith("PK\u{3}\u{4}"), reader: nil),
        FileKind("PNG image", extensions: ["png"], magic: startsWith([0x89, 0x50, 0x4E, 0x47]), reader: nil),
        FileKind("PDF document", extensions: ["pdf"], magic: startsWith("%PDF"), reader: nil),
    ]

    /// The kind a file name alone says (extension or name pattern), or nil. `inFolder` leaves
    /// out names that are read only when given on their own (`.txt`).
    public static func named(_ path: String, inFolder: Bool = false) -> FileKind? {
        let name = PathName.lastComponent(path).lowercased()
        let ext = PathName.pathExtension(name)
        return all.first { kind in
            (!ext.isEmpty && (kind.extensions.contains(ext) || (!inFolder && kind.namedOnly.contains(ext)))) || (kind.nameTest?(name) ?? false)
        }
    }

    /// True for a table file that a folder of inputs holds (for `watch`, `report` and folder
    /// runs): a readable kind by name, not a figure spec (`*.plot.json`) or a sidecar (`*.png.json`).
    public static func isTableInFolder(_ path: String) -> Bool {
        let lower = path.lowercased()
        if FolderInput.isFigureSpec(lower) || lower.hasSuffix(".png.json") { return false }
        return named(lower, inFolder: true)?.isReadable ?? false
    }

    /// The kind of a file from its name and first bytes.
    ///
    /// A readable kind named by the file is trusted unless the content is binary and a text
    /// kind was named; otherwise the content decides (magic numbers, TFRecord framing, MLflow
    /// metric lines); binary content of no known kind throws, and other text is CSV or JSON by
    /// its first byte.
    public static func detect(path: String, bytes: Data) throws(DataError) -> FileKind {
        let named = named(path)
        let isText = [FileKind.delimited, .jsonLines, .json, .mlflowMetric]
        let binary = bytes.withUnsafeBytes { binaryOffset($0) }
        if let named, named.isReadable, !(binary != nil && isText.contains(named)) { return named }
        if let sniffed = bytes.withUnsafeBytes({ raw in all.first { $0.sniff?(raw) ?? false } }) { return sniffed }
        if let named, !named.isReadable { return named }
        if let offset = binary {
            throw DataError(.unknownFormat(detected: "binary data (a \(offset.nul ? "NUL byte" : "control byte") at byte \(offset.at)); "
                                           + "plotline reads \(readableNames)"),
                            at: DataLocation(source: path))
        }
        return bytes.withUnsafeBytes(startsLikeJSON) ? .json : .delimited
    }

    /// The names of the kinds plotline reads, for messages (`CSV, JSON Lines, ... or MLflow metric file`).
    static var readableNames: String {
        let names = all.filter(\.isReadable).map(\.name)
        return names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
    }

    /// Reads the file at `path` with the reader of its kind.
    public static func read(path: String, options: CSVOptions = CSVOptions()) throws(DataError) -> DataTable {
        let bytes = try FileBytes.read(path: path)
        return try read(bytes: bytes, source: path, options: options)
    }

    /// Reads bytes (a file's, or standard input's) with the reader of their kind.
    public static func read(bytes: Data, source: String, options: CSVOptions = CSVOptions()) throws(DataError) -> DataTable {
        let kind = try detect(path: source, bytes: bytes)
        guard let reader = kind.reader else {
            throw DataError(.unknownFormat(detected: "a \(kind.name)"), at: DataLocation(source: source))
        }
        return try reader(source, bytes, options)
    }

    /// A test for content starting with these bytes.
    static func startsWith(_ magic: [UInt8]) -> @Sendable (UnsafeRawBufferPointer) -> Bool {
        { raw in raw.count >= magic.count && zip(raw, magic).allSatisfy { $0.0 == $0.1 } }
    }

    /// A test for content starting with this text's scalars as bytes (Latin-1, so `\u{89}` is 0x89).
    static func startsWith(_ magic: String) -> @Sendable (UnsafeRawBufferPointer) -> Bool {
        startsWith(magic.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })
    }

    /// The first sign of binary content in the first 8 KB, or nil for text: a NUL byte, or
    /// control bytes (not tab, newline, form feed, carriage return, escape) making up more than
    /// 1 in 20 bytes. Text that is not UTF-8 (Latin-1) counts as text: its reader reports the
    /// line.
    static func binaryOffset(_ raw: UnsafeRawBufferPointer) -> (at: Int, nul: Bool)? {
        let head = UnsafeRawBufferPointer(rebasing: raw.prefix(8192))
        if let nul = head.firstIndex(of: 0) { return (nul, true) }
        var controls = 0
        var first: Int?
        for (i, b) in head.enumerated() where (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0C && b != 0x0D && b != 0x1B) || b == 0x7F {
            controls += 1
            if first == nil { first = i }
        }
        if let first, controls * 20 > head.count { return (first, false) }
        return nil
    }

    /// True when the first byte that is not white space (after a UTF-8 byte-order mark) is `{` or `[`.
    static func startsLikeJSON(_ raw: UnsafeRawBufferPointer) -> Bool {
        var i = 0
        if raw.count >= 3, raw[0] == 0xEF, raw[1] == 0xBB, raw[2] == 0xBF { i = 3 }
        while i < raw.count, raw[i] == 0x20 || raw[i] == 0x0A || raw[i] == 0x0D || raw[i] == 0x09 { i += 1 }
        return i < raw.count && (raw[i] == UInt8(ascii: "{") || raw[i] == UInt8(ascii: "["))
    }
}
