#if canImport(Glibc)
import Glibc
#endif
import FoundationEssentials

/// Follows a growing CSV / TSV / JSON Lines file for `watch`: reads only appended bytes, leaves
/// a half-written last line for the next call, and starts over when the file shrank or was replaced.
///
/// A file is followed up to `ResourceLimits.followedBytes`; past that, `refresh` and `append`
/// throw a "too large" error naming the file and the limit before reading more (the watcher
/// then drops the reader and its memory).
///
/// Not thread-safe by itself (a value type); the watcher owns one per file.
public struct IncrementalTableReader: Sendable {
    /// The two line-oriented formats that can be followed.
    public enum Format: Sendable, Equatable {
        /// CSV or TSV with these options (delimiter and header detected on the first whole line).
        case csv(CSVOptions)
        /// One JSON object per line.
        case jsonLines
    }

    /// What a `refresh` found.
    public enum Change: Sendable, Equatable {
        /// Nothing new (or only part of a line).
        case unchanged
        /// This many rows were added at the end of `table`.
        case appended(rows: Int)
        /// The file shrank, was replaced (a new inode) or rewritten; `table` was read again whole.
        case reloaded
    }

    /// The file name in messages.
    public let source: String
    /// The format followed.
    public let format: Format
    /// The limits applied (`followedBytes`; the value limit for JSON Lines).
    public let limits: ResourceLimits
    /// Every row read so far.
    public private(set) var table: DataTable
    /// The offset up to which rows were read (a partial last line starts here); counted in the
    /// UTF-8 bytes read when the file is converted from a single-byte encoding.
    public private(set) var consumed = 0

    private var pending: [UInt8] = []
    private var pendingOffset = 0
    private var line = 1
    private var dialect: CSVDialect?
    private var identity: (device: UInt64, inode: UInt64)?
    /// What was read so far, to tell an append from a rewrite (see `ReadFingerprint`).
    private var fingerprint = ReadFingerprint()
    /// Whether the bytes so far end with a CR: an LF that follows completes a CRLF line end, not a blank line.
    private var afterCR = false
    /// The single-byte encoding incoming CSV bytes are converted from (the options', or
    /// Windows-1252 once a file turned out not to be UTF-8); nil: UTF-8.
    private var transcoding: TextEncoding?

    /// Creates a reader with an empty table.
    public init(source: String, format: Format, limits: ResourceLimits = .standard) {
        self.source = source
        self.format = format
        self.limits = limits
        table = DataTable(source: source, columns: [], rowCount: 0)
        if case .csv(let options) = format, let encoding = options.encoding, encoding != .utf8 { transcoding = encoding }
    }

    /// Creates a reader for `path`, choosing JSON Lines for `.jsonl` / `.ndjson` and CSV otherwise.
    /// The options are the whole-file reader's (`CSVOptions.forPath`: a `.tsv` / `.tab` name
    /// means tabs), so both read the same file the same way.
    public init(path: String, options: CSVOptions = CSVOptions(), limits: ResourceLimits = .standard) {
        let lower = path.lowercased()
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") {
            self.init(source: path, format: .jsonLines, limits: limits)
        } else {
            self.init(source: path, format: .csv(options.forPath(path)), limits: limits)
        }
    }

    /// Takes bytes appended to the input and returns the number of whole rows they completed.
    ///
    /// Lines may end with LF, CRLF or a lone CR (as `render` reads them), also when a CRLF is
    /// split between two calls.
    public mutating func append<Bytes: Sequence>(_ bytes: Bytes) throws(DataError) -> Int where Bytes.Element == UInt8 {
        var incoming = Array(bytes)
        guard !incoming.isEmpty else { return 0 }
        try limits.checkFollowed(fingerprint.length + incoming.count, source: source)
        if let offset = incoming.withUnsafeBytes(FileBytes.firstNUL) {
            throw DataError(.binary(offset: fingerprint.length + offset), at: DataLocation(source: source))
        }
        fingerprint.add(incoming)
        if let transcoding { incoming = TextTranscoder.utf8(incoming, from: transcoding) }
        if afterCR, pending.count == pendingOffset, incoming.first == CSVScanner.lf {
            // The LF of a CRLF whose CR ended the last call's bytes: step over it.
            pending.append(CSVScanner.lf)
            pendingOffset += 1
            incoming.removeFirst()
        }
        pending.append(contentsOf: incoming)
        afterCR = pending.last == CSVScanner.cr
        let chunk: TableChunk
        switch format {
        case .csv(let options):
            if dialect == nil {
                guard let found = try CSVReader.detectDialect(bytes: pending, source: source, options: options, complete: false) else {
                    return 0
                }
                dialect = found
                line = found.dataLine
                pendingOffset = found.dataOffset
            }
            chunk = try CSVReader.parse(
                bytes: pending, from: pendingOffset, line: line, dialect: dialect!, source: source, options: options, complete: false)
            // The first rows decide a column's date order or thousands separator for all later ones.
            dialect!.conventions.merge(chunk.table.readConventions) { kept, _ in kept }
        case .jsonLines:
            // Times in appended lines are shown at the UTC offset the first lines chose.
            chunk = try JSONTableReader.parseLines(bytes: pending, from: pendingOffset, line: line, source: source, complete: false,
                                                   conventions: table.readConventions)
        }
        let before = table.rowCount
        if case .jsonLines = format {
            // New keys pad every earlier row: bounded by the value limit. (A CSV's values are
            // bounded by its bytes and its columns by the header, checked on detection.)
            try table.appendChecked(chunk.table, limits: limits)
        } else if case .csv(let options) = format, let dialect {
            // Typed again with the dialect the rows were read with, as the whole-file reader types them.
            table.append(chunk.table, cells: dialect.cells(options))
        } else {
            table.append(chunk.table)
        }
        consumed += chunk.consumed
        line = chunk.nextLine
        pending.removeFirst(chunk.consumed)
        pendingOffset = 0
        return table.rowCount - before
    }

    /// Whether the encoding is left to detection (CSV without an `encoding` option).
    private var isDetectingEncoding: Bool {
        if case .csv(let options) = format { return options.encoding == nil }
        return false
    }

    /// Reads whatever is new in the file at `path`.
    ///
    /// A missing file throws `.unreadable`. A file that was replaced (another device or inode),
    /// is now shorter than what was read, or no longer holds the bytes read (a rewrite in place
    /// that kept the start and grew, see `ReadFingerprint`) is read again from the start
    /// (`.reloaded`).
    public mutating func refresh(path: String) throws(DataError) -> Change {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw DataError(.unreadable(String(cString: strerror(errno))), at: DataLocation(source: source)) }
        defer { close(fd) }
        return try refresh(fileDescriptor: fd)
    }

    /// Reads whatever is new in the file open as `fd` (see `refresh(path:)`; the watcher opens
    /// it without following links, `ConfinedOpen`). Does not close `fd`. A file over
    /// `limits.followedBytes` throws before anything more is read.
    public mutating func refresh(fileDescriptor fd: Int32) throws(DataError) -> Change {
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw DataError(.unreadable(String(cString: strerror(errno))), at: DataLocation(source: source))
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw DataError(.unreadable("not a regular file"), at: DataLocation(source: source))
        }
        let current = (UInt64(info.st_dev), UInt64(info.st_ino))
        let size = Int(info.st_size)
        try limits.checkFollowed(size, source: source)
        let readSoFar = fingerprint.length  // file bytes (pending may hold them converted to UTF-8)
        var replaced = identity.map { $0 != current } ?? false
        if size < readSoFar { replaced = true }
        if !replaced, !fingerprint.matches(fileDescriptor: fd) { replaced = true }
        if replaced {
            self = IncrementalTableReader(source: source, format: format, limits: limits)
        }
        identity = current
        let start = replaced ? 0 : readSoFar
        guard size > start else { return replaced ? .reloaded : .unchanged }
        guard let bytes = ReadFingerprint.read(fd, at: start, count: size - start) else {
            // It shrank between fstat and the read: start over on the next refresh.
            self = IncrementalTableReader(source: source, format: format, limits: limits)
            throw DataError(.unreadable("the file shrank while it was read"), at: DataLocation(source: source))
        }
        let before = table.rowCount
        do {
            _ = try append(bytes)
        } catch where error.kind == .invalidUTF8 && transcoding == nil && isDetectingEncoding {
            // Not UTF-8: read the whole file again as Windows-1252, as `render` does, and say so.
            var reader = IncrementalTableReader(source: source, format: format, limits: limits)
            reader.transcoding = .windows1252
            guard let whole = ReadFingerprint.read(fd, at: 0, count: size) else { throw error }
            _ = try reader.append(whole)
            reader.identity = current
            let line = error.location.line.map { " (line \($0))" } ?? ""
            reader.table.readNotes.insert("\(source): not valid UTF-8\(line); read as Windows-1252", at: 0)
            self = reader
            return .reloaded
        }
        if replaced { return .reloaded }
        return table.rowCount > before ? .appended(rows: table.rowCount - before) : .unchanged
    }
}
