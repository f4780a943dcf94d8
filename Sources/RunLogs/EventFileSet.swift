#if canImport(Glibc)
import Glibc
#endif
import FoundationEssentials

/// The event files of one TensorBoard run (a folder's `events.out.tfevents.*`, or one file),
/// followed incrementally: each refresh reads only the bytes appended since the last one.
///
/// Files are read in name order (the writer puts the creation time in the name, so a resumed
/// run's files follow each other) into one `ScalarLog`. A record still being written waits for
/// the next refresh. A file that shrank or was replaced (a new inode), or a file that vanished,
/// makes the whole run read again from the start.
public struct EventFileSet: Sendable {
    /// The run folder, or the single event file.
    public let path: String
    /// Every scalar read so far.
    public private(set) var log = ScalarLog()
    /// Bytes of partial records at the ends of the files (waiting for the writer).
    public private(set) var pendingBytes = 0

    private var files: [String: FileState] = [:]

    struct FileState: Sendable {
        var device: UInt64
        var inode: UInt64
        var consumed: Int
    }

    /// A set that reads `path`: a folder (its event files) or one event file.
    public init(path: String) { self.path = path }

    /// True for a TensorBoard event file name (`events.out.tfevents.<time>.<host>...`).
    public static func isEventFileName(_ name: String) -> Bool {
        name.hasPrefix("events.out.tfevents.") || name.contains(".tfevents.")
    }

    /// The event files directly in `folder`, in name order.
    public static func eventFiles(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { isEventFileName($0) && !$0.hasPrefix(".") }.sorted().map { folder + "/" + $0 }
    }

    /// The files of this run now.
    public func currentFiles() -> [String] {
        var isFolder: Bool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder {
            return EventFileSet.eventFiles(in: path)
        }
        return [path]
    }

    /// Reads whatever was appended; returns true when the log changed (new points or a reload).
    @discardableResult
    public mutating func refresh() throws(RunLogError) -> Bool {
        let paths = currentFiles()
        var stats: [(String, stat)] = []
        for p in paths {
            var info = stat()
            guard stat(p, &info) == 0 else {
                throw RunLogError(file: p, "cannot read the file (\(String(cString: strerror(errno))))")
            }
            stats.append((p, info))
        }
        var reload = files.keys.contains { !paths.contains($0) }
        for (p, info) in stats {
            guard let known = files[p] else { continue }
            if known.device != UInt64(info.st_dev) || known.inode != UInt64(info.st_ino) || Int(info.st_size) < known.consumed {
                reload = true
            }
        }
        if reload {
            log = ScalarLog()
            files = [:]
        }
        var changed = reload
        pendingBytes = 0
        for (p, info) in stats {
            let state = files[p] ?? FileState(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), consumed: 0)
            let size = Int(info.st_size)
            var consumed = state.consumed
            if size > consumed {
                let before = log.records
                consumed += try read(p, from: consumed, count: size - consumed)
                changed = changed || log.records != before
            }
            pendingBytes += size - consumed
            files[p] = FileState(device: state.device, inode: state.inode, consumed: consumed)
        }
        return changed
    }

    /// Reads `count` bytes of `file` from `offset` and scans them; returns the bytes consumed.
    private mutating func read(_ file: String, from offset: Int, count: Int) throws(RunLogError) -> Int {
        let fd = open(file, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw RunLogError(file: file, "cannot read the file (\(String(cString: strerror(errno))))") }
        defer { close(fd) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(count, 1), alignment: 16)
        defer { buffer.deallocate() }
        var got = 0
        while got < count {
            let n = pread(fd, buffer.baseAddress! + got, count - got, off_t(offset + got))
            if n > 0 { got += n; continue }
            if n == 0 { break }  // shrank meanwhile: the next refresh reloads
            if errno == EINTR { continue }
            throw RunLogError(file: file, "cannot read the file (\(String(cString: strerror(errno))))")
        }
        return try TFRecordScanner.scan(UnsafeRawPointer(buffer.baseAddress!), count: got, baseOffset: offset, file: file, into: &log)
    }
}
